"""The search change log of a stored document, written in one statement (migration 0008)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

_KEY = "bulk_measure_log"


@contextmanager
def measures_logged_in_bulk(conn: sqlite3.Connection, doc_id: str) -> Iterator[None]:
    """Inside the caller's transaction: measures of ``doc_id`` inserted in the block are
    logged for the search index when it ends — one ``search_changes`` row each, in insertion
    order, as the per-row trigger would have written them (0008 makes it step aside)."""
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (_KEY, doc_id))
    yield
    # measures_doc(doc_id) holds each document's rowids in order: no sort, no scan
    conn.execute("INSERT INTO search_changes(kind, key) SELECT 'measure', measure_id FROM measures"
                 " WHERE doc_id = ? ORDER BY rowid", (doc_id,))
    conn.execute("DELETE FROM meta WHERE key = ?", (_KEY,))
