"""Deadlines as people write them: a date, or text such as ``2020年底前`` kept as written.

:func:`parse_deadline` returns the text unchanged plus the date it implies, when it implies
one (``长期坚持`` implies none). A string shaped like a date but impossible (``2026-02-30``)
is an error, so a typo is caught instead of silently becoming "no date".
"""

from __future__ import annotations

import re
from datetime import date

from panprd_desktop.core.errors import InvalidValue

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:  # parse_date serves `panprd search --due-before`: it must not load the model
    from panprd_desktop.core.model import Deadline

_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH_END = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末|份)?")
_QUARTER = re.compile(r"(\d{4})\s*年\s*(?:第)?([一二三四1-4])\s*季度")
_HALF = re.compile(r"(\d{4})\s*年\s*(上|下)半年")
_YEAR = re.compile(r"(\d{4})\s*年")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise InvalidValue(f"无效的日期：{year}年{month}月 (invalid month)")
    import calendar  # on use: not part of a search's start-up

    return date(year, month, calendar.monthrange(year, month)[1])


def _checked(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue(f"无效的日期：{text} (no such date)") from None


def parse_date(text: str) -> date:
    """A strict date (``2026-06-30``, ``2026/6/30``, ``2026年6月30日``) or InvalidValue."""
    m = _FULL.match(text.strip())
    if not m or m.end() != len(text.strip()):
        raise InvalidValue(f"无法识别的日期：{text!r}，请用 2026-06-30 这样的格式 (invalid date)")
    return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)


def parse_deadline(text: str) -> Deadline:
    """Keep ``text`` as written and derive the last day it allows, where it names one."""
    from panprd_desktop.core.model import Deadline

    text = text.strip()
    if not text:
        return Deadline()
    if m := _FULL.match(text):
        return Deadline(text, _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)), text))
    if m := _QUARTER.search(text):
        return Deadline(text, _month_end(int(m.group(1)), _QUARTERS[m.group(2)] * 3))
    if m := _HALF.search(text):
        return Deadline(text, _month_end(int(m.group(1)), 6 if m.group(2) == "上" else 12))
    if m := _MONTH_END.search(text):
        return Deadline(text, _month_end(int(m.group(1)), int(m.group(2))))
    if m := _YEAR.search(text):
        return Deadline(text, date(int(m.group(1)), 12, 31))
    if re.fullmatch(r"[\d\s/.\-]+", text):
        raise InvalidValue(f"无法识别的日期：{text!r}，请用 2026-06-30 这样的格式 (invalid date)")
    return Deadline(text, None)
