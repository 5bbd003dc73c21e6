"""Issue 12: a page of hits is the true top of ALL hits, and ``--limit N`` gives min(N, total).

The fts5 engine answers a page from the hits matching in titles/notes when a bound proves no
other hit can rank in it (core/search/fts5_rank.py); these tests hold that answer to the
full ranking of every hit, on real libraries of ~700 measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.search.filters import SearchFilters, build_filter
from panprd_desktop.core.search.fts5 import phrase, tokens
from panprd_desktop.core.search.fts5_rank import top_by_title_bound
from panprd_desktop.core.search.query import parse_query
from tests.search.conftest import related_paths

BROAD = ["的", "发展", "合作", "区域", "港澳", "建设 OR 合作", "推进 合作", "的 -合作", "\"、\"", "机制",
         "发展 OR 展", "合作 OR 作", "区域 合作 OR 发展"]


def _ids(result) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    return [(h.measure_id, h.score) for h in result.hits]


@pytest.mark.parametrize("query", BROAD)
def test_a_page_is_the_head_of_the_full_ranking(big_lib: Library, query: str) -> None:
    everything = big_lib.search.search(query, limit=None, engine="fts5")
    assert everything.total == len(everything.hits)
    for limit in (1, 5, 20, 50, 250):
        page = big_lib.search.search(query, limit=limit, engine="fts5")
        assert page.total == everything.total
        assert _ids(page) == _ids(everything)[:limit], (query, limit)


def test_the_bound_answers_broad_queries_and_agrees(big_lib: Library) -> None:
    """The shortcut is really taken for broad queries, and gives the full ranking's page."""
    big_lib.search.search("的", limit=1, engine="fts5")
    engine = big_lib.search._engine("fts5")
    answered = 0
    for query in BROAD:
        parsed = parse_query(query)
        body, params = engine._from(parsed, build_filter(big_lib, None, "lib"), ranked=True)
        total = engine.conn.execute("SELECT COUNT(*)" + body, params).fetchone()[0]
        folded = parsed.highlight_terms()
        best = top_by_title_bound(engine.conn, "SELECT COUNT(*)" + body,
                                  "SELECT fts.rowid, fts.body, fts.title, fts.extra" + body, params,
                                  [phrase(t) for t in folded], [" " + tokens(t) for t in folded], 20, total,
                                  score_all_below=0)
        if best is None:
            continue
        answered += 1
        names = engine._names([rowid for _, rowid in best])
        full = big_lib.search.search(query, limit=None, engine="fts5")
        assert [(names[r], round(-s, 6)) for s, r in best] == _ids(full)[:20], query
    assert answered >= 1


def test_a_page_under_a_filter_is_the_head_of_the_filtered_ranking(lib: Library) -> None:
    ids = lib.measures.ids()
    lib.annotate(ids[::2], Edit(add_tags=("交通",)))
    for query in ("的", "合作", "发展 OR 区域"):
        everything = lib.search.search(query, SearchFilters(tag="交通"), limit=None, engine="fts5")
        page = lib.search.search(query, SearchFilters(tag="交通"), limit=20, engine="fts5")
        assert everything.total > 20 and page.total == everything.total
        assert _ids(page) == _ids(everything)[:20], query


def test_cli_limit_gives_min_of_limit_and_total_on_a_broad_query(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Library(db_path) as library:
        library.import_files(related_paths())
    total = cli("search", "的", "--json", "--limit", "0").json["total"]
    assert total > 200
    for limit in (201, total - 1, total, 100000):
        r = cli("search", "的", "--json", "--limit", str(limit))
        assert r.code == 0, r.err
        assert r.json["total"] == total and len(r.json["hits"]) == min(limit, total)
    full = cli("search", "的", "--json", "--limit", "100000").json["hits"]
    top = cli("search", "的", "--json", "--limit", "20").json["hits"]
    assert [h["measure_id"] for h in top] == [h["measure_id"] for h in full[:20]]
