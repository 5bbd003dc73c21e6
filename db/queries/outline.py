"""The contents tree: documents → parts → sections, and measure counts per section and status."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

OutlineRow = tuple[str, str, int | None, str, str, int | None, str, str]


def outline(conn: sqlite3.Connection, doc_id: str | None = None) -> list[OutlineRow]:
    """(doc_id, doc title, part_id, part label, part title, section_id, section label, section title)
    in reading order (of one document when given); a part without sections (or a document
    without parts) has NULL ids below."""
    where, args = (" WHERE d.doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        "SELECT d.doc_id, d.title, p.part_id, COALESCE(p.label, ''), COALESCE(p.title, ''),"
        " s.section_id, COALESCE(s.label, ''), COALESCE(s.title, '')"
        " FROM documents d LEFT JOIN parts p ON p.doc_id = d.doc_id"
        " LEFT JOIN sections s ON s.part_id = p.part_id" + where +
        " ORDER BY d.position, p.position, s.position", args)]


def documents(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(doc_id, title) in reading order."""
    return [tuple(r) for r in conn.execute("SELECT doc_id, title FROM documents ORDER BY position")]  # type: ignore[misc]


def doc_status_counts(conn: sqlite3.Connection, doc_ids: Sequence[str] | None = None) -> list[tuple[str, str, int]]:
    """(doc_id, status, measures), like :func:`status_counts` per document (index measures_doc)."""
    return _counts(conn, "doc_id", doc_ids)  # type: ignore[return-value]


def status_counts(conn: sqlite3.Connection, section_ids: Sequence[int] | None = None) -> list[tuple[int, str, int]]:
    """(section_id, status, measures), counted without loading a measure: totals per section from
    the measures_section index alone, the annotated statuses from the (smaller) annotations table;
    "not started" is the rest. Twice as fast at 100k as one GROUP BY over measures ⋈ annotations."""
    return _counts(conn, "section_id", section_ids)  # type: ignore[return-value]


def _counts(conn: sqlite3.Connection, key: str, keys: Sequence[object] | None) -> list[tuple[object, str, int]]:
    assert key in ("section_id", "doc_id")  # a column name, never user input
    total_sql = f"SELECT {key}, COUNT(*) FROM measures"
    status_sql = (f"SELECT m.{key}, a.status, COUNT(*) FROM annotations a"
                  " JOIN measures m ON m.measure_id = a.measure_id WHERE a.status <> 'not_started'")
    totals: dict[object, int] = {}
    rows: list[tuple[object, str, int]] = []
    if keys is None:
        totals.update(conn.execute(total_sql + f" GROUP BY {key}"))
        rows += conn.execute(status_sql + " GROUP BY 1, 2").fetchall()
    else:
        ids = list(dict.fromkeys(keys))
        for start in range(0, len(ids), 500):
            chunk = ids[start: start + 500]
            marks = ",".join("?" * len(chunk))
            totals.update(conn.execute(total_sql + f" WHERE {key} IN ({marks}) GROUP BY {key}", chunk))
            rows += conn.execute(status_sql + f" AND m.{key} IN ({marks}) GROUP BY 1, 2", chunk).fetchall()
    started: dict[object, int] = {}
    for k, _status, n in rows:
        started[k] = started.get(k, 0) + n
    out = [(k, str(status), int(n)) for k, status, n in rows]
    out += [(k, "not_started", n - started.get(k, 0)) for k, n in totals.items() if n > started.get(k, 0)]
    return out


def section_ids_of_doc(conn: sqlite3.Connection, doc_id: str) -> list[int]:
    return [r[0] for r in conn.execute("SELECT section_id FROM sections WHERE doc_id = ?", (doc_id,))]


def places(conn: sqlite3.Connection, measure_ids: Sequence[str]) -> list[tuple[str, str, int]]:
    """(measure_id, doc_id, section_id) of the measures that exist."""
    out: list[tuple[str, str, int]] = []
    ids = list(dict.fromkeys(measure_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start: start + 500]
        marks = ",".join("?" * len(chunk))
        out += [tuple(r) for r in conn.execute(  # type: ignore[misc]
            f"SELECT measure_id, doc_id, section_id FROM measures WHERE measure_id IN ({marks})", chunk)]
    return out


def sections_of(conn: sqlite3.Connection, measure_ids: Sequence[str]) -> dict[str, int]:
    """measure_id → section_id for the measures that exist."""
    out: dict[str, int] = {}
    ids = list(dict.fromkeys(measure_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start: start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT measure_id, section_id FROM measures WHERE measure_id IN ({marks})", chunk))
    return out


def section_measure_ids(conn: sqlite3.Connection, section_id: int) -> list[str]:
    """A section's measure ids in reading order (indexed: measures_section)."""
    return [r[0] for r in conn.execute(
        "SELECT measure_id FROM measures WHERE section_id = ? ORDER BY position", (section_id,))]
