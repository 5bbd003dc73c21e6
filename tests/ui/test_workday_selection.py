"""Issue 11 — one selection everywhere: click anywhere in a measure, Ctrl/Shift-click extend in the
reader and the results, the tree follows to the reader, the table keeps its selection after an edit,
↓/Enter from the search box."""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.ui.qt import Qt, QtCore
from tests.ui.helpers import type_text, wait_idle
from tests.ui.test_annotate import open_section

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _point_in_text(window: Any, snippet_of: str) -> QtCore.QPoint:
    """A point inside the body text of the measure labelled ``snippet_of`` (not its label)."""
    reader = window.reader
    with window.lib.lock:
        views = window.lib.measures.many(reader.shown_ids())
    text = next(v.text for v in views if v.label == snippet_of)
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    assert reader.find(text[5:15]), snippet_of
    rect = reader.cursorRect()
    reader.moveCursor(reader.textCursor().MoveOperation.Start)  # no text selection left behind
    return rect.center()


def _labels(window: Any) -> list[str]:
    with window.lib.lock:
        return [v.label for v in window.lib.measures.many(window.selected_ids())]


def test_click_anywhere_in_a_measure_and_extend(qtbot: Any, window: Any) -> None:
    open_section(qtbot, window, "（二）")
    reader = window.reader
    vp = reader.viewport()
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=_point_in_text(window, "（二）2"))
    assert _labels(window) == ["（二）2"]
    assert window.inspector.heading.text().startswith("（二）2")

    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, CTRL, _point_in_text(window, "（二）4"))
    assert _labels(window) == ["（二）2", "（二）4"]
    assert "2 条" in window.inspector.heading.text()

    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, SHIFT, _point_in_text(window, "（二）6"))
    assert _labels(window) == ["（二）4", "（二）5", "（二）6"]

    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, CTRL, _point_in_text(window, "（二）5"))
    assert _labels(window) == ["（二）4", "（二）6"]
    window.center.setCurrentIndex(1)
    wait_idle(qtbot, window)
    window.division.select_ids(window.selected_ids())
    assert len(window.division.selected_ids()) == 2  # the table shows the same measures


def test_results_extend_and_keyboard_from_the_search_box(qtbot: Any, window: Any) -> None:
    window.focus_search()
    type_text(window.search.box, "港澳")
    wait_idle(qtbot, window)
    results = window.search.results
    assert window.search.model.rowCount() >= 3

    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)  # ↓ from the box into the results
    assert results.hasFocus() and results.currentIndex().row() == 0
    qtbot.keyClick(results, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(results, Qt.Key.Key_Down, SHIFT)
    assert len(window.selected_ids()) == 3  # Shift extends; the inspector edits all three
    assert "3 条" in window.inspector.heading.text()

    second = window.search.model.index(1, 0).data(Qt.ItemDataRole.UserRole + 1)
    results.setCurrentIndex(window.search.model.index(1, 0))
    qtbot.keyClick(results, Qt.Key.Key_Return)  # Enter opens it in the reader
    assert window.center.currentIndex() == 0
    assert window.selected_ids() == [second] and second in window.reader.shown_ids()

    window.focus_search()
    window.search.results.setCurrentIndex(QtCore.QModelIndex())
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)  # Enter in the box opens the first result
    first = window.search.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert window.selected_ids() == [first]


def test_tree_click_on_the_table_tab_shows_the_section(qtbot: Any, window: Any) -> None:
    open_section(qtbot, window, "（三）")
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=_point_in_text(window, "（三）2"))
    assert _labels(window) == ["（三）2"]
    window.center.setCurrentIndex(1)
    open_section(qtbot, window, "（一）")  # 第一条 in the contents while on the 分工表
    assert window.center.currentIndex() == 0  # something visible: the reader shows it
    assert "指导思想" in window.reader.toPlainText()
    assert window.selected_ids() == []  # the inspector no longer edits （三）2 out of sight
    assert window.inspector.heading.text() == "未选择措施"


def test_table_keeps_its_selection_after_an_edit(qtbot: Any, window: Any) -> None:
    division = window.division
    window.center.setCurrentIndex(1)
    division.filter_toggle.setChecked(True)
    division.filter_bar.status.setCurrentIndex(division.filter_bar.status.findData("not_started"))
    wait_idle(qtbot, window)
    ids = [division.model.measure_id(r) for r in (2, 3, 4)]
    division.select_ids(ids)
    assert window.selected_ids() == ids
    window.ops.annotate(ids, Edit(set_tags=("重点",)))  # the filter re-runs after the edit
    wait_idle(qtbot, window)
    assert division.selected_ids() == ids
    assert window.inspector.measure_ids() == ids
