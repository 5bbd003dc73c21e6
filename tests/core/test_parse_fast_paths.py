"""The parser's shortcuts (issue 13, import speed) read every text exactly as before.

Each shortcut skips work that could not change the result — a regex that cannot match a
line without a certain character, a fold of a whole text when a search of the text as
written says the phrase is absent. These tests compare each shortcut with the long way on
the cases that could tell them apart: Traditional and full-width forms, invisible and
ideographic spaces between the characters, characters beyond the BMP, long whitespace runs.
"""

from __future__ import annotations

import random
import re

import pytest

from panprd_desktop.core.normalize import fold, fold_table
from panprd_desktop.core.parsing import parse_document
from panprd_desktop.core.parsing.brackets import _ALL_SENTENCE, Convention, find_convention
from panprd_desktop.core.parsing.folded_search import RawPhrases, expand
from panprd_desktop.core.parsing.items import OWNER_LINE, is_owner_line, item_number
from panprd_desktop.core.parsing.numbering_patterns import _PATTERNS, Style, classify
from panprd_desktop.core.parsing.numerals import ENUM_ARABIC, ENUM_CIRCLED, ENUM_ITEM_PAREN
from panprd_desktop.core.parsing.repair import (
    _FULL,
    _HALF_PUNCT,
    _SPACE_NEAR_CJK,
    _SUBSCRIPT,
    ends_paragraph,
    repair_line,
)

PIECES = ["均为牵头单位", "都是責任單位", "不分先後", "共同牽頭", "均 为\u3000牵\u200b头单位", "排名不分 先后",
          "均爲", "單位", "\u200b", "主", "責", "任", "都", "，", " ", "\n", "政府", "A", "Ｂ", "𠀀", "\t"]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9))) for _ in range(count)]


def test_phrases_are_found_as_written_exactly_when_the_folded_text_has_them() -> None:
    raw = RawPhrases(_ALL_SENTENCE.pattern)
    for text in _random_texts(20_000, seed=13):
        assert raw.found(text) == (_ALL_SENTENCE.search(fold(text)) is not None), repr(text)


def test_the_characters_that_fold_to_whitespace_are_all_of_them() -> None:
    from panprd_desktop.core.normalize import translate_fold
    from panprd_desktop.core.parsing.folded_search import _folding_to_space

    every = {chr(c) for c in range(0x110000) if translate_fold(chr(c)).isspace()}
    assert set(_folding_to_space()) == every and "\u3000" in every and "\u200b" in every


def test_only_chinese_phrases_can_be_searched_as_written() -> None:
    assert expand("(均为|都是)单位|不分先后") == ["均为单位", "都是单位", "不分先后"]
    with pytest.raises(ValueError):
        RawPhrases("单位.*牵头")


@pytest.mark.parametrize("statement", ["所列單位均為牽頭單位，排名不分先後。", "所列单位均为 牵头\u200b单位。",
                                       "所列单位均为\u3000牵头\n单位。"])
def test_a_traditional_or_spaced_statement_still_makes_every_listed_unit_lead(statement: str) -> None:
    doc = parse_document(f"重点工作分工\n\n{statement}\n\n一、合作\n\n1.推进合作。（省发展改革委、商务厅）\n")
    [facts] = [f for s in doc.sections for f in s.facts.values()]
    assert facts.leads == ("省发展改革委", "省商务厅") and facts.participants == ()
    assert find_convention(statement) is Convention.ALL_LEAD


def test_a_document_without_a_statement_keeps_the_first_unit_leading() -> None:
    assert find_convention("单位负责人\n" * 3000 + "牵头单位：省政府") is Convention.FIRST_LEADS


def test_long_texts_fold_like_the_table_says_beyond_the_bmp_too() -> None:
    table = fold_table()
    text = "廣東省　ＡＢＣ 21 世紀𠀀😀\ud800" * 40 + "香港特別行政區" * 10
    assert len(text) > 200
    assert fold(text).replace(" ", "") == re.sub(r"\s+", "", text.translate(table))


def _repair_the_long_way(line: str) -> str:
    line = _SUBSCRIPT.sub(r"\1", line)
    line = _HALF_PUNCT.sub(lambda m: _FULL[m.group(1)], line)
    return _SPACE_NEAR_CJK.sub("", line).strip()


@pytest.mark.parametrize("line", [
    "PM_{2.5}浓度下降 , 空气质量改善", "加强合作:推进 “一带一路”", "粤港澳\u3000大湾区",
    "A , B; C: D",
    "无需修复的一行。", "  前后空格  ", "\t制表\t符", "PM_{2.5}", "中文,中文;中文:“引号”", "",
])
def test_repairs_skipped_only_where_they_could_not_apply(line: str) -> None:
    assert repair_line(line) == _repair_the_long_way(line)


@pytest.mark.parametrize("line", [
    "牵头单位：省发展改革委", "牽頭單位：省發展改革委", " " * 40 + "牵头单位：省政府",
    "\u200b" * 30 + "完成時限:2018年", "牵 头 单 位 ：省政府", "1.推进合作。",
    "责任单位" + " " * 30 + "：x", "配合单位", "",
])
def test_owner_lines_are_recognised_from_their_head_alone(line: str) -> None:
    assert is_owner_line(line) == (OWNER_LINE.match(fold(line)) is not None)


def _classify_the_long_way(text: str) -> tuple[object, ...] | None:
    for style, pattern in _PATTERNS:
        m = pattern.match(text)
        if m:
            if style is Style.CHAPTER and (ends_paragraph(m.group(3)) or len(m.group(3)) > 40):
                continue
            return style, m.group(1), m.group(2), m.group(3)
    return None


def _item_number_the_long_way(text: str) -> str | None:
    if m := ENUM_ARABIC.match(text):
        return m.group(2)
    if m := ENUM_ITEM_PAREN.match(text):
        return f"（{m.group(2)}）"
    if m := ENUM_CIRCLED.match(text):
        return m.group(2)
    return None


@pytest.mark.parametrize("line", [
    "1.加快合作", "１．全角数字", "٣.其他十进制数字", "（2）推进", "(3) 半角", "③圆圈", "⑳最后一个", "一、总体要求",
    "（十）建设", "第三章 总则", "第十条 内容", "第一部分很长的一句话。", "二〇一八年", "推进合作。", "", " 1.前导空格",
    "Ⅳ.罗马数字", "〇、零", "5.2017年举办", "1.5亿元",
])
def test_numbering_is_recognised_from_the_first_character_as_before(line: str) -> None:
    assert item_number(line) == _item_number_the_long_way(line)
    assert classify(line) == _classify_the_long_way(line)


def test_owner_lines_agree_with_the_long_way_on_random_lines() -> None:
    rng = random.Random(7)
    pieces = ["牵头单位", "牽頭單位", "參與單位", "参与单位", "完成時限", "时间安排", "：", ":", " ", "\u3000",
              "\u200b", "省政府", "1.", "（", "蔘", "責任部門", "\t", "A"]
    for _ in range(20_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert is_owner_line(line) == (OWNER_LINE.match(fold(line)) is not None), repr(line)
