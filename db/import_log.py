"""The search change log of a stored document: one row for the whole document (migration 0009)."""

from __future__ import annotations

import sqlite3


def log_imported_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Inside the import's transaction, after the document's measures: the search index
    re-reads every measure of ``doc_id`` when it next catches up — one row, however many
    measures (a per-measure trigger cost a third of storing a document)."""
    conn.execute("INSERT INTO search_changes(kind, key) VALUES ('document', ?)", (doc_id,))
