"""Deadlines: measures overdue or due within 30 days, grouped per owner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.ui.models.deadlines_model import DeadlinesModel, IdRole, group_deadlines
from panprd_desktop.ui.qt import QtCore, QtWidgets, Signal

WITHIN_DAYS = 30


class DeadlinesView(QtWidgets.QWidget):
    measureActivated = Signal(str)

    def __init__(self, lib: Library, today: Callable[[], date] = date.today,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._today = today
        self._dirty = True
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.model = DeadlinesModel(self)
        self.tree = QtWidgets.QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 120), (2, 110), (3, 80)):
            self.tree.setColumnWidth(col, width)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)

    def showEvent(self, event: object) -> None:  # refresh lazily: only when seen
        if self._dirty:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self._dirty = False
        today = self._today()
        with self._lib.lock:
            views = self._lib.measures.many(self._lib.measures.ids())
        groups = group_deadlines(views, today, WITHIN_DAYS)
        self.model.set_groups(groups)
        self.tree.expandAll()
        overdue = {r.view.measure_id for g in groups for r in g.rows if r.days < 0}
        soon = {r.view.measure_id for g in groups for r in g.rows if r.days >= 0}
        self.summary.setText(self.tr("今天 {0}：已逾期 {1} 条，{2} 天内到期 {3} 条（已完成和长期推进的不计）。").format(
            today.isoformat(), len(overdue), WITHIN_DAYS, len(soon)))

    def on_changes(self, changes: Changes) -> None:
        if changes.documents or changes.measure_ids:
            if self.isVisible():
                self.refresh()
            else:
                self._dirty = True

    def _activated(self, index: QtCore.QModelIndex) -> None:
        mid = index.data(IdRole)
        if mid:
            self.measureActivated.emit(mid)
