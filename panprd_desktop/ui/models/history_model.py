"""The change history of one measure (newest first): time, author, field, before → after."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from panprd_desktop.core.model import HistoryEntry
from panprd_desktop.ui.labels import field_text, value_text
from panprd_desktop.ui.qt import ROOT, Qt, QtCore


class HistoryModel(QtCore.QAbstractTableModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("时间"), self.tr("修改人"), self.tr("项目"), self.tr("修改"))[section]
        return None

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._entries[index.row()]
        col = index.column()
        if col == 0:
            short = role == Qt.ItemDataRole.DisplayRole
            return e.at.strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M")
        if col == 1:  # which office made the value, when it is known (exchange)
            return f"{e.author}（{e.office}）" if e.office and e.office != e.author else e.author
        if col == 2:
            return field_text(e.field)
        if e.field == "note":
            before, after = e.before, e.after
            if after is None:
                return self.tr("删除备注：{0}").format(value_text("note", before))
            return self.tr("添加备注：{0}").format(value_text("note", after))
        return f"{value_text(e.field, e.before)} → {value_text(e.field, e.after)}"
