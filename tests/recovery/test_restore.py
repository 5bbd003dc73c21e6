"""Restore: a verified backup comes back through the backup API, with a safety snapshot,
and the search index never answers from another copy of the library's history."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from db.backup import backup_dir, make_backup
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library

QUERIES = ("备份前的备注", "备份后的备注", "港澳", "粤港澳大湾区", "合作 -香港", "基础设施 OR 旅游")


def _search_ids(lib: Library, query: str, engine: str | None = None) -> tuple[int, list[str]]:
    result = lib.search.search(query, limit=None, engine=engine)
    return result.total, sorted(h.measure_id for h in result.hits)


def test_restore_round_trip_search_equals_a_fresh_rebuild(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        first, second = lib.measures.ids()[:2]
        lib.annotate([first], Edit(note="备份前的备注甲乙"))
        make_backup(lib.conn, db_path, "daily", datetime(2026, 1, 5, 8, 0, 0))
        lib.annotate([second], Edit(note="备份后的备注丙丁", status="done"))
        assert lib.search.search("备份后的备注").total == 1  # the index now knows the later note

    done = cli("restore", "latest")
    assert done.code == 0, done.err
    assert "已从" in done.out and "安全快照" in done.out

    with Library(db_path) as lib:
        assert lib.search.search("备份后的备注").total == 0
        assert lib.measures.get(second).status == "not_started"
        for query in QUERIES:
            assert _search_ids(lib, query) == _search_ids(lib, query, engine="scan"), query
        lib.search.reindex()
        for query in QUERIES:
            assert _search_ids(lib, query) == _search_ids(lib, query, engine="scan"), query
        assert lib.check() == []

    safety = [p for p in backup_dir(db_path).glob("*-pre-restore.sqlite3")]
    assert len(safety) == 1, "the state before the restore is kept"
    conn = sqlite3.connect(safety[0])
    assert conn.execute("SELECT COUNT(*) FROM notes WHERE text = '备份后的备注丙丁'").fetchone()[0] == 1


def test_restore_over_a_stale_wal_loses_nothing(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        lib.annotate(lib.measures.ids()[:1], Edit(note="保留的备注"))
        backup = make_backup(lib.conn, db_path, "daily", datetime(2026, 1, 5, 8, 0, 0))
        measures = len(lib.measures.ids())
    # A -wal left from another state of the file: copying the backup over it by hand
    # would corrupt it; restore must not.
    (db_path.with_name(db_path.name + "-wal")).write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 4092)
    done = cli("restore", str(backup))
    assert done.code == 0, done.err
    with Library(db_path) as lib:
        assert len(lib.measures.ids()) == measures
        assert lib.search.search("保留的备注").total == 1
        assert lib.check() == []


def test_a_file_copied_back_in_time_and_edited_is_not_trusted_by_the_index(db_path: Path) -> None:
    """An Explorer copy of the library put back, then edited as often as the index's mark:
    the high-water mark matches, the history does not — the index must notice."""
    with Library(db_path) as lib:
        ids = lib.measures.ids()
    old_copy = db_path.with_name("by-hand-copy.sqlite3")
    shutil.copyfile(db_path, old_copy)
    with Library(db_path) as lib:
        lib.annotate([ids[0]], Edit(note="后来的备注戊"))
        assert lib.search.search("后来的备注戊").total == 1
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(old_copy, db_path)
    with Library(db_path) as lib:
        lib.annotate([ids[1]], Edit(note="另一条备注己"))  # the same number of change rows
        assert lib.search.search("后来的备注戊").total == 0
        assert lib.search.search("另一条备注己").total == 1
        assert lib.check() == []


def test_check_reports_an_index_from_another_copy(db_path: Path) -> None:
    with Library(db_path) as lib:
        ids = lib.measures.ids()
    old_copy = db_path.with_name("copy.sqlite3")
    shutil.copyfile(db_path, old_copy)
    with Library(db_path) as lib:
        lib.annotate([ids[0]], Edit(note="甲备注"))
        lib.search.search("甲备注")
    shutil.copyfile(old_copy, db_path)
    with Library(db_path) as lib:
        lib.annotate([ids[1]], Edit(note="乙备注"))
        problems = lib.check()
        assert any("search index" in p for p in problems), problems
        report = lib.repair()
        assert report.repaired and not report.remaining
        assert lib.check() == []


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db_path: Path, cli, tmp_path: Path) -> None:
    Library(db_path).close()
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = db_path.read_bytes()
    done = cli("restore", str(bogus))
    assert done.code == 2
    assert done.err.count("\n") == 1 and "备份" in done.err
    assert db_path.read_bytes() == before


def test_restore_latest_without_backups_says_so(db_path: Path, cli) -> None:
    Library(db_path).close()
    done = cli("restore", "latest")
    assert done.code == 2 and "没有通过校验的备份" in done.err


def test_restore_refused_while_the_library_is_open(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        make_backup(lib.conn, db_path, "daily", datetime(2026, 1, 5, 8, 0, 0))
        done = cli("restore", "latest")
        assert done.code == 2 and "关闭" in done.err


def test_restore_of_a_backup_with_another_page_size(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        lib.annotate(lib.measures.ids()[:1], Edit(note="大页面的备份"))
        backup = make_backup(lib.conn, db_path, "daily", datetime(2026, 1, 5, 8, 0, 0))
        lib.annotate(lib.measures.ids()[1:2], Edit(note="之后的备注"))
    conn = sqlite3.connect(backup, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 8192
    conn.close()
    done = cli("restore", str(backup))
    assert done.code == 0, done.err
    with Library(db_path) as lib:
        assert lib.search.search("大页面的备份").total == 1
        assert lib.search.search("之后的备注").total == 0
        assert lib.check() == []
