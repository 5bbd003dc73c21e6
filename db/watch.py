"""Noticing another connection's writes: SQLite's ``PRAGMA data_version``.

The value changes whenever *another* connection commits to the database file (not on this
connection's own commits), and reading it costs nothing — a read-only window polls it to follow
the window that writes.
"""

from __future__ import annotations

import sqlite3


def data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])
