"""Plain values the core hands out: documents, measures, annotations, changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple, NewType

# re-exported: the vocabularies live in .vocab so the command line can use them without this module
from panprd_desktop.core.vocab import FIELD_LABELS as FIELD_LABELS
from panprd_desktop.core.vocab import ROLES as ROLES
from panprd_desktop.core.vocab import STATUSES as STATUSES

DocId = NewType("DocId", str)
MeasureId = NewType("MeasureId", str)


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: DocId
    title: str
    doc_no: str
    date: date | None
    sections: int
    measures: int


@dataclass(frozen=True)
class ImportResult:
    doc_id: DocId
    title: str
    sections: int
    measures: int
    existing: bool = False  # the identical text was already in the library
    parts: int = 0
    owners_from_text: int = 0  # measures whose leads/participants came from the document
    deadlines_from_text: int = 0  # measures whose deadline came from the document
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    note_id: int
    text: str
    author: str
    at: datetime
    source: str = "user"  # "document": progress stated by the imported document


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    author: str
    field: str
    before: object
    after: object
    op_id: int
    source: str = "user"  # "document": a value the imported document stated
    office: str = ""  # the office whose library made the change (exchange, issue 10); "" = unnamed


@dataclass(frozen=True)
class Deadline:
    text: str = ""
    date: date | None = None


@dataclass(frozen=True)
class MeasureView:
    """Everything known about one measure: text, place, annotation."""

    measure_id: MeasureId
    doc_id: DocId
    label: str
    text: str
    section_label: str
    section_title: str
    part_number: int
    part_title: str
    doc_title: str
    part_label: str = ""  # "四、"; "" for a document without parts
    leads: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    deadline: Deadline = Deadline()
    status: str = "not_started"
    tags: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    # Where the current leads/participants/deadline came from: "document", "user" or None
    # (no value). Filled when the view is read with its history.
    sources: dict[str, str | None] = field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    def is_overdue(self, today: date) -> bool:
        return (
            self.deadline.date is not None
            and self.deadline.date < today
            and self.status not in ("done", "ongoing")
        )


class UndoStep(NamedTuple):
    """An edit that undo (or redo) would reverse (or reapply), described for a menu."""

    op_id: int
    summary: str  # "（十）3：状态、完成时限" / "3 条措施：状态"
    target: str  # "（十）3" or "3 条措施"
    fields: tuple[str, ...]  # ("status", "deadline"): FIELD_LABELS keys


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so each panel can decide whether to refresh."""

    measure_ids: frozenset[str] = frozenset()
    documents: bool = False
    owners: bool = False
    op_id: int | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.measure_ids or self.documents or self.owners)
