"""Which paragraphs are headings, and of which numbering style."""

from __future__ import annotations

from enum import Enum

from panprd_desktop.core.parsing.numerals import (
    ARTICLE,
    CN_NUM,
    ENUM_ARABIC,
    ENUM_CN,
    ENUM_PAREN,
    PART_HEADING,
)
from panprd_desktop.core.parsing.repair import ends_paragraph


class Style(Enum):
    CHAPTER = "chapter"  # 第一章 / 第一节 — always a part
    ARTICLE = "article"  # 第一条 — always a section
    ENUM_CN = "enum_cn"  # 一、
    ENUM_PAREN = "enum_paren"  # （一）
    ENUM_ARABIC = "enum_arabic"  # 1.


_PATTERNS = (
    (Style.CHAPTER, PART_HEADING),
    (Style.ARTICLE, ARTICLE),
    (Style.ENUM_CN, ENUM_CN),
    (Style.ENUM_PAREN, ENUM_PAREN),
    (Style.ENUM_ARABIC, ENUM_ARABIC),
)


_OPENERS = frozenset("第（(" + CN_NUM)


def classify(text: str) -> tuple[Style, str, str, str] | None:
    """Return (style, label, numeral, rest) for a numbered paragraph, else None."""
    first = text[:1]
    # What every pattern can open with (第, a Chinese numeral, a bracket, a decimal digit — \d
    # is Unicode Nd, which isdecimal() tests): other paragraphs skip the five regexes.
    if not first or not (first in _OPENERS or first.isdecimal()):
        return None
    for style, pattern in _PATTERNS:
        m = pattern.match(text)
        if m:
            if style is Style.CHAPTER and (ends_paragraph(m.group(3)) or len(m.group(3)) > 40):
                continue  # "第一部分…。" prose, not a heading
            return style, m.group(1), m.group(2), m.group(3)
    return None


def is_short_title(rest: str) -> bool:
    """A heading line's text: short, no sentence end (``总体要求``)."""
    return 0 < len(rest) <= 40 and not ends_paragraph(rest) and "，" not in rest


def is_title_heading(text: str) -> bool:
    """一、总体要求 / 第一章 总则: a numbered line that is only a title."""
    found = classify(text)
    return (
        found is not None
        and found[0] in (Style.CHAPTER, Style.ENUM_CN)
        and (is_short_title(found[3]) or not found[3])
    )


def is_heading_line(text: str) -> bool:
    """A line that stands alone whatever follows it: 一、总体要求 / 第一章 总则 / （二）…。"""
    found = classify(text)
    if found is None:
        return False
    style, _label, _num, rest = found
    if style in (Style.CHAPTER, Style.ENUM_CN):
        return is_short_title(rest) or not rest
    return True
