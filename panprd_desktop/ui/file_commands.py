"""The main window's file commands: import (menu and drag-and-drop), remove a document, export
and print a pack. A mixin of :class:`~panprd_desktop.ui.main_window.MainWindow`, kept apart so the
window module stays about wiring panels together.

The export scope is always chosen explicitly in the dialog (never the active tab's); the meeting
fields, folder, format and scope are remembered between exports (issue 11).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from panprd_desktop.core.model import Changes
from panprd_desktop.ui.dialogs.export_dialog import ExportDefaults
from panprd_desktop.ui.models.tree_model import IdRole
from panprd_desktop.ui.ops import IMPORT_SUFFIXES
from panprd_desktop.ui.qt import QtCore, QtGui


class FileCommands:
    """Needs the window's ``lib``, ``ops``, ``dialogs``, ``settings``, ``tree``, ``search``,
    ``division``, ``export_done`` and ``selected_ids()``."""

    def import_dialog(self) -> None:
        paths = self.dialogs.import_paths(self)
        if paths:
            self.ops.import_files([Path(p) for p in paths])

    def _review_import(self, changes: Changes) -> None:
        if changes.extra.get("imported"):
            self.dialogs.review_import(self, changes.extra["imported"])

    def remove_dialog(self) -> None:
        """文件 → 移除文档…: the document under the tree's cursor is offered first."""
        index = self.tree.currentIndex()
        while index.isValid() and (index.data(IdRole) or ("",))[0] != "doc":
            index = index.parent()
        current = index.data(IdRole)[1] if index.isValid() else None
        with self.lib.lock:
            docs = self.lib.documents.list()
        doc_id = self.dialogs.document_to_remove(self, docs, current)
        if doc_id:
            self.ops.remove_document(doc_id)

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if self._dropped_paths(event.mimeData()) and not self.lib.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        paths = self._dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.ops.import_files(paths)

    @staticmethod
    def _dropped_paths(mime: QtCore.QMimeData) -> list[Path]:
        return [Path(u.toLocalFile()) for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMPORT_SUFFIXES]

    def _export_defaults(self, for_print: bool = False) -> ExportDefaults:
        s = self.settings
        index = self.tree.currentIndex()
        while index.isValid() and index.parent().isValid():
            index = index.parent()
        doc = (index.data(IdRole)[1], str(index.data())) if index.isValid() else None
        with self.lib.lock:
            owners = [o.name for o in self.lib.owners.all()]
        return ExportDefaults(query=self.search.query(), filters=self.search.filters(),
                              selected=self.selected_ids(), prepared_by=self.settings.author, for_print=for_print,
                              folder=str(s.value("export/folder", "") or ""),
                              fmt=str(s.value("export/format", "docx") or "docx"), doc=doc,
                              table_query=self.division.query.text().strip(), table_filters=self.division.filters(),
                              owners=owners, meeting=str(s.value("export/meeting", "") or ""),
                              meeting_date=str(s.value("export/meeting_date", "") or ""),
                              scope=str(s.value("export/scope", "") or ""))

    def _remember_export(self, request: Any) -> None:
        self.settings.set_value("export/meeting", request.options.meeting)
        self.settings.set_value("export/meeting_date", request.options.meeting_date)
        self.settings.set_value("export/scope", getattr(request, "scope", "all"))

    def export_selected(self, ids: list[str]) -> None:
        """导出所选… from a context menu: the export dialog with these measures as its scope."""
        defaults = self._export_defaults()
        defaults.selected, defaults.scope = list(ids), "selected"
        self.export_dialog(defaults)

    def export_dialog(self, defaults: ExportDefaults | bool | None = None) -> None:
        if not isinstance(defaults, ExportDefaults):  # a QAction's "checked" argument
            defaults = self._export_defaults()
        request = self.dialogs.export_request(self, defaults)
        if request is None:
            return
        self._remember_export(request)
        self.settings.set_value("export/folder", str(request.out.parent))
        self.settings.set_value("export/format", request.fmt)
        self.export_done.hide()
        self.ops.export_pack(request.options, request.selection, request.out, request.fmt,
                             request.for_return, request.owner)  # .xlsx 台账 options

    def print_dialog(self) -> None:
        request = self.dialogs.export_request(self, self._export_defaults(for_print=True))
        if request is None:
            return
        self._remember_export(request)

        # The pages the PDF export writes, rendered for the printer (ui/printing.py).
        self.ops.print_pack(request.options, request.selection, lambda pages: self.dialogs.preview(self, pages))

