"""The 分工表 model: holds measure ids only and fetches rows lazily into a cache (Anki's browser).

Edits go through :class:`~panprd_desktop.ui.ops.Operations` (the worker); the cache entries of
changed measures are dropped when the Changes record comes back, so the table shows what the
library holds, never what the user typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import STATUSES, Changes, MeasureView
from panprd_desktop.ui.labels import STATUS_COLOURS, join_names, split_owners, status_text
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.qt import ROOT, Qt, QtCore, QtGui

COL_LABEL, COL_TEXT, COL_LEADS, COL_PARTICIPANTS, COL_DEADLINE, COL_STATUS = range(6)
EDITABLE = (COL_LEADS, COL_PARTICIPANTS, COL_DEADLINE, COL_STATUS)
IdRole = Qt.ItemDataRole.UserRole + 1
STATUS_CODES = list(STATUSES)
FETCH = 100  # rows fetched per cache miss


def _sort_key(column: int, v: MeasureView) -> Any:
    if column == COL_LEADS:
        return join_names(v.leads)
    if column == COL_PARTICIPANTS:
        return join_names(v.participants)
    if column == COL_DEADLINE:
        return (v.deadline.date is None, v.deadline.date or 0, v.deadline.text)
    if column == COL_STATUS:
        return STATUS_CODES.index(v.status)
    if column == COL_TEXT:
        return v.text
    return 0  # 序号: the ids' reading order (stable sort keeps it)


class DivisionTableModel(QtCore.QAbstractTableModel):
    def __init__(self, lib: Library, ops: Operations, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._ops = ops
        self._ids: list[str] = []
        self._order: dict[str, int] = {}
        self._cache: dict[str, MeasureView] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- content ---------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._order = {m: i for i, m in enumerate(self._ids)}
        self._cache.clear()
        if self._sort:
            self._sort_ids(*self._sort)
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def measure_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, measure_id: str) -> int:
        try:
            return self._ids.index(measure_id)
        except ValueError:
            return -1

    def view(self, row: int) -> MeasureView:
        mid = self._ids[row]
        if mid not in self._cache:
            window = [m for m in self._ids[max(0, row - FETCH // 4): row + FETCH] if m not in self._cache]
            with self._lib.lock:
                for v in self._lib.measures.many(window):
                    self._cache[v.measure_id] = v
        return self._cache[mid]

    def cached(self) -> int:
        return len(self._cache)

    def on_changes(self, changes: Changes) -> None:
        for mid in changes.measure_ids:
            self._cache.pop(mid, None)
            row = self.row_of(mid)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- editing -----------------------------------------------------------------------------------
    def edit_rows(self, rows: Sequence[int], column: int, value: Any) -> None:
        """Set ``column`` to ``value`` on every row in ``rows`` (one operation, one undo step)."""
        ids = [self._ids[r] for r in sorted(set(rows)) if 0 <= r < len(self._ids)]
        edit = self._edit_for(column, value)
        if ids and edit is not None:
            self._ops.annotate(ids, edit)

    @staticmethod
    def _edit_for(column: int, value: Any) -> Edit | None:
        if column == COL_LEADS:
            return Edit(set_leads=tuple(split_owners(str(value))))
        if column == COL_PARTICIPANTS:
            return Edit(set_participants=tuple(split_owners(str(value))))
        if column == COL_DEADLINE:
            return Edit(deadline=str(value).strip())
        if column == COL_STATUS and value in STATUSES:
            return Edit(status=str(value))
        return None

    def setData(self, index: QtCore.QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        if self.data(index, Qt.ItemDataRole.EditRole) == value:
            return False
        self.edit_rows([index.row()], index.column(), value)
        return True

    def flags(self, index: QtCore.QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self._lib.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # -- sorting ------------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_ids(column, order)
        self.layoutChanged.emit()

    def _sort_ids(self, column: int, order: Qt.SortOrder) -> None:
        missing = [m for m in self._ids if m not in self._cache]
        if missing and column != COL_LABEL:
            with self._lib.lock:
                for v in self._lib.measures.many(missing):
                    self._cache[v.measure_id] = v
        reverse = order == Qt.SortOrder.DescendingOrder
        self._ids.sort(key=lambda m: self._order.get(m, 0), reverse=reverse)
        if column != COL_LABEL:
            self._ids.sort(key=lambda m: _sort_key(column, self._cache[m]), reverse=reverse)

    # -- Qt model API ---------------------------------------------------------------------------------
    def rowCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return (self.tr("序号"), self.tr("重点任务"), self.tr("牵头单位"), self.tr("参与单位"),
                self.tr("完成时限"), self.tr("状态"))[section]

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return None
        v, col = self.view(index.row()), index.column()
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if col != COL_STATUS:
                return None
            bg, fg = STATUS_COLOURS[v.status]
            return QtGui.QBrush(QtGui.QColor(bg if role == Qt.ItemDataRole.BackgroundRole else fg))
        if role == Qt.ItemDataRole.ToolTipRole:
            return v.text if col == COL_TEXT else None
        edit = role == Qt.ItemDataRole.EditRole
        if col == COL_LABEL:
            return v.label
        if col == COL_TEXT:
            return v.text
        if col == COL_LEADS:
            return join_names(v.leads)
        if col == COL_PARTICIPANTS:
            return join_names(v.participants)
        if col == COL_DEADLINE:
            return v.deadline.text
        return v.status if edit else status_text(v.status)
