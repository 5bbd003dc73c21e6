"""分工表: every measure in a sortable, filterable, editable table (multi-row edits)."""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.ui.models.table_model import COL_LABEL, COL_TEXT, DivisionTableModel, IdRole
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.qt import QtCore, QtWidgets, Signal
from panprd_desktop.ui.views.delegates import DivisionDelegate
from panprd_desktop.ui.views.filter_bar import FilterBar
from panprd_desktop.ui.views.latest_only import LatestOnly

# 序号, 重点任务, 牵头单位, 参与单位, 完成时限, 状态: the others' sensible minimums; 重点任务 takes the rest
COLUMN_WIDTHS = (56, 240, 96, 120, 88, 60)
TEXT_MIN = 240


class DivisionView(QtWidgets.QWidget):
    selectionChanged = Signal(list)  # measure ids

    def __init__(self, lib: Library, ops: Operations, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._ops = ops
        self.query = QtWidgets.QLineEdit()
        self.query.setPlaceholderText(self.tr("筛选条文…"))
        self.query.setClearButtonEnabled(True)
        self.filter_bar = FilterBar(self._complete)
        self.filter_toggle = QtWidgets.QToolButton()
        self.filter_toggle.setText(self.tr("筛选条件"))
        self.filter_toggle.setCheckable(True)
        self.count = QtWidgets.QLabel()
        self.model = DivisionTableModel(lib, ops, self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(DivisionDelegate(self.table, self._complete))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_LABEL, QtCore.Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                                   | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QtWidgets.QAbstractItemView.EditTrigger.SelectedClicked)
        # Rows wrap to three lines (a fixed height: measuring every row of a large library would
        # stall the window); the full text is in the tooltip and the inspector.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        lines = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(3 * lines + 8)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        self._user_widths: dict[int, int] = {}
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)
        header.sectionResized.connect(self._column_resized)
        self.table.viewport().installEventFilter(self)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.filter_toggle)
        top.addWidget(self.count)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.filter_bar.setVisible(False)
        self.filter_toggle.toggled.connect(self.filter_bar.setVisible)

        self._latest = LatestOnly(200, self.refresh, self)  # pause + ids in order + rows ≤ 0.3 s (issue 13)
        self.query.textChanged.connect(lambda _t: self._latest.schedule())
        self.filter_bar.changed.connect(self._latest.schedule)
        self.filter_bar.changed.connect(self.update_filter_cue)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.initial_selection: list[str] = []  # the window's selection, highlighted when rows arrive
        self.refresh()

    def _complete(self, prefix: str) -> list[str]:
        with self._lib.lock:
            return self._lib.owners.complete(prefix)

    def filters(self) -> Any | None:
        return self.filter_bar.filters()

    def refresh(self) -> None:
        """Recompute the rows from the filter (the table keeps only ids)."""
        query, filters = self.query.text().strip(), self.filters()
        self.update_filter_cue()
        seq = self._latest.ticket()
        self._ops.matching_ids(query, filters, lambda ids: self._show(seq, ids), lambda m: self._failed(seq, m))

    def update_filter_cue(self) -> None:
        """A collapsed 筛选条件 still says that (and how many) conditions filter the table."""
        n = self.filter_bar.active_count()
        self.filter_toggle.setText(self.tr("筛选条件（%n）", "", n) if n else self.tr("筛选条件"))
        self.filter_toggle.setStyleSheet("font-weight: bold; color: #a35a00;" if n else "")
        self.filter_toggle.setToolTip(self.tr("有筛选条件生效：表中只显示符合条件的措施") if n else "")

    def pending(self) -> bool:
        return self._latest.pending()

    def _show(self, seq: int, ids: list[str]) -> None:
        if not self._latest.accept(seq):
            return
        # rows are recomputed after an edit: keep the highlighted measures (the inspector still
        # targets them) instead of letting the model reset clear the selection
        keep, current = self.selected_ids(), self.current_id()
        initial, self.initial_selection = self.initial_selection, []
        self.table.selectionModel().blockSignals(True)
        try:
            self.model.set_ids(ids)
            self.select_ids(keep or initial)
            if current is not None and self.model.row_of(current) >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(self.model.row_of(current), 0), QtCore.QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self.table.selectionModel().blockSignals(False)
        if keep and self.selected_ids() != keep:
            self._selection()  # some left the filter: the rest of the window follows what is shown
        self.count.setText(self.tr("%n 条", "", len(ids)))

    def _failed(self, seq: int, message: str) -> None:
        if self._latest.accept(seq):
            self.count.setText(message)

    def on_changes(self, changes: Changes) -> None:
        if changes.documents or (changes.measure_ids and self.filters() is not None):
            self._latest.schedule()  # membership may have changed
        self.model.on_changes(changes)

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.measure_id(r) for r in rows]

    def select_ids(self, ids: list[str]) -> None:
        sel = QtCore.QItemSelection()
        for mid in ids:
            row = self.model.row_of(mid)
            if row >= 0:
                sel.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(sel, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _selection(self, *_args: object) -> None:
        self.selectionChanged.emit(self.selected_ids())

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    # -- column widths (issue 11: 重点任务 keeps the spare width at any window size) --------------
    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table.viewport() and event.type() == QtCore.QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column != COL_TEXT and not getattr(self, "_fitting", False):
            self._user_widths[column] = new  # a width the user dragged is kept

    def fit_columns(self) -> None:
        """Give 重点任务 whatever the other columns leave, never less than TEXT_MIN."""
        self._fitting = True
        try:
            others = sum(self._user_widths.get(c, w) for c, w in enumerate(COLUMN_WIDTHS) if c != COL_TEXT)
            self.table.setColumnWidth(COL_TEXT, max(TEXT_MIN, self.table.viewport().width() - others))
        finally:
            self._fitting = False

