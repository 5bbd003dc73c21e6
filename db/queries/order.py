"""Every measure id sorted by one 分工表 column, in SQL (ties keep reading order).

The keys match what the table shows: owners joined with 、 in their recorded order, the
deadline by derived date (undated last) then text, the status by the core's order, the text
itself. SQLite's BINARY collation compares UTF-8 by code point, as Python compares str.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

READING = ("d.position {0}, s.position {0}, m.position {0}")
_OWNERS = ("COALESCE((SELECT group_concat(name, '、') FROM (SELECT o.name FROM measure_owners mo"
           " JOIN owners o ON o.owner_id = mo.owner_id WHERE mo.measure_id = m.measure_id AND mo.role = '{0}'"
           " ORDER BY mo.position)), '')")


def _status_key(statuses: Sequence[str]) -> str:
    cases = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(statuses))
    return f"CASE COALESCE(a.status, 'not_started') {cases} END"


def sorted_ids(conn: sqlite3.Connection, key: str, descending: bool, statuses: Sequence[str]) -> list[str]:
    """All measure ids ordered by ``key`` (label|text|leads|participants|deadline|status)."""
    way = "DESC" if descending else "ASC"
    keys = {
        "label": [],
        "text": ["m.text"],
        "leads": [_OWNERS.format("lead")],
        "participants": [_OWNERS.format("participant")],
        "deadline": ["a.deadline_date IS NULL", "a.deadline_date", "COALESCE(a.deadline_text, '')"],
        "status": [_status_key(statuses)],
    }[key]
    order = ", ".join([f"{k} {way}" for k in keys] + [READING.format(way)])
    return [r[0] for r in conn.execute(
        "SELECT m.measure_id FROM measures m JOIN sections s ON s.section_id = m.section_id"
        " JOIN documents d ON d.doc_id = m.doc_id LEFT JOIN annotations a ON a.measure_id = m.measure_id"
        f" ORDER BY {order}")]
