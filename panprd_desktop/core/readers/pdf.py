"""Text PDFs through pypdfium2 (PDFium, the engine Chrome uses).

PDFium was measured against pdfminer.six on our fixtures (see the README / bench notes): both
keep CJK text and reading order on single-column government documents; PDFium is several
times faster and needs no layout tuning. A PDF without a text layer (a scan) is refused:
we do not do OCR, and importing an empty document would only confuse.
"""

from __future__ import annotations

from pathlib import Path

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.furniture import strip_page_furniture
from panprd_desktop.core.readers import limits
from panprd_desktop.core.readers.limits import Check, check_text_size


def pdf_pages(path: Path, check: Check = None) -> list[list[str]]:
    """Each page's text lines, or ImportRejected (not a PDF, encrypted, too big, no text)."""
    import pypdfium2 as pdfium

    name = path.name
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ImportRejected(f"{name}: 不是有效的 PDF 文件或已加密 (not a readable PDF: {exc})") from exc
    try:
        count = len(pdf)
        if count > limits.MAX_PDF_PAGES:
            raise ImportRejected(f"{name}: PDF 超过 {limits.MAX_PDF_PAGES} 页（{count} 页），已拒绝 (too many pages)")
        pages: list[list[str]] = []
        chars = 0
        for i in range(count):
            if check:
                check()
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            chars += len(text)
            check_text_size(chars, name)
            # PDFium ends lines with \r\n and may put a form feed or NULs between objects.
            lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\x00", "")
            pages.append(lines.split("\n"))
    except pdfium.PdfiumError as exc:
        raise ImportRejected(f"{name}: PDF 文件已损坏 (corrupt PDF: {exc})") from exc
    finally:
        pdf.close()
    if not any(ln.strip() for page in pages for ln in page):
        raise ImportRejected(
            f"{name}: PDF 中没有文字层（可能是扫描件），无法导入 (no text layer: a scanned PDF needs OCR first)"
        )
    return pages


def pdf_text(path: Path, check: Check = None) -> str:
    """The PDF's text without page furniture, lines in reading order, pages joined."""
    return "\n".join(strip_page_furniture(pdf_pages(path, check)))
