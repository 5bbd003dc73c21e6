"""Planner statistics that follow the library's growth (issue 13).

``sqlite_stat1`` is written by ANALYZE (``PRAGMA optimize`` at close runs it only for tables the
closing connection's own queries found misjudged). A library analysed while it held the guideline
alone kept "measure_owners has 61 rows" at 100,000 rows: the planner then scanned the whole table
for every page of the 分工表 and every section the reader showed (≈ 20 ms each at 300k measures,
on the window thread). This re-analyses, cheaply, the tables whose size left their statistics far
behind.
"""

from __future__ import annotations

import sqlite3

# the tables the window's reads join on; small ones are cheap to count
TABLES = ("documents", "sections", "measures", "measure_owners", "annotations", "measure_tags", "notes")
FACTOR = 10  # re-analyse when the table is 10× larger or smaller than its statistics say
ANALYSIS_LIMIT = 1000  # rows sampled per index: approximate statistics in milliseconds


def stale_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables whose recorded row count is off by :data:`FACTOR` or more (never-analysed ones are
    left alone: without statistics the planner assumes large tables, which is the safe side)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is None:
        return []
    stale = []
    for table in TABLES:
        row = conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1", (table,)).fetchone()
        if row is None or not row[0]:
            continue
        recorded = max(1, int(str(row[0]).split()[0]))
        actual = max(1, int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]))  # noqa: S608 - constant names
        if actual >= FACTOR * recorded or recorded >= FACTOR * actual:
            stale.append(table)
    return stale


def refresh_stale(conn: sqlite3.Connection) -> list[str]:
    """ANALYZE (sampled) the tables :func:`stale_tables` names; returns them."""
    stale = stale_tables(conn)
    if stale:
        conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        for table in stale:
            conn.execute(f'ANALYZE "{table}"')
    return stale
