"""One exchanged change and the shapes its values may take (checked before anything is written)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from panprd_desktop.core.deadlines import parse_deadline
from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.model import STATUSES
from panprd_desktop.core.normalize import is_storable

SET_FIELDS = ("leads", "participants", "tags")
SCALAR_FIELDS = ("deadline", "status")
FIELDS = (*SET_FIELDS, *SCALAR_FIELDS, "note")
MAX_TEXT = 20_000  # as annotations.MAX_NOTE
MAX_NAME = 100
MAX_ITEMS = 200
_ID = re.compile(r"^[0-9A-Za-z._:-]{1,80}$")


class BundleRejected(InvalidValue):
    """An exchange file that is corrupt, foreign, too big or malformed: nothing was changed."""


class PartyNeeded(BundleRejected):
    """A returned 台账 made for no particular party: who filled it in must be named (--office)."""


@dataclass(frozen=True)
class Change:
    """A change to one field of one measure, as made somewhere: the unit of exchange.

    ``before`` is the base the change was made against (the last common value for a peer that
    had it), ``after`` the new value. Notes: ``before`` None and ``after`` a note = an added
    note; the reverse = a removed one (an undone add). Values are plain JSON data.
    """

    change_id: str
    measure_id: str
    field: str
    before: Any
    after: Any
    author: str
    at: str
    library: str
    office: str
    # A conflict resolution: the value the other side of the conflict held. A library holding
    # either ``before`` or ``alt`` takes ``after`` (the side that lost and third parties alike).
    alt: Any = None
    has_alt: bool = False

    def as_json(self) -> dict[str, Any]:
        out = {"id": self.change_id, "measure": self.measure_id, "field": self.field, "before": self.before,
               "after": self.after, "author": self.author, "at": self.at, "library": self.library,
               "office": self.office}
        if self.has_alt:
            out["alt"] = self.alt
        return out

    def origin(self) -> dict[str, str]:
        return {"id": self.change_id, "author": self.author, "at": self.at, "office": self.office,
                "library": self.library}


def _text(value: Any, what: str, limit: int = MAX_NAME, *, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise BundleRejected(f"交换包格式错误：{what} 应为文字 (wrong type)")
    if len(value) > limit or not is_storable(value) or (not empty and not value.strip()):
        raise BundleRejected(f"交换包格式错误：{what} 无效 (invalid text)")
    return value


def check_id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise BundleRejected(f"交换包格式错误：{what} 无效 (invalid id)")
    return value


def check_time(value: Any, what: str) -> str:
    text = _text(value, what, 40)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise BundleRejected(f"交换包格式错误：{what} 不是时间 (invalid time)") from None
    return text


def check_value(field: str, value: Any) -> Any:
    """The value in canonical form, or BundleRejected. Deadline dates are derived here, not trusted."""
    if field in SET_FIELDS:
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise BundleRejected(f"交换包格式错误：{field} 应为列表 (wrong type)")
        return [_text(v, field, empty=False) for v in value]
    if field == "status":
        if value not in STATUSES:
            raise BundleRejected(f"交换包格式错误：状态 {str(value)[:20]!r} 无效 (invalid status)")
        return value
    if field == "deadline":
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            raise BundleRejected("交换包格式错误：完成时限应为 {text, date} (wrong type)")
        return deadline_value(_text(value["text"], "deadline", 200))
    if field == "note":
        if value is None:
            return None
        if not isinstance(value, dict):
            raise BundleRejected("交换包格式错误：备注应为对象 (wrong type)")
        return {"uid": check_id(value.get("uid"), "note uid"),
                "text": _text(value.get("text"), "note", MAX_TEXT, empty=False),
                "author": _text(value.get("author"), "note author"),
                "at": check_time(value.get("at"), "note time")}
    raise BundleRejected(f"交换包格式错误：未知字段 {str(field)[:20]!r} (unknown field)")


def deadline_value(text: str) -> dict[str, Any]:
    try:
        parsed = parse_deadline(text)
    except InvalidValue as exc:
        raise BundleRejected(f"交换包格式错误：完成时限 {text[:30]!r} 无效 ({exc})") from None
    return {"text": parsed.text, "date": parsed.date.isoformat() if parsed.date else None}


def change_from_json(item: Any) -> Change:
    """Validate one untrusted change object."""
    if not isinstance(item, dict):
        raise BundleRejected("交换包格式错误：变更应为对象 (wrong type)")
    field = item.get("field")
    if field not in FIELDS:
        raise BundleRejected(f"交换包格式错误：未知字段 {str(field)[:20]!r} (unknown field)")
    before, after = check_value(field, item.get("before")), check_value(field, item.get("after"))
    if field == "note" and (before is None) == (after is None):
        raise BundleRejected("交换包格式错误：备注变更须为添加或删除 (invalid note change)")
    has_alt = "alt" in item and field in SCALAR_FIELDS
    return Change(
        change_id=check_id(item.get("id"), "change id"), measure_id=check_id(item.get("measure"), "measure id"),
        field=field, before=before, after=after, author=_text(item.get("author"), "author"),
        at=check_time(item.get("at"), "time"), library=check_id(item.get("library"), "library id"),
        office=_text(item.get("office"), "office"),
        alt=check_value(field, item["alt"]) if has_alt else None, has_alt=has_alt,
    )
