"""Reading measures with their place in the document and their annotation."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from panprd_desktop.core.errors import NotFound
from panprd_desktop.core.model import Deadline, DocId, HistoryEntry, MeasureId, MeasureView, Note
from panprd_desktop.core.provenance import value_sources
from panprd_desktop.core.storage_errors import damage_guard

_BASE = """
SELECT m.measure_id, m.doc_id, m.label, m.text, s.label, s.title, p.number, p.title, d.title, p.label,
       COALESCE(a.deadline_text, ''), a.deadline_date, COALESCE(a.status, 'not_started')
FROM measures m
JOIN sections s ON s.section_id = m.section_id
JOIN parts p ON p.part_id = s.part_id
JOIN documents d ON d.doc_id = m.doc_id
LEFT JOIN annotations a ON a.measure_id = m.measure_id
"""
_ORDER = " ORDER BY d.position, s.position, m.position"


class Measures:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @damage_guard
    def ids(self, doc_id: str | None = None) -> list[MeasureId]:
        """Every measure id in reading order (optionally of one document)."""
        sql = ("SELECT m.measure_id FROM measures m JOIN documents d USING (doc_id)"
               " JOIN sections s ON s.section_id = m.section_id")
        args: tuple[str, ...] = ()
        if doc_id:
            sql += " WHERE m.doc_id = ?"
            args = (doc_id,)
        return [MeasureId(r[0]) for r in self._conn.execute(sql + _ORDER, args)]

    @damage_guard
    def get(self, measure_id: str, *, with_history: bool = True) -> MeasureView:
        views = self.many([measure_id], with_history=with_history)
        if not views:
            raise NotFound(f"没有编号为 {measure_id!r} 的措施 (unknown measure id)")
        return views[0]

    @damage_guard
    def many(self, measure_ids: Sequence[str], *, with_history: bool = False) -> list[MeasureView]:
        """Views of ``measure_ids`` in the order given; unknown ids are skipped."""
        out: dict[str, MeasureView] = {}
        ids = list(dict.fromkeys(measure_ids))
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(_BASE + f" WHERE m.measure_id IN ({marks})", chunk).fetchall()
            owners = self._owners(chunk)
            tags = self._grouped(f"SELECT measure_id, tag FROM measure_tags WHERE measure_id IN ({marks})"
                                 " ORDER BY tag", chunk)
            notes = self._notes(chunk, marks)
            history = self._history(chunk, marks) if with_history else {}
            for r in rows:
                mid = r[0]
                out[mid] = MeasureView(
                    measure_id=MeasureId(mid), doc_id=DocId(r[1]), label=r[2], text=r[3],
                    section_label=r[4], section_title=r[5], part_number=r[6], part_title=r[7],
                    doc_title=r[8],
                    leads=tuple(owners.get((mid, "lead"), ())),
                    participants=tuple(owners.get((mid, "participant"), ())),
                    part_label=r[9],
                    deadline=Deadline(r[10], date.fromisoformat(r[11]) if r[11] else None),
                    status=r[12], tags=tuple(tags.get(mid, ())), notes=tuple(notes.get(mid, ())),
                    history=tuple(history.get(mid, ())),
                )
                if with_history:
                    view = out[mid]
                    view.sources.update(value_sources(self._conn, mid, {
                        "leads": list(view.leads), "participants": list(view.participants),
                        "deadline": {"text": r[10], "date": r[11]},
                        "status": r[12],
                    }))
        return [out[m] for m in ids if m in out]

    def _grouped(self, sql: str, args: Sequence[str]) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for key, value in self._conn.execute(sql, args):
            grouped.setdefault(key, []).append(value)
        return grouped

    def _owners(self, ids: Sequence[str]) -> dict[tuple[str, str], list[str]]:
        marks = ",".join("?" * len(ids))
        grouped: dict[tuple[str, str], list[str]] = {}
        for mid, role, name in self._conn.execute(
            "SELECT mo.measure_id, mo.role, o.name FROM measure_owners mo JOIN owners o USING (owner_id)"
            f" WHERE mo.measure_id IN ({marks}) ORDER BY mo.position",
            ids,
        ):
            grouped.setdefault((mid, role), []).append(name)
        return grouped

    def _notes(self, ids: Sequence[str], marks: str) -> dict[str, list[Note]]:
        grouped: dict[str, list[Note]] = {}
        for mid, nid, text, author, at, source in self._conn.execute(
            f"SELECT measure_id, note_id, text, author, at, source FROM notes WHERE measure_id IN ({marks})"
            " ORDER BY at, note_id",
            ids,
        ):
            grouped.setdefault(mid, []).append(Note(nid, text, author, datetime.fromisoformat(at), source))
        return grouped

    def _history(self, ids: Sequence[str], marks: str) -> dict[str, list[HistoryEntry]]:
        grouped: dict[str, list[HistoryEntry]] = {}
        for mid, at, author, field, before, after, op_id, source, office in self._conn.execute(
            "SELECT measure_id, at, author, field, before, after, op_id, source, COALESCE(origin_office, '')"
            " FROM history"
            f" WHERE measure_id IN ({marks})"
            " ORDER BY history_id",
            ids,
        ):
            grouped.setdefault(mid, []).append(
                HistoryEntry(datetime.fromisoformat(at), author, field, json.loads(before), json.loads(after), op_id,
                             source, office)
            )
        return grouped
