"""Search filters (document, owner, status, tag, deadline, overdue) as one SQL condition.

The condition is written against the alias ``m`` for ``measures`` (optionally in an attached
schema), so every engine can use it: the FTS5 engine joins it into its match query, the
others ask SQLite for the allowed ids. Owners are resolved through the alias vocabulary
(``粤`` → 广东省); an unknown owner matches nothing.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.normalize import is_storable
from panprd_desktop.core.vocab import STATUSES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

_ROLES = ("any", "lead", "participant")


_FILTER_FIELDS = "doc_id owner role status tag due_before due_after overdue today"


class SearchFilters(namedtuple("SearchFilters", _FILTER_FIELDS,
                               defaults=(None, None, "any", None, None, None, None, False, None))):
    """Conditions that combine with any query (or none). ``None`` / ``False`` = no condition.

    ``doc_id``, ``owner``, ``status``, ``tag``: str or None; ``role``: str; ``due_before``,
    ``due_after``, ``today``: date or None; ``overdue``: bool. ``owner`` is any name or alias;
    ``role`` is ``lead``, ``participant`` or ``any`` (the default); ``overdue`` means a
    deadline before ``today`` (default: the real today) and a status other than done/ongoing.
    Immutable, compared by value: a named tuple, not a dataclass (see
    the :mod:`panprd_desktop.core.search` docstring).
    """

    __slots__ = ()

    @property
    def empty(self) -> bool:
        return not (self.doc_id or self.owner or self.status or self.tag or self.due_before
                    or self.due_after or self.overdue)


class FilterSQL(namedtuple("FilterSQL", "where params nothing", defaults=("", (), False))):
    """``where`` (str, over alias ``m``) and its ``params`` (tuple); ``nothing`` (bool) when
    it can never match."""

    __slots__ = ()

    @property
    def empty(self) -> bool:
        return not self.where and not self.nothing


def build_filter(lib: Library, filters: SearchFilters | None, schema: str = "main") -> FilterSQL:
    """Translate ``filters`` into SQL; raises InvalidValue for a bad status/role/document."""
    if filters is None or filters.empty:
        return FilterSQL()
    for text in (filters.doc_id, filters.owner, filters.tag):
        if text and not is_storable(text):  # lone surrogates: nothing stored can equal them
            return FilterSQL(nothing=True)
    s = schema
    conds: list[str] = []
    params: list[object] = []
    if filters.doc_id:
        conds.append("m.doc_id = ?")
        params.append(lib.documents.resolve_id(filters.doc_id))
    if filters.owner:
        if filters.role not in _ROLES:
            raise InvalidValue(f"无效的角色 {filters.role!r}；可用：lead|participant|any (invalid role)")
        owner = lib.owners.find(filters.owner)
        if owner is None:
            return FilterSQL(nothing=True)
        role_sql = "" if filters.role == "any" else " AND mo.role = ?"
        conds.append(f"EXISTS (SELECT 1 FROM {s}.measure_owners mo WHERE mo.measure_id = m.measure_id"
                     f" AND mo.owner_id = ?{role_sql})")
        params.append(owner.owner_id)
        if filters.role != "any":
            params.append(filters.role)
    if filters.status:
        if filters.status not in STATUSES:
            raise InvalidValue(f"无效的状态 {filters.status!r}；可用：{'|'.join(STATUSES)} (invalid status)")
        conds.append(f"COALESCE((SELECT a.status FROM {s}.annotations a WHERE a.measure_id = m.measure_id),"
                     " 'not_started') = ?")
        params.append(filters.status)
    if filters.tag:
        tag = " ".join(filters.tag.split()).lstrip("#")
        conds.append(f"EXISTS (SELECT 1 FROM {s}.measure_tags t WHERE t.measure_id = m.measure_id AND t.tag = ?)")
        params.append(tag)
    deadline = f"(SELECT a.deadline_date FROM {s}.annotations a WHERE a.measure_id = m.measure_id)"
    if filters.due_before:
        conds.append(f"{deadline} < ?")
        params.append(filters.due_before.isoformat())
    if filters.due_after:
        conds.append(f"{deadline} > ?")
        params.append(filters.due_after.isoformat())
    if filters.overdue:
        today = filters.today or date.today()
        conds.append(f"EXISTS (SELECT 1 FROM {s}.annotations a WHERE a.measure_id = m.measure_id"
                     " AND a.deadline_date < ? AND a.status NOT IN ('done', 'ongoing'))")
        params.append(today.isoformat())
    return FilterSQL(" AND ".join(conds), tuple(params))


def allowed_ids(lib: Library, fsql: FilterSQL) -> set[str] | None:
    """The ids a filter admits (None = no filter), read through the library's connection."""
    if fsql.empty:
        return None
    if fsql.nothing:
        return set()
    sql = f"SELECT m.measure_id FROM measures m WHERE {fsql.where}"  # noqa: S608
    return {r[0] for r in lib.conn.execute(sql, fsql.params)}
