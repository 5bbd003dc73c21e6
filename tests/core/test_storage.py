"""Storage safety: schema on user_version, WAL, foreign keys, one writer, backups."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.backup import backup_dir
from db.migrate import migrations
from panprd_desktop.core.errors import DatabaseDamaged, LibraryLocked
from panprd_desktop.core.library import Library
from tests.conftest import REPO


def test_first_open_creates_schema_and_loads_the_guideline(library, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    [doc] = library.documents.list()
    assert (doc.sections, doc.doc_no) == (35, "国发〔2016〕18号")
    assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_default_path_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sub" / "env.sqlite3"
    monkeypatch.setenv("PANPRD_DB", str(target))
    with Library() as lib:
        assert lib.path == target and target.exists()


def test_guideline_is_loaded_once(db_path: Path) -> None:
    Library(db_path).close()
    with Library(db_path) as lib:
        assert len(lib.documents.list()) == 1


def test_second_writer_in_another_process_is_refused(library, db_path: Path) -> None:
    code = (
        "import sys\n"
        "from panprd_desktop.core.library import Library\n"
        "from panprd_desktop.core.errors import LibraryLocked\n"
        "try:\n"
        f"    Library({str(db_path)!r})\n"
        "except LibraryLocked as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert "另一个" in proc.stdout


def test_second_writer_in_this_process_is_refused_and_read_only_works(library, db_path: Path) -> None:
    with pytest.raises(LibraryLocked):
        Library(db_path)
    with Library(db_path, read_only=True) as ro:
        assert ro.documents.list()[0].measures == library.documents.list()[0].measures
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM notes")


def test_lock_is_released_on_close(db_path: Path) -> None:
    Library(db_path).close()
    Library(db_path).close()


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseDamaged):
        Library(bogus)
    Library(tmp_path / "fresh.sqlite3").close()  # the lock file of the failed open is free


def test_backup_before_migration(db_path: Path) -> None:
    Library(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 0")  # pretend an older app wrote it …
    conn.execute("DROP TABLE history")  # … before the history table existed
    conn.close()
    with pytest.raises(DatabaseDamaged):
        Library(db_path)  # re-running 0001 fails; the migration step is rolled back
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0] > 0
    snapshots = list(backup_dir(db_path).glob("*-pre-migration.sqlite3"))
    assert snapshots, "a backup is taken before migrating"
    snap = sqlite3.connect(snapshots[0])
    assert snap.execute("SELECT COUNT(*) FROM measures").fetchone()[0] > 0


def test_daily_backup_rotates(db_path: Path) -> None:
    import os
    import time

    Library(db_path).close()
    folder = backup_dir(db_path)
    for i in range(10):
        Library(db_path).close()
        for f in folder.glob("*.sqlite3"):  # age them so the next open is due a daily backup
            os.utime(f, (time.time() - 2 * 86400, time.time() - 2 * 86400))
        time.sleep(0.01 if i % 3 else 1.0)
    assert 1 <= len(list(folder.glob("*.sqlite3"))) <= 7


def test_core_imports_without_qt() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "import pkgutil, importlib\n"
        "import panprd_desktop, db, exporters\n"
        "for pkg in (panprd_desktop, db, exporters):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.ui' in m.name or m.name.endswith('__main__'):\n"
        "            continue\n"
        "        importlib.import_module(m.name)\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
