"""Chinese numerals and the heading patterns of Chinese official documents."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUM = "零〇一二两三四五六七八九十百千"


def chinese_to_int(text: str) -> int | None:
    """``三十五`` → 35, ``十`` → 10, ``一百零二`` → 102; None if not a numeral."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


# Labels, each capturing (label, numeral, rest). Half-width brackets and stray spaces
# come from PDF extraction and are recognised like their full-width forms.
PART_HEADING = re.compile(rf"^(第([{CN_NUM}\d]+)[编章节部分]+)[\s　]*(.*)$")
ARTICLE = re.compile(rf"^(第([{CN_NUM}\d]+)条)[\s　]*(.*)$", re.S)
ENUM_CN = re.compile(rf"^(([{CN_NUM}]+)、)[\s　]*(.*)$", re.S)
ENUM_PAREN = re.compile(rf"^([（(][\s　]*([{CN_NUM}]+)[\s　]*[）)])[\s　]*(.*)$", re.S)
ENUM_ARABIC = re.compile(r"^((\d{1,3})[.．、](?!\d))[\s　]*(.*)$", re.S)

DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
DOC_NO = re.compile(r"^[^\s，。]{1,12}〔\d{4}〕\d+号$")


def normalize_label(label: str) -> str:
    """``(四)`` / ``( 四 )`` → ``（四）`` so labels look the same whatever the extraction did."""
    m = ENUM_PAREN.match(label)
    if m:
        return f"（{m.group(2)}）"
    return label.strip()
