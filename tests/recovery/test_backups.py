"""Backups: verified before they are written, kept in tiers, never rotated away by a
damaged or empty library; a missing library with backups is restored, not recreated."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.backup import keep, list_backups, make_backup, snapshots
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.errors import DatabaseDamaged, LibraryMissing
from panprd_desktop.core.library import Library
from tests.recovery.conftest import backups_of, break_text


def test_daily_opens_over_two_years_keep_the_tiers(db_path: Path, clock) -> None:
    start = datetime(2025, 1, 1, 9, 0, 0)
    for day in range(730):
        clock(start + timedelta(days=day))
        Library(db_path).close()
    now = start + timedelta(days=729)
    taken = [s.taken for s in snapshots(db_path)]
    days = {t.date() for t in taken}
    assert len(taken) <= 7 + 4 + 6
    assert {(now - timedelta(days=d)).date() for d in range(1, 7)} <= days  # the last week, daily
    assert len({(t.year, t.month) for t in taken}) == 6  # and six months back
    assert min(taken) <= now - timedelta(days=150)


def test_retention_always_keeps_the_newest_verified(tmp_path: Path) -> None:
    from db.backup import Snapshot

    now = datetime(2026, 5, 1)
    good = Snapshot(tmp_path / "lib-20250101-000000-daily.sqlite3", datetime(2025, 1, 1), "daily")
    bad = [Snapshot(tmp_path / f"lib-2026043{i}-000000-pre-restore-damaged.sqlite3",
                    datetime(2026, 4, 30) - timedelta(days=i * 30), "pre-restore-damaged") for i in range(3)]
    assert good.path in keep([good, *bad], now)


def test_a_damaged_library_is_never_backed_up_over_good_copies(db_path: Path, clock) -> None:
    start = datetime(2026, 3, 1, 9, 0, 0)
    for day in range(3):
        clock(start + timedelta(days=day))
        Library(db_path).close()
    good = backups_of(db_path)
    assert len(good) == 2  # first open creates the library; later days back it up
    break_text(db_path)
    for day in range(3, 40):
        clock(start + timedelta(days=day))
        with pytest.raises(DatabaseDamaged) as caught:
            Library(db_path)
        assert "panprd restore latest" in str(caught.value)
    assert backups_of(db_path) == good
    assert all(b.verified for b in list_backups(db_path))


def test_make_backup_refuses_damage_and_writes_nothing(db_path: Path) -> None:
    from db.backup import BackupRefused

    Library(db_path).close()
    break_text(db_path)
    conn = sqlite3.connect(db_path)
    with pytest.raises(BackupRefused) as caught:
        make_backup(conn, db_path, "daily", datetime(2026, 1, 1))
    conn.close()
    assert "UTF-8" in str(caught.value)
    assert backups_of(db_path) == []


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_or_missing_library_with_backups_is_not_recreated(db_path: Path, clock, cli, how: str) -> None:
    start = datetime(2026, 3, 1, 9, 0, 0)
    for day in range(8):
        clock(start + timedelta(days=day))
        with Library(db_path) as lib:
            lib.annotate(lib.measures.ids()[day:day + 1], Edit(note=f"第{day}天的备注"))
    before = backups_of(db_path)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    if how == "empty":
        db_path.write_bytes(b"")
    else:
        db_path.unlink()
    for day in range(8, 20):
        clock(start + timedelta(days=day))
        with pytest.raises(LibraryMissing):
            Library(db_path)
        done = cli("docs")
        assert done.code == 2
        assert done.err.count("\n") == 1 and "panprd restore latest" in done.err
    assert backups_of(db_path) == before
    assert (not db_path.exists()) if how == "missing" else db_path.stat().st_size == 0

    done = cli("restore", "latest")
    assert done.code == 0, done.err
    with Library(db_path) as lib:
        assert lib.search.search("第6天的备注").total == 1  # the newest daily backup (day 7 opened, day 6 note)


def test_backups_lists_time_size_counts_and_verification(db_path: Path, clock, cli) -> None:
    clock(datetime(2026, 3, 1, 9, 0, 0))
    with Library(db_path) as lib:
        lib.annotate(lib.measures.ids()[:2], Edit(status="done"))
    clock(datetime(2026, 3, 2, 9, 0, 0))
    Library(db_path).close()
    damaged = backups_of(db_path)[0].with_name("lib-20260301-080000-pre-restore-damaged.sqlite3")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    done = cli("backups", "--json")
    assert done.code == 0, done.err
    rows = done.json
    assert [r["verified"] for r in rows] == [True, False]
    assert rows[0]["time"] == "2026-03-02T09:00:00"
    assert rows[0]["annotations"] == 2 and rows[0]["measures"] > 100 and rows[0]["size"] > 0
    assert rows[1]["problems"]
    text = cli("backups")
    assert "已校验" in text.out and "未通过校验" in text.out
