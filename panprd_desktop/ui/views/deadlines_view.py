"""Deadlines: measures overdue or due within 30 days, grouped per owner; below them the 无法识别
group — deadlines written as text that names no date (``下周三``), which would otherwise never
show up here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.core.observe import UndatedDeadline, undated_deadlines
from panprd_desktop.ui.models.deadlines_model import DAYS, ID, DeadlinesModel, Group, IdRole, load_deadlines
from panprd_desktop.ui.models.tree_model import Runner
from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets, Signal

WITHIN_DAYS = 30
# rows up to which every owner is shown expanded: expanding lays every row out on the window
# thread (index, parent and data per row in Python), 2,000 rows were ~100 ms (issue 13)
EXPAND_ALL = 300


class DeadlinesView(QtWidgets.QWidget):
    measureActivated = Signal(str)

    def __init__(self, lib: Library, today: Callable[[], date] = date.today,
                 parent: QtWidgets.QWidget | None = None, run: Runner | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._today = today
        self._run = run  # off the window thread (issue 13): run(fn, done)
        self._ticket = 0
        self._dirty = True
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.model = DeadlinesModel(self, lib)
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
        self.undated_box = QtWidgets.QGroupBox()
        self.undated_model = QtGui.QStandardItemModel(self)
        self.undated = QtWidgets.QListView()
        self.undated.setModel(self.undated_model)
        self.undated.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.undated.setMaximumHeight(120)
        box_layout = QtWidgets.QVBoxLayout(self.undated_box)
        box_layout.addWidget(self.undated)
        layout.addWidget(self.undated_box)
        self.undated_box.hide()  # until the first load says there is something to show
        self.undated.activated.connect(self._activated)
        self.undated.doubleClicked.connect(self._activated)
        self.tree.activated.connect(self._activated)
        self.tree.doubleClicked.connect(self._activated)

    def showEvent(self, event: object) -> None:  # refresh lazily: only when seen
        if self._dirty:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Reload from one indexed query, on the worker when there is one (issue 13)."""
        self._dirty = False
        today = self._today()
        self._ticket += 1
        ticket = self._ticket

        def load() -> tuple[list[Group], list[UndatedDeadline], tuple[int, int]]:
            groups = load_deadlines(self._lib, today, WITHIN_DAYS)
            return groups, undated_deadlines(self._lib), _counts(groups)

        def show(loaded: tuple[list[Group], list[UndatedDeadline], tuple[int, int]]) -> None:
            if ticket == self._ticket:
                self._show(today, *loaded)

        if self._run is None:
            show(load())
        else:
            self._run(load, show)

    def _show(self, today: date, groups: list[Group], undated: list[UndatedDeadline],
              counts: tuple[int, int]) -> None:
        self.model.set_groups(groups)
        if sum(len(g.rows) for g in groups) <= EXPAND_ALL:
            self.tree.expandAll()
        elif groups and len(groups[0].rows) <= EXPAND_ALL // 4:  # thousands: owners only, opened on a click
            self.tree.expand(self.model.index(0, 0))
        overdue, soon = counts
        # one count per translated phrase, so each takes its own Qt plural form
        self.summary.setText(self.tr("今天 {0}：{1}，{2}（已完成和长期推进的不计）。").format(
            today.isoformat(), self.tr("已逾期 %n 条", "", overdue),
            self.tr("{0} 天内到期 %n 条", "", soon).format(WITHIN_DAYS)))
        self._show_undated(undated)

    def _show_undated(self, rows: list[UndatedDeadline]) -> None:
        self.undated_model.clear()
        for row in rows:
            item = QtGui.QStandardItem(f"{row.label}  {row.text}")
            item.setData(row.measure_id, IdRole)
            self.undated_model.appendRow(item)
        self.undated_box.setTitle(self.tr("无法识别（%n 条：完成时限未能识别日期）", "", len(rows)))
        self.undated_box.setVisible(bool(rows))

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


def _counts(groups: list[Group]) -> tuple[int, int]:
    """(overdue, due soon) measures, each counted once however many owners list it — on the
    worker: a set over every row took 80–150 ms of the window thread at 300k measures (issue 13)."""
    overdue = {r[ID] for g in groups for r in g.rows if r[DAYS] < 0}
    soon = {r[ID] for g in groups for r in g.rows if r[DAYS] >= 0}
    return len(overdue), len(soon)

