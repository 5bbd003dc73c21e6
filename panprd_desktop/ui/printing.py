"""Printing a briefing pack: exactly the pages the PDF export writes, through a print preview.

Ctrl+P used to print a QTextDocument of its own (no cover, no summary, plain page
numbers), a different document from the exported pack. Now the worker writes the pack's
PDF (the same writer as 导出) to a temporary file and the preview draws that PDF's pages
(rendered by pdfium) onto the printer's pages: same pages, same numbers, same typesetting.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets, print_support, translate

# Pages are rendered as greyscale images: for the printer at 300 dpi (or its own resolution,
# if lower), sharp for 五号 table text; for the preview (which keeps every page in memory)
# at 100 dpi, about 1 MB a page.
PRINT_DPI = 300
PREVIEW_DPI = 100


class PdfPages:
    """A PDF file whose pages print one to a sheet, scaled to the paper, in order."""

    def __init__(self, path: Path, *, owned: bool = False) -> None:
        import pypdfium2

        self.path = Path(path)
        self._pdf = pypdfium2.PdfDocument(str(self.path))
        self._owned = owned  # a temporary file: removed when the preview closes

    def page_count(self) -> int:
        return len(self._pdf)

    def page_size_pt(self, index: int) -> tuple[float, float]:
        width, height = self._pdf[index].get_size()
        return float(width), float(height)

    def toPlainText(self) -> str:  # noqa: N802 - the QTextDocument name, so either prints
        out = []
        for page in self._pdf:
            out.append(page.get_textpage().get_text_range())
        return "\n".join(out)

    def render(self, index: int, dpi: float) -> QtGui.QImage:
        page = self._pdf[index]
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        image = QtGui.QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                             QtGui.QImage.Format.Format_Grayscale8)
        return image.copy()  # detach from the pdfium buffer

    def print_(self, printer: Any) -> None:  # noqa: ANN401 - QPrinter, imported lazily
        """Draw every page onto ``printer``: one PDF page per sheet, filling the paper."""
        printer.setFullPage(True)
        self._orient(printer, 0)
        painter = QtGui.QPainter()
        if not painter.begin(printer):
            return
        try:
            engine = printer.paintEngine()
            previewing = engine is not None and engine.type() == QtGui.QPaintEngine.Type.Picture
            dpi = min(float(printer.resolution()), PREVIEW_DPI if previewing else PRINT_DPI)
            for index in range(self.page_count()):
                if index:
                    self._orient(printer, index)  # a landscape 分工表 prints on turned sheets
                    printer.newPage()
                paper = QtCore.QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                image = self.render(index, dpi)
                # Scale to the paper, keeping the page's proportions, centred.
                size = QtCore.QSizeF(image.size()).scaled(paper.size(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
                target = QtCore.QRectF(QtCore.QPointF(0, 0), size)
                target.moveCenter(paper.center())
                painter.drawImage(target, image)
        finally:
            painter.end()

    def _orient(self, printer: Any, index: int) -> None:  # noqa: ANN401
        width, height = self.page_size_pt(index)
        landscape = QtGui.QPageLayout.Orientation.Landscape
        printer.setPageOrientation(landscape if width > height else QtGui.QPageLayout.Orientation.Portrait)

    def close(self) -> None:
        self._pdf.close()
        if self._owned:
            self.path.unlink(missing_ok=True)


def pack_pdf(pack: Any, progress: Any = None, cancelled: Any = None) -> Path:  # noqa: ANN401
    """Write ``pack`` as the PDF the export writes, to a temporary file (run on the worker)."""
    import exporters

    handle, name = tempfile.mkstemp(prefix="panprd-print-", suffix=".pdf")
    os.close(handle)
    try:
        exporters.write_pdf(pack, Path(name), progress=progress, cancelled=cancelled)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def pack_document(pack: Any) -> PdfPages:  # noqa: ANN401
    """The pack's PDF pages, ready for :func:`preview` (writes the PDF: a worker's job)."""
    return PdfPages(pack_pdf(pack), owned=True)


def preview(parent: QtWidgets.QWidget | None, document: Any) -> Any:  # noqa: ANN401
    """Show the print preview; printing from it sends the same pages to the chosen printer.

    ``document`` is a :class:`PdfPages` (or anything with ``print_(printer)``)."""
    qps = print_support()
    printer = qps.QPrinter(qps.QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    printer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0), QtGui.QPageLayout.Unit.Millimeter)
    printer.setDocName(translate("Printing", "会议材料"))
    dialog = qps.QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "打印预览"))
    dialog.paintRequested.connect(document.print_)
    dialog.resize(1000, 800)
    try:
        dialog.exec()
    finally:
        if isinstance(document, PdfPages):
            document.close()
    return dialog
