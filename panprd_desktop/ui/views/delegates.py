"""Editors for the 分工表: owners with completion, status from a combo, deadline as text.

An edit made on a row that is part of a multi-row selection applies to every selected row.
"""

from __future__ import annotations

from collections.abc import Callable

from panprd_desktop.core.model import STATUSES
from panprd_desktop.ui.labels import status_text
from panprd_desktop.ui.models.table_model import (
    COL_DEADLINE,
    COL_LEADS,
    COL_PARTICIPANTS,
    COL_STATUS,
    DivisionTableModel,
)
from panprd_desktop.ui.qt import Qt, QtCore, QtWidgets
from panprd_desktop.ui.views.owner_edit import OwnerEdit


class DivisionDelegate(QtWidgets.QStyledItemDelegate):
    def __init__(self, view: QtWidgets.QTableView, complete: Callable[[str], list[str]]) -> None:
        super().__init__(view)
        self._view = view
        self._complete = complete

    def createEditor(self, parent: QtWidgets.QWidget, option: QtWidgets.QStyleOptionViewItem,
                     index: QtCore.QModelIndex) -> QtWidgets.QWidget:
        col = index.column()
        if col in (COL_LEADS, COL_PARTICIPANTS):
            return OwnerEdit(self._complete, parent)
        if col == COL_STATUS:
            combo = QtWidgets.QComboBox(parent)
            for code in STATUSES:
                combo.addItem(status_text(code), code)
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
            return combo
        editor = QtWidgets.QLineEdit(parent)
        if col == COL_DEADLINE:
            editor.setPlaceholderText(self.tr("如 2020年底前"))
        return editor

    def _commit(self, editor: QtWidgets.QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QtWidgets.QWidget, index: QtCore.QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QtWidgets.QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QtWidgets.QLineEdit):
            editor.setText(str(value))

    def setModelData(self, editor: QtWidgets.QWidget, model: QtCore.QAbstractItemModel,
                     index: QtCore.QModelIndex) -> None:
        if isinstance(editor, QtWidgets.QComboBox):
            value: str = editor.currentData()
        else:
            value = editor.text()  # type: ignore[attr-defined]
        if not isinstance(model, DivisionTableModel):
            model.setData(index, value)
            return
        rows = {i.row() for i in self._view.selectionModel().selectedRows()}
        if index.row() not in rows or len(rows) < 2:
            model.setData(index, value)
        else:
            model.edit_rows(sorted(rows), index.column(), value)
