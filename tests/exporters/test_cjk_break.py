"""The Chinese line breaker on its own: where lines may break, and balanced title lines."""

from __future__ import annotations

from exporters.cjk_break import Glyph, break_lines, justify_gap, no_break_before, protect
from exporters.wording import title_lines


def _lines(text: str, chars_per_line: float, words: tuple[str, ...] = ()) -> list[str]:
    """Break ``text`` set 1 unit per CJK character, 0.5 per ASCII, in a line of the given width."""
    gs = [Glyph(ch, "f", 0.5 if ch.isascii() else 1.0) for ch in text]
    lines = break_lines(gs, no_break_before(text, protect(words)), chars_per_line)
    return ["".join(g.ch for g in line.glyphs) for line in lines]


def test_closing_punctuation_never_starts_and_opening_never_ends_a_line() -> None:
    text = "推进基础设施互联互通，加快（港珠澳大桥）建设。“一带一路”建设……持续推进。"
    for width in range(4, 12):
        lines = _lines(text, width)
        assert "".join(lines) == text
        assert not any(line[0] in "，。、；：？！）」』”’》〉…" for line in lines[1:]), (width, lines)
        assert not any(line[-1] in "（“‘《〈「『" for line in lines[:-1]), (width, lines)
        assert not any(a.endswith("…") and b.startswith("…") for a, b in zip(lines, lines[1:], strict=False))


def test_words_numbers_dates_and_unit_names_stay_whole() -> None:
    text = "香港特别行政区与国家发展改革委于2026-11-27商定，2027年6月底前建成Greater Bay Area平台，PM2.5下降12.5%。"
    words = ("香港特别行政区", "国家发展改革委")
    for width in range(8, 20):
        lines = _lines(text, width, words)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        joined = "|".join(lines)
        for whole in ("香港特别行政区", "国家发展改革委", "2026-11-27", "2027年6月底前", "Greater", "PM2.5", "12.5%"):
            assert whole in joined.replace("|", "") and all(whole not in a + b or whole in a or whole in b
                                                            for a, b in zip(lines, lines[1:], strict=False)), (
                width, whole, lines)


def test_urls_break_only_after_separators() -> None:
    url = "https://www.gov.cn/zhengce/content/2016-03/15/content_5053647.htm?from=panprd&lang=zh-CN"
    lines = _lines("详见" + url + "。", 12)
    assert "".join(lines) == "详见" + url + "。"
    for line in lines[:-1]:
        assert line[-1] in "/.?&-" or not line[-1].isascii(), lines


def test_a_word_wider_than_the_line_is_cut_not_lost() -> None:
    long = "a1b2c3d4e5" * 30
    lines = _lines(long, 10)
    assert "".join(lines) == long and all(len(line) <= 20 for line in lines)


def test_inner_lines_are_justified_and_last_lines_are_not() -> None:
    gs = [Glyph(ch, "f", 1.0) for ch in "一二三四五六七八九十"]
    lines = break_lines(gs, no_break_before("一二三四五六七八九十"), 4.5)
    assert justify_gap(lines[0], 4.5, True) > 0 and justify_gap(lines[-1], 4.5, True) == 0


def test_title_lines_are_balanced_and_keep_words_whole() -> None:
    assert title_lines("泛珠三角区域合作重点任务分工及进展情况", 20) == ["泛珠三角区域合作重点任务分工及进展情况"]
    lines = title_lines("泛珠三角区域合作行政首长联席会议重点任务分工及进展情况汇报材料", 20)
    assert lines == ["泛珠三角区域合作行政首长联席会议", "重点任务分工及进展情况汇报材料"]
    for n in range(21, 58):
        lines = title_lines("泛" * n, 20)
        assert max(map(len, lines)) - min(map(len, lines)) <= 2 and min(map(len, lines)) >= 2, lines
