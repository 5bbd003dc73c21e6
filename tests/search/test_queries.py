"""Odd query strings: a result or a QueryError — never anything else."""

from __future__ import annotations

import random

import pytest

from panprd_desktop.core.errors import QueryError
from panprd_desktop.core.library import Library
from panprd_desktop.core.search.query import MAX_QUERY, parse_query

NASTY = [
    "", " ", "\u3000", '"', '""', '"""', '"港澳', '港澳"', "'", "*", "港*", "**", ":", "title:港澳", "body:",
    "(", ")", "(港澳", "港澳)", "((()))", "AND", "OR", "NOT", "港 AND", "AND 港", "OR OR OR", "港 OR", "OR 港",
    "港 OR OR 澳", "-", "--", "-港", "--港", "- 港", "-\"港澳\"", "-港 OR 澳", "NEAR(港 澳)", "港 NEAR 澳",
    "^港", "港^2", "{title}: 港", "{", "}", "[", "]", "\\", "\\\"", "%", "_", "%港%", "港_",
    "'; DROP TABLE measures;--",
    "，", "。", "、", "（", "）", "“港澳”", "“港澳", "＂港澳＂", "《港澳》", "：", "；", "——", "…", "～", "·",
    "🙂", "👨‍👩‍👧", "🇭🇰", "\x00", "\x01", "\n", "\t", "\r\n", "\u200b", "\ufeff", "\ud800", "港\ud800澳",
    "\U0002a6a5", "㐀", "\uffff", "\ufffe", "ﬁ", "ＰＭ２．５", "Ⅷ", "①", "½", "İ", "ß", "ǅ", "\u0301", "é",
    "x" * 500, "港" * 1000, "港 " * 40, "港" * MAX_QUERY, "a" * (MAX_QUERY + 1), "港澳" * 5000,
    "x2e", "xa", "x20", '"x a"', "0", "-0", "1e5", "NULL", "null", "None",
]


def _check(lib: Library, query: str, engine: str) -> None:
    try:
        result = lib.search.search(query, engine=engine, limit=5)
        ids = lib.search.matching_ids(query, engine=engine)
    except QueryError as exc:
        assert str(exc)
        return
    assert result.total == len(ids)
    assert lib.search.recoveries == []  # no engine error was papered over by a rebuild
    assert ids == lib.search.matching_ids(query, engine="scan")
    for hit in result.hits:
        for start, end in hit.matches:
            assert 0 <= start < end <= len(hit.snippet)


@pytest.mark.parametrize("query", NASTY, ids=range(len(NASTY)))
def test_nasty_queries(lib: Library, engine: str, query: str) -> None:
    _check(lib, query, engine)


def test_random_garbage(lib: Library, engine: str) -> None:
    rnd = random.Random(7)
    alphabet = '港澳粤 "-ORAND()*:，。🙂\x00\u3000xa1.' + "".join(chr(c) for c in range(0x21, 0x7F))
    for _ in range(150):
        query = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        _check(lib, query, engine)


def test_too_long_is_a_clear_query_error() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse_query("港" * (MAX_QUERY + 1))
    with pytest.raises(QueryError, match="too many"):
        parse_query(" ".join(f"词{i}" for i in range(100)))
    with pytest.raises(QueryError):
        parse_query("-港 OR 澳")


def test_parse_semantics() -> None:
    q = parse_query('港澳 "Hong  Kong" -广西 生态 OR 环保 AND 汕头')
    assert [(c.terms, c.negative) for c in q.clauses] == [
        (("港澳",), False), (("hong kong",), False), (("广西",), True), (("生态", "环保"), False),
        (("汕头",), False)]
    assert parse_query("   ").empty
    assert parse_query('"港澳').clauses[0].terms == ("港澳",)
    assert parse_query("OR").clauses[0].terms == ("or",)
    assert parse_query("發展 ＰＭ２．５").clauses[1].terms == ("pm2.5",)
    assert parse_query("-").clauses[0].terms == ("-",)
    assert parse_query("“粤港澳 合作”").clauses[0].terms == ("粤港澳合作",)


def test_quoted_phrase_with_latin_space_is_exact(lib: Library, engine: str) -> None:
    mid = lib.measures.ids()[0]
    from panprd_desktop.core.annotations import Edit

    lib.annotate([mid], Edit(note="Hong Kong office; hongkong typo"))
    assert lib.search.matching_ids('"Hong Kong"', engine=engine) == [mid]
    assert lib.search.matching_ids('"kong office"', engine=engine) == [mid]
    assert lib.search.matching_ids('"g k"', engine=engine) == [mid]
    assert lib.search.matching_ids('"gk"', engine=engine) == [mid]  # hongkong
    assert lib.search.matching_ids('"g   kong office"', engine=engine) == [mid]
