"""Shared fixtures: a real library in tmp_path, the CLI run in-process, corpus paths."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
GUIDELINE = REPO / "resources" / "guideline-gf2016-18.txt"


def related_files() -> list[Path]:
    """The related agreements: from ../shared/corpus if present, else the test copies."""
    shared = sorted((CORPUS / "related").glob("*.md"))
    return shared or sorted((REPO / "tests" / "data" / "related").glob("*.md"))


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never let a test touch the developer's real library.
    monkeypatch.setenv("PANPRD_DB", str(tmp_path / "default-library.sqlite3"))
    monkeypatch.delenv("PANPRD_DEBUG", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def library(db_path: Path) -> Iterator[object]:
    from panprd_desktop.core.library import Library

    lib = Library(db_path)
    yield lib
    lib.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``panprd --db <tmp library> ARGS`` in-process and capture what it prints."""
    from panprd_desktop.cli import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def db_snapshot(path: Path) -> list[tuple]:
    """Every row of every table: for "the database is exactly as it was" assertions."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        rows: list[tuple] = []
        for table in tables:
            if "_fts" in table or table.startswith("search_"):
                continue  # derived index data may catch up; the source tables may not change
            rows += [(table, *r) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1')]
        return rows
    finally:
        conn.close()


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
