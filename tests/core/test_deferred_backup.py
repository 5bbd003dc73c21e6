"""Issue 13: the window opens the library without writing the daily snapshot first (seconds on a
big library); its worker writes it right after start-up."""

from __future__ import annotations

import os
import time
from pathlib import Path

from db.backup import backup_dir
from panprd_desktop.core.library import Library


def _age(folder: Path) -> None:
    for f in folder.glob("*.sqlite3"):
        os.utime(f, (time.time() - 2 * 86400, time.time() - 2 * 86400))


def test_deferred_daily_backup_is_written_by_backup_if_due(db_path: Path) -> None:
    Library(db_path).close()
    folder = backup_dir(db_path)
    _age(folder)
    before = set(folder.glob("*.sqlite3"))
    with Library(db_path, defer_backup=True) as lib:
        assert set(folder.glob("*.sqlite3")) == before  # opening wrote nothing
        assert lib.backup_if_due() is True
        new = set(folder.glob("*-daily.sqlite3")) - before
        assert len(new) == 1
        assert lib.backup_if_due() is False  # not due again today
    with Library(db_path, read_only=True) as ro:
        assert ro.backup_if_due() is False
