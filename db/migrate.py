"""Numbered SQL migrations applied on ``PRAGMA user_version``, each in its own transaction."""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@cache
def _shipped() -> tuple[tuple[int, str, str], ...]:
    # Read once a process: every open asks for the list three times (version check, pending,
    # apply), and the files do not change under a running program.
    # The folder beside this module, not importlib.resources: that import (with tempfile,
    # zipfile) was ~4 ms of `panprd search`, and the app always runs from real files.
    found = []
    for entry in Path(__file__).with_name("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must run 1..n without gaps, got {numbers}")
    return tuple(found)


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) for every migration shipped, in order."""
    return list(_shipped())


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def pending_migrations(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    current = schema_version(conn)
    return [m for m in migrations() if m[0] > current]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Bring the schema up to date; returns the names applied. Each step is atomic."""
    applied = []
    for number, name, sql in pending_migrations(conn):
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {number};\nCOMMIT;")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
