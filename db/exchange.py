"""SQL for exchange between offices: identity, peers, known change ids, conflicts, history rows.

The core (``panprd_desktop.core.exchange``) says what it needs; these narrow functions say how.
Writers run inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

# -- identity -----------------------------------------------------------------------------


def meta_value(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else ""


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def name_unnamed_changes(conn: sqlite3.Connection, library_id: str, office: str) -> None:
    conn.execute("UPDATE history SET origin_office = ? WHERE origin_library = ? AND origin_office = ''",
                 (office, library_id))


def local_seq(conn: sqlite3.Connection) -> int:
    """This library's sequence number: the newest history row (history ids only grow)."""
    return int(conn.execute("SELECT COALESCE(MAX(history_id), 0) FROM history").fetchone()[0])


# -- peers --------------------------------------------------------------------------------


def peers(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT library_id, office, received_seq, acked_seq, last_seen_at FROM exchange_peers ORDER BY office"
    ).fetchall()


def find_peer(conn: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    """A peer by library id (or unique prefix) or office name."""
    rows = conn.execute(
        "SELECT library_id, office, received_seq, acked_seq FROM exchange_peers"
        " WHERE library_id = ? OR office = ? OR library_id LIKE ? || '%'",
        (key, key, key.replace("%", "").replace("_", "")),
    ).fetchall()
    return rows[0] if len(rows) == 1 else None


def received_seq(conn: sqlite3.Connection, library_id: str) -> int:
    row = conn.execute("SELECT received_seq FROM exchange_peers WHERE library_id = ?", (library_id,)).fetchone()
    return int(row[0]) if row else 0


def received_seqs(conn: sqlite3.Connection) -> dict[str, int]:
    return {r[0]: r[1] for r in conn.execute("SELECT library_id, received_seq FROM exchange_peers")}


def note_peer(conn: sqlite3.Connection, library_id: str, office: str, received_seq: int, acked_seq: int,
              at: str) -> None:
    """Remember a bundle from ``library_id``: watermarks only move forward."""
    conn.execute(
        "INSERT INTO exchange_peers(library_id, office, received_seq, acked_seq, last_seen_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT(library_id) DO UPDATE SET office = excluded.office,"
        " received_seq = MAX(received_seq, excluded.received_seq),"
        " acked_seq = MAX(acked_seq, excluded.acked_seq), last_seen_at = excluded.last_seen_at",
        (library_id, office, received_seq, acked_seq, at),
    )


# -- known changes ------------------------------------------------------------------------


def is_known(conn: sqlite3.Connection, change_id: str, library_id: str) -> bool:
    """Made here, or merged by an import that is not undone."""
    if conn.execute("SELECT 1 FROM history WHERE change_id = ? AND origin_library = ? LIMIT 1",
                    (change_id, library_id)).fetchone():
        return True
    return conn.execute(
        "SELECT 1 FROM exchange_known k JOIN operations o USING (op_id)"
        " WHERE k.change_id = ? AND o.state = 'done' LIMIT 1",
        (change_id,),
    ).fetchone() is not None


def mark_known(conn: sqlite3.Connection, change_id: str, op_id: int) -> None:
    conn.execute("INSERT OR IGNORE INTO exchange_known(change_id, op_id) VALUES (?, ?)", (change_id, op_id))


def measure_exists(conn: sqlite3.Connection, measure_id: str) -> bool:
    return conn.execute("SELECT 1 FROM measures WHERE measure_id = ?", (measure_id,)).fetchone() is not None


# -- operations and history ---------------------------------------------------------------


def new_import_op(conn: sqlite3.Connection, at: str, author: str, summary: str) -> int:
    # Like any new edit, an import makes what was undone unreachable for redo.
    conn.execute("UPDATE operations SET state = 'dropped' WHERE kind = 'edit' AND state = 'undone'")
    return int(conn.execute(
        "INSERT INTO operations(at, author, summary, kind) VALUES (?, ?, ?, 'edit')", (at, author, summary)
    ).lastrowid or 0)


def set_op_summary(conn: sqlite3.Connection, op_id: int, summary: str) -> None:
    conn.execute("UPDATE operations SET summary = ? WHERE op_id = ?", (summary, op_id))


def insert_history(conn: sqlite3.Connection, op_id: int, measure_id: str, at: str, author: str, field: str,
                   before: Any, after: Any, *, change_id: str | None = None, origin_library: str | None = None,
                   origin_office: str | None = None, base: Any = None, has_base: bool = False,
                   source: str = "user") -> None:
    """One history row; without ``change_id`` the trigger gives it an id and this library's origin."""
    conn.execute(
        "INSERT INTO history(op_id, measure_id, at, author, field, before, after, change_id, origin_library,"
        " origin_office, base, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (op_id, measure_id, at, author, field, _dump(before), _dump(after), change_id, origin_library,
         origin_office, _dump(base) if has_base else None, source),
    )


def history_since(conn: sqlite3.Connection, since: int, fields: Sequence[str],
                  measure_ids: Sequence[str] | None = None) -> Iterator[sqlite3.Row]:
    """History rows after local seq ``since`` (oldest first), optionally of some measures only.

    Undoing an import is local: an undone import's rows are not relayed, and the undo (or redo)
    of an import is not sent either — other offices keep what they made.
    """
    marks = ",".join("?" * len(fields))
    sql = (
        "SELECT h.history_id, h.measure_id, h.at, h.author, h.field, h.before, h.after, h.change_id,"
        " h.origin_library, h.origin_office, h.base FROM history h JOIN operations o ON o.op_id = h.op_id"
        f" WHERE h.history_id > ? AND h.field IN ({marks})"
        " AND NOT (o.kind = 'edit' AND o.state = 'undone' AND o.op_id IN (SELECT op_id FROM exchange_known))"
        " AND NOT (o.kind IN ('undo', 'redo') AND o.target IN (SELECT op_id FROM exchange_known))"
    )
    args: list[Any] = [since, *fields]
    if measure_ids is not None:
        sql += " AND h.measure_id IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(list(measure_ids)))
    yield from conn.execute(sql + " ORDER BY h.history_id", args)


