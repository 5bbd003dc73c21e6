"""Follow-up of issues 11/12 — a REAL failing write keeps what was typed.

Another program holds ``BEGIN EXCLUSIVE`` on the library file (a second sqlite3 connection, as a
sync tool or a DB browser would), so the window's writes fail with SQLITE_BUSY after the busy
timeout. The typed note, tag, owner and deadline stay in their boxes with the reason in the UI's
language, and are written when the user tries again once the lock is gone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from panprd_desktop.ui.qt import Qt, QtCore
from tests.ui.helpers import reopen, type_text, wait_idle
from tests.ui.test_annotate import click_measure_in_reader

BUSY_WAIT = 30_000  # each refused write first waits out the connection's 5 s busy timeout


@contextmanager
def held_by_another_program(lib_path: Path) -> Iterator[sqlite3.Connection]:
    other = sqlite3.connect(lib_path, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def _type_and_leave(qtbot: Any, field: Any, text: str) -> None:
    field.setFocus()
    field.selectAll()
    type_text(field, text)
    _press_return(qtbot, field)


def _press_return(qtbot: Any, field: Any) -> None:
    popup = getattr(field, "completer_", None)
    if popup is not None and popup.popup().isVisible():
        qtbot.keyClick(popup.popup(), Qt.Key.Key_Escape)  # the owner completion offered: dismissed
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_busy_library_keeps_typed_input_and_saves_on_retry(qtbot: Any, window: Any, dialogs: Any,
                                                           lib_path: Path) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    with held_by_another_program(lib_path):
        _type_and_leave(qtbot, inspector.leads, "广东省")
        _type_and_leave(qtbot, inspector.tags, "待核实")
        _type_and_leave(qtbot, inspector.deadline, "2027年6月底前")
        type_text(inspector.note_edit, "请粤方补充进展")
        qtbot.mouseClick(inspector.add_note, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window, timeout=4 * BUSY_WAIT)
        assert inspector.leads.text() == "广东省"
        assert inspector.tags.text() == "待核实"
        assert inspector.deadline.text() == "2027年6月底前"
        assert inspector.note_edit.toPlainText() == "请粤方补充进展"
        assert inspector.error.isVisible()
        said = inspector.error.text()
        assert "未保存" in said and "占用" in said, said  # what happened, in Chinese only
        assert "another instance" not in said and "Error" not in said and "locked" not in said
        assert dialogs.errors and all("意外错误" not in e for e in dialogs.errors)
        with reopen(lib_path) as lib:
            assert lib.measures.get(mid).leads == ()  # really refused, not merely pending
        assert len(inspector.unsaved()) == 4  # three fields and the note draft: closing would ask

    # the lock is gone: the user tries again (Enter in each field, 添加备注)
    for field in (inspector.leads, inspector.tags, inspector.deadline):
        field.setFocus()
        _press_return(qtbot, field)
    qtbot.mouseClick(inspector.add_note, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert not inspector.error.isVisible()
    assert inspector.note_edit.toPlainText() == ""
    with reopen(lib_path) as lib:
        view = lib.measures.get(mid)
        assert view.leads == ("广东省",)
        assert view.tags == ("待核实",)
        assert view.deadline.text == "2027年6月底前"
        assert [n.text for n in view.notes] == ["请粤方补充进展"]


def test_busy_library_date_pick_and_status_do_not_pretend_to_be_saved(qtbot: Any, window: Any,
                                                                      lib_path: Path) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    stored_status = inspector.status.currentData()
    with held_by_another_program(lib_path):
        inspector.deadline_date.calendarWidget().clicked.emit(QtCore.QDate(2027, 3, 31))
        inspector.status.setCurrentIndex(inspector.status.findData("done"))
        inspector.status.activated.emit(inspector.status.currentIndex())
        wait_idle(qtbot, window, timeout=3 * BUSY_WAIT)
        # the picked date stays typed (unsaved, so retry or closing writes it) ...
        assert inspector.deadline.text() == "2027-03-31" and inspector.deadline.isModified()
        # ... and the status box shows what is stored, not the refused choice
        assert inspector.status.currentData() == stored_status
        assert inspector.error.isVisible() and "占用" in inspector.error.text()
    _press_return(qtbot, inspector.deadline)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).deadline.text == "2027-03-31"


def test_refused_input_follows_its_measure_when_the_user_moves_on(qtbot: Any, window: Any, dialogs: Any,
                                                                  lib_path: Path) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    first = window.selected_ids()[0]
    with held_by_another_program(lib_path):
        inspector.tags.setFocus()
        type_text(inspector.tags, "待核实")  # no Enter: moving on commits it, and that write is refused
        click_measure_in_reader(qtbot, window, "（二）2")
        wait_idle(qtbot, window, timeout=2 * BUSY_WAIT)
        assert dialogs.errors and "占用" in dialogs.errors[-1]
        assert inspector.tags.text() == ""  # the other measure's (empty) tags
        assert inspector.unsaved()  # closing now would ask: the refused tag is not forgotten
    click_measure_in_reader(qtbot, window, "（一）1")
    wait_idle(qtbot, window)
    assert window.selected_ids() == [first]
    assert inspector.tags.text() == "待核实" and inspector.tags.isModified()  # back in its box
    assert inspector.error.isVisible()
    _press_return(qtbot, inspector.tags)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(first).tags == ("待核实",)


def test_closing_with_save_on_a_busy_library_keeps_the_window_and_the_input(qtbot: Any, make_window: Any,
                                                                           dialogs: Any, lib_path: Path) -> None:
    window = make_window()
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    inspector.tags.setFocus()
    type_text(inspector.tags, "待核实")
    type_text(inspector.note_edit, "请粤方补充进展")
    dialogs.unsaved_answer = "save"
    with held_by_another_program(lib_path):
        window.close()  # 保存 — but every write is refused
        assert window.isVisible()  # nothing was saved: the window stays, with the input
        assert inspector.tags.text() == "待核实" and inspector.tags.isModified()
        assert inspector.note_edit.toPlainText() == "请粤方补充进展"
        assert any("占用" in e for e in dialogs.errors)
    window.close()  # the lock is gone: 保存 now writes everything, then the window closes
    assert not window.isVisible()
    with reopen(lib_path) as lib:
        view = lib.measures.get(mid)
        assert view.tags == ("待核实",) and [n.text for n in view.notes] == ["请粤方补充进展"]


def test_busy_message_reads_in_english_too() -> None:
    from panprd_desktop.core.storage_errors import translate
    from panprd_desktop.ui.messages import one_language

    exc = sqlite3.OperationalError("database is locked")
    message = str(translate(exc, Path("lib.sqlite3")))
    english = one_language(message, english=True)
    assert english.startswith("Library busy") and "lib.sqlite3" in english
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english)
    assert one_language(message, english=False).startswith("资料库文件正被其他程序占用")
