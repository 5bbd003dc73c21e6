"""The 分工表, the search panel and the inspector, built when first needed (issue 13: not in the window's first
slice). Each restores its saved filters, takes the document list if the tree is there, and is
wired into the window's one selection and its right-click menus."""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui import context_menus
from panprd_desktop.ui.qt import QtWidgets
from panprd_desktop.ui.views.division_view import DivisionView
from panprd_desktop.ui.views.inspector import InspectorView
from panprd_desktop.ui.views.search_panel import SearchPanel


def build_division(window: Any) -> DivisionView:
    view = DivisionView(window.lib, window.ops)
    view.initial_selection = window.selected_ids()  # selected before the table existed
    if window._tree_ready:
        view.filter_bar.set_documents(window.tree_model.documents())
    view.filter_bar.restore(window.settings.filters("table"))
    view.filter_toggle.setChecked(view.filters() is not None)
    if view.filters() is not None:
        view.refresh()
    view.selectionChanged.connect(lambda ids: window.select_measures(ids, source="table"))
    context_menus.install_on(window, view.table)
    return view


def build_search(window: Any) -> SearchPanel:
    panel = SearchPanel(window.lib, window.ops)
    if window._tree_ready:
        panel.filter_bar.set_documents(window.tree_model.documents())
    panel.filter_bar.restore(window.settings.filters("search"))
    if panel.filters() is not None:
        panel.run()
    panel.resultsSelected.connect(lambda ids: window.select_measures(ids, source="results"))
    panel.resultActivated.connect(window.open_measure)
    panel.searched.connect(window._searched)
    context_menus.install_on(window, panel.results)
    return panel


def build_inspector(window: Any, slot: QtWidgets.QWidget) -> InspectorView:
    """The inspector, in place of the empty pane ``slot`` (same splitter position and width)."""
    view = InspectorView(window.lib, window.ops)
    sizes = window.splitter.sizes()
    window.splitter.replaceWidget(window.splitter.indexOf(slot), view)
    window.splitter.setSizes(sizes)
    slot.deleteLater()
    if window.selected_ids():
        view.set_measures(window.selected_ids())
    return view
