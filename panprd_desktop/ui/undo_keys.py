"""Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z undo and redo the library's changes from any widget.

A focused QLineEdit claims Ctrl+Z for its own text undo (a ShortcutOverride it accepts), so right
after editing a field the window's 撤销 did nothing although the menu offered it. This filter
keeps the window's shortcuts in charge: a field that holds typed input is committed first (so the
undo takes back exactly that edit — the worker runs jobs in order), then the library undoes.
"""

from __future__ import annotations

import contextlib
from typing import Any

from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets

K = QtGui.QKeySequence


def redo_shortcuts() -> list[QtGui.QKeySequence]:
    """Ctrl+Y (what WPS and Word users press) and Ctrl+Shift+Z."""
    return [K("Ctrl+Y"), K("Ctrl+Shift+Z")]


def _is_undo_key(event: QtGui.QKeyEvent) -> bool:
    combo = K(event.keyCombination())
    return any(combo.matches(seq) == K.SequenceMatch.ExactMatch
               for seq in (K("Ctrl+Z"), *redo_shortcuts()))


class UndoKeys(QtCore.QObject):
    """Filters the focus widget of ``window`` (Qt sends ShortcutOverride to the focus widget).

    Not a filter on the whole application: that ran Python for every event of every object (a
    thousand during the first paint alone) and made PySide wrap each of them, a window-thread
    cost on every layout and paint (issue 13)."""

    def __init__(self, window: QtWidgets.QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QtWidgets.QWidget | None = None
        app = QtWidgets.QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QtWidgets.QWidget | None, new: QtWidgets.QWidget | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # the widget may be gone already
                self._watched.removeEventFilter(self)
            self._watched = None
        if new is not None and new.window() is self._window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QtCore.QEvent.Type.ShortcutOverride and _is_undo_key(event):  # type: ignore[arg-type]
            event.ignore()  # not overridden: the window's 撤销/重做 action gets the key
            return True
        return False


def commit_then(window: Any, step: Any) -> None:
    """Commit whatever field holds typed input, then run ``step`` (the library's undo or redo)."""
    window.inspector.commit_fields()
    division = window.built_pane("division")  # a 分工表 never built has no open editor
    table = division.table if division is not None else None
    editor = QtWidgets.QApplication.focusWidget()
    if table is not None and editor is not None and table.isAncestorOf(editor) and editor is not table:
        table.commitData(editor)  # an open cell editor in the 分工表
        table.closeEditor(editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)
    step()
