"""Helpers for the GUI tests (imported as ``tests.ui.helpers``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.ui.main_window import MainWindow
from panprd_desktop.ui.qt import QtGui, QtWidgets


def close_window(window: MainWindow) -> None:
    window.close()
    window.worker.wait()
    window.lib.close()


def wait_idle(qtbot: Any, window: MainWindow, timeout: int = 10_000) -> None:
    """Until the worker ran every job and no search or filter is pending."""
    qtbot.wait(10)  # let queued events (a delegate's commit, a job's result) arrive first
    qtbot.waitUntil(lambda: not window.worker.busy() and not window.search.pending()
                    and not window.division.pending(), timeout=timeout)


def type_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Type ``text`` the way an input method does: one commit string (keyClicks aborts on Chinese)."""
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def reopen(lib_path: Path) -> Library:
    return Library(lib_path, read_only=True)
