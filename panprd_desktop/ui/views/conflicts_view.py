"""The 冲突 view: each open conflict with base / ours / theirs side by side, one click to settle it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from panprd_desktop.ui.labels import field_text, status_text
from panprd_desktop.ui.qt import ROOT, Qt, QtCore, QtWidgets, Signal


def value_text(field: str, value: Any) -> str:
    """A field value as a person reads it (a status in the UI's language)."""
    if isinstance(value, dict):
        return str(value.get("text") or "—")
    if isinstance(value, list):
        return "、".join(value) or "—"
    if value in (None, ""):
        return "—"
    return status_text(str(value)) if field == "status" else str(value)


class ConflictsModel(QtCore.QAbstractTableModel):
    """Open conflicts (plain dicts from the core) as rows: 措施 | 字段 | 原值 | 本库 | 对方."""

    def __init__(self, labels: Callable[[str], str], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._labels = labels
        self._headers = [self.tr("措施"), self.tr("字段"), self.tr("原值"), self.tr("本库"), self.tr("对方")]

    def set_conflicts(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def conflict(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return self._labels(c["measure_id"])
        if col == 1:
            return field_text(c["field"])
        if col == 2:
            return value_text(c["field"], c["base"])
        if col == 3:
            return value_text(c["field"], c["ours"])
        who = c.get("theirs_office") or c.get("theirs_author") or ""
        return self.tr("{0}（{1}）").format(value_text(c["field"], c["theirs"]), who) if who else \
            value_text(c["field"], c["theirs"])


class ConflictsDialog(QtWidgets.QDialog):
    """Lists open conflicts; 采用本库 / 采用对方 settle the selected one through ``resolve``."""

    resolveRequested = Signal(str, str)  # conflict_id, "ours" | "theirs"

    def __init__(self, labels: Callable[[str], str], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("冲突"))
        self.resize(860, 360)
        self.model = ConflictsModel(labels, self)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.hint = QtWidgets.QLabel(self.tr("两边都改了同一项且不一致：本库的值暂时保留，请选择采用哪一个。"))
        self.hint.setWordWrap(True)
        self.keep_ours = QtWidgets.QPushButton(self.tr("采用本库的值"))
        self.take_theirs = QtWidgets.QPushButton(self.tr("采用对方的值"))
        close = QtWidgets.QPushButton(self.tr("关闭"))
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.keep_ours)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.keep_ours.clicked.connect(lambda: self._choose("ours"))
        self.take_theirs.clicked.connect(lambda: self._choose("theirs"))
        close.clicked.connect(self.accept)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_conflicts(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_conflicts(rows)
        if rows:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.conflict(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        enabled = self._selected() is not None
        self.keep_ours.setEnabled(enabled)
        self.take_theirs.setEnabled(enabled)

    def _choose(self, choice: str) -> None:
        conflict = self._selected()
        if conflict is not None:
            self.resolveRequested.emit(conflict["conflict_id"], choice)
