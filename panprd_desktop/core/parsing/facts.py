"""What a document itself says about a measure: the owners and deadline it names.

Filled by the parser (a trailing owner bracket such as ``（省发展改革委、公安厅）``) and by the
table readers (牵头单位 / 参与单位 / 完成时限 / 进展情况 columns). Stored as annotations whose
origin is the document, never over a value a person typed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceFacts:
    leads: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    deadline: str = ""  # as written: "2018年底前", "长期坚持"
    progress: str = ""  # a 进展情况 cell, kept as a note from the document

    @property
    def empty(self) -> bool:
        return not (self.leads or self.participants or self.deadline or self.progress)
