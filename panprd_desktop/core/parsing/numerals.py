"""Chinese numerals and the heading patterns of Chinese official documents."""

from __future__ import annotations

import re
from datetime import date

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
PART_HEADING = re.compile(rf"^(第([{CN_NUM}\d]+)[编章节部分編節]+)[\s　]*(.*)$")
ARTICLE = re.compile(rf"^(第([{CN_NUM}\d]+)[条條])[\s　]*(.*)$", re.S)
ENUM_CN = re.compile(rf"^(([{CN_NUM}]+)、)[\s　]*(.*)$", re.S)
ENUM_PAREN = re.compile(rf"^([（(][\s　]*([{CN_NUM}]+)[\s　]*[）)])[\s　]*(.*)$", re.S)
# ``1.5亿`` is a number, ``5.2017年举办…`` is item 5.
ENUM_ARABIC = re.compile(r"^((\d{1,3})[.．、](?:(?!\d)|(?=\d{4}\s*年)))[\s　]*(.*)$", re.S)

ENUM_ITEM_PAREN = re.compile(r"^([（(][\s　]*(\d{1,3})[\s　]*[）)])[\s　]*(.*)$", re.S)
ENUM_CIRCLED = re.compile(r"^(([\u2460-\u2473]))[\s　]*(.*)$", re.S)

DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
# Signature and gazette dates: 2017年3月2日, 二〇一七年三月二日, 二零一一年四月二十七日發佈。
_ANY_DATE_LINE = re.compile(
    r"^[（(]?\s*([\d〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*([\d一二三四五六七八九十]{1,3})\s*日\s*(?:发布|發佈|發布|印发|印發|公布|公佈|通过|通過|签署|簽署)?"
    r"\s*[）)]?\s*[。.]?$"
)
_YEAR_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
DOC_NO = re.compile(r"^(?:[^\s，。]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*[号號]|第\s*\d+\s*/\s*\d{4}\s*[号號])$")
# A 文号 at the start of a longer line: 第8/2011號行政長官公告
DOC_NO_PREFIX = re.compile(r"^(第\s*\d+\s*/\s*\d{4}\s*[号號])(.{1,20})$")


def parse_date_line(text: str) -> date | None:
    """The date a signature or gazette line states, in Arabic or Chinese numerals, or None."""
    m = _ANY_DATE_LINE.match(text.strip())
    if not m:
        return None
    year = "".join(_YEAR_DIGITS.get(c, c) for c in m.group(1))
    month, day = chinese_to_int(m.group(2)), chinese_to_int(m.group(3))
    if not year.isdigit() or month is None or day is None:
        return None
    try:
        return date(int(year), month, day)
    except ValueError:
        return None


def normalize_label(label: str) -> str:
    """``(四)`` / ``( 四 )`` → ``（四）`` so labels look the same whatever the extraction did."""
    m = ENUM_PAREN.match(label)
    if m:
        return f"（{m.group(2)}）"
    return label.strip()
