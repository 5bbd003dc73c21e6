"""The search change log of a stored document, written in one statement (migration 0008)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

_KEY = "bulk_measure_log"


@contextmanager
def measures_logged_in_bulk(conn: sqlite3.Connection, doc_id: str) -> Iterator[None]:
    """Inside the caller's transaction: measures of ``doc_id`` inserted in the block are
    logged for the search index when it ends — one ``search_changes`` row each, in insertion
    order, as the per-row trigger would have written them (0008 makes it step aside).

    Also when the block raises: a caller that went on and committed would otherwise keep
    measures the index never hears of, and the switch that silences the trigger."""
    after = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM measures").fetchone()[0]
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (_KEY, doc_id))
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back by itself (a full disk): nothing to log
            with contextlib.suppress(sqlite3.Error):  # never hide the error that got us here
                _log(conn, doc_id, after)
        raise
    _log(conn, doc_id, after)


def _log(conn: sqlite3.Connection, doc_id: str, after: int) -> None:
    # Only the rows inserted in the block; measures_doc(doc_id) holds each document's rowids in
    # order: a range, no sort, no scan.
    conn.execute("INSERT INTO search_changes(kind, key) SELECT 'measure', measure_id FROM measures"
                 " WHERE doc_id = ? AND rowid > ? ORDER BY rowid", (doc_id, after))
    conn.execute("DELETE FROM meta WHERE key = ?", (_KEY,))
