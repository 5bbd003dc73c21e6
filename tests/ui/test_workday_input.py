"""Issue 11 — never lose a keystroke: note drafts per measure, typed fields committed to the measure
they were typed for, closing asks, bulk tags add/remove, refused writes keep the text, deadlines."""

from __future__ import annotations

from datetime import date
from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.ui.qt import Qt
from tests.ui.helpers import reopen, type_text, wait_idle
from tests.ui.test_annotate import click_measure_in_reader


def _mid(window: Any, label: str) -> str:
    with window.lib.lock:
        return next(m.measure_id for m in window.lib.measures.many(window.lib.measures.ids()) if m.label == label)


def test_note_draft_stays_with_its_measure(qtbot: Any, window: Any, lib_path: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    first = window.selected_ids()
    type_text(inspector.note_edit, "待核实：牵头单位")
    assert inspector.draft_hint.isVisible()

    click_measure_in_reader(qtbot, window, "（二）2")
    wait_idle(qtbot, window)
    assert inspector.note_edit.toPlainText() == ""  # the draft did not follow the user
    assert not inspector.draft_hint.isVisible()

    click_measure_in_reader(qtbot, window, "（一）1")
    wait_idle(qtbot, window)
    assert window.selected_ids() == first
    assert inspector.note_edit.toPlainText() == "待核实：牵头单位"  # and it came back with its measure
    with reopen(lib_path) as lib:
        assert all(not v.notes for v in lib.measures.many(lib.measures.ids()))


def test_typed_field_belongs_to_the_measure_it_was_typed_for(qtbot: Any, window: Any, lib_path: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    first = window.selected_ids()[0]
    inspector.deadline.setFocus()
    type_text(inspector.deadline, "2027年6月底前")  # no Enter: the user moves on by keyboard/table
    window.select_measures([_mid(window, "（二）2")], source="table")
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(first).deadline.date == date(2027, 6, 30)
        assert lib.measures.get(_mid(window, "（二）2")).deadline.text == ""


def test_close_with_a_draft_asks_and_cancel_keeps_the_window(qtbot: Any, make_window: Any, dialogs: Any,
                                                             lib_path: Any) -> None:
    window = make_window()
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    type_text(window.inspector.note_edit, "会后补充材料")
    click_measure_in_reader(qtbot, window, "（二）2")  # the draft is on another measure than the shown one

    dialogs.unsaved_answer = "cancel"
    window.actions_.quit.trigger()
    assert window.isVisible()
    assert dialogs.unsaved_asked and "备注草稿" in dialogs.unsaved_asked[-1][-1]

    dialogs.unsaved_answer = "save"
    window.actions_.quit.trigger()
    assert not window.isVisible()
    with reopen(lib_path) as lib:
        assert [n.text for n in lib.measures.get(mid).notes] == ["会后补充材料"]


def test_close_and_discard_writes_nothing(qtbot: Any, make_window: Any, dialogs: Any, lib_path: Any) -> None:
    window = make_window()
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    window.inspector.tags.setFocus()
    type_text(window.inspector.tags, "重点")
    type_text(window.inspector.note_edit, "不要了")
    dialogs.unsaved_answer = "discard"
    window.close()
    assert len(dialogs.unsaved_asked) == 1
    with reopen(lib_path) as lib:
        view = lib.measures.get(mid)
    assert view.tags == () and view.notes == ()


def test_close_without_unsaved_input_does_not_ask(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    window = make_window()
    click_measure_in_reader(qtbot, window, "（一）1")
    window.close()
    assert dialogs.unsaved_asked == []


def test_bulk_tags_add_to_each_measure_and_replace_only_when_asked(qtbot: Any, window: Any, lib_path: Any) -> None:
    a, b = _mid(window, "（一）1"), _mid(window, "（二）2")
    window.ops.annotate([a], Edit(set_tags=("交通", "共同")))
    window.ops.annotate([b], Edit(set_tags=("能源", "共同")))
    wait_idle(qtbot, window)
    window.select_measures([a, b], source="table")
    inspector = window.inspector
    assert inspector.tags.text() == "共同"  # the tags they share; the placeholder says they differ
    assert inspector.tags_replace.isVisible() and not inspector.tags_replace.isChecked()

    inspector.tags.setFocus()
    inspector.tags.selectAll()
    type_text(inspector.tags, "重点")  # 共同 erased, 重点 typed
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(a).tags == ("交通", "重点")
        assert lib.measures.get(b).tags == ("能源", "重点")

    inspector.tags_replace.setChecked(True)
    inspector.tags.setFocus()
    inspector.tags.selectAll()
    type_text(inspector.tags, "统一")
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(a).tags == ("统一",) and lib.measures.get(b).tags == ("统一",)


def test_refused_note_stays_in_the_box_with_the_error(qtbot: Any, window: Any, dialogs: Any, lib_path: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    long_note = "很长的备注" * 4001  # over the core's 20,000-character limit: the write is refused
    inspector.note_edit.setPlainText(long_note)
    qtbot.mouseClick(inspector.add_note, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert inspector.note_edit.toPlainText() == long_note
    assert inspector.error.isVisible() and "备注过长" in inspector.error.text()
    assert dialogs.errors
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).notes == ()


def test_refused_tag_keeps_the_typed_text(qtbot: Any, window: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    inspector.tags.setFocus()
    type_text(inspector.tags, "超" * 200)  # too long a tag: refused by the core
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert inspector.tags.text() == "超" * 200
    assert inspector.error.isVisible()
    assert any("标签" in item for item in inspector.unsaved())  # still counted as unsaved input


def test_deadline_text_shows_its_date_and_invalid_date_reverts(qtbot: Any, window: Any, lib_path: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    inspector.deadline.setFocus()
    type_text(inspector.deadline, "2027年6月底前")
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Tab)  # focus moves on to the date box
    wait_idle(qtbot, window)
    inspector.status.setFocus()  # and leaves it again
    wait_idle(qtbot, window)
    assert inspector.deadline_date.text() == "2027-06-30"
    assert not inspector.deadline_flag.isVisible()

    inspector.deadline.setFocus()
    inspector.deadline.selectAll()
    type_text(inspector.deadline, "2027-13-45")
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert inspector.deadline.text() == "2027年6月底前"  # reverted to what is stored
    assert inspector.error.isVisible()
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).deadline.text == "2027年6月底前"

    inspector.deadline.selectAll()
    type_text(inspector.deadline, "下周三")
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert inspector.deadline.text() == "下周三"
    assert inspector.deadline_flag.isVisible() and "未能识别日期" in inspector.deadline_flag.text()
    assert inspector.deadline_date.text() == "未设置"


def test_undated_deadline_is_listed_as_unrecognised(qtbot: Any, window: Any) -> None:
    a, b = _mid(window, "（一）1"), _mid(window, "（二）2")
    window.ops.annotate([a], Edit(deadline="下周三"))
    window.ops.annotate([b], Edit(deadline="2027年6月底前"))
    wait_idle(qtbot, window)
    window.center.setCurrentIndex(2)  # 期限提醒
    view = window.deadlines
    assert view.undated_box.isVisible() and "无法识别" in view.undated_box.title()
    rows = [view.undated_model.item(r).text() for r in range(view.undated_model.rowCount())]
    assert rows == ["（一）1  下周三"]
    view.undated.activated.emit(view.undated_model.index(0, 0))
    assert window.selected_ids() == [a]
