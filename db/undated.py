"""Deadlines written as text that names no date (``下周三``, ``尽快``): the 无法识别 group.

They are kept as written, but no date means they never appear among overdue or due-soon
measures; the deadlines view lists them apart so they are not forgotten. Done and ongoing
(长期推进) measures are left out, as in the dated groups.
"""

from __future__ import annotations

import sqlite3


def undated_deadlines(conn: sqlite3.Connection, limit: int = 1000) -> list[tuple[str, str, str]]:
    """``(measure_id, label, deadline_text)`` in reading order, at most ``limit`` rows."""
    sql = ("SELECT m.measure_id, m.label, a.deadline_text FROM annotations a"
           " JOIN measures m USING (measure_id) JOIN documents d USING (doc_id)"
           " JOIN sections s ON s.section_id = m.section_id"
           " WHERE a.deadline_text != '' AND a.deadline_date IS NULL"
           " AND a.status NOT IN ('done', 'ongoing')"
           " ORDER BY d.position, s.position, m.position LIMIT ?")
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, (limit,))]
