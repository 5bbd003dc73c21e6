"""Reading untrusted files for import: text in any usual encoding, Markdown, .docx, PDF, .xlsx.

Every failure is an :class:`ImportRejected` with a one-line message; nothing here touches
the database, so a rejected file can never leave half-imported data behind. Most files
become text for the parser (:attr:`SourceText.text`); a 分工表 (.docx whose body is such a
table, or an .xlsx 台账) is built into a document here (:attr:`SourceText.parsed`), because its
rows, not its sentences, are the measures. ``check`` is called now and then while reading
and may raise to cancel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.furniture import strip_text_furniture
from panprd_desktop.core.parsing.structure import ParsedDocument
from panprd_desktop.core.readers.limits import MAX_FILE_BYTES, Check, check_text_size
from panprd_desktop.core.readers.text import decode_text
from panprd_desktop.core.storage_errors import not_a_readable_file

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".xlsx")

__all__ = ["MAX_FILE_BYTES", "SUFFIXES", "SourceText", "decode_text", "read_source"]


@dataclass(frozen=True)
class SourceText:
    text: str
    markdown: bool
    encoding: str
    title_hint: str
    parsed: ParsedDocument | None = None  # already built (table documents); else parse ``text``
    warnings: tuple[str, ...] = ()  # what reading the file could not do (e.g. PDF pages without text)


def read_source(path: Path, check: Check = None) -> SourceText:
    """Read one file for import, or raise ImportRejected saying why not."""
    name = path.name
    problem = not_a_readable_file(path)  # issue 12: a FIFO or a folder is not "no such file"
    if problem:
        raise ImportRejected(f"{name}: {problem}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRejected(f"{name}: 文件过大（{size // 1048576} MB），上限 50 MB (file too large)")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRejected(
            f"{name}: 不支持的文件类型 {suffix or '(无扩展名)'}，请用 .txt/.md/.docx/.pdf/.xlsx"
        )
    if suffix == ".docx":
        from panprd_desktop.core.readers.docx_document import docx_source

        text, markdown, doc = docx_source(path, check)
        return SourceText(text, markdown, "docx", path.stem, parsed=doc)
    if suffix == ".pdf":
        from panprd_desktop.core.readers.pdf import pdf_text

        text, warnings, doc = pdf_text(path, check)
        return SourceText(text, False, "pdf", path.stem, parsed=doc, warnings=warnings)
    if suffix == ".xlsx":
        # on use, as the docx and PDF readers: a text import never needs the table builder
        from panprd_desktop.core.parsing.table_document import build_table_document
        from panprd_desktop.core.readers.xlsx import read_xlsx_table

        rows, cols = read_xlsx_table(path, check)
        doc = build_table_document([(rows, cols)], "", "", title_hint=path.stem)
        return SourceText("", False, "xlsx", path.stem, parsed=doc)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{name}: 无法读取文件 ({exc.strerror})") from exc
    if data.startswith(b"PK\x03\x04"):
        raise ImportRejected(f"{name}: 这是压缩包/Word 文件，不是文本 (a zip archive, not text)")
    if data.startswith(b"%PDF-"):
        raise ImportRejected(f"{name}: 这是 PDF 文件，请以 .pdf 扩展名导入 (a PDF, not text)")
    text, encoding = decode_text(data, name)
    check_text_size(len(text), name)
    markdown = suffix in (".md", ".markdown")
    if not markdown:
        text = strip_text_furniture(text)
    return SourceText(text, markdown, encoding, path.stem)
