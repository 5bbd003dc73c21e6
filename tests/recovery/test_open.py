"""Opening: newer schemas refused untouched, first open all-or-nothing, checks after an
unclean shutdown, and `check` finding what breaks the app."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.migrate import migrations
from panprd_desktop.core.errors import DatabaseDamaged, LibraryTooNew
from panprd_desktop.core.library import Library
from tests.conftest import REPO, db_snapshot
from tests.recovery.conftest import break_text


def _files(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.iterdir()) if p.is_file()}


def test_a_newer_schema_is_refused_and_nothing_is_written(db_path: Path, cli) -> None:
    Library(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(migrations()) + 3}")
    conn.close()
    before = _files(db_path)
    for read_only in (False, True):
        with pytest.raises(LibraryTooNew) as caught:
            Library(db_path, read_only=read_only)
        assert "更新版本的 PanPRD Desk" in str(caught.value)
        assert "requires a newer version" in str(caught.value)
    done = cli("annotate", "x", "--note", "不应写入")
    assert done.code == 2 and done.err.count("\n") == 1 and "更新版本" in done.err
    assert _files(db_path) == before


def test_first_open_failing_after_the_vocabulary_leaves_nothing(db_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from panprd_desktop.core.documents import Documents

    def broken(*args: object) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr(Documents, "store_in_transaction", broken)
    with pytest.raises(OSError):
        Library(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(*) FROM owners").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'initialized'").fetchone()[0] == 0
    conn.close()
    monkeypatch.undo()
    with Library(db_path) as lib:
        [doc] = lib.documents.list()
        assert doc.sections == 35


FIRST_OPEN = "import sys; sys.path.insert(0, {repo!r}); from panprd_desktop.core.library import Library; " \
             "Library({db!r}); print('opened', flush=True); import time; time.sleep(30)"


def test_first_open_killed_at_random_points_leaves_nothing_or_a_complete_library(tmp_path: Path) -> None:
    rng = random.Random(12)
    for trial in range(6):
        db = tmp_path / f"lib{trial}.sqlite3"
        proc = subprocess.Popen([sys.executable, "-c", FIRST_OPEN.format(repo=str(REPO), db=str(db))],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.2, 1.2))
        proc.kill()
        proc.wait(timeout=30)
        if db.exists() and db.stat().st_size:
            conn = sqlite3.connect(db)
            try:
                names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                if "meta" in names:
                    initialized = conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'initialized'").fetchone()[0]
                    docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                    owners = conn.execute("SELECT COUNT(*) FROM owners").fetchone()[0]
                    assert (initialized, docs, bool(owners)) in ((0, 0, False), (1, 1, True)), trial
            finally:
                conn.close()
        with Library(db) as lib:
            [doc] = lib.documents.list()
            assert (doc.sections, doc.measures) == (35, len(lib.measures.ids()))
            assert lib.check() == []


UNCLEAN = "import sys, os; sys.path.insert(0, {repo!r}); from panprd_desktop.core.library import Library; " \
          "Library({db!r}); os._exit(0)"


def test_damage_is_found_on_open_after_an_unclean_shutdown(db_path: Path) -> None:
    Library(db_path).close()
    subprocess.run([sys.executable, "-c", UNCLEAN.format(repo=str(REPO), db=str(db_path))], check=True, timeout=60)
    assert db_path.with_name(db_path.name + ".running").exists()
    break_text(db_path)
    with pytest.raises(DatabaseDamaged) as caught:
        Library(db_path)
    assert "UTF-8" in str(caught.value) and "panprd restore latest" in str(caught.value)
    with Library(db_path, read_only=True) as ro:  # reading what is left still works
        assert ro.documents.list()


def test_check_finds_text_that_does_not_decode(db_path: Path, cli) -> None:
    Library(db_path).close()
    mid = break_text(db_path)
    done = cli("check")
    assert done.code == 2
    assert "UTF-8" in done.out and "measures" in done.out
    done = cli("check", "--repair")
    assert done.code == 2 and "无法修复" in done.out and "panprd restore latest" in done.out
    assert mid


def test_check_finds_an_incomplete_document(db_path: Path, cli) -> None:
    Library(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM measures WHERE rowid = (SELECT MAX(rowid) FROM measures)")
    conn.commit()
    conn.close()
    done = cli("check", "--json")
    assert done.code == 2
    assert any("incomplete" in p for p in done.json["problems"])


def test_check_repair_rebuilds_a_damaged_index(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        lib.search.search("港澳")
    index = db_path.with_name(db_path.name + ".fts5")
    conn = sqlite3.connect(index)
    conn.execute("DELETE FROM fts WHERE rowid IN (SELECT rowid FROM docmap LIMIT 3)")
    conn.commit()
    conn.close()
    done = cli("check")
    assert done.code == 2 and "search index" in done.out
    done = cli("check", "--repair")
    assert done.code == 0, done.out
    assert "已修复" in done.out
    assert cli("check").code == 0
    assert db_snapshot(db_path)


def test_reading_damaged_text_is_explained_not_an_internal_error(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        doc = lib.documents.list()[0].doc_id
    mid = break_text(db_path)
    for args in (("show", mid), ("outline", doc)):
        done = cli(*args)
        assert done.code == 2
        assert done.err.count("\n") == 1 and "资料库已损坏" in done.err and "restore latest" in done.err


def test_check_of_an_older_schema_does_not_read_a_missing_column_as_text(db_path: Path) -> None:
    from db.backup import verify_connection

    Library(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE documents DROP COLUMN warnings")  # as before migration 0003
    assert verify_connection(conn) == []
    conn.close()
