"""What a document itself says about a measure: the owners and deadline it names.

Filled by the parser (a trailing owner bracket such as ``（省发展改革委、公安厅）``) and by the
table readers (牵头单位 / 参与单位 / 完成时限 / 进展情况 / 状态 columns). Stored as annotations whose
origin is the document, never over a value a person typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from panprd_desktop.core.normalize import fold


@dataclass(frozen=True)
class SourceFacts:
    leads: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    deadline: str = ""  # as written: "2018年底前", "长期坚持"
    progress: str = ""  # a 进展情况 cell, kept as a note from the document
    status: str = ""  # a 状态 cell as a status code ("in_progress"), see status_code()

    @property
    def empty(self) -> bool:
        return not (self.leads or self.participants or self.deadline or self.progress or self.status)


# How offices write a status in a 台账 (folded: Traditional and full-width forms match too).
_STATUS_WORDS: dict[str, str] = {
    "未启动": "not_started", "未开始": "not_started", "未开展": "not_started",
    "推进中": "in_progress", "进行中": "in_progress", "正在推进": "in_progress", "实施中": "in_progress",
    "已完成": "done", "完成": "done", "已办结": "done", "办结": "done",
    "滞后": "delayed", "延期": "delayed", "推迟": "delayed", "进度滞后": "delayed",
    "长期推进": "ongoing", "长期坚持": "ongoing", "长期": "ongoing", "持续推进": "ongoing",
}


def status_code(text: str) -> str | None:
    """``推進中`` → ``in_progress``; None for a word that names no status (a person checks it)."""
    word = fold(text).replace(" ", "").replace("\n", "").strip("。.")
    return _FOLDED.get(word) or (word if word in _CODES else None)


_FOLDED = {fold(k): v for k, v in _STATUS_WORDS.items()}
_CODES = frozenset(_STATUS_WORDS.values())
