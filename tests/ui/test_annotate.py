"""Annotating through the real window: select, owners via the completer, status, deadline, note,
undo and redo — checked on screen and in the library after reopening."""

from __future__ import annotations

from datetime import date
from typing import Any

from panprd_desktop.ui.qt import Qt, QtCore, QtWidgets
from tests.ui.helpers import reopen, type_text, wait_idle


def open_section(qtbot: Any, window: Any, label: str) -> None:
    """Click the section in the library tree."""
    tree, model = window.tree, window.tree_model
    tree.expandAll()
    doc = model.index(0, 0)
    for p in range(model.rowCount(doc)):
        part = model.index(p, 0, doc)
        for s in range(model.rowCount(part)):
            section = model.index(s, 0, part)
            if section.data().startswith(label):
                tree.scrollTo(section)
                qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(section).center())
                return
    raise AssertionError(label)


def click_measure_in_reader(qtbot: Any, window: Any, label: str) -> None:
    """Click the measure's label in the reader, as a user would."""
    reader = window.reader
    if label not in reader.toPlainText():
        open_section(qtbot, window, label[: label.index("）") + 1])
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    assert reader.find(label), f"{label} not shown in the reader"
    rect = reader.cursorRect()
    reader.moveCursor(reader.textCursor().MoveOperation.Start)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_completion(qtbot: Any, edit: Any, typed: str, expected: str) -> None:
    edit.setFocus()
    type_text(edit, typed)
    assert expected in edit.candidates()
    popup = edit.completer_.popup()
    assert popup.isVisible()
    row = edit.candidates().index(expected)
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text().endswith(expected)


def test_select_measure_and_annotate(qtbot: Any, window: Any, lib_path: Any, dialogs: Any) -> None:
    click_measure_in_reader(qtbot, window, "（一）1")
    inspector = window.inspector
    assert inspector.heading.text().startswith("（一）1")
    mid = window.selected_ids()[0]

    # owners through the completer: Traditional 粵 offers 广东省
    choose_completion(qtbot, inspector.leads, "粵", "广东省")
    qtbot.keyClick(inspector.leads, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert inspector.leads.text() == "广东省"
    assert "牵头：广东省" in window.reader.toPlainText()

    choose_completion(qtbot, inspector.participants, "港", "香港特别行政区")
    type_text(inspector.participants, "、")
    choose_completion(qtbot, inspector.participants, "澳", "澳门特别行政区")
    qtbot.keyClick(inspector.participants, Qt.Key.Key_Return)
    wait_idle(qtbot, window)

    # status by keyboard on the combo; deadline as free text
    inspector.status.setFocus()
    qtbot.keyClick(inspector.status, Qt.Key.Key_Down)  # 未启动 → 推进中
    wait_idle(qtbot, window)
    assert "推进中" in window.reader.toPlainText()
    inspector.deadline.setFocus()
    type_text(inspector.deadline, "2020年底前")
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Return)
    wait_idle(qtbot, window)

    # a note, signed with the name asked once
    type_text(inspector.note_edit, "已报国家发展改革委")
    qtbot.mouseClick(inspector.add_note, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "已报国家发展改革委" in inspector.notes.toPlainText()
    assert "陈晓" in inspector.notes.toPlainText()
    assert dialogs.author_asked == 1
    assert inspector.history_model.rowCount() == 5
    assert dialogs.errors == []

    with reopen(lib_path) as lib:
        view = lib.measures.get(mid)
    assert view.leads == ("广东省",)
    assert view.participants == ("香港特别行政区", "澳门特别行政区")
    assert view.status == "in_progress"
    assert view.deadline.text == "2020年底前" and view.deadline.date == date(2020, 12, 31)
    assert [n.text for n in view.notes] == ["已报国家发展改革委"] and view.notes[0].author == "陈晓"


def test_deadline_from_the_date_picker(qtbot: Any, window: Any, lib_path: Any) -> None:
    click_measure_in_reader(qtbot, window, "（二）3")
    mid = window.selected_ids()[0]
    picker = window.inspector.deadline_date
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_Tab)  # passing through the field changes nothing
    wait_idle(qtbot, window)
    assert window.inspector.history_model.rowCount() == 0
    picker.setFocus()
    picker.selectAll()
    qtbot.keyClicks(picker, "2026-06-30")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert window.inspector.deadline.text() == "2026-06-30"
    assert window.inspector.history_model.rowCount() == 1  # one change, not one per keystroke
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).deadline.date == date(2026, 6, 30)


