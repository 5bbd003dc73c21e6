"""The 分工表: lazy table, in-place edits with delegates, multi-row edits, sorting, filtering."""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui.models.table_model import COL_DEADLINE, COL_LEADS, COL_STATUS
from panprd_desktop.ui.qt import Qt, QtCore, QtWidgets
from tests.ui.helpers import reopen, type_text, wait_idle


def open_editor(qtbot: Any, table: Any, row: int, col: int) -> QtWidgets.QWidget:
    index = table.model().index(row, col)
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return current_editor(table)


def current_editor(table: Any) -> QtWidgets.QWidget:
    assert table.state() == QtWidgets.QAbstractItemView.State.EditingState
    editors = [w for w in table.viewport().findChildren(QtWidgets.QWidget)
               if w.isVisible() and isinstance(w, (QtWidgets.QLineEdit, QtWidgets.QComboBox))
               and not isinstance(w.parent(), QtWidgets.QComboBox)]
    assert len(editors) == 1, editors
    return editors[0]


def test_edit_in_place(qtbot: Any, window: Any, lib_path: Any) -> None:
    window.actions_.show_table.trigger()
    table = window.division.table
    wait_idle(qtbot, window)
    assert table.model().rowCount() == 193
    assert [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "序号", "重点任务", "牵头单位", "参与单位", "完成时限", "状态"]
    mid = table.model().measure_id(4)

    editor = open_editor(qtbot, table, 4, COL_STATUS)
    assert isinstance(editor, QtWidgets.QComboBox)
    qtbot.keyClick(editor, Qt.Key.Key_Down)  # 推进中, committed at once
    wait_idle(qtbot, window)
    assert table.model().index(4, COL_STATUS).data() == "推进中"

    editor = open_editor(qtbot, table, 4, COL_DEADLINE)
    editor.selectAll()
    type_text(editor, "2026年第二季度")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert table.model().index(4, COL_DEADLINE).data() == "2026年第二季度"

    editor = open_editor(qtbot, table, 4, COL_LEADS)
    type_text(editor, "港")
    popup = editor.completer_.popup()
    popup.setCurrentIndex(popup.model().index(editor.candidates().index("香港特别行政区"), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert table.model().index(4, COL_LEADS).data() == "香港特别行政区"

    with reopen(lib_path) as lib:
        view = lib.measures.get(mid)
    assert (view.status, view.deadline.text, view.leads) == ("in_progress", "2026年第二季度", ("香港特别行政区",))
    assert str(view.deadline.date) == "2026-06-30"


def test_multi_row_edit_sort_and_filter(qtbot: Any, window: Any, lib_path: Any) -> None:
    window.actions_.show_table.trigger()
    table = window.division.table
    model = table.model()
    wait_idle(qtbot, window)
    selection = QtCore.QItemSelection(model.index(3, 0), model.index(5, 5))
    table.selectionModel().select(selection, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
    ids = window.selected_ids()
    assert len(ids) == 3
    table.setCurrentIndex(model.index(3, COL_STATUS))
    table.selectionModel().select(selection, QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
    table.edit(model.index(3, COL_STATUS))
    editor = current_editor(table)
    assert isinstance(editor, QtWidgets.QComboBox)
    editor.setCurrentIndex(editor.findData("delayed"))
    editor.activated.emit(editor.currentIndex())  # what choosing an item in the popup emits
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert {v.status for v in lib.measures.many(ids)} == {"delayed"}

    # sort by status: the delayed ones first when sorted descending (滞后 comes after 已完成)
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QtCore.QPoint(header.sectionViewportPosition(COL_STATUS) + 10, 5))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QtCore.QPoint(header.sectionViewportPosition(COL_STATUS) + 10, 5))
    wait_idle(qtbot, window)  # the sort runs as an SQL ORDER BY on the worker; rows move when it answers
    statuses = [model.index(r, COL_STATUS).data() for r in range(model.rowCount())]
    assert statuses[0] in ("长期推进", "滞后") and statuses[-1] == "未启动"
    assert statuses.count("滞后") == 3

    # filter by text and by status
    type_text(window.division.query, "口岸")
    wait_idle(qtbot, window)
    assert 0 < model.rowCount() < 193
    shown = [model.view(r) for r in range(model.rowCount())]
    assert all("口岸" in v.text + v.section_title for v in shown)
    window.division.query.clear()
    window.division.filter_toggle.click()
    bar = window.division.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("delayed"))
    wait_idle(qtbot, window)
    assert sorted(model.ids()) == sorted(ids)
    assert window.division.count.text() == "3 条"
