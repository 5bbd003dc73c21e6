"""Every engine finds exactly what a substring scan finds — 1-character terms included."""

from __future__ import annotations

import random

import pytest

from panprd_desktop.core.library import Library
from panprd_desktop.core.normalize import fold
from tests.search.conftest import truth

NAMED = ["港澳", "汕头", "生态补偿", "国家发展改革委", "PM2.5", "港", "澳", "粤", "的", "一", "2", "pm",
         "要素自由流动", "汕头华侨经济文化合作试验区", "生态环境保护规划", "21世纪海上丝绸之路",
         "福建21世纪海上丝绸之路", "珠江—西江经济带", "（三）", "、", "。", "仲裁"]
TRADITIONAL = {"粵港澳大灣區": "粤港澳大湾区", "發展改革委": "发展改革委", "澳門": "澳门",
               "生態補償": "生态补偿", "ＰＭ２.５": "PM2.5"}


@pytest.mark.parametrize("term", NAMED)
def test_named_terms_match_the_truth(lib: Library, engine: str, term: str) -> None:
    expected = truth(lib, [term])
    assert lib.search.matching_ids(term, engine=engine) == expected
    result = lib.search.search(term, engine=engine, limit=5)
    assert result.total == len(expected)
    assert {h.measure_id for h in result.hits} <= set(expected)
    assert len(result.hits) == min(5, len(expected))


def test_terms_across_former_page_breaks_are_found(lib: Library, engine: str) -> None:
    for term in ("要素自由流动", "汕头华侨经济文化合作试验区", "生态环境保护规划"):
        assert lib.search.search(term, engine=engine).total >= 1, term


@pytest.mark.parametrize(("traditional", "simplified"), list(TRADITIONAL.items()))
def test_traditional_and_full_width_queries(lib: Library, engine: str, traditional: str, simplified: str) -> None:
    expected = lib.search.matching_ids(simplified, engine="scan")
    assert expected, simplified
    assert lib.search.matching_ids(traditional, engine=engine) == expected


def test_stray_spaces_are_folded_away(lib: Library, engine: str) -> None:
    ids = lib.search.matching_ids("21世纪海上丝绸之路", engine=engine)
    assert ids == lib.search.matching_ids("福建 21 世纪海上丝绸之路", engine=engine) or ids
    assert lib.search.matching_ids("21 世纪", engine=engine) == lib.search.matching_ids("21世纪", engine=engine)


def test_random_substrings_1_to_8_chars(big_lib: Library, engine: str) -> None:
    rnd = random.Random(20260303)
    views = big_lib.measures.many(big_lib.measures.ids())
    for _ in range(60):
        text = rnd.choice(views).text
        size = rnd.randint(1, 8)
        start = rnd.randrange(0, max(1, len(text) - size))
        term = text[start : start + size]
        if not fold(term) or '"' in term or term.startswith("-") or term.strip() != term or " " in term:
            continue
        expected = truth(big_lib, [term])
        assert expected, term
        quoted = f'"{term}"'
        assert big_lib.search.matching_ids(quoted, engine=engine) == expected, term
        assert big_lib.search.search(quoted, engine=engine, limit=3).total == len(expected), term


def test_engines_agree_with_the_scan_on_compound_queries(big_lib: Library, engine: str) -> None:
    for query in ("香港 仲裁", "港澳 -香港", "澳门 OR 横琴", "仲裁 裁决 -澳门", "-的", "内地 香港 OR 澳门 -仲裁",
                  '"最高人民法院 关于"', "横琴 粤澳 深度"):
        assert big_lib.search.matching_ids(query, engine=engine) == big_lib.search.matching_ids(
            query, engine="scan"), query
        assert big_lib.search.search(query, engine=engine).total == len(
            big_lib.search.matching_ids(query, engine="scan")), query


def test_and_and_exclusion_semantics(big_lib: Library, engine: str) -> None:
    assert big_lib.search.matching_ids("香港 仲裁", engine=engine) == truth(big_lib, ["香港", "仲裁"])
    assert big_lib.search.matching_ids("仲裁 -澳门", engine=engine) == truth(big_lib, ["仲裁"], ("澳门",))
    either = set(truth(big_lib, ["横琴"])) | set(truth(big_lib, ["澳门"]))
    assert set(big_lib.search.matching_ids("横琴 OR 澳门", engine=engine)) == either


def test_total_counts_everything_whatever_the_limit(lib: Library, engine: str) -> None:
    full = lib.search.search("发展", engine=engine, limit=None)
    top = lib.search.search("发展", engine=engine, limit=3)
    none = lib.search.search("发展", engine=engine, limit=0)
    assert full.total == top.total == none.total == len(full.hits) > 3
    assert len(top.hits) == 3 and none.hits == []
    assert lib.search.count("发展", engine=engine) == full.total


def test_title_matches_rank_first(lib: Library, engine: str) -> None:
    # 生态环境 is a section title in the guideline: its measures outrank mere mentions.
    result = lib.search.search("生态", engine=engine, limit=50)
    views = {v.measure_id: v for v in lib.measures.many([h.measure_id for h in result.hits])}
    in_title = [("生态" in views[h.measure_id].section_title) for h in result.hits]
    assert any(in_title)
    assert in_title == sorted(in_title, reverse=True)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_no_match_and_unknown_text(lib: Library, engine: str) -> None:
    for q in ("完全不存在的词语组合", "zzzz", "🙂", "PM2.6"):
        result = lib.search.search(q, engine=engine)
        assert result.total == 0 and result.hits == [], q


def test_one_character_queries_match_the_scan_everywhere(lib: Library, engine: str) -> None:
    chars = sorted({ch for v in lib.measures.many(lib.measures.ids()[:40]) for ch in fold(v.text)} - {" ", '"', "-"})
    for ch in chars[:80]:
        assert lib.search.matching_ids(ch, engine=engine) == lib.search.matching_ids(ch, engine="scan"), ch
