"""Tab pages built when first needed, so the window's first slice stays short (issue 13).

Building every pane in the window's constructor (the 分工表 with its filter bar and delegates,
the search panel with its own) was one window-thread block of ~100 ms before the first paint,
at any library size. A page registered here starts as an empty placeholder; the real widget is
built when its tab is first shown, when code first asks for it (:meth:`LazyTabs.get`), or in an
idle slice after start-up (:meth:`build_later`, one page per event-loop turn). The page is a
plain container that receives the real widget (no tab is removed or inserted, so the tab bar,
its current index and its signals never change under a listener).
"""

from __future__ import annotations

from collections.abc import Callable

from panprd_desktop.ui.qt import QtCore, QtWidgets


class LazyTabs(QtCore.QObject):
    """The lazily built pages of one QTabWidget, by name."""

    def __init__(self, tabs: QtWidgets.QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._builders: dict[str, Callable[[], QtWidgets.QWidget]] = {}
        self._pages: dict[str, QtWidgets.QWidget] = {}
        self._built: dict[str, QtWidgets.QWidget] = {}
        tabs.currentChanged.connect(self._current_changed)

    def add(self, name: str, label: str, build: Callable[[], QtWidgets.QWidget]) -> None:
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self._builders[name] = build
        self._pages[name] = page
        self._tabs.addTab(page, label)

    def page(self, name: str) -> QtWidgets.QWidget:
        """The tab's page (the container the real widget is put in)."""
        return self._pages[name]

    def built(self, name: str) -> QtWidgets.QWidget | None:
        """The page if it exists already (never builds it)."""
        return self._built.get(name)

    def get(self, name: str) -> QtWidgets.QWidget:
        """The page, built now if it was not yet."""
        widget = self._built.get(name)
        if widget is None:
            widget = self._build(name)
        return widget

    def build_later(self, names: list[str], then: Callable[[], None] | None = None) -> None:
        """Build ``names`` one per event-loop turn (each is one short slice, never all at once),
        then call ``then`` in a turn of its own."""
        pending = [n for n in names if n not in self._built]

        def next_one() -> None:
            if pending:
                self.get(pending.pop(0))
                QtCore.QTimer.singleShot(1, self, next_one)  # dropped with the window
            elif then is not None:
                then()

        # 1 ms, not 0: a 0 ms single shot is a posted event, run in the same pass as other posted
        # work; a timer lets input in between the slices
        QtCore.QTimer.singleShot(1, self, next_one)

    def _current_changed(self, index: int) -> None:
        page = self._tabs.widget(index)
        for name, own in self._pages.items():
            if page is own and name not in self._built:
                self._build(name)
                return

    def _build(self, name: str) -> QtWidgets.QWidget:
        widget = self._builders[name]()
        self._built[name] = widget
        self._pages[name].layout().addWidget(widget)
        return widget
