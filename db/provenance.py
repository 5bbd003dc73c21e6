"""SQL for values that come from a source document (owner brackets, table columns).

The core decides what to write (core/provenance.py); these functions say how. All run
inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

DOCUMENT = "document"
USER = "user"


def new_import_op(conn: sqlite3.Connection, at: str, author: str, summary: str) -> int:
    """An operation for an import's values: in history, never offered to undo (state 'dropped')."""
    return int(conn.execute(
        "INSERT INTO operations(at, author, summary, kind, state) VALUES (?, ?, ?, 'edit', 'dropped')",
        (at, author, summary),
    ).lastrowid or 0)


def has_owners(conn: sqlite3.Connection, measure_id: str, role: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM measure_owners WHERE measure_id = ? AND role = ? LIMIT 1", (measure_id, role)
    ).fetchone() is not None


def add_owners(conn: sqlite3.Connection, measure_id: str, role: str, owner_ids: Sequence[int]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO measure_owners(measure_id, role, owner_id, position) VALUES (?,?,?,?)",
        [(measure_id, role, owner_id, position) for position, owner_id in enumerate(owner_ids)],
    )


def deadline_text(conn: sqlite3.Connection, measure_id: str) -> str:
    row = conn.execute("SELECT deadline_text FROM annotations WHERE measure_id = ?", (measure_id,)).fetchone()
    return row[0] if row else ""


def set_deadline(conn: sqlite3.Connection, measure_id: str, text: str, iso: str | None, at: str) -> None:
    conn.execute(
        "INSERT INTO annotations(measure_id, deadline_text, deadline_date, updated_at) VALUES (?,?,?,?)"
        " ON CONFLICT(measure_id) DO UPDATE SET deadline_text = excluded.deadline_text,"
        " deadline_date = excluded.deadline_date, updated_at = excluded.updated_at",
        (measure_id, text, iso, at),
    )


def status(conn: sqlite3.Connection, measure_id: str) -> str:
    row = conn.execute("SELECT status FROM annotations WHERE measure_id = ?", (measure_id,)).fetchone()
    return row[0] if row and row[0] else "not_started"


def set_status(conn: sqlite3.Connection, measure_id: str, code: str, at: str) -> None:
    conn.execute(
        "INSERT INTO annotations(measure_id, status, updated_at) VALUES (?,?,?)"
        " ON CONFLICT(measure_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
        (measure_id, code, at),
    )


def add_note(conn: sqlite3.Connection, measure_id: str, text: str, author: str, at: str) -> int:
    return int(conn.execute(
        "INSERT INTO notes(measure_id, text, author, at, source) VALUES (?,?,?,?,?)",
        (measure_id, text, author, at, DOCUMENT),
    ).lastrowid or 0)


def record(conn: sqlite3.Connection, op_id: int, measure_id: str, at: str, author: str, field: str,
           before: Any, after: Any) -> None:
    """One history row for a value the document gave."""
    conn.execute(
        "INSERT INTO history(op_id, measure_id, at, author, field, before, after, source)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (op_id, measure_id, at, author, field, json.dumps(before, ensure_ascii=False),
         json.dumps(after, ensure_ascii=False), DOCUMENT),
    )


def document_values(conn: sqlite3.Connection, measure_ids: Sequence[str]) -> dict[tuple[str, str], Any]:
    """(measure_id, field) → the value the document gave (the newest such history row)."""
    out: dict[tuple[str, str], Any] = {}
    ids = list(measure_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for mid, field, after in conn.execute(
            f"SELECT measure_id, field, after FROM history WHERE source = 'document'"  # noqa: S608
            f" AND measure_id IN ({marks}) ORDER BY history_id",
            chunk,
        ):
            out[(mid, field)] = json.loads(after)
    return out


def import_summary(conn: sqlite3.Connection, doc_id: str) -> tuple[int, int, int, tuple[str, ...]]:
    """What an import of ``doc_id`` found: (parts, measures with owners from the document,
    measures with a deadline from it, the warnings)."""
    parts, warnings = conn.execute(
        "SELECT (SELECT COUNT(*) FROM parts WHERE doc_id = ?), warnings FROM documents WHERE doc_id = ?",
        (doc_id, doc_id),
    ).fetchone()
    row = conn.execute(
        "SELECT COUNT(DISTINCT CASE WHEN h.field IN ('leads', 'participants') THEN h.measure_id END),"
        " COUNT(DISTINCT CASE WHEN h.field = 'deadline' THEN h.measure_id END)"
        " FROM history h JOIN measures m USING (measure_id) WHERE m.doc_id = ? AND h.source = 'document'",
        (doc_id,),
    ).fetchone()
    return int(parts), int(row[0]), int(row[1]), tuple(json.loads(warnings or "[]"))
