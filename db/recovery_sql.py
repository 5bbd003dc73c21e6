"""The SQL behind recovery: generation ids, change-log nonces, stored counts, text checks.

Narrow functions over a plain ``sqlite3.Connection`` so the core says what it needs and
this module says how (see ARCHITECTURE.md, "SQL lives in the storage layer").
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Callable
from datetime import date, datetime

# Tables whose TEXT must decode for the app to work; derived/bookkeeping tables are
# checked too — a row that cannot be read breaks whatever reads it.
_SKIP_TABLES = ("sqlite_",)


def record_counts(conn: sqlite3.Connection, doc_id: str, parts: int, sections: int, measures: int) -> None:
    """Remember how much of a document was stored (inside the caller's transaction)."""
    conn.execute(
        "INSERT OR REPLACE INTO document_counts(doc_id, parts, sections, measures) VALUES (?, ?, ?, ?)",
        (doc_id, parts, sections, measures),
    )


def generation(conn: sqlite3.Connection) -> str:
    """The random id of this copy's history ('' before migration 0005)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    except sqlite3.OperationalError:
        return ""
    return str(row[0]) if row else ""


def new_generation(conn: sqlite3.Connection) -> str:
    """Give this database a new history id (caller holds the transaction)."""
    import secrets  # on use: it loads hashlib/hmac, start-up time `panprd search` never needs

    value = secrets.token_hex(16)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", (value,))
    return value


def change_nonce(conn: sqlite3.Connection, seq: int) -> int | None:
    """The random nonce of change-log row ``seq`` (None if there is no such row)."""
    if seq <= 0:
        return 0
    try:
        row = conn.execute("SELECT nonce FROM search_changes WHERE seq = ?", (seq,)).fetchone()
    except sqlite3.OperationalError:  # a schema before 0005 has no nonce column
        row = conn.execute("SELECT 0 FROM search_changes WHERE seq = ?", (seq,)).fetchone()
    return int(row[0]) if row else None


class Summary(namedtuple("Summary", "documents measures annotations notes")):
    """What a library file holds, for listing backups (four ints).
    (A named tuple, not a dataclass: opening a library — every ``panprd search`` — loads this module,
    and ``dataclasses`` costs ≈ 10 ms there; issue 13.)"""

    __slots__ = ()


def summary(conn: sqlite3.Connection) -> Summary:
    def count(table: str) -> int:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608 - constant names

    return Summary(count("documents"), count("measures"), count("annotations"), count("notes"))


def undecodable_text(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Rows whose TEXT is not valid UTF-8 ('table rowid N column C'). ``PRAGMA integrity_check``
    does not look inside values; Python's sqlite3 raises on such a row and the app breaks."""
    problems: list[str] = []
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table in tables:
            if table.startswith(_SKIP_TABLES):
                continue
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            cursor = conn.execute(f'SELECT rowid, * FROM "{table}"')
            for row in cursor:
                for name, value in zip(columns, row[1:], strict=False):
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            problems.append(f"{table} rowid {row[0]} column {name}: text is not valid UTF-8")
                            if len(problems) >= limit:
                                return problems
    finally:
        conn.text_factory = previous
    return problems


def incomplete_documents(conn: sqlite3.Connection) -> list[str]:
    """Documents whose parts/sections/measures differ from what was stored."""
    rows = conn.execute("""
        SELECT d.doc_id, c.parts, c.sections, c.measures,
               (SELECT COUNT(*) FROM parts p WHERE p.doc_id = d.doc_id),
               (SELECT COUNT(*) FROM sections s WHERE s.doc_id = d.doc_id),
               (SELECT COUNT(*) FROM measures m WHERE m.doc_id = d.doc_id)
        FROM documents d LEFT JOIN document_counts c ON c.doc_id = d.doc_id""").fetchall()
    problems = []
    for doc_id, parts, sections, measures, have_parts, have_sections, have_measures in rows:
        if parts is None:
            problems.append(f"document {doc_id}: stored counts are missing")
        elif (parts, sections, measures) != (have_parts, have_sections, have_measures):
            problems.append(f"document {doc_id}: incomplete — stored {parts}/{sections}/{measures}"
                            f" parts/sections/measures, found {have_parts}/{have_sections}/{have_measures}")
    return problems


def inconsistent_history(conn: sqlite3.Connection) -> list[str]:
    """Annotations, history and operations that do not fit together."""
    checks = (
        ("history rows pointing at a missing operation",
         "SELECT COUNT(*) FROM history h WHERE NOT EXISTS (SELECT 1 FROM operations o WHERE o.op_id = h.op_id)"),
        ("undo/redo operations without their target",
         "SELECT COUNT(*) FROM operations WHERE kind <> 'edit' AND (target IS NULL OR NOT EXISTS"
         " (SELECT 1 FROM operations t WHERE t.op_id = operations.target))"),
        ("annotations of missing measures",
         "SELECT COUNT(*) FROM annotations a WHERE NOT EXISTS"
         " (SELECT 1 FROM measures m WHERE m.measure_id = a.measure_id)"),
        ("notes of missing measures",
         "SELECT COUNT(*) FROM notes n WHERE NOT EXISTS (SELECT 1 FROM measures m WHERE m.measure_id = n.measure_id)"),
        ("measures whose section belongs to another document",
         "SELECT COUNT(*) FROM measures m JOIN sections s ON s.section_id = m.section_id WHERE s.doc_id <> m.doc_id"),
        ("annotations with an unknown status",
         "SELECT COUNT(*) FROM annotations WHERE status NOT IN"
         " ('not_started', 'in_progress', 'done', 'delayed', 'ongoing')"),
    )
    problems = []
    for label, sql in checks:
        n = conn.execute(sql).fetchone()[0]
        if n:
            problems.append(f"{label}: {n}")
    return problems


def _json(value: str) -> object:
    import json  # on use: opening a library (every `panprd search`) does not verify (issue 13)

    return json.loads(value)


# (table, column, parser): values the app parses on every read of the row. A flipped bit in
# one of them passes integrity_check and decodes as UTF-8, and then breaks the reader.
_PARSED: tuple[tuple[str, str, Callable[[str], object]], ...] = (
    ("documents", "date", date.fromisoformat),
    ("annotations", "deadline_date", date.fromisoformat),
    ("notes", "at", datetime.fromisoformat),
    ("history", "at", datetime.fromisoformat),
    ("history", "before", _json),
    ("history", "after", _json),
    ("documents", "warnings", _json),
)


def unparsable_values(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """Dates, times and JSON the app parses when it reads a row, checked the same way."""
    problems: list[str] = []
    for table, column, parse in _PARSED:
        # An older schema may lack the column; ask first — SQLite would read a quoted
        # unknown column name as a string literal.
        if column not in {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}:
            continue
        rows = conn.execute(f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL')  # noqa: S608
        for rowid, value in rows:
            try:
                parse(value)
            except (ValueError, TypeError):
                problems.append(f"{table} rowid {rowid} column {column}: unreadable value {str(value)[:40]!r}")
                if len(problems) >= limit:
                    return problems
    return problems
