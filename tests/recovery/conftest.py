"""Recovery fixtures: a clock the library reads, damage made the way disks make it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """``clock(dt)`` makes the library believe it is ``dt`` (backups, retention)."""
    import panprd_desktop.core.library as library_module

    state: dict[str, datetime] = {}

    class FakeDatetime(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
            return state["now"]

    monkeypatch.setattr(library_module, "datetime", FakeDatetime)

    def set_now(dt: datetime) -> None:
        state["now"] = FakeDatetime(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second)

    set_now(datetime(2026, 3, 2, 9, 0, 0))
    return set_now


def break_text(db: Path, measure_id: str | None = None) -> str:
    """Store invalid UTF-8 in one measure's text — what one flipped bit in a text byte does.
    ``PRAGMA integrity_check`` still says ok. Returns the measure id."""
    conn = sqlite3.connect(db)
    try:
        if measure_id is None:
            measure_id = conn.execute("SELECT measure_id FROM measures ORDER BY rowid LIMIT 1").fetchone()[0]
        conn.execute("UPDATE measures SET text = CAST(X'E5B9BFE4B8FF41' AS TEXT) WHERE measure_id = ?",
                     (measure_id,))
        conn.commit()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return measure_id


def backups_of(db: Path) -> list[Path]:
    from db.backup import snapshots

    return [s.path for s in snapshots(db)]
