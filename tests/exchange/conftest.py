"""Exchange fixtures: several real libraries ("offices"), each a copy of one template library.

The template is made once per session (guideline loaded); each office is a copy written with
SQLite's backup API, then given its own identity and office name — exactly what a real
office must do after copying a library file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.core.exchange import Exchange
from panprd_desktop.core.library import Library


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Library(path).close()
    return path


def copy_library(template: Path, target: Path) -> None:
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


@pytest.fixture
def make_office(template_db: Path, tmp_path: Path) -> Iterator[Callable[[str], tuple[Library, Exchange]]]:
    opened: list[Library] = []

    def make(office: str) -> tuple[Library, Exchange]:
        path = tmp_path / f"{office}.sqlite3"
        copy_library(template_db, path)
        lib = Library(path)
        opened.append(lib)
        ex = Exchange(lib)
        ex.new_identity()
        ex.set_office(office)
        return lib, ex

    yield make
    for lib in opened:
        lib.close()


def state(lib: Library) -> list[tuple[Any, ...]]:
    """Every measure's annotation as a person sees it (notes in a fixed order)."""
    out = []
    for v in lib.measures.many(lib.measures.ids()):
        notes = tuple(sorted((n.text, n.author, n.at.isoformat()) for n in v.notes))
        out.append((v.measure_id, v.leads, v.participants, v.deadline.text, v.status, v.tags, notes))
    return out


def annotation_rows(path: Path) -> list[tuple[Any, ...]]:
    """The rows of the annotation tables (for "nothing changed" assertions)."""
    conn = sqlite3.connect(path)
    try:
        rows: list[tuple[Any, ...]] = []
        for table in ("annotations", "measure_owners", "measure_tags", "notes", "history", "operations",
                      "documents", "measures", "exchange_conflicts", "exchange_known", "exchange_peers", "meta"):
            rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        return rows
    finally:
        conn.close()
