"""Dialogs. The window asks through a :class:`Dialogs` object so tests can script the answers."""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui.qt import QtWidgets, translate


class Dialogs:
    """The real, modal dialogs. Tests pass a subclass that answers without blocking."""

    def ask_author(self, parent: QtWidgets.QWidget | None) -> str | None:
        from panprd_desktop.ui.dialogs.author_dialog import ask_author

        return ask_author(parent)

    def export_request(self, parent: QtWidgets.QWidget | None, defaults: Any) -> Any | None:
        from panprd_desktop.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(defaults, parent)
        return dialog.request() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def import_paths(self, parent: QtWidgets.QWidget | None) -> list[str]:
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            parent, translate("Dialogs", "导入文件"), "",
            translate("Dialogs", "文本、Word、PDF 与 Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)") + ";;"
            + translate("Dialogs", "所有文件 (*)"))
        return paths

    def review_import(self, parent: QtWidgets.QWidget, results: Any) -> Any:
        """Show what an import found (not modal: the window stays usable)."""
        from panprd_desktop.ui.dialogs.import_review import show_import_review

        return show_import_review(parent, results)

    def document_to_remove(self, parent: QtWidgets.QWidget | None, docs: Any, current: str | None) -> str | None:
        """Which document to remove, confirmed; None when the user cancels."""
        from panprd_desktop.ui.dialogs.import_review import ask_document_to_remove

        return ask_document_to_remove(parent, docs, current)

    def ask_unsaved(self, parent: QtWidgets.QWidget | None, what: list[str]) -> str:
        """保存 / 放弃 / 取消 for input not yet written: returns "save", "discard" or "cancel"."""
        B = QtWidgets.QMessageBox.StandardButton
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, "PanPRD Desk",
                                    translate("Dialogs", "有尚未保存的输入："), B.Save | B.Discard | B.Cancel, parent)
        box.setInformativeText("\n".join(what))
        box.button(B.Save).setText(translate("Dialogs", "保存"))
        box.button(B.Discard).setText(translate("Dialogs", "放弃"))
        box.button(B.Cancel).setText(translate("Dialogs", "取消"))
        box.setDefaultButton(B.Save)
        answer = box.exec()
        return {B.Save: "save", B.Discard: "discard"}.get(B(answer), "cancel")

    def ask_note(self, parent: QtWidgets.QWidget | None, count: int) -> str | None:
        """A note for ``count`` measures (context menu 添加备注…); None when cancelled."""
        text, ok = QtWidgets.QInputDialog.getMultiLineText(
            parent, translate("Dialogs", "添加备注"),
            QtWidgets.QApplication.translate("Dialogs", "备注（添加到 %n 条措施）：", None, count))
        return text if ok else None

    def open_path(self, parent: QtWidgets.QWidget | None, path: Any) -> None:
        from panprd_desktop.ui.export_done import open_path

        if not open_path(path):
            self.error(parent, translate("Dialogs", "无法打开：{0}").format(str(path)))

    def error(self, parent: QtWidgets.QWidget | None, message: str) -> None:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "PanPRD Desk",
                                    message, QtWidgets.QMessageBox.StandardButton.Ok, parent)
        box.exec()

    def preview(self, parent: QtWidgets.QWidget | None, document: Any) -> None:
        from panprd_desktop.ui.printing import preview

        preview(parent, document)
