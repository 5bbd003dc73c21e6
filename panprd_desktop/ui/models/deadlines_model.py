"""Deadlines per owner: measures overdue or due within N days, grouped under each owner."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any, NamedTuple

from db.queries.deadlines import due_by, measure_text
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import MeasureView
from panprd_desktop.ui.labels import STATUS_COLOURS, status_text
from panprd_desktop.ui.qt import ROOT, Qt, QtCore, QtGui

IdRole = Qt.ItemDataRole.UserRole + 1
NO_OWNER = "（未指定）"


class Row(NamedTuple):
    """One measure under one owner: only what the list shows (the full text is read on demand).

    Groups store rows as *plain* tuples of these fields (``Row(*raw)`` names them): the garbage
    collector stops tracking a plain tuple of strings and ints, so tens of thousands of rows do
    not lengthen every full collection (a 0.5 s window stall at 300k measures when they were
    objects; tuple subclasses such as this one stay tracked)."""

    measure_id: str
    label: str
    text: str  # the first 40 characters (and one more, to know whether to add an ellipsis)
    deadline_text: str
    status: str
    role: str  # "lead" | "participant" | ""
    days: int  # negative: overdue by that many days


ID, DAYS = 0, 6  # positions in a raw row
RawRow = tuple[str, str, str, str, str, str, int]


@dataclass(frozen=True)
class Group:
    owner: str
    rows: tuple[RawRow, ...]

    @cached_property
    def overdue(self) -> int:
        """Counted once (on the worker, when the groups are sorted), not at every paint of the
        owner's row — a loop over all its rows on the window thread (issue 13)."""
        return sum(r[DAYS] < 0 for r in self.rows)

    def row(self, i: int) -> Row:
        return Row(*self.rows[i])


def _grouped(items: Iterable[tuple[str, RawRow]]) -> list[Group]:
    """Owners (most overdue first, then most rows, then name); rows keep the order given."""
    groups: dict[str, list[RawRow]] = {}
    for owner, row in items:
        groups.setdefault(owner, []).append(row)
    out = [Group(o, tuple(sorted(rows, key=lambda r: r[DAYS]))) for o, rows in groups.items()]
    return sorted(out, key=lambda g: (-g.overdue, -len(g.rows), g.owner))


def group_deadlines(views: Sequence[MeasureView], today: date, within: int = 30) -> list[Group]:
    """Owners with their measures that are overdue or due within ``within`` days (from views)."""
    horizon = today + timedelta(days=within)
    items: list[tuple[str, RawRow]] = []
    for v in views:
        d = v.deadline.date
        if d is None or v.status in ("done", "ongoing") or d > horizon:
            continue
        owners = [(o, "lead") for o in v.leads] + [(o, "participant") for o in v.participants]
        for owner, role in owners or [(NO_OWNER, "")]:
            items.append((owner, (v.measure_id, v.label, v.text[:41], v.deadline.text, v.status, role,
                                  (d - today).days)))
    return _grouped(items)


def load_deadlines(lib: Library, today: date, within: int = 30) -> list[Group]:
    """The same groups from one indexed query (run it on the worker: it takes the library lock)."""
    horizon = today + timedelta(days=within)
    with lib.lock:
        rows = due_by(lib.conn, horizon.isoformat())
    return _grouped(
        (owner or NO_OWNER, (mid, label, text, deadline_text, status, role or "",
                             (date.fromisoformat(due) - today).days))
        for owner, role, mid, label, text, deadline_text, due, status in rows)


class DeadlinesModel(QtCore.QAbstractItemModel):
    """Two levels: owner groups, then their measures. internalId of a row is its group + 1."""

    def __init__(self, parent: QtCore.QObject | None = None, lib: Library | None = None) -> None:
        super().__init__(parent)
        self._groups: list[Group] = []
        self._lib = lib  # for the full text in a row's tooltip

    def set_groups(self, groups: Sequence[Group]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def groups(self) -> list[Group]:
        return list(self._groups)

    def index(self, row: int, column: int, parent: QtCore.QModelIndex = ROOT) -> QtCore.QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QtCore.QModelIndex()
        return self.createIndex(row, column, 0 if not parent.isValid() else parent.row() + 1)

    def parent(self, index: QtCore.QModelIndex = ROOT) -> QtCore.QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QtCore.QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("单位 / 措施"), self.tr("完成时限"), self.tr("期限"), self.tr("状态"))[section]
        return None

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return self.tr("{0}（逾期 {1}，30 天内到期 {2}）").format(
                    group.owner, group.overdue, len(group.rows) - group.overdue)
            if role == Qt.ItemDataRole.FontRole and col == 0:
                font = QtGui.QFont()
                font.setBold(True)
                return font
            return None
        row = self._groups[index.internalId() - 1].row(index.row())
        if role == IdRole:
            return row.measure_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                role_word = {"lead": self.tr("牵头"), "participant": self.tr("参与")}.get(row.role, "")
                text = row.text if len(row.text) <= 40 else row.text[:40] + "…"
                return f"{row.label}［{role_word}］ {text}" if role_word else f"{row.label} {text}"
            if col == 1:
                return row.deadline_text
            if col == 2:
                if row.days < 0:
                    return self.tr("已逾期 %n 天", "", -row.days)  # Qt plural forms: "1 day overdue"
                return self.tr("今天到期") if row.days == 0 else self.tr("还有 %n 天", "", row.days)
            return status_text(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and row.days < 0:
            return QtGui.QBrush(QtGui.QColor("#a3180d"))
        if role == Qt.ItemDataRole.BackgroundRole and col == 3:
            return QtGui.QBrush(QtGui.QColor(STATUS_COLOURS[row.status][0]))
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            if self._lib is None or len(row.text) <= 40:
                return row.text
            with self._lib.reads.lock:
                return measure_text(self._lib.reads.conn, row.measure_id)
        return None
