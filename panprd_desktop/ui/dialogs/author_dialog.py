"""Asks once for the name that signs notes and changes (remembered in the settings)."""

from __future__ import annotations

from panprd_desktop.ui.qt import QtWidgets, translate


def ask_author(parent: QtWidgets.QWidget | None) -> str | None:
    name, ok = QtWidgets.QInputDialog.getText(
        parent, translate("AuthorDialog", "您的姓名"),
        translate("AuthorDialog", "备注和修改记录将署上这个名字（只问一次，可在“设置”菜单中修改）："),
    )
    return name.strip() if ok and name.strip() else None
