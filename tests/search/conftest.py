"""Search fixtures: real libraries in tmp_path, both engines, and an independent truth."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import MeasureView
from panprd_desktop.core.normalize import fold
from tests.conftest import related_files

ENGINES = ("fts5", "whoosh")


def related_paths() -> list[Path]:
    return related_files()


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "lib.sqlite3")
    yield library
    library.close()


@pytest.fixture(scope="module")
def big_lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The guideline plus the related agreements (about 700 measures); shared by a module's
    tests, which must only read it (module fixtures that annotate build their own)."""
    library = Library(tmp_path_factory.mktemp("big") / "lib.sqlite3")
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
    for mid, pieces in _pieces(lib):
        if all(any(t in p for p in pieces) for t in folded_terms) and not any(
            any(t in p for p in pieces) for t in folded_ex
        ):
            out.append(mid)
    return out


_CACHE: dict[tuple[int, str], tuple[int, list[tuple[str, list[str]]]]] = {}


def _pieces(lib: Library) -> list[tuple[str, list[str]]]:
    """Every measure's folded pieces, re-read whenever the database changed."""
    version = lib.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM search_changes").fetchone()[0]
    key = (id(lib), str(lib.path))
    cached = _CACHE.get(key)
    if cached is None or cached[0] != version:
        # A document's preamble and closing (one piece per line) are searchable through its
        # first measure.
        front: dict[str, list[str]] = {}
        for doc in lib.documents.list():
            outline = lib.documents.outline(doc.doc_id)
            first = next((s["measures"][0]["measure_id"] for p in outline["parts"] for s in p["sections"]
                          if s["measures"]), None)
            lines = [*outline["preamble"].split("\n"), *outline["closing"].split("\n")]
            if first:
                front[first] = [fold(line) for line in lines if line]
        cached = (version, [(v.measure_id, fields(v) + front.get(v.measure_id, []))
                            for v in lib.measures.many(lib.measures.ids())])
        _CACHE[key] = cached
    return cached[1]
