"""Deleting a document: its parts, sections, measures and their annotations go by cascade."""

from __future__ import annotations

import sqlite3


def document_counts(conn: sqlite3.Connection, doc_id: str) -> tuple[str, int, int, int] | None:
    """(title, measures, annotated measures, notes) of a document, or None if there is none."""
    row = conn.execute(
        "SELECT d.title,"
        " (SELECT COUNT(*) FROM measures m WHERE m.doc_id = d.doc_id),"
        " (SELECT COUNT(DISTINCT h.measure_id) FROM history h JOIN measures m USING (measure_id)"
        "   WHERE m.doc_id = d.doc_id),"
        " (SELECT COUNT(*) FROM notes n JOIN measures m USING (measure_id) WHERE m.doc_id = d.doc_id)"
        " FROM documents d WHERE d.doc_id = ?",
        (doc_id,),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    """Delete one document (inside the caller's transaction).

    Foreign keys cascade to parts, sections, measures, owners, tags, notes, annotations and
    history; the search triggers log each deleted row. Edits left with no history (they only
    touched this document) are dropped, so undo never offers a step that does nothing.
    Incoming exchange changes whose values go with it are forgotten as well: a bundle that
    brings the document back must bring its values too, not skip them as already received.
    """
    conn.execute(
        "DELETE FROM exchange_known WHERE change_id IN (SELECT h.change_id FROM history h"
        " JOIN measures m USING (measure_id) WHERE m.doc_id = ? AND h.change_id IS NOT NULL)",
        (doc_id,),
    )
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
    conn.execute(
        "UPDATE operations SET state = 'dropped' WHERE kind = 'edit' AND state IN ('done', 'undone')"
        " AND NOT EXISTS (SELECT 1 FROM history h WHERE h.op_id = operations.op_id)"
    )
