"""Start-up, the second instance, remembered settings, language, and the Qt boundary."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.ui.app import open_library
from panprd_desktop.ui.dialogs.locked_dialog import QUIT, READ_ONLY, LockedDialog
from panprd_desktop.ui.i18n import i18n_dir
from panprd_desktop.ui.qt import QtCore, QtWidgets
from tests.ui.helpers import type_text, wait_idle

REPO = Path(__file__).resolve().parents[2]
QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)


def _answer_locked_dialog(button: str, seen: list[str]) -> None:
    def answer() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(dialog, LockedDialog)
        seen.append(dialog.text() + dialog.informativeText())
        (dialog.read_only_button if button == READ_ONLY else dialog.quit_button).click()

    QtCore.QTimer.singleShot(100, answer)


def ask_with_real_dialog(path: str) -> str:
    dialog = LockedDialog(path)
    dialog.exec()
    return dialog.choice()


def test_second_instance_offers_read_only(qtbot: Any, lib_path: Path, make_window: Any) -> None:
    first = make_window()
    seen: list[str] = []
    _answer_locked_dialog(READ_ONLY, seen)
    second_lib = open_library(lib_path, ask_with_real_dialog)
    assert "已在另一个 PanPRD Desk 窗口中打开" in seen[0] and str(lib_path) in seen[0]
    assert second_lib is not None and second_lib.read_only
    second_lib.close()

    _answer_locked_dialog(QUIT, seen)
    assert open_library(lib_path, ask_with_real_dialog) is None
    assert first.lib.read_only is False


def test_read_only_window_refuses_edits(qtbot: Any, lib_path: Path, make_window: Any, dialogs: Any) -> None:
    Library(lib_path).close()
    holder = Library(lib_path)  # another instance holds the writer lock
    window = make_window(read_only=True)
    assert "只读" in window.windowTitle()
    window.open_measure(window.division.model.measure_id(0))
    assert not window.inspector.leads.isEnabled() and not window.inspector.status.isEnabled()
    assert not window.actions_.import_files.isEnabled() and not window.actions_.undo.isEnabled()
    window.ops.annotate(["x"], None)  # type: ignore[arg-type]
    assert dialogs.errors == ["资料库以只读方式打开，不能修改。"]
    holder.close()


def test_window_remembers_geometry_splitter_and_filters(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    window = make_window()
    window.resize(760, 540)  # smaller than the offscreen screen
    window.splitter.setSizes([200, 300, 250])
    bar = window.search.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("delayed"))
    bar.overdue.setChecked(True)
    window.center.setCurrentIndex(2)
    wait_idle(qtbot, window)
    sizes = window.splitter.sizes()
    window.close()
    window.worker.wait()
    window.lib.close()

    again = make_window()
    assert again.size() == QtCore.QSize(760, 540)
    assert again.splitter.sizes() == sizes
    state = again.search.filter_bar.state()
    assert state["status"] == "delayed" and state["overdue"] is True
    assert again.center.currentIndex() == 2


def test_author_is_asked_once_and_remembered(qtbot: Any, make_window: Any, dialogs: Any) -> None:
    window = make_window()
    assert window.author() == "陈晓" and window.author() == "陈晓"
    assert dialogs.author_asked == 1
    assert window.settings.author == "陈晓"


def test_english_translation_ships_and_loads(qapp: Any) -> None:
    assert (Path(i18n_dir()) / "panprd_en.qm").exists()
    translator = QtCore.QTranslator()
    assert translator.load("panprd_en", i18n_dir())
    assert translator.translate("MainWindow", "分工表") == "Division of work"
    assert translator.translate("Status", "推进中") == "In progress"


def test_main_opens_window_and_reports_startup(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               HOME=str(tmp_path), PANPRD_STARTUP_PROBE="1")
    db = tmp_path / "other.sqlite3"
    done = subprocess.run([sys.executable, str(REPO / "main.py"), "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "startup_seconds=" in done.stdout
    assert db.exists()
    with Library(db, read_only=True) as lib:
        assert lib.documents.list()[0].doc_no == "国发〔2016〕18号"


def test_only_the_gui_imports_qt() -> None:
    offenders = []
    for path in REPO.rglob("*.py"):
        rel = path.relative_to(REPO).as_posix()
        if rel.startswith(("panprd_desktop/ui/", "tests/ui/", "bench/", ".")) or "/." in rel:
            continue
        if QT_IMPORT.search(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(rel)
    assert offenders == []


def test_a_field_being_edited_is_saved_on_close(qtbot: Any, make_window: Any, lib_path: Path) -> None:
    window = make_window()
    mid = window.division.model.measure_id(0)
    window.open_measure(mid)
    window.inspector.tags.setFocus()
    type_text(window.inspector.tags, "跨境、交通")
    window.close()  # no Return pressed: closing commits the field
    window.worker.wait()
    window.lib.close()
    with Library(lib_path, read_only=True) as lib:
        assert lib.measures.get(mid).tags == ("交通", "跨境")


def test_traditional_chinese_translation_for_hong_kong_and_macao_staff(qapp: Any) -> None:
    translator = QtCore.QTranslator()
    assert translator.load("panprd_zh_HK", i18n_dir())
    assert translator.translate("MainWindow", "撤销") == "撤銷"
    assert translator.translate("Status", "推进中") == "推進中"
