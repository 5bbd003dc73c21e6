"""After an import: what was found in each file; and choosing a document to remove.

The review lists, per document, its title, parts and measures, how many measures got owners
and deadlines from the text, and the warnings a person should look at (items without owners,
rows or lines that were not read). It is not modal: the user reads it beside the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from panprd_desktop.core.model import DocumentInfo, ImportResult
from panprd_desktop.ui.messages import warning_text
from panprd_desktop.ui.qt import QtCore, QtWidgets


class ImportReviewDialog(QtWidgets.QDialog):
    def __init__(self, results: Sequence[ImportResult], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_review")
        self.setWindowTitle(self.tr("导入结果"))
        self.resize(640, 380)
        self.tree = QtWidgets.QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("文档"), self.tr("内容")])
        self.tree.setColumnWidth(0, 300)
        for r in results:
            self._add(r)
        self.tree.expandAll()
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def _add(self, r: ImportResult) -> None:
        top = QtWidgets.QTreeWidgetItem(self.tree, [r.title, r.doc_id])
        top.setToolTip(0, r.title)
        state = self.tr("资料库中已有，未重复导入") if r.existing else self.tr("已导入")
        rows = [
            (self.tr("状态"), state),
            (self.tr("部分 / 节 / 措施"), f"{r.parts} / {r.sections} / {r.measures}"),
            (self.tr("取自原文的牵头/参与单位"), self.tr("%n 条措施", "", r.owners_from_text)),
            (self.tr("取自原文的完成时限"), self.tr("%n 条措施", "", r.deadlines_from_text)),
        ]
        for label, value in rows:
            QtWidgets.QTreeWidgetItem(top, [label, value])
        if r.warnings:
            warn = QtWidgets.QTreeWidgetItem(top, [self.tr("需要核对（{0}）").format(len(r.warnings)), ""])
            for w in r.warnings:
                shown = warning_text(w)  # the reason in the UI's language; the measure's words as they are
                item = QtWidgets.QTreeWidgetItem(warn, ["", shown])
                item.setToolTip(1, shown)

    def lines(self) -> list[str]:
        """Every row's text, depth-first (what a reader of the dialog sees; used by tests)."""
        out: list[str] = []

        def walk(item: QtWidgets.QTreeWidgetItem) -> None:
            out.append(" ".join(t for t in (item.text(0), item.text(1)) if t))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return out


def show_import_review(parent: QtWidgets.QWidget, results: Sequence[ImportResult]) -> ImportReviewDialog:
    dialog = ImportReviewDialog(results, parent)
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class RemoveDocumentDialog(QtWidgets.QDialog):
    """Pick the document (the current one preselected) and confirm, knowing a backup is made."""

    def __init__(self, docs: Sequence[DocumentInfo], current: str | None,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("移除文档"))
        self.combo = QtWidgets.QComboBox(self)
        for d in docs:
            self.combo.addItem(self.tr("{0}（%n 条措施）", "", d.measures).format(d.title), d.doc_id)
            if d.doc_id == current:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        note = QtWidgets.QLabel(self.tr(
            "文档及其全部措施、分工、备注和修改记录将从资料库中移除。"
            "移除前会先备份整个资料库，需要时可从备份中找回。"), self)
        note.setWordWrap(True)
        buttons = QtWidgets.QDialogButtonBox(self)
        buttons.addButton(self.tr("移除"), QtWidgets.QDialogButtonBox.ButtonRole.DestructiveRole).clicked.connect(
            self.accept)
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        return self.combo.currentData()


def ask_document_to_remove(parent: QtWidgets.QWidget | None, docs: Sequence[DocumentInfo],
                           current: str | None) -> str | None:
    dialog = RemoveDocumentDialog(docs, current, parent)
    return dialog.chosen() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None
