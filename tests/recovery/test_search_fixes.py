"""Search: --limit N gives min(N, total) hits ranked over every hit; bidi controls fold out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.normalize import fold
from tests.conftest import related_files


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    lib = Library(tmp_path_factory.mktemp("big") / "lib.sqlite3")
    lib.import_files(related_files())
    yield lib
    lib.close()


@pytest.mark.parametrize("engine", ["fts5", "whoosh"])
def test_a_broad_query_returns_min_of_limit_and_total(big: Library, engine: str) -> None:
    result = big.search.search("合作", limit=100_000, engine=engine)
    assert result.total > 250
    assert len(result.hits) == result.total
    assert len(big.search.search("合作", limit=230, engine=engine).hits) == 230


def test_ranking_considers_every_hit(big: Library) -> None:
    """The best hits of a broad query are the best of all of them, as the scan ranks them."""
    ranked = big.search.search("合作", limit=None, engine="fts5")
    top = big.search.search("合作", limit=10, engine="fts5")
    assert [h.measure_id for h in top.hits] == [h.measure_id for h in ranked.hits[:10]]
    scores = [h.score for h in ranked.hits]
    assert scores == sorted(scores, reverse=True)
    last = big.measures.ids()[-1]  # a measure late in index order, made the best match
    big.annotate([last], Edit(add_tags=("合作合作合作",)))
    try:
        best = big.search.search("合作", limit=5, engine="fts5")
        full = big.search.search("合作", limit=None, engine="fts5")
        assert [h.measure_id for h in best.hits] == [h.measure_id for h in full.hits[:5]]
    finally:
        big.annotate([last], Edit(remove_tags=("合作合作合作",)))


def test_cli_limit(big: Library, capsys: pytest.CaptureFixture[str]) -> None:
    from panprd_desktop.cli import main

    big.close()
    try:
        assert main(["--db", str(big.path), "search", "合作", "--limit", "100000", "--json"]) == 0
        out = capsys.readouterr().out
        import json

        data = json.loads(out)
        assert len(data["hits"]) == data["total"] > 200
    finally:
        big.__init__(big.path)  # type: ignore[misc]  # reopen for the module's other tests


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_fold_out_like_zero_width() -> None:
    for ch in BIDI:
        assert fold(f"粤{ch}港澳") == "粤港澳", repr(ch)


def test_text_carrying_bidi_controls_is_found(db_path: Path) -> None:
    with Library(db_path) as lib:
        mid = lib.measures.ids()[0]
        lib.annotate([mid], Edit(note="联络\u202e人甲\u2066乙"))
        for engine in ("fts5", "whoosh", "scan"):
            assert [h.measure_id for h in lib.search.search("联络人甲乙", engine=engine).hits] == [mid], engine
            assert lib.search.search("联\u200f络人", engine=engine).total == 1, engine
