"""A line edit for owners with completion from the vocabulary (aliases and Traditional resolve).

Several owners are separated by ``、``; completion applies to the one being typed. Typing
``粵`` (or ``粤``, ``广东``) offers 广东省 because the core resolves aliases and folds scripts.
"""

from __future__ import annotations

from collections.abc import Callable

from panprd_desktop.ui.labels import OWNER_SEPARATORS, split_owners
from panprd_desktop.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal


class OwnerEdit(QtWidgets.QLineEdit):
    committed = Signal(list)  # the owner names, when the user finished a changed entry

    def __init__(self, complete: Callable[[str], list[str]], parent: QtWidgets.QWidget | None = None,
                 *, multiple: bool = True) -> None:
        super().__init__(parent)
        self._complete = complete
        self._multiple = multiple
        self._model = QtCore.QStringListModel(self)
        self.completer_ = QtWidgets.QCompleter(self._model, self)
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QtWidgets.QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.activated[str].connect(self.insert_completion)
        self.textEdited.connect(self._update_completions)
        self.editingFinished.connect(self._finish)

    # -- completion ----------------------------------------------------------------------------
    def _current_token(self) -> tuple[int, str]:
        text = self.text()[: self.cursorPosition()]
        if not self._multiple:
            return 0, text
        cut = 0
        for m in OWNER_SEPARATORS.finditer(text):
            cut = m.end()
        return cut, text[cut:]

    def _update_completions(self, _text: str = "") -> None:
        _start, token = self._current_token()
        names = self._complete(token.strip()) if token.strip() else []
        self._model.setStringList(names)
        if names:
            self.completer_.complete(self.rect())
        else:
            self.completer_.popup().hide()

    def candidates(self) -> list[str]:
        return self._model.stringList()

    def insert_completion(self, name: str) -> None:
        start, _token = self._current_token()
        rest = self.text()[self.cursorPosition():]
        new = self.text()[:start] + name
        self.setText(new + rest)
        self.setCursorPosition(len(new))
        self.setModified(True)
        self.completer_.popup().hide()

    def inputMethodEvent(self, event: QtGui.QInputMethodEvent) -> None:
        """An input method commits text without key events: complete on what it typed."""
        before = self.text()
        super().inputMethodEvent(event)
        if event.commitString() and self.text() != before:
            self.setModified(True)
            self._update_completions()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if self.completer_.popup().isVisible() and event.key() in (
            Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab
        ):
            event.ignore()  # the completer's popup handles these
            return
        super().keyPressEvent(event)

    # -- values ---------------------------------------------------------------------------------
    def names(self) -> list[str]:
        return split_owners(self.text()) if self._multiple else [self.text().strip()] * bool(self.text().strip())

    def set_names(self, names: list[str]) -> None:
        text = "、".join(names)
        self.setText(text)
        self.setCursorPosition(0)  # a narrow pane shows the first units, not the tail of the last
        self.setToolTip(text)
        self.setModified(False)

    def _finish(self) -> None:
        if self.completer_.popup().isVisible():
            return
        if self.isModified():
            self.setModified(False)
            self.committed.emit(self.names())