def note_uid_of(conn: sqlite3.Connection, note_id: int) -> str | None:
    row = conn.execute("SELECT note_uid FROM notes WHERE note_id = ?", (note_id,)).fetchone()
    return row[0] if row else None


def note_by_uid(conn: sqlite3.Connection, uid: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT note_id, measure_id, text, author, at FROM notes WHERE note_uid = ?",
                       (uid,)).fetchone()
    if row is None:
        return None
    return {"note_id": row[0], "uid": uid, "text": row[2], "author": row[3], "at": row[4], "measure_id": row[1]}


def insert_note(conn: sqlite3.Connection, measure_id: str, uid: str, text: str, author: str, at: str,
                source: str = "user") -> int:
    return int(conn.execute(
        "INSERT INTO notes(measure_id, text, author, at, note_uid, source) VALUES (?,?,?,?,?,?)",
        (measure_id, text, author, at, uid, source),
    ).lastrowid or 0)


def same_note_text(conn: sqlite3.Connection, measure_id: str, text: str, author: str) -> bool:
    return conn.execute("SELECT 1 FROM notes WHERE measure_id = ? AND text = ? AND author = ? LIMIT 1",
                        (measure_id, text, author)).fetchone() is not None


def delete_note(conn: sqlite3.Connection, note_id: int) -> None:
    conn.execute("DELETE FROM notes WHERE note_id = ?", (note_id,))


def owner_sort_key(conn: sqlite3.Connection, name: str) -> tuple[int, int, str]:
    """Built-in owners by their vocabulary position (identical everywhere), then custom ones by name."""
    row = conn.execute("SELECT kind, position FROM owners WHERE name = ?", (name,)).fetchone()
    if row is None or row[0] == "custom":
        return (1, 0, name)
    return (0, int(row[1]), name)


def measures_of_owner(conn: sqlite3.Connection, owner_id: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT measure_id FROM measure_owners WHERE owner_id = ?", (owner_id,))]


# -- documents ----------------------------------------------------------------------------


def document_row(conn: sqlite3.Connection, doc_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()


def document_by_hash(conn: sqlite3.Connection, digest: str) -> str | None:
    row = conn.execute("SELECT doc_id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
    return row[0] if row else None


# -- conflicts ----------------------------------------------------------------------------

# Open: never settled, or settled by an operation that has since been undone.
_OPEN = ("(c.state = 'open' OR (SELECT r.state FROM operations r WHERE r.op_id = c.resolved_op)"
         " IN ('undone', 'dropped'))")
_CONFLICT_COLUMNS = ("conflict_id, measure_id, field, base, ours, theirs, theirs_change, theirs_author,"
                     " theirs_at, theirs_office, theirs_library, c.op_id,"
                     f" CASE WHEN {_OPEN} THEN 'open' ELSE 'resolved' END AS state, resolution")


def open_conflict(conn: sqlite3.Connection, measure_id: str, field: str) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {_CONFLICT_COLUMNS} FROM exchange_conflicts c JOIN operations o USING (op_id)"
        f" WHERE {_OPEN} AND o.state = 'done' AND measure_id = ? AND field = ?",
        (measure_id, field),
    ).fetchone()


def open_conflicts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Open conflicts of imports that are not undone, in the order they were found."""
    return conn.execute(
        f"SELECT {_CONFLICT_COLUMNS} FROM exchange_conflicts c JOIN operations o USING (op_id)"
        f" WHERE {_OPEN} AND o.state = 'done' ORDER BY c.rowid"
    ).fetchall()


def conflict_by_id(conn: sqlite3.Connection, conflict_id: str) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT {_CONFLICT_COLUMNS} FROM exchange_conflicts c WHERE conflict_id = ? OR conflict_id LIKE ? || '%'",
        (conflict_id, conflict_id.replace("%", "").replace("_", "")),
    ).fetchall()


def upsert_conflict(conn: sqlite3.Connection, conflict_id: str, measure_id: str, field: str, base: Any,
                    ours: Any, theirs: Any, change: dict[str, str], op_id: int) -> str:
    """Record a conflict; a newer disagreement on the same field replaces theirs in the open one."""
    existing = open_conflict(conn, measure_id, field)
    if existing is not None:
        conn.execute(
            "UPDATE exchange_conflicts SET theirs = ?, ours = ?, theirs_change = ?, theirs_author = ?,"
            " theirs_at = ?, theirs_office = ?, theirs_library = ? WHERE conflict_id = ?",
            (_dump(theirs), _dump(ours), change["id"], change["author"], change["at"], change["office"],
             change["library"], existing[0]),
        )
        return str(existing[0])
    conn.execute(
        "INSERT INTO exchange_conflicts(conflict_id, measure_id, field, base, ours, theirs, theirs_change,"
        " theirs_author, theirs_at, theirs_office, theirs_library, op_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (conflict_id, measure_id, field, _dump(base), _dump(ours), _dump(theirs), change["id"], change["author"],
         change["at"], change["office"], change["library"], op_id),
    )
    return conflict_id


def close_conflict(conn: sqlite3.Connection, conflict_id: str, resolution: str, op_id: int) -> None:
    """Settled by ``op_id``: undoing that operation opens the conflict again."""
    conn.execute("UPDATE exchange_conflicts SET state = 'resolved', resolution = ?, resolved_op = ?"
                 " WHERE conflict_id = ?", (resolution, op_id, conflict_id))


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
