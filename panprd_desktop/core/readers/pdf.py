"""Text PDFs through pypdfium2 (PDFium, the engine Chrome uses).

PDFium was measured against pdfminer.six on our fixtures (see the README / bench notes): both
keep CJK text and reading order on single-column government documents; PDFium is several
times faster and needs no layout tuning. A PDF without a text layer (a scan) is refused:
we do not do OCR, and importing an empty document would only confuse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.furniture import strip_page_furniture
from panprd_desktop.core.parsing.structure import ParsedDocument
from panprd_desktop.core.readers import limits
from panprd_desktop.core.readers.limits import Check, check_text_size
from panprd_desktop.core.readers.pdf_tables import looks_like_task_table, pdf_table_document


def _page_lines(textpage: Any) -> list[str]:
    """The page's lines, each in left-to-right order of its characters' positions.

    PDFium returns characters in content-stream order. Writers such as LibreOffice draw the
    punctuation of another font (“”—) in a separate run after the Chinese around it, so
    stream order gives ``一国 “ ” 两制`` for “一国两制”. Within one visual line (characters
    whose vertical middle falls inside the line's band) we therefore order by x position;
    lines themselves keep the stream order, which follows the document's reading order.
    """
    text = textpage.get_text_range()
    count = textpage.count_chars()
    if len(text) != count:  # characters outside the BMP: keep stream order rather than guess
        return _plain_lines(text)
    lines: list[str] = []
    current: list[tuple[float, int, str]] = []
    band: tuple[float, float] | None = None

    def flush() -> None:
        if current:
            lines.append("".join(ch for _x, _i, ch in sorted(current)))
            current.clear()

    for i, ch in enumerate(text):
        if ch in "\r\n\f":
            flush()
            band = None
            continue
        if ch == "\x00":
            continue
        left, bottom, _right, top = textpage.get_charbox(i, loose=True)  # the font's line height
        middle = (bottom + top) / 2
        if band is not None and not band[0] <= middle <= band[1]:
            flush()  # a new visual line that PDFium did not mark with a line break
            band = None
        if top > bottom:
            band = (bottom, top) if band is None else (min(band[0], bottom), max(band[1], top))
        current.append((left, i, ch))
    flush()
    return lines


def _plain_lines(text: str) -> list[str]:
    # PDFium ends lines with \r\n and may put a form feed or NULs between objects.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\x00", "").split("\n")


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
                    lines = _page_lines(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            chars += sum(len(line) for line in lines)
            check_text_size(chars, name)
            pages.append(lines)
    except pdfium.PdfiumError as exc:
        raise ImportRejected(f"{name}: PDF 文件已损坏 (corrupt PDF: {exc})") from exc
    finally:
        pdf.close()
    if not any(ln.strip() for page in pages for ln in page):
        raise ImportRejected(
            f"{name}: PDF 中没有文字层（可能是扫描件），无法导入 (no text layer: a scanned PDF needs OCR first)"
        )
    return pages


def pdf_text(path: Path, check: Check = None) -> tuple[str, tuple[str, ...], ParsedDocument | None]:
    """The PDF's text without page furniture (pages joined), warnings for pages without text,
    and the document already built when the body is a ruled 分工表."""
    pages = pdf_pages(path, check)
    empty = [n for n, lines in enumerate(pages, 1) if not any(ln.strip() for ln in lines)]
    warnings: tuple[str, ...] = ()
    if empty:
        shown = "、".join(map(str, empty[:10])) + ("…" if len(empty) > 10 else "")
        warnings = (f"PDF 第 {shown} 页没有文字层（可能是扫描页），这些页的内容未导入",)
    doc = pdf_table_document(path, pages, check) if looks_like_task_table(pages) else None
    return "\n".join(strip_page_furniture(pages)), warnings, doc
