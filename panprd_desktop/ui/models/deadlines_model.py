"""Deadlines per owner: measures overdue or due within N days, grouped under each owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from panprd_desktop.core.model import MeasureView
from panprd_desktop.ui.labels import STATUS_COLOURS, status_text
from panprd_desktop.ui.qt import ROOT, Qt, QtCore, QtGui

IdRole = Qt.ItemDataRole.UserRole + 1
NO_OWNER = "（未指定）"


@dataclass(frozen=True)
class Row:
    view: MeasureView
    role: str  # "lead" | "participant" | ""
    days: int  # negative: overdue by that many days


@dataclass(frozen=True)
class Group:
    owner: str
    rows: tuple[Row, ...]

    @property
    def overdue(self) -> int:
        return sum(r.days < 0 for r in self.rows)


def group_deadlines(views: Sequence[MeasureView], today: date, within: int = 30) -> list[Group]:
    """Owners (most overdue first) with their measures that are overdue or due within ``within`` days."""
    horizon = today + timedelta(days=within)
    groups: dict[str, list[Row]] = {}
    for v in views:
        d = v.deadline.date
        if d is None or v.status in ("done", "ongoing") or d > horizon:
            continue
        days = (d - today).days
        owners = [(o, "lead") for o in v.leads] + [(o, "participant") for o in v.participants]
        for owner, role in owners or [(NO_OWNER, "")]:
            groups.setdefault(owner, []).append(Row(v, role, days))
    out = [Group(o, tuple(sorted(rows, key=lambda r: r.days))) for o, rows in groups.items()]
    return sorted(out, key=lambda g: (-g.overdue, -len(g.rows), g.owner))


class DeadlinesModel(QtCore.QAbstractItemModel):
    """Two levels: owner groups, then their measures. internalId of a row is its group + 1."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[Group] = []

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
        row = self._groups[index.internalId() - 1].rows[index.row()]
        v = row.view
        if role == IdRole:
            return v.measure_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                role_word = {"lead": self.tr("牵头"), "participant": self.tr("参与")}.get(row.role, "")
                text = v.text if len(v.text) <= 40 else v.text[:40] + "…"
                return f"{v.label}［{role_word}］ {text}" if role_word else f"{v.label} {text}"
            if col == 1:
                return v.deadline.text
            if col == 2:
                if row.days < 0:
                    return self.tr("已逾期 {0} 天").format(-row.days)
                return self.tr("今天到期") if row.days == 0 else self.tr("还有 {0} 天").format(row.days)
            return status_text(v.status)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and row.days < 0:
            return QtGui.QBrush(QtGui.QColor("#a3180d"))
        if role == Qt.ItemDataRole.BackgroundRole and col == 3:
            return QtGui.QBrush(QtGui.QColor(STATUS_COLOURS[v.status][0]))
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return v.text
        return None
