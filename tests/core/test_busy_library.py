"""A write refused because another program holds the library file (SQLITE_BUSY) is said as such:
one line naming what happened, nothing written — not "unexpected error" or "another instance"."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.errors import StorageError


def test_annotate_on_a_busy_library_says_busy_and_writes_nothing(library: Any, db_path: Path, cli: Any) -> None:
    mid = library.measures.ids()[0]
    library.close()
    other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("annotate", mid, "--tag", "待核实")
        assert result.code != 0
        line = result.err.strip()
        assert "\n" not in line and "占用" in line and "library busy" in line, line
        assert "another instance" not in line
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cli("show", mid, "--json").json["tags"] == []


def test_library_annotate_raises_storage_error_when_busy(db_path: Path) -> None:
    from panprd_desktop.core.library import Library

    with Library(db_path) as lib:
        mid = lib.measures.ids()[0]
        other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        other.execute("BEGIN EXCLUSIVE")
        try:
            lib.conn.execute("PRAGMA busy_timeout = 100")  # the test need not wait the full 5 s
            with pytest.raises(StorageError, match="占用"):
                lib.annotate([mid], Edit(add_tags=("待核实",)), "陈晓")
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert lib.measures.get(mid).tags == ()

