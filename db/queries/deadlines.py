"""The deadline list: measures not done whose derived deadline date is on or before a day.

One indexed query (annotations_due, migration 0006) returns exactly the rows the deadlines
view shows — one per measure and owner — so the list never loads the library's measures.
"""

from __future__ import annotations

import sqlite3

# (owner name or None, role or None, measure_id, label, text head, deadline text, deadline date, status)
DueRow = tuple[str | None, str | None, str, str, str, str, str, str]
TEXT_HEAD = 41  # the view shows 40 characters and an ellipsis; the tooltip reads the rest on demand


def due_by(conn: sqlite3.Connection, horizon: str) -> list[DueRow]:
    """Rows due on or before ``horizon`` (ISO date), not done or ongoing; leads before participants,
    in deadline then reading order."""
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        "SELECT o.name, mo.role, m.measure_id, m.label, substr(m.text, 1, ?), a.deadline_text,"
        " a.deadline_date, a.status"
        " FROM annotations a"
        " JOIN measures m ON m.measure_id = a.measure_id"
        " JOIN sections s ON s.section_id = m.section_id"
        " JOIN documents d ON d.doc_id = m.doc_id"
        " LEFT JOIN measure_owners mo ON mo.measure_id = a.measure_id"
        " LEFT JOIN owners o ON o.owner_id = mo.owner_id"
        " WHERE a.deadline_date IS NOT NULL AND a.deadline_date <= ? AND a.status NOT IN ('done', 'ongoing')"
        " ORDER BY a.deadline_date, d.position, s.position, m.position, mo.role, mo.position",
        (TEXT_HEAD, horizon))]


def measure_text(conn: sqlite3.Connection, measure_id: str) -> str:
    row = conn.execute("SELECT text FROM measures WHERE measure_id = ?", (measure_id,)).fetchone()
    return row[0] if row else ""
