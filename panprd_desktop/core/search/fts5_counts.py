"""Row counts the FTS5 index keeps exact itself, so a search's first check costs no count.

Before its first query, a process checks that the index still holds a row for every measure
(issue 12: an index that lost rows must not answer wrongly). Counting both sides took ≈ 10 ms
of a cold ``panprd search`` at 300k measures (issue 13), reading every page of two indexes.
Now the index file counts its own ``docmap`` rows with triggers — SQLite runs them in the
transaction that inserts or deletes, so any deletion, ours or anyone's, is counted — and
stores beside its mark how many measures the library held at that mark. While the mark is the
library's newest change, the library still holds exactly that many (every change to
``measures`` is in the change log), so comparing the two stored numbers is the same check.

An index written before these counts (or whose triggers are gone) is counted the old way
once, and counts from then on. ``panprd check`` still counts the rows themselves.
"""

from __future__ import annotations

import sqlite3

_TABLE = "CREATE TABLE IF NOT EXISTS counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL)"
# name → the statement creating it; each counts the rows its statement adds or removes
_TRIGGERS = {
    name: f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {op} ON docmap BEGIN"
          f" UPDATE counts SET n = n {step} 1 WHERE name = 'docmap'; END"
    for name, op, step in (("docmap_added", "INSERT", "+"), ("docmap_removed", "DELETE", "-"))
}
# For a new, empty index (run with its schema, before any row is added).
SCHEMA = ";\n".join([_TABLE, "INSERT OR IGNORE INTO counts(name, n) VALUES ('docmap', 0)", *_TRIGGERS.values()]) + ";\n"
MEASURES_KEY = "measures"  # meta key: the library's measure count at the index's mark


def stored(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(docmap rows as counted by the triggers, library measures at the mark), or None when
    the index does not keep them (written before, or a trigger is missing)."""
    marks = ",".join("?" * len(_TRIGGERS))
    found = conn.execute(f"SELECT COUNT(*) FROM main.sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
                         tuple(_TRIGGERS)).fetchone()[0]
    if found != len(_TRIGGERS):
        return None
    try:
        rows, measures = conn.execute(
            "SELECT (SELECT n FROM counts WHERE name = 'docmap'), (SELECT value FROM meta WHERE key = ?)",
            (MEASURES_KEY,)).fetchone()
    except sqlite3.OperationalError:  # no counts table
        return None
    if rows is None or measures is None:
        return None
    return int(rows), int(measures)


def start(conn: sqlite3.Connection, measures: int) -> None:
    """Make an index written before the counts keep them, given the library's measure count at
    its mark (just verified equal to its rows). One transaction: all of it or none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(_TABLE)
        conn.execute("INSERT OR REPLACE INTO counts(name, n) VALUES ('docmap', (SELECT COUNT(*) FROM docmap))")
        for statement in _TRIGGERS.values():
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (MEASURES_KEY, str(measures)))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
