"""A second instance on the same library: say so and offer read-only or quit."""

from __future__ import annotations

from panprd_desktop.ui.qt import QtWidgets, translate

READ_ONLY = "read_only"
QUIT = "quit"


class LockedDialog(QtWidgets.QMessageBox):
    def __init__(self, path: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("LockedDialog", "资料库已被打开"))
        self.setText(translate("LockedDialog", "这个资料库已在另一个 PanPRD Desk 窗口中打开。"))
        self.setInformativeText(
            translate("LockedDialog", "同一时间只能有一个窗口修改资料库。您可以以只读方式打开（可以阅读、搜索、导出和打印，不能修改），或者退出。\n\n资料库：{0}").format(path))  # noqa: E501
        self.read_only_button = self.addButton(translate("LockedDialog", "以只读方式打开"),
                                               QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(translate("LockedDialog", "退出"),
                                          QtWidgets.QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.read_only_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        return READ_ONLY if self.clickedButton() is self.read_only_button else QUIT


def ask_locked(path: str) -> str:
    dialog = LockedDialog(path)
    dialog.exec()
    return dialog.choice()
