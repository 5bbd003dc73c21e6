"""After an export: "已导出 name" with 打开文件 / 打开所在文件夹, kept in the status bar until closed.

The status bar's 8-second message was easy to miss and offered nothing to do with the file.
Opening goes through ``Dialogs.open_path`` (QDesktopServices), so tests can script it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from panprd_desktop.ui.qt import QtCore, QtWidgets


class ExportDone(QtWidgets.QWidget):
    def __init__(self, dialogs: Any, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_done")
        self._dialogs = dialogs
        self.path: Path | None = None
        self.label = QtWidgets.QLabel()
        self.open_file = QtWidgets.QPushButton(self.tr("打开文件"))
        self.open_folder = QtWidgets.QPushButton(self.tr("打开所在文件夹"))
        self.dismiss = QtWidgets.QToolButton()
        self.dismiss.setText("×")
        self.dismiss.setToolTip(self.tr("关闭"))
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.open_file, self.open_folder, self.dismiss):
            layout.addWidget(widget)
        # methods, not lambdas: PySide6 6.12 mis-counts the dropped ``checked`` bool of a lambda slot
        # (a "bool_dealloc" abort at exit, seen in the GUI tests)
        self.open_file.clicked.connect(self._open_file)
        self.open_folder.clicked.connect(self._open_folder)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def _open_file(self, _checked: bool = False) -> None:
        if self.path is not None:
            self._dialogs.open_path(self, self.path)

    def _open_folder(self, _checked: bool = False) -> None:
        if self.path is not None:
            self._dialogs.open_path(self, self.path.parent)

    def show_path(self, path: Path) -> None:
        self.path = Path(path)
        self.label.setText(self.tr("已导出：{0}").format(self.path.name))
        self.label.setToolTip(str(self.path))
        self.show()


def open_path(path: Path) -> bool:
    """Open a file or folder with the platform's default application."""
    from panprd_desktop.ui.qt import QtGui

    return QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path)))
