"""The inspector's unsaved input: typed fields not yet committed and note drafts per selection.

A mixin of :class:`~panprd_desktop.ui.views.inspector.InspectorView` (kept apart so both stay
short): it knows what would be lost on closing, and how to save or drop it.
"""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.ui.qt import QtCore, QtWidgets


class UnsavedInput:
    """Needs ``_ids``, ``_drafts``, ``_lib``, ``_ops``, the field widgets and ``tr`` of the inspector."""

    _ids: list[str]
    _drafts: dict[tuple[str, ...], str]
    # Field input whose write was refused (a busy or full disk) after the user had already moved
    # to other measures: per selection, field name → (typed text, the edit). It comes back into its
    # box when that selection is shown again, and closing the window asks about it.
    _refused: dict[tuple[str, ...], dict[str, tuple[str, Edit]]]
    _lib: Any
    _ops: Any
    leads: Any
    participants: Any
    deadline: QtWidgets.QLineEdit
    tags: QtWidgets.QLineEdit
    note_edit: QtWidgets.QPlainTextEdit
    draft_hint: QtWidgets.QLabel

    def _key(self) -> tuple[str, ...]:
        return tuple(sorted(self._ids))

    def _stash_draft(self) -> None:
        text = self.note_edit.toPlainText()
        if self._ids and text.strip():
            self._drafts[self._key()] = text
        else:
            self._drafts.pop(self._key(), None)

    def _note_changed(self) -> None:
        self._stash_draft()
        self.draft_hint.setVisible(bool(self.note_edit.toPlainText().strip()))

    def _line_fields(self) -> list[QtWidgets.QLineEdit]:
        return [self.leads, self.participants, self.deadline, self.tags]

    def _field_names(self) -> dict[str, QtWidgets.QLineEdit]:
        return dict(zip(("leads", "participants", "deadline", "tags"), self._line_fields(), strict=True))

    def _keep_refused(self, ids: list[str], field: QtWidgets.QLineEdit, typed: str, edit: Edit) -> None:
        name = next(n for n, f in self._field_names().items() if f is field)
        self._refused.setdefault(tuple(sorted(ids)), {})[name] = (typed, edit)

    def _restore_refused(self) -> None:
        kept = self._refused.pop(self._key(), {})
        for name, (typed, _edit) in kept.items():
            field = self._field_names()[name]
            field.setText(typed)
            field.setModified(True)  # unsaved again: Enter, leaving the field or closing writes it
        if kept:
            self.error.setText(QtCore.QCoreApplication.translate(
                "InspectorView", "未保存：写入被拒绝，输入的内容仍在框中，请重试。"))
            self.error.show()

    def unsaved(self) -> list[str]:
        """What would be lost on closing: typed fields and note drafts, in words."""
        # the inspector's context, so its translations apply
        names = (QtCore.QCoreApplication.translate("InspectorView", "牵头单位"),
                 QtCore.QCoreApplication.translate("InspectorView", "参与单位"),
                 QtCore.QCoreApplication.translate("InspectorView", "完成时限"),
                 QtCore.QCoreApplication.translate("InspectorView", "标签"))
        out = [QtCore.QCoreApplication.translate("InspectorView", "{0}（未提交）").format(name)
               for name, edit in zip(names, self._line_fields(), strict=True)
               if edit.isEnabled() and edit.isModified()]
        n = len(self._refused)
        if n:
            out.append(QtCore.QCoreApplication.translate("InspectorView", "%n 条措施上未能保存的修改", None, n))
        self._stash_draft()
        n = len(self._drafts)
        if n:
            out.append(QtCore.QCoreApplication.translate("InspectorView", "%n 条未添加的备注草稿", None, n))
        return out

    def commit_fields(self) -> None:
        """Commit every typed field to the current measures (as leaving the field would)."""
        if not self._ids or self._lib.read_only:
            return
        for edit in (self.leads, self.participants):
            if edit.isModified():
                edit.setModified(False)
                edit.committed.emit(edit.names())
        self._deadline_typed()
        self._tags_typed()

    def save_unsaved(self) -> None:
        """Commit typed fields and add every note draft to the measures it was typed on. A write
        that is refused (a busy or full disk) puts its input back, so :meth:`unsaved` reports it
        again and the window is not closed over it."""
        self.commit_fields()
        for key, kept in list(self._refused.items()):
            for name, (typed, edit) in kept.items():
                self._ops.annotate(list(key), edit, failed=lambda _m, k=key, n=name, v=(typed, edit):
                                   self._refused.setdefault(k, {}).__setitem__(n, v))
        self._refused.clear()
        self._stash_draft()
        for key, text in list(self._drafts.items()):
            self._ops.annotate(list(key), Edit(note=text.strip()),
                               done=lambda k=key, t=text: self._draft_saved(k, t),
                               failed=lambda _m, k=key, t=text: self._drafts.__setitem__(k, t))
        self._drafts.clear()

    def _draft_saved(self, key: tuple[str, ...], text: str) -> None:
        if key == self._key() and self.note_edit.toPlainText() == text:
            self.note_edit.blockSignals(True)
            self.note_edit.clear()
            self.note_edit.blockSignals(False)
            self.draft_hint.hide()

    def discard_unsaved(self) -> None:
        for edit in self._line_fields():
            edit.setModified(False)
        self._refused.clear()
        self._drafts.clear()
        self.note_edit.blockSignals(True)
        self.note_edit.clear()
        self.note_edit.blockSignals(False)
