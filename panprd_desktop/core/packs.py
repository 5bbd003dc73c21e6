"""Building a briefing pack from a selection, and handing it to an exporter.

A selection is a search (query and/or filters), a list of measure ids, or a whole
document. The result is a plain :class:`exporters.pack.BriefingPack`; the exporters never
see the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.model import STATUSES, MeasureView
from panprd_desktop.core.search.filters import SearchFilters

if TYPE_CHECKING:
    from exporters.pack import BriefingPack, PackGroup, PackMeasure, PackSummary
    from panprd_desktop.core.library import Library

# The exporters package is imported where a pack is built, not with this module: every
# Library owns a Packs, and `panprd search` must not pay for loading the exporters (issue 13).

NO_LEAD = "（未指定）"
NOT_REPORTED = "未填报"  # nobody has reported on the measure: no status set, no note written
ROLE_WORDS = {"lead": "牵头单位", "participant": "参与单位", "any": "单位"}


@dataclass(frozen=True)
class PackOptions:
    title: str = "泛珠三角区域合作重点任务分工及进展情况"
    meeting: str = ""
    meeting_date: str = ""
    prepared_by: str = ""
    marking: str = ""
    landscape_table: bool = False
    # What a handout shows; the defaults are safe to hand out at a meeting: progress notes
    # (as 进展情况) yes; tags, who wrote a note and when, no.
    include_notes: bool = True
    include_tags: bool = False
    include_authors: bool = False
    include_timestamps: bool = False


def describe_scope(query: str = "", filters: SearchFilters | None = None, measure_ids: Sequence[str] | None = None,
                   doc_title: str = "") -> str:
    """The selection in words, as printed on the cover: ``牵头单位：广东省；状态：滞后``."""
    words: list[str] = []
    if doc_title:
        words.append(f"文档：{doc_title}")
    if measure_ids is not None:
        words.append(f"选定措施：{len(measure_ids)} 条")
    if filters is not None:
        if filters.owner:
            words.append(f"{ROLE_WORDS.get(filters.role, '单位')}：{filters.owner}")
        if filters.status:
            words.append(f"状态：{STATUSES.get(filters.status, filters.status)}")
        if filters.tag:
            words.append(f"标签：{filters.tag}")
        if filters.due_before:
            words.append(f"完成时限早于：{filters.due_before}")
        if filters.due_after:
            words.append(f"完成时限晚于：{filters.due_after}")
        if filters.overdue:
            words.append("已逾期")
    if query:
        words.append(f"检索：{query}")
    return "；".join(words) or "全部措施"


def reported(view: MeasureView) -> bool:
    """Has a person reported on this measure: a note, or a status set (and recorded in history)?

    A measure nobody touched reads 未填报 in a pack, distinct from a reported 未启动."""
    return bool(view.notes) or view.status != "not_started" or any(h.field == "status" for h in view.history)


def _pack_measure(view: MeasureView, today: date) -> PackMeasure:
    from exporters.pack import PackMeasure, PackNote

    return PackMeasure(
        measure_id=view.measure_id, label=view.label, section_label=view.section_label,
        section_title=view.section_title, text=view.text, leads=view.leads,
        participants=view.participants, deadline_text=view.deadline.text,
        deadline_date=view.deadline.date, status=view.status, status_label=view.status_label,
        tags=view.tags, notes=tuple(PackNote(n.text, n.author, n.at) for n in view.notes),
        overdue=view.is_overdue(today), reported=reported(view),
    )


class _Collector:
    """Groups and summary counts, fed a page of measure views at a time: the views (with
    their history) are dropped once turned into pack rows, so building a pack of 20,000
    measures never holds 20,000 views (issue 13)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.groups: list[PackGroup] = []
        self._current: tuple[str, str] | None = None
        self._rows: list[PackMeasure] = []
        self.total = 0
        self.overdue = 0
        self.statuses: Counter[str] = Counter()
        self.leads: Counter[str] = Counter()

    def add(self, views: Sequence[MeasureView]) -> None:
        from exporters.pack import PackGroup

        for view in views:
            key = (view.doc_title, view.part_label + view.part_title)
            if key != self._current and self._rows:
                self.groups.append(PackGroup(self._current[0], self._current[1], tuple(self._rows)))  # type: ignore[index]
                self._rows = []
            self._current = key
            self._rows.append(_pack_measure(view, self.today))
            self.total += 1
            self.overdue += view.is_overdue(self.today)
            self.statuses[view.status if reported(view) else NOT_REPORTED] += 1
            self.leads.update(view.leads or (NO_LEAD,))

    def finish(self) -> tuple[tuple[PackGroup, ...], PackSummary]:
        from exporters.pack import PackGroup, PackSummary

        if self._rows and self._current is not None:
            self.groups.append(PackGroup(self._current[0], self._current[1], tuple(self._rows)))
            self._rows = []
        summary = PackSummary(
            total=self.total,
            by_status=((NOT_REPORTED, self.statuses.get(NOT_REPORTED, 0)),
                       *((label, self.statuses.get(code, 0)) for code, label in STATUSES.items())),
            overdue=self.overdue,
            by_lead=tuple(sorted(self.leads.items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        return tuple(self.groups), summary


PAGE = 500  # measure views read (with their history) at a time while building a pack


class Packs:
    def __init__(self, library: Library) -> None:
        self._lib = library

    def selection_ids(self, *, query: str = "", filters: SearchFilters | None = None,
                      measure_ids: Sequence[str] | None = None, doc_id: str | None = None) -> list[str]:
        """Measure ids of a selection, in reading order."""
        if measure_ids is not None:
            self._lib.annotations.check_measures(measure_ids)
            order = {m: i for i, m in enumerate(self._lib.measures.ids())}
            return sorted(dict.fromkeys(measure_ids), key=lambda m: order.get(m, len(order)))
        if query or filters is not None:
            return list(self._lib.search.matching_ids(query, filters))
        return list(self._lib.measures.ids(self._lib.documents.resolve_id(doc_id) if doc_id else None))

    def build(self, options: PackOptions, *, query: str = "", filters: SearchFilters | None = None,
              measure_ids: Sequence[str] | None = None, doc_id: str | None = None,
              today: date | None = None) -> BriefingPack:
        """A briefing pack of the selection (everything when nothing is selected)."""
        from exporters.pack import BriefingPack

        today = today or date.today()
        if not options.title.strip():
            raise InvalidValue("材料标题不能为空 (empty pack title)")
        with self._lib.lock:
            ids = self.selection_ids(query=query, filters=filters, measure_ids=measure_ids, doc_id=doc_id)
            collector = _Collector(today)
            for start in range(0, len(ids), PAGE):
                collector.add(self._lib.measures.many(ids[start:start + PAGE], with_history=True))
            doc_title = self._lib.documents.info(self._lib.documents.resolve_id(doc_id)).title if doc_id else ""
        groups, summary = collector.finish()
        return BriefingPack(
            title=options.title.strip(), scope=describe_scope(query, filters, measure_ids, doc_title),
            prepared_on=today, groups=groups, summary=summary,
            meeting=options.meeting, meeting_date=options.meeting_date, prepared_by=options.prepared_by,
            marking=options.marking, landscape_table=options.landscape_table,
            include_notes=options.include_notes, include_tags=options.include_tags,
            include_authors=options.include_authors, include_timestamps=options.include_timestamps,
        )

    @staticmethod
    def export(pack: BriefingPack, out: Path, fmt: str,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
        """Write ``pack`` as .docx or .pdf (atomically); exporters' errors pass through."""
        import exporters

        if fmt not in ("docx", "pdf"):
            raise InvalidValue(f"未知的导出格式 {fmt!r} (docx|pdf)")
        writer = exporters.write_docx if fmt == "docx" else exporters.write_pdf
        return writer(pack, Path(out), progress=progress, cancelled=cancelled)
