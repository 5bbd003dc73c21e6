"""文件 → 从备份恢复…: the list `panprd backups` prints, and a restore of the chosen one.

Also used at start-up when the library is missing, empty or damaged: the newest verified
backup is offered instead of a silently recreated empty library or a window that dies.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from panprd_desktop.core import recovery
from panprd_desktop.core.model import Changes
from panprd_desktop.ui.qt import Qt, QtCore, QtGui, QtWidgets, translate

if TYPE_CHECKING:
    from db.backup import BackupInfo


class RestoreDialog(QtWidgets.QDialog):
    """Backups newest first; the newest verified one is selected; damaged ones cannot be chosen."""

    def __init__(self, items: list[BackupInfo], message: str = "",
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self._items = items
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(message or self.tr(
            "选择要恢复的备份。恢复前，当前资料库会另存为一份安全快照，不会丢失。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QtWidgets.QTableWidget(len(items), 5)  # a short, fixed list: no model needed
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("大小"), self.tr("措施"), self.tr("标注"), self.tr("校验")])
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, b in enumerate(items):
            cells = [
                b.taken.strftime("%Y-%m-%d %H:%M"),
                f"{b.size / 1_048_576:.1f} MB",
                str(b.counts.measures) if b.counts else "—",
                str(b.counts.annotations) if b.counts else "—",
                self.tr("通过") if b.verified else self.tr("已损坏"),
            ]
            for col, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if not b.verified:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip("; ".join(b.problems))
                self.table.setItem(row, col, item)
        self.table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        if not items:
            layout.addWidget(QtWidgets.QLabel(self.tr("没有备份。")))
        buttons = QtWidgets.QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("恢复"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        first = next((row for row, b in enumerate(items) if b.verified), None)
        if first is not None:
            self.table.selectRow(first)
        self._selection_changed()
        self.resize(560, 360)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self._items[rows.pop()]
        return item.path if item.verified else None


def choose_backup(parent: QtWidgets.QWidget | None, db_path: Path, message: str = "") -> Path | None:
    """Show the list modally; the chosen backup, or None."""
    dialog = RestoreDialog(recovery.backups(db_path), message, parent)
    return dialog.chosen() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


def install(window: Any) -> QtGui.QAction:
    """Add 文件 → 从备份恢复… to ``window`` (a MainWindow) above 重建搜索索引."""
    # translate() with an explicit context: lupdate would file window.tr() under "window"
    action = QtGui.QAction(translate("RestoreDialog", "从备份恢复…"), window)
    action.setObjectName("restore_backup")
    reindex = window.actions_.reindex
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and reindex in menu.actions():
            menu.insertAction(reindex, action)
            break
    action.setEnabled(not window.lib.read_only)
    action.triggered.connect(lambda: restore_from_backup(window))
    return action


def restore_from_backup(window: Any) -> None:
    """Ask which backup (scripted dialogs may answer ``choose_backup``), restore it into the
    open library on the worker (copy and re-index take seconds on a large library; the
    window stays live) and tell every panel that everything changed."""
    ask = getattr(window.dialogs, "choose_backup", None) or choose_backup
    chosen = ask(window, window.lib.path)
    if chosen is None:
        return
    window.restore_action.setEnabled(False)  # one restore at a time

    def done(result: recovery.RestoreResult) -> None:
        window.restore_action.setEnabled(True)
        window.on_changes(Changes(measure_ids=frozenset(window.lib.measures.ids()), documents=True, owners=True))
        restored = QtCore.QCoreApplication.translate(
            "RestoreDialog", "已从备份恢复：%n 条措施；恢复前的状态已另存为安全快照", "", result.measures)
        window.statusBar().showMessage(restored, 10000)

    def failed(message: str) -> None:
        window.restore_action.setEnabled(True)
        window.dialogs.error(window, message)

    window.worker.submit(QtCore.QCoreApplication.translate("RestoreDialog", "正在从备份恢复…"),
                         lambda ctx: recovery.restore_into(window.lib, chosen), done=done, failed=failed)
