"""Issue 11 — English and 繁體中文 complete with Qt plural forms; the language switches without
a restart (the window is rebuilt on the same library, keeping the selection)."""

from __future__ import annotations

from typing import Any

import pytest

from panprd_desktop.ui.i18n import install_translators
from panprd_desktop.ui.qt import QtCore, QtWidgets
from tests.ui.helpers import wait_idle
from tests.ui.test_annotate import click_measure_in_reader


@pytest.fixture
def back_to_chinese(qapp: Any) -> Any:
    yield
    install_translators(qapp, "zh_CN")  # translators are process-wide: leave the others in Chinese


def test_english_plurals(qapp: Any, back_to_chinese: Any) -> None:
    install_translators(qapp, "en")
    tr = QtCore.QCoreApplication.translate
    assert tr("DivisionView", "%n 条", "", 1) == "1 measure"
    assert tr("DivisionView", "%n 条", "", 3) == "3 measures"
    assert tr("ExportDialog", "所选措施（%n 条）", "", 1) == "Selected measure (1)"
    assert tr("InspectorView", "%n 条未添加的备注草稿", None, 2) == "2 unsaved note drafts"
    install_translators(qapp, "zh_HK")
    hk = tr("DeadlinesView", "无法识别（%n 条：完成时限未能识别日期）", "", 2)
    assert hk == "無法識別（2 條：完成時限未能識別日期）"


def test_language_switches_without_restart(qtbot: Any, make_window: Any, settings: Any,
                                           back_to_chinese: Any) -> None:
    window = make_window()
    click_measure_in_reader(qtbot, window, "（一）1")
    selected = window.selected_ids()
    window.center.setCurrentIndex(1)
    window.actions_.lang_en.trigger()
    new = [w for w in QtWidgets.QApplication.topLevelWidgets()
           if w.objectName() == "main_window" and w.isVisible()]
    assert len(new) == 1 and new[0] is not window and not window.isVisible()
    english = new[0]
    qtbot.addWidget(english)
    wait_idle(qtbot, english)
    try:
        menus = [a.text() for a in english.menuBar().actions()]
        assert "&Help" in menus and not any("文件" in m for m in menus)
        assert english.center.tabText(1) == "Division of work" and english.center.currentIndex() == 1
        assert english.selected_ids() == selected  # the selection survived the switch
        assert english.division.count.text().endswith("measures")
        assert english.settings.language == "en"
        english.actions_.lang_hk.trigger()
        hk = [w for w in QtWidgets.QApplication.topLevelWidgets()
              if w.objectName() == "main_window" and w.isVisible()][0]
        qtbot.addWidget(hk)
        assert any(a.text().startswith("說明") or a.text().startswith("幫助") for a in hk.menuBar().actions())
        hk.close()
        hk.worker.wait()
    finally:
        english.close()
        english.worker.wait()


def test_core_messages_in_one_language() -> None:
    from panprd_desktop.ui.messages import one_language

    message = "无效的日期：2027-13-45 (no such date)"
    assert one_language(message, english=False) == "无效的日期：2027-13-45"
    assert one_language(message, english=True) == "No such date: 2027-13-45"
    assert one_language("备注过长（最多 20000 字）(note too long)", english=True) == "Note too long"
    assert one_language("无法读取 坏文件.docx", english=True) == "无法读取 坏文件.docx"  # not bilingual: as is


def test_refused_edit_shows_the_chinese_half_only(qtbot: Any, window: Any, dialogs: Any) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    inspector.note_edit.setPlainText("长" * 20_001)
    inspector.add_note.click()
    wait_idle(qtbot, window)
    assert dialogs.errors == ["备注过长（最多 20000 字）"]
    assert "(note too long)" not in inspector.error.text()
