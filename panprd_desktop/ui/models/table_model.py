"""The 分工表 model: holds measure ids only and fetches rows lazily into a cache (Anki's browser).

Edits go through :class:`~panprd_desktop.ui.ops.Operations` (the worker); the cache entries of
changed measures are dropped when the Changes record comes back, so the table shows what the
library holds, never what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from db.queries.order import sorted_ids
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


SORT_KEYS = {COL_LABEL: "label", COL_TEXT: "text", COL_LEADS: "leads", COL_PARTICIPANTS: "participants",
             COL_DEADLINE: "deadline", COL_STATUS: "status"}


def sorted_subset(lib: Library, reading: Sequence[str], column: int,
                  descending: bool) -> tuple[list[str], dict[str, int]]:
    """``reading`` (ids in reading order) sorted by ``column`` through one SQL ORDER BY, and each
    id's new row. Runs on the worker: it sorts the whole library, then keeps the table's ids."""
    if column == COL_LABEL:
        ids = list(reversed(reading)) if descending else list(reading)
    else:
        with lib.lock:
            ordered = sorted_ids(lib.conn, SORT_KEYS[column], descending, STATUS_CODES)
        members = set(reading)
        ids = [m for m in ordered if m in members] if len(members) < len(ordered) else ordered
    return ids, {m: i for i, m in enumerate(ids)}


class DivisionTableModel(QtCore.QAbstractTableModel):
    def __init__(self, lib: Library, ops: Operations, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._ops = ops
        self._ids: list[str] = []
        self._reading: list[str] = []  # the ids as given, in reading order
        self._rows: dict[str, int] | None = None  # id → row, built on the worker
        self._cache: dict[str, MeasureView] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._generation = 0
        self._sorting = False

    # -- content ---------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        """Show ``ids`` (in reading order); an active column sort is re-applied in the background."""
        self.beginResetModel()
        self._generation += 1
        self._reading = list(ids)
        descending = self._sort is not None and self._sort[1] == Qt.SortOrder.DescendingOrder
        self._ids = list(reversed(self._reading)) if descending else list(self._reading)
        self._rows = None
        self._cache.clear()
        self.endResetModel()
        if self._sort and self._sort[0] != COL_LABEL:
            self._start_sort(*self._sort)
        else:
            self._sorting = False  # a reading-order sort needs no answer; an older one is dropped
            generation, shown = self._generation, list(self._ids)
            self._background(lambda: {m: i for i, m in enumerate(shown)},
                             lambda rows: self._set_rows(generation, rows))

    def _background(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._ops.background(fn, done)

    def _set_rows(self, generation: int, rows: dict[str, int]) -> None:
        if generation == self._generation:
            self._rows = rows

    def ids(self) -> list[str]:
        return list(self._ids)

    def measure_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, measure_id: str) -> int:
        if self._rows is not None:
            return self._rows.get(measure_id, -1)
        try:  # the row map is still being built on the worker
            return self._ids.index(measure_id)
        except ValueError:
            return -1

    def view(self, row: int) -> MeasureView:
        mid = self._ids[row]
        if mid not in self._cache:
            window = [m for m in self._ids[max(0, row - FETCH // 4): row + FETCH] if m not in self._cache]
            reads = self._lib.reads  # the window's own connection: never waits on the worker's writes
            with reads.lock:
                for v in reads.measures.many(window):
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
        """Sort by an SQL ORDER BY on the worker; the rows move when the answer arrives."""
        self._sort = (column, order)
        self._generation += 1
        self._start_sort(column, order)

    def sorting(self) -> bool:
        return self._sorting

    def _start_sort(self, column: int, order: Qt.SortOrder) -> None:
        generation, reading = self._generation, self._reading
        descending = order == Qt.SortOrder.DescendingOrder
        self._sorting = True
        self._background(lambda: sorted_subset(self._lib, reading, column, descending),
                         lambda result: self._sorted(generation, *result))

    def _sorted(self, generation: int, ids: list[str], rows: dict[str, int]) -> None:
        if generation != self._generation:
            return  # the ids or the sort changed meanwhile; a newer answer is coming
        self._sorting = False
        self.layoutAboutToBeChanged.emit()
        old = self._ids
        persistent = self.persistentIndexList()
        moved = []
        for index in persistent:
            row = rows.get(old[index.row()], -1) if 0 <= index.row() < len(old) else -1
            moved.append(self.index(row, index.column()) if row >= 0 else QtCore.QModelIndex())
        self._ids, self._rows = ids, rows
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

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
