"""Bit-flip fuzzing of a library copy: every flip that breaks a read is found by `check`.

Each trial flips one random bit of a checkpointed copy (no -wal), then does what the app
does when a user works (open, list, outline, show every measure, search, owners) and runs
`check`. A flip may break nothing (free space, a digit in a date); one that breaks any
read must be reported by `check` or refused on open as damaged.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.errors import PanprdError
from panprd_desktop.core.library import Library


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("flip") / "template.sqlite3"
    with Library(db) as lib:
        ids = lib.measures.ids()
        lib.annotate(ids[:20], Edit(add_leads=("广东省",), status="in_progress", deadline="2026年底前",
                                    add_tags=("重点",), note="检查用的备注"))
        lib.annotate(ids[5:8], Edit(status="done"))
        lib.undo()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return db


def _reads(db: Path) -> None:
    """What a user's session reads; raises on anything the app would trip over."""
    with Library(db, read_only=True) as lib:
        docs = lib.documents.list()
        for d in docs:
            lib.documents.outline(d.doc_id)
        ids = lib.measures.ids()
        for start in range(0, len(ids), 50):
            lib.measures.many(ids[start:start + 50], with_history=True)
        lib.owners.all()
        for query in ("港澳", "合作", "检查用的备注"):
            lib.search.search(query, engine="scan", limit=None)


def _detected(db: Path) -> bool:
    try:
        with Library(db, checks=False) as lib:
            return bool(lib.check())
    except PanprdError:
        return True  # refused on open as damaged: said, not missed


def _trial(template: Path, work: Path, rng: random.Random) -> tuple[bool, bool, int]:
    copy = work / "copy.sqlite3"
    for p in work.iterdir():
        if p.is_file():
            p.unlink()
        elif p.is_dir():
            shutil.rmtree(p)
    shutil.copyfile(template, copy)
    data = bytearray(copy.read_bytes())
    bit = rng.randrange(len(data) * 8)
    data[bit // 8] ^= 1 << (bit % 8)
    copy.write_bytes(bytes(data))
    try:
        _reads(copy)
        broke = False
    except Exception:
        broke = True
    _backup_is_sound_or_refused(copy)
    if not broke:
        return False, True, bit
    return True, _detected(copy), bit


def _backup_is_sound_or_refused(copy: Path) -> None:
    """A backup of a flipped copy is either refused or passes the same checks a restore makes."""
    from db.backup import BackupRefused, make_backup, verify_file

    try:
        conn = sqlite3.connect(copy)
    except sqlite3.Error:
        return
    try:
        written = make_backup(conn, copy, "daily", datetime(2026, 1, 1))
    except (BackupRefused, sqlite3.DatabaseError, UnicodeDecodeError):
        return
    finally:
        conn.close()
    problems, _ = verify_file(written)
    assert problems == [], f"a damaged backup was written: {problems}"


def _fuzz(template: Path, tmp_path: Path, trials: int, seed: int) -> None:
    rng = random.Random(seed)
    missed = []
    broken = 0
    for _ in range(trials):
        broke, detected, bit = _trial(template, tmp_path, rng)
        broken += broke
        if broke and not detected:
            missed.append(bit)
    assert not missed, f"{len(missed)} of {broken} read-breaking flips not found by check: bits {missed[:10]}"


def test_a_handful_of_bit_flips(template: Path, tmp_path: Path) -> None:
    _fuzz(template, tmp_path, trials=6, seed=2026)


@pytest.mark.slow
def test_many_bit_flips(template: Path, tmp_path: Path) -> None:
    _fuzz(template, tmp_path, trials=150, seed=12)
