"""Issue 11 — keyboard and menus: Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z from any widget, also right after
editing a field; 帮助 menu with 使用说明 and 关于."""

from __future__ import annotations

from typing import Any

from panprd_desktop import __version__
from panprd_desktop.ui.help_menu import about_html
from panprd_desktop.ui.qt import Qt, QtWidgets
from tests.ui.helpers import reopen, type_text, wait_idle
from tests.ui.test_annotate import click_measure_in_reader

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_right_after_editing_a_field_undoes_it(qtbot: Any, window: Any, lib_path: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    inspector.deadline.setFocus()
    type_text(inspector.deadline, "2026年底前")
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert inspector.deadline.hasFocus()

    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Z, CTRL)  # the field's own text undo must not eat it
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).deadline.text == ""
    assert inspector.deadline.text() == ""

    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Y, CTRL)  # what WPS and Word users press
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).deadline.text == "2026年底前"
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Z, CTRL | SHIFT)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).deadline.text == "2026年底前"


def test_ctrl_z_commits_a_typed_field_then_undoes_it(qtbot: Any, window: Any, lib_path: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    inspector.status.setFocus()
    qtbot.keyClick(inspector.status, Qt.Key.Key_Down)  # one committed change so undo is offered
    wait_idle(qtbot, window)
    inspector.tags.setFocus()
    type_text(inspector.tags, "重点")  # typed, not committed
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        view = lib.measures.get(mid)
    assert view.tags == ()  # the typed tag was committed and undone, as one step
    assert view.status == "in_progress"  # the earlier change is still there
    assert inspector.tags.text() == ""


def test_undo_from_the_search_box_and_the_table(qtbot: Any, window: Any, lib_path: Any) -> None:
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    window.inspector.status.setFocus()
    qtbot.keyClick(window.inspector.status, Qt.Key.Key_Down)
    wait_idle(qtbot, window)
    window.focus_search()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).status == "not_started"
    window.center.setCurrentIndex(1)
    window.division.table.setFocus()
    qtbot.keyClick(window.division.table, Qt.Key.Key_Y, CTRL)
    wait_idle(qtbot, window)
    with reopen(lib_path) as lib:
        assert lib.measures.get(mid).status == "in_progress"


def test_help_menu_has_guide_and_about(qtbot: Any, window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert any(t.startswith("帮助") for t in titles)
    text = about_html()
    assert __version__ in text and "SIL Open Font License" in text and "LGPLv3" in text
    assert "python-docx" in text and "reportlab" in text
    window.guide_action.trigger()
    guide = window.findChild(QtWidgets.QDialog, "guide_dialog")
    assert guide is not None and guide.isVisible()
    assert "Ctrl+Y" in guide.findChild(QtWidgets.QTextBrowser).toPlainText()
    guide.close()
