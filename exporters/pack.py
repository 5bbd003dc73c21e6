"""The briefing pack: plain, immutable data that the exporters turn into files.

The core builds a :class:`BriefingPack` from a selection of measures; the exporters
(Word, PDF) only read it. Nothing here knows about the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class PackNote:
    text: str
    author: str
    at: datetime


@dataclass(frozen=True)
class PackMeasure:
    measure_id: str
    label: str  # e.g. "（十）3"
    section_label: str  # e.g. "（十）"
    section_title: str  # e.g. "建设现代化综合交通运输体系"
    text: str
    leads: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    deadline_text: str = ""  # as typed: "2020年底前", "长期坚持", "2026-06-30"
    deadline_date: date | None = None
    status: str = "not_started"  # not_started|in_progress|done|delayed|ongoing
    status_label: str = "未启动"  # the status in Chinese, as printed
    tags: tuple[str, ...] = ()
    notes: tuple[PackNote, ...] = ()  # oldest first
    overdue: bool = False
    # Has anybody reported on this measure (a status set or a note written by a person)?
    # A measure nobody reported on prints 未填报, distinct from a reported 未启动.
    reported: bool = True


@dataclass(frozen=True)
class PackGroup:
    """Rows printed under one heading of the 分工表: a part of a document."""

    document_title: str
    heading: str  # e.g. "一、总体要求"; "" for a document without parts
    measures: tuple[PackMeasure, ...]


@dataclass(frozen=True)
class PackSummary:
    total: int
    by_status: tuple[tuple[str, int], ...]  # (status_label, count), fixed status order
    overdue: int
    by_lead: tuple[tuple[str, int], ...]  # (owner name, count), most first; "（未指定）" for none


@dataclass(frozen=True)
class BriefingPack:
    title: str
    scope: str  # in words, e.g. "牵头单位：广东省；状态：滞后"; "全部措施" for everything
    prepared_on: date
    groups: tuple[PackGroup, ...]
    summary: PackSummary
    meeting: str = ""
    meeting_date: str = ""  # as typed
    prepared_by: str = ""
    marking: str = ""  # e.g. "内部资料"; "" for none
    landscape_table: bool = False
    # What a handout shows (handout-safe defaults): notes as 进展情况 yes; tags, note
    # authors and note timestamps no.
    include_notes: bool = True
    include_tags: bool = False
    include_authors: bool = False
    include_timestamps: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def measures(self) -> tuple[PackMeasure, ...]:
        return tuple(m for g in self.groups for m in g.measures)

    @property
    def is_empty(self) -> bool:
        return not any(g.measures for g in self.groups)
