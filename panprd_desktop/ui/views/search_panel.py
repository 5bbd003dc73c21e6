"""Search panel (Ctrl+F): searches as you type (debounced), filters, highlighted results."""

from __future__ import annotations

import html
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.ui.models.results_model import HtmlRole, IdRole, SearchResultsModel
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.qt import QtCore, QtWidgets, Signal
from panprd_desktop.ui.views.filter_bar import FilterBar
from panprd_desktop.ui.views.html_delegate import HtmlDelegate
from panprd_desktop.ui.views.latest_only import LatestOnly

DEBOUNCE_MS = 250
LIMIT = 200


class SearchPanel(QtWidgets.QWidget):
    resultActivated = Signal(str)  # measure id (Enter or double-click: open it in the reader)
    resultsSelected = Signal(list)  # measure ids selected in the results (Ctrl/Shift+click extend)
    searched = Signal(str, object)  # query, filters (None when none) — after each search

    def __init__(self, lib: Library, ops: Operations, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._ops = ops
        self.box = QtWidgets.QLineEdit()
        self.box.setPlaceholderText(self.tr("搜索条文（Ctrl+F）"))
        self.box.setClearButtonEnabled(True)
        self.filter_bar = FilterBar(self._complete)
        self.count = QtWidgets.QLabel()
        self.count.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QtWidgets.QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(HtmlRole, self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)

        self._latest = LatestOnly(DEBOUNCE_MS, self.run, self)
        self.box.textChanged.connect(lambda _t: self._latest.schedule())
        self.filter_bar.changed.connect(self._latest.schedule)
        self.results.activated.connect(self._activated)
        self.results.selectionModel().selectionChanged.connect(self._selection)
        self.box.installEventFilter(self)  # ↓ into the results, Enter opens the first

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.results.selectionModel().selectedRows())
        return [self.model.index(r, 0).data(IdRole) for r in rows]

    def _selection(self, *_args: object) -> None:
        ids = self.selected_ids()
        if ids:
            self.resultsSelected.emit(ids)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.box and event.type() == QtCore.QEvent.Type.KeyPress and self.model.rowCount():
            key = event.key()  # type: ignore[attr-defined]
            if key == QtCore.Qt.Key.Key_Down:
                self.results.setFocus()
                self.results.setCurrentIndex(self.model.index(0, 0))
                return True
            if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
                current = self.results.currentIndex()
                self._activated(current if current.isValid() else self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _complete(self, prefix: str) -> list[str]:
        with self._lib.lock:
            return self._lib.owners.complete(prefix)

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def query(self) -> str:
        return self.box.text().strip()

    def filters(self) -> Any | None:
        return self.filter_bar.filters()

    def pending(self) -> bool:
        """True while a search is waiting for the debounce or for its results."""
        return self._latest.pending()

    def run(self) -> None:
        query, filters = self.query(), self.filters()
        if not query and filters is None:
            self._latest.settle()
            self.model.set_hits([])
            self.count.setText(self.tr("输入词语开始搜索；可用筛选条件缩小范围。"))
            self.searched.emit("", None)
            return
        seq = self._latest.ticket()
        self._ops.search(query, filters, LIMIT, lambda result: self._show(seq, query, filters, result),
                         lambda message: self._failed(seq, message))

    def _show(self, seq: int, query: str, filters: Any, result: Any) -> None:
        if not self._latest.accept(seq):
            return  # an older search finished after a newer one started
        self.model.set_hits(result.hits)
        shown = len(result.hits)
        text = self.tr("找到 {0} 条措施").format(result.total)
        if shown < result.total:
            text += self.tr("（显示前 {0} 条）").format(shown)
        self.count.setText(text)
        self.searched.emit(query, filters)

    def _failed(self, seq: int, message: str) -> None:
        if not self._latest.accept(seq):
            return
        self.model.set_hits([])
        self.count.setText(f'<span style="color:#a3180d;">{html.escape(message)}</span>')

    def on_changes(self, changes: Changes) -> None:
        if (changes.documents or changes.measure_ids) and (self.query() or self.filters() is not None):
            self._latest.schedule()

    def _activated(self, index: QtCore.QModelIndex) -> None:
        mid = index.data(IdRole)
        if mid:
            self.resultActivated.emit(mid)
