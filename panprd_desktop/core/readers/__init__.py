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
from panprd_desktop.core.parsing.table_document import build_table_document, find_columns
from panprd_desktop.core.readers.docx import DocxParagraph, DocxTable, read_docx_blocks
from panprd_desktop.core.readers.limits import MAX_FILE_BYTES, Check, check_text_size
from panprd_desktop.core.readers.text import decode_text

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".xlsx")
_MD_PREFIX = {0: "# ", 1: "## ", 2: "### ", 3: "#### "}

__all__ = ["MAX_FILE_BYTES", "SUFFIXES", "SourceText", "decode_text", "read_source"]


@dataclass(frozen=True)
class SourceText:
    text: str
    markdown: bool
    encoding: str
    title_hint: str
    parsed: ParsedDocument | None = None  # already built (table documents); else parse ``text``


def _lines(paragraphs: list[DocxParagraph], markdown: bool) -> str:
    if not markdown:
        return "\n".join(p.text for p in paragraphs)
    return "\n".join(_MD_PREFIX[p.level] + p.text if p.level is not None and p.text.strip() else p.text
                     for p in paragraphs)


def _table_lines(table: DocxTable) -> list[DocxParagraph]:
    """A table that is not a 分工表 reads as its cells' paragraphs, row by row (as before)."""
    return [DocxParagraph(line) for row in table.rows for c in row if not c.copied
            for line in c.text.split("\n")]


def _docx_source(path: Path, check: Check) -> SourceText:
    blocks = read_docx_blocks(path, check)
    markdown = any(isinstance(b, DocxParagraph) and b.level is not None and b.text.strip() for b in blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, DocxTable) and (cols := find_columns(block.rows)):
            def text_of(part: list[DocxParagraph | DocxTable]) -> str:
                paras: list[DocxParagraph] = []
                for b in part:
                    paras += [b] if isinstance(b, DocxParagraph) else _table_lines(b)
                return _lines(paras, markdown)

            before, after = text_of(blocks[:i]), text_of(blocks[i + 1 :])
            doc = build_table_document(block.rows, cols, before, after, title_hint=path.stem, markdown=markdown)
            return SourceText(before + "\n" + after, markdown, "docx", path.stem, parsed=doc)
    paras: list[DocxParagraph] = []
    for b in blocks:
        paras += [b] if isinstance(b, DocxParagraph) else _table_lines(b)
    text = _lines(paras, markdown)
    if not text.strip():
        raise ImportRejected(f"{path.name}: 文档中没有文字 (the document has no text)")
    return SourceText(text, markdown, "docx", path.stem)


def read_source(path: Path, check: Check = None) -> SourceText:
    """Read one file for import, or raise ImportRejected saying why not."""
    name = path.name
    if not path.is_file():
        raise ImportRejected(f"{name}: 文件不存在 (no such file)")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRejected(f"{name}: 文件过大（{size // 1048576} MB），上限 50 MB (file too large)")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRejected(
            f"{name}: 不支持的文件类型 {suffix or '(无扩展名)'}，请用 .txt/.md/.docx/.pdf/.xlsx"
        )
    if suffix == ".docx":
        return _docx_source(path, check)
    if suffix == ".pdf":
        from panprd_desktop.core.readers.pdf import pdf_text

        return SourceText(pdf_text(path, check), False, "pdf", path.stem)
    if suffix == ".xlsx":
        from panprd_desktop.core.readers.xlsx import read_xlsx_table

        rows, cols = read_xlsx_table(path, check)
        doc = build_table_document(rows, cols, "", "", title_hint=path.stem)
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
