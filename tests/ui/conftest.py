"""GUI test fixtures: the real window, offscreen, on a temporary library with the guideline.

QT_QPA_PLATFORM is set before anything imports Qt. Settings go to tmp_path (QSettings.setPath),
and dialogs are scripted (a Dialogs subclass answering at once) so no test waits on a modal.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.ui.dialogs import Dialogs  # noqa: E402
from panprd_desktop.ui.main_window import MainWindow  # noqa: E402
from panprd_desktop.ui.qt import QtCore, QtWidgets  # noqa: E402
from panprd_desktop.ui.settings import Settings  # noqa: E402
from tests.ui.helpers import wait_idle  # noqa: E402


class ScriptedDialogs(Dialogs):
    """Answers the window's questions without showing anything modal; records what it was asked."""

    def __init__(self) -> None:
        self.author_answer: str | None = "陈晓"
        self.author_asked = 0
        self.errors: list[str] = []
        self.export_answer: Any = None
        self.export_defaults: Any = None
        self.import_answer: list[str] = []
        self.previewed: list[Any] = []
        self.unsaved_answer = "save"  # 保存 / 放弃 / 取消 on closing with unsaved input
        self.unsaved_asked: list[list[str]] = []
        self.note_answer: str | None = None  # context menu 添加备注…
        self.opened: list[Any] = []  # paths "opened" with the platform's default application

    def ask_author(self, parent: Any) -> str | None:
        self.author_asked += 1
        return self.author_answer

    def export_request(self, parent: Any, defaults: Any) -> Any:
        self.export_defaults = defaults
        answer = self.export_answer
        return answer(defaults) if callable(answer) else answer

    def import_paths(self, parent: Any) -> list[str]:
        return list(self.import_answer)

    def ask_unsaved(self, parent: Any, what: list[str]) -> str:
        self.unsaved_asked.append(list(what))
        return self.unsaved_answer

    def ask_note(self, parent: Any, count: int) -> str | None:
        return self.note_answer

    def open_path(self, parent: Any, path: Any) -> None:
        self.opened.append(path)

    def error(self, parent: Any, message: str) -> None:
        self.errors.append(message)

    def preview(self, parent: Any, document: Any) -> None:
        self.previewed.append(document)


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def settings(tmp_path: Path, qapp: QtWidgets.QApplication) -> Settings:
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             str(tmp_path / "settings"))
    return Settings()


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def make_window(qtbot: Any, lib_path: Path, settings: Settings,
                dialogs: ScriptedDialogs) -> Iterator[Callable[..., MainWindow]]:
    opened: list[tuple[MainWindow, Library]] = []

    def make(read_only: bool = False, **kwargs: Any) -> MainWindow:
        lib = Library(lib_path, read_only=read_only)
        window = MainWindow(lib, Settings(), dialogs, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, lib))
        wait_idle(qtbot, window)
        return window

    yield make
    for window, lib in opened:
        if window.isVisible():
            window.close()
        window.worker.wait()
        lib.close()


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()