def test_undo_and_redo_show_what_they_do(qtbot: Any, window: Any, lib_path: Any) -> None:
    undo, redo = window.actions_.undo, window.actions_.redo
    assert not undo.isEnabled() and not redo.isEnabled()
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    window.inspector.status.setFocus()
    qtbot.keyClick(window.inspector.status, Qt.Key.Key_Down)
    wait_idle(qtbot, window)
    assert undo.isEnabled() and undo.text() == "撤销：（一）1 状态"
    assert undo.shortcut().toString() == "Ctrl+Z"
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]  # Ctrl+Y: issue 11

    undo.trigger()
    wait_idle(qtbot, window)
    assert window.inspector.status.currentText() == "未启动"
    assert redo.isEnabled() and redo.text().startswith("重做：")
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).status == "not_started"

    redo.trigger()
    wait_idle(qtbot, window)
    assert window.inspector.status.currentText() == "推进中"
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).status == "in_progress"


def test_several_selected_measures_edited_at_once(qtbot: Any, window: Any, lib_path: Any) -> None:
    window.center.setCurrentIndex(1)
    table = window.division.table
    wait_idle(qtbot, window)
    first = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     QtCore.Qt.KeyboardModifier.ShiftModifier, table.visualRect(table.model().index(2, 0)).center())
    ids = window.selected_ids()
    assert len(ids) == 3
    assert window.inspector.heading.text() == "已选择 3 条措施"
    choose_completion(qtbot, window.inspector.leads, "发改", "国家发展改革委")
    qtbot.keyClick(window.inspector.leads, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert [table.model().index(r, 2).data() for r in range(3)] == ["国家发展改革委"] * 3
    with reopen(lib_path) as lib:
        assert {v.leads for v in lib.measures.many(ids)} == {("国家发展改革委",)}
    window.actions_.undo.trigger()  # one operation, one undo step
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert {v.leads for v in lib.measures.many(ids)} == {()}
    assert isinstance(window.inspector.leads, QtWidgets.QLineEdit)


def test_a_measure_without_deadline_shows_no_date(qtbot: Any, window: Any) -> None:
    click_measure_in_reader(qtbot, window, "（二）3")
    picker = window.inspector.deadline_date
    assert not picker.has_date() and picker.text() == "未设置"  # not today's date, which looks real
    window.inspector.deadline.setText("2026年第三季度")
    window.inspector.deadline.setModified(True)
    window.inspector.deadline.editingFinished.emit()
    wait_idle(qtbot, window)
    assert picker.has_date() and picker.text() == "2026-09-30"


def test_long_values_show_their_start_in_a_narrow_inspector(qtbot: Any, window: Any) -> None:
    """At 1366×768 the inspector's fields are narrower than 香港特别行政区、澳门特别行政区 or
    2026年12月底前: each shows its beginning (not the tail of the last unit), whole in a tooltip."""
    from panprd_desktop.core.annotations import Edit

    mid = window.lib.measures.ids()[0]
    window.lib.annotate([mid], Edit(set_participants=("香港特别行政区", "澳门特别行政区"),
                                    deadline="2026年12月底前"), "陈晓")
    click_measure_in_reader(qtbot, window, "（一）1")
    wait_idle(qtbot, window)
    inspector = window.inspector
    for edit, text in ((inspector.participants, "香港特别行政区、澳门特别行政区"),
                       (inspector.deadline, "2026年12月底前")):
        assert edit.text() == text
        assert edit.cursorPosition() == 0
        assert edit.toolTip() == text
