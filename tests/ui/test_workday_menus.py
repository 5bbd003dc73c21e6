"""Issue 11 — right-click menus on the table, tree, results and reader: copy text/label, add note,
set status, open in reader, export selected."""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui import context_menus
from panprd_desktop.ui.qt import Qt, QtWidgets
from tests.ui.helpers import reopen, type_text, wait_idle
from tests.ui.test_annotate import open_section


def _action(menu: QtWidgets.QMenu, text: str) -> Any:
    for action in menu.actions():
        if action.text() == text:
            return action
        if action.menu() is not None:
            found = next((a for a in action.menu().actions() if a.text() == text), None)
            if found is not None:
                return found
    raise AssertionError(f"{text} not in {[a.text() for a in menu.actions()]}")


def test_table_menu_sets_status_adds_note_and_copies(qtbot: Any, window: Any, dialogs: Any,
                                                     lib_path: Any) -> None:
    window.center.setCurrentIndex(1)
    wait_idle(qtbot, window)
    table = window.division.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    table.selectRow(1)
    pos = table.visualRect(window.division.model.index(3, 1)).center()  # right-click another row
    ids = context_menus.ids_at(window, table, pos)
    assert ids == [window.division.model.measure_id(3)] and window.selected_ids() == ids
    menu = context_menus.build_menu(window, ids)
    _action(menu, "已完成").trigger()
    dialogs.note_answer = "会上确认"
    _action(menu, "添加备注…").trigger()
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        view = lib.measures.get(ids[0])
    assert view.status == "done" and [n.text for n in view.notes] == ["会上确认"]
    _action(menu, "复制编号").trigger()
    assert QtWidgets.QApplication.clipboard().text() == view.label
    _action(menu, "复制文本").trigger()
    assert view.text in QtWidgets.QApplication.clipboard().text()
    _action(menu, "在阅读区打开").trigger()
    assert window.center.currentIndex() == 0 and ids[0] in window.reader.shown_ids()


def test_export_selected_from_results_menu(qtbot: Any, window: Any, dialogs: Any) -> None:
    window.focus_search()
    type_text(window.search.box, "港澳")
    wait_idle(qtbot, window)
    results = window.search.results
    pos = results.visualRect(window.search.model.index(0, 0)).center()
    ids = context_menus.ids_at(window, results, pos)
    assert len(ids) == 1
    _action(context_menus.build_menu(window, ids), "导出所选…").trigger()
    assert dialogs.export_defaults.scope == "selected" and dialogs.export_defaults.selected == ids


def test_tree_and_reader_menus(qtbot: Any, window: Any) -> None:
    open_section(qtbot, window, "（二）")
    tree = window.tree
    index = tree.currentIndex()
    ids = context_menus.ids_at(window, tree, tree.visualRect(index).center())
    assert len(ids) == 7
    menu = context_menus.build_menu(window, ids)
    _action(menu, "复制编号").trigger()
    assert QtWidgets.QApplication.clipboard().text().startswith("（二）1、（二）2")

    reader = window.reader
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    assert reader.find("（二）3")
    pos = reader.cursorRect().center()
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    ids = context_menus.ids_at(window, reader, pos)
    assert len(ids) == 1 and window.selected_ids() == ids
    assert window.inspector.heading.text().startswith("（二）3")


def test_read_only_menu_offers_no_edits(qtbot: Any, make_window: Any) -> None:
    writer = make_window()
    reader_window = make_window(read_only=True)
    ids = [reader_window.tree_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 2)[0]] \
        if reader_window.tree_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 2) else []
    menu = context_menus.build_menu(reader_window, ids or writer.division.model.ids()[:1])
    assert not _action(menu, "添加备注…").isEnabled()
    assert _action(menu, "复制文本").isEnabled()

