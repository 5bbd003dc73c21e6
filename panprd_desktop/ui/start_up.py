"""The main window's start-up slices and lazily built panes (issue 13). A mixin of
:class:`~panprd_desktop.ui.main_window.MainWindow`, kept apart so the window module stays about
wiring panels together.

The first, visible slice builds only the tree, the reader and the deadlines tab. After the first
paint: the planner statistics and the tree load on the worker; the inspector is built in its own
slice; once the tree arrived, the 分工表 and the search panel are built one idle slice each, and
then the worker warms the search index up and makes the daily backup.
"""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui.memory import freeze_long_lived
from panprd_desktop.ui.panes import build_inspector
from panprd_desktop.ui.views.division_view import DivisionView
from panprd_desktop.ui.views.inspector import InspectorView
from panprd_desktop.ui.views.search_panel import SearchPanel

EXPAND_DOCUMENTS = 50  # up to this many documents the tree opens each one


class StartUp:
    """Needs the window's ``lib``, ``ops``, ``tree``, ``tree_model``, ``_center_lazy``,
    ``_left_lazy``, ``_inspector``, ``_inspector_slot``, ``_tree_ready`` and ``_warmed``."""

    def _first_loads(self) -> None:
        """After the first paint (a timer, not a posted event): the planner statistics first, before
        anything opens the window's read connection, then the tree (issue 13)."""
        self.ops.background(self.lib.refresh_statistics, lambda _tables: None)
        self.tree_model.reload()

    def _tree_loaded(self) -> None:
        """The tree (re)arrived from the worker: document lists, and a first section to read."""
        self._refresh_documents()
        first = not self._tree_ready
        if first and not self.tree.currentIndex().isValid():
            self._open_first_section()
        self._tree_ready = True
        freeze_long_lived()  # later full collections skip the tree (issue 13)
        if first:  # issue 13: then the hidden panes, one slice each, then the worker's warm-up
            self._center_lazy.build_later(["division"], then=lambda: self._left_lazy.build_later(
                ["search"], then=self._warm_up))

    def _warm_up(self) -> None:
        """The search index and the daily backup, once, on the worker. Not while the window's
        first slices run: the backup's checks are Python, and share the GIL with the window."""
        if self.isVisible() and not self._warmed:  # not when the window was closed at once (tests, probe)
            self._warmed = True
            self.ops.warm_up()

    # -- lazily built panes (issue 13) ---------------------------------------------------------------
    @property
    def inspector(self) -> InspectorView:
        if self._inspector is None:
            self._inspector = build_inspector(self, self._inspector_slot)
        return self._inspector

    @property
    def division(self) -> DivisionView:
        return self._center_lazy.get("division")  # type: ignore[return-value]

    @property
    def search(self) -> SearchPanel:
        return self._left_lazy.get("search")  # type: ignore[return-value]

    def built_pane(self, name: str) -> Any | None:
        """The "search" or "division" pane if it exists yet (never builds it)."""
        return (self._left_lazy if name == "search" else self._center_lazy).built(name)

    def _built_panes(self) -> list[Any]:
        return [p for p in (self.built_pane("search"), self.built_pane("division")) if p is not None]

    def _refresh_documents(self) -> None:
        docs = self.tree_model.documents()
        for pane in self._built_panes():  # a pane built later is given them then
            pane.filter_bar.set_documents(docs)
        if len(docs) <= EXPAND_DOCUMENTS:
            self.tree.expandToDepth(0)
        else:  # hundreds of documents: laying all their parts out would stall the window
            self.tree.expand(self.tree_model.index(0, 0))

    def _open_first_section(self) -> None:
        index = self.tree_model.index(0, 0)
        while index.isValid():
            self.tree_model.ensure_loaded(index)  # a big library's documents load when opened
            if not self.tree_model.rowCount(index):
                break
            index = self.tree_model.index(0, 0, index)
        if index.isValid():
            self.tree.setCurrentIndex(index)
