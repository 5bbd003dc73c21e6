"""Rotating backups with SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

KEEP = 7


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def make_backup(conn: sqlite3.Connection, db_path: Path, reason: str, now: datetime) -> Path:
    """Write a consistent snapshot beside the database and drop all but the newest KEEP."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    partial.replace(target)
    snapshots = sorted(folder.glob(f"{db_path.stem}-*.sqlite3"))
    for old in snapshots[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def latest_backup(db_path: Path) -> datetime | None:
    snapshots = sorted(backup_dir(db_path).glob(f"{db_path.stem}-*.sqlite3"))
    if not snapshots:
        return None
    return datetime.fromtimestamp(snapshots[-1].stat().st_mtime)


def backup_due(db_path: Path, now: datetime) -> bool:
    last = latest_backup(db_path)
    return last is None or now - last >= timedelta(days=1)
