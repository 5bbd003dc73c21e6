"""Search fixtures: real libraries in tmp_path, both engines, and an independent truth."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import MeasureView
from panprd_desktop.core.normalize import fold

ENGINES = ("fts5", "whoosh")
REPO = Path(__file__).resolve().parents[2]


def related_paths() -> list[Path]:
    shared = sorted((REPO.parent / "shared" / "corpus" / "related").glob("*.md"))
    return shared or sorted((REPO / "tests" / "data" / "related").glob("*.md"))


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "lib.sqlite3")
    yield library
    library.close()


@pytest.fixture
def big_lib(tmp_path: Path) -> Iterator[Library]:
    """The guideline plus the related agreements (about 700 measures)."""
    library = Library(tmp_path / "lib.sqlite3")
    library.import_files(related_paths())
    yield library
    library.close()


def fields(view: MeasureView) -> list[str]:
    """What a measure is searchable by, each piece folded on its own."""
    pieces = [view.text, view.section_title, view.doc_title, *(n.text for n in view.notes), *view.tags,
              *view.leads, *view.participants]
    return [fold(p) for p in pieces]


def truth(lib: Library, terms_all: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Independent of the search package: ids (reading order) whose pieces contain every term."""
    folded_terms = [fold(t) for t in terms_all]
    folded_ex = [fold(t) for t in exclude]
    out = []
    for view in lib.measures.many(lib.measures.ids()):
        pieces = fields(view)
        if all(any(t in p for p in pieces) for t in folded_terms) and not any(
            any(t in p for p in pieces) for t in folded_ex
        ):
            out.append(view.measure_id)
    return out
