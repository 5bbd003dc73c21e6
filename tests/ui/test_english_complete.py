"""Follow-ups of issues 8/10/11 — the English UI is complete: no Chinese in the window's menus,
actions, buttons, tabs and headers, nor in the new dialogs (import review, remove document,
exchange, conflicts, restore, export); counts use Qt's plural forms. Library data (titles,
measure texts) is Chinese by nature and is not checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.core.model import DocumentInfo, ImportResult
from panprd_desktop.ui.i18n import install_translators
from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets
from tests.ui.helpers import wait_idle

HAN = re.compile(r"[\u3400-\u9fff]")
NATIVE = {"简体中文", "繁體中文（香港）"}  # language names are shown in their own script on purpose


@pytest.fixture
def english(qapp: Any) -> Any:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh_CN")  # translators are process-wide: leave the others in Chinese


def _menu_texts(menu: QtWidgets.QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        if action.menu() is not None:
            out += _menu_texts(action.menu())
        elif action.text():
            out.append(action.text())
    return out


def _widget_texts(root: QtWidgets.QWidget) -> list[str]:
    """What a user reads on the chrome of ``root``: buttons, boxes, labels, tabs, headers, fields."""
    out = [root.windowTitle()]
    out += [b.text() for b in root.findChildren(QtWidgets.QAbstractButton)]
    out += [b.toolTip() for b in root.findChildren(QtWidgets.QAbstractButton)]
    out += [g.title() for g in root.findChildren(QtWidgets.QGroupBox)]
    out += [e.placeholderText() for e in root.findChildren(QtWidgets.QLineEdit)]
    for tabs in root.findChildren(QtWidgets.QTabWidget):
        out += [tabs.tabText(i) for i in range(tabs.count())]
    for dock in root.findChildren(QtWidgets.QDockWidget):
        out.append(dock.windowTitle())
    for view in root.findChildren(QtWidgets.QAbstractItemView):
        model = view.model()
        header = view.horizontalHeader() if isinstance(view, QtWidgets.QTableView) else \
            view.header() if isinstance(view, QtWidgets.QTreeView) else None
        if model is not None and header is not None:
            out += [str(model.headerData(c, QtCore.Qt.Orientation.Horizontal) or "") for c in range(header.count())]
    return [t for t in out if t and t not in NATIVE]


def _chinese(texts: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    return [t for t in texts if HAN.search(t) and not any(a in t for a in allowed)]


def test_english_main_window_has_no_chinese_chrome(qtbot: Any, make_window: Any, dialogs: Any,
                                                   english: Any) -> None:
    window = make_window()
    wait_idle(qtbot, window)
    texts: list[str] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    texts += [a.text() for a in window.actions() if a.text()]
    texts += [a.text() for a in window.findChildren(QtGui.QAction) if a.text()]
    texts += _widget_texts(window)
    texts = [t for t in texts if t not in NATIVE]
    assert len(texts) > 50
    assert _chinese(texts, allowed=("e.g.",)) == [], _chinese(texts)  # examples of Chinese input may stay


def test_new_dialogs_are_english(qtbot: Any, english: Any, tmp_path: Path) -> None:
    from panprd_desktop.ui.dialogs.exchange_dialog import summary_text
    from panprd_desktop.ui.dialogs.export_dialog import ExportDefaults, ExportDialog
    from panprd_desktop.ui.dialogs.import_review import ImportReviewDialog, RemoveDocumentDialog
    from panprd_desktop.ui.dialogs.restore_dialog import RestoreDialog
    from panprd_desktop.ui.views.conflicts_view import ConflictsDialog

    title = "粤港合作2017年重点工作"  # library data: allowed to stay Chinese
    warnings = ("一、2 没有写明责任单位 (no owners named): 推进港口建设。", "……另有 3 条提示 (3 more)")
    result = ImportResult(doc_id="4d6824da", title=title, sections=1, measures=7, existing=False, parts=1,
                          owners_from_text=1, deadlines_from_text=0, warnings=warnings)
    review = ImportReviewDialog([result])
    remove = RemoveDocumentDialog([DocumentInfo("4d6824da", title, "", None, 1, 7)], "4d6824da")
    conflicts = ConflictsDialog(lambda mid: "（一）1")
    restore = RestoreDialog([])
    export = ExportDialog(ExportDefaults(folder=str(tmp_path)))
    for dialog in (review, remove, conflicts, restore, export):
        qtbot.addWidget(dialog)
        assert _chinese(_widget_texts(dialog), allowed=(title,)) == [], type(dialog).__name__
    lines = [i for line in review.lines() for i in line.split(title)]
    assert "一、2 no owners named: 推进港口建设。" in lines and "… 3 more" in lines
    assert _chinese(lines, allowed=("推进港口建设",)) == []
    assert _chinese([remove.combo.itemText(0).replace(title, "")]) == []
    assert _chinese([export.fmt.itemText(i) for i in range(export.fmt.count())]) == []
    conflicts.set_conflicts([{"conflict_id": "c1", "measure_id": "m", "field": "status", "base": "not_started",
                              "ours": "delayed", "theirs": "done", "theirs_author": "Macao office", "theirs_at": ""}])
    theirs = conflicts.model.index(0, 4).data()
    assert theirs == "Done (Macao office)", theirs
    assert _chinese([conflicts.model.index(0, c).data() for c in (1, 2, 3)]) == []
    preview = {"from": {"office": "Macao office", "library": "x"}, "applied": 1, "already": 0,
               "documents_added": 0, "conflicts": []}
    assert _chinese([summary_text(preview)]) == []


def test_english_plural_forms_for_counts(qapp: Any, english: Any) -> None:
    tr = QtCore.QCoreApplication.translate
    assert tr("LibraryTreeModel", "{0}\n%n 条措施：{1}", "", 1).format("Part", "") == "Part\n1 measure: "
    assert tr("LibraryTreeModel", "{0}\n%n 条措施：{1}", "", 2).format("Part", "") == "Part\n2 measures: "
    assert tr("DeadlinesModel", "已逾期 %n 天", "", 1) == "1 day overdue"
    assert tr("DeadlinesModel", "还有 %n 天", "", 3) == "3 days left"
    assert tr("ImportReviewDialog", "%n 条措施", "", 1) == "1 measure"
    assert tr("ExchangeUi", "冲突 %n 项", "", 1) == "1 conflict"
    assert tr("ExchangeUi", "冲突 %n 项", "", 2) == "2 conflicts"
