"""Removing a document from the library, after a backup that keeps its annotations.

Staff remove a document imported by mistake (or twice, under another name). Its measures'
owners, deadlines, notes and history would be lost with it, so a snapshot of the whole
library is written first (SQLite's backup API, ``<db>.backups/…-pre-remove.sqlite3``) and its
path is reported: restoring it, or opening it read-only, brings everything back.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.backup import BackupRefused, make_backup
from db.connection import transaction
from db.removal import delete_document, document_counts
from panprd_desktop.core.errors import DatabaseDamaged, InvalidValue, NotFound
from panprd_desktop.core.model import DocId
from panprd_desktop.core.recovery import damaged_message


@dataclass(frozen=True)
class RemovalResult:
    doc_id: DocId
    title: str
    measures: int
    annotated: int  # measures that had any annotation history
    notes: int
    backup: Path  # the snapshot taken just before the removal


def remove_document(conn: sqlite3.Connection, db_path: Path, doc_id: DocId, *, read_only: bool) -> RemovalResult:
    """Back up the library, then delete ``doc_id`` and everything hanging from it in one transaction."""
    if read_only:
        raise InvalidValue("资料库以只读方式打开，不能移除文档 (library is read-only)")
    counts = document_counts(conn, doc_id)
    if counts is None:
        raise NotFound(f"没有编号为 {doc_id!r} 的文档 (unknown document id)")
    try:
        backup = make_backup(conn, db_path, "pre-remove", datetime.now())
    except BackupRefused as exc:  # issue 12: a damaged library is not backed up, nor edited further
        raise DatabaseDamaged(damaged_message(db_path, exc.problems)) from None
    with transaction(conn):
        delete_document(conn, doc_id)
    title, measures, annotated, notes = counts
    return RemovalResult(doc_id, title, measures, annotated, notes, backup)
