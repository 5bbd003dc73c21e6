"""Right-click menus on the 分工表, the contents tree, the search results and the reader.

Each acts on the measures under the pointer (joining the selection when the pointer is on a
selected row): 复制文本 / 复制编号, 添加备注…, 设置状态, 在阅读区打开, 导出所选…. The menu is
built by :func:`build_menu` (tests trigger its actions) and shown by :func:`install`.
"""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.model import STATUSES
from panprd_desktop.ui.labels import status_text
from panprd_desktop.ui.models.tree_model import MeasuresRole
from panprd_desktop.ui.qt import Qt, QtCore, QtWidgets, translate


def _tr(text: str) -> str:
    return translate("ContextMenu", text)


def ids_at(window: Any, widget: QtWidgets.QWidget, pos: QtCore.QPoint) -> list[str]:
    """The measures a right-click at ``pos`` in ``widget`` acts on (selecting what it points at)."""
    division, search = window.built_pane("division"), window.built_pane("search")
    if division is not None and widget is division.table:
        index = widget.indexAt(pos)
        if not index.isValid():
            return window.division.selected_ids()
        mid = window.division.model.measure_id(index.row())
        if mid not in window.division.selected_ids():
            window.division.select_ids([mid])
        return window.division.selected_ids()
    if search is not None and widget is search.results:
        index = widget.indexAt(pos)
        if index.isValid() and not widget.selectionModel().isSelected(index):
            widget.selectionModel().select(index, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return window.search.selected_ids()
    if widget is window.tree:
        index = widget.indexAt(pos)
        return list(index.siblingAtColumn(0).data(MeasuresRole) or []) if index.isValid() else []
    if widget is window.reader:
        mid = window.reader.measure_at(pos)
        if mid is None:
            return window.selected_ids()
        if mid not in window.selected_ids():
            window.select_measures([mid], source="menu")
        return window.selected_ids()
    return []


def build_menu(window: Any, ids: list[str], parent: QtWidgets.QWidget | None = None) -> QtWidgets.QMenu:
    menu = QtWidgets.QMenu(parent or window)
    menu.setObjectName("measure_menu")
    with window.lib.lock:
        views = window.lib.measures.many(ids)
    writable = bool(views) and not window.lib.read_only
    clipboard = QtWidgets.QApplication.clipboard()

    copy_text = menu.addAction(_tr("复制文本"))
    copy_text.triggered.connect(lambda _c=False: clipboard.setText(
        "\n\n".join(f"{v.label} {v.text}" for v in views)))
    copy_label = menu.addAction(_tr("复制编号"))
    copy_label.triggered.connect(lambda _c=False: clipboard.setText("、".join(v.label for v in views)))
    menu.addSeparator()
    note = menu.addAction(_tr("添加备注…"))
    note.triggered.connect(lambda _c=False: _add_note(window, ids))
    status_menu = menu.addMenu(_tr("设置状态"))
    for code in STATUSES:
        action = status_menu.addAction(status_text(code))
        action.setData(code)
        action.triggered.connect(lambda _c=False, c=code: window.ops.annotate(ids, Edit(status=c)))
    menu.addSeparator()
    open_it = menu.addAction(_tr("在阅读区打开"))
    open_it.triggered.connect(lambda _c=False: window.open_measure(ids[0]))
    export = menu.addAction(_tr("导出所选…"))
    export.triggered.connect(lambda _c=False: window.export_selected(ids))
    for action in (copy_text, copy_label, open_it, export):
        action.setEnabled(bool(views))
    note.setEnabled(writable)
    status_menu.setEnabled(writable)
    return menu


def _add_note(window: Any, ids: list[str]) -> None:
    text = window.dialogs.ask_note(window, len(ids))
    if text and text.strip():
        window.ops.annotate(ids, Edit(note=text.strip()))


def install(window: Any) -> None:
    """Right-click menus on the tree and reader of ``window`` (the table and the results get
    theirs through :func:`install_on` when they are built, issue 13)."""
    for widget in (window.tree, window.reader):
        install_on(window, widget)


def install_on(window: Any, widget: QtWidgets.QWidget) -> None:
    """The right-click menu on one of ``window``'s widgets."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(lambda pos, w=widget: _show(window, w, pos))


def _show(window: Any, widget: QtWidgets.QWidget, pos: QtCore.QPoint) -> None:
    ids = ids_at(window, widget, pos)
    menu = build_menu(window, ids, widget)
    target = widget.viewport() if isinstance(widget, QtWidgets.QAbstractScrollArea) else widget
    menu.exec(target.mapToGlobal(pos))
    menu.deleteLater()
