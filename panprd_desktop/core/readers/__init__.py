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
from panprd_desktop.core.parsing.numbering_patterns import is_title_heading
from panprd_desktop.core.parsing.structure import ParsedDocument
from panprd_desktop.core.parsing.table_document import (
    Row,
    Segment,
    TableColumns,
    build_table_document,
    find_columns,
)
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
    warnings: tuple[str, ...] = ()  # what reading the file could not do (e.g. PDF pages without text)


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
    segments = _task_tables(blocks)
    if segments:
        first, last = segments[0][0], segments[-1][0]
        parts: list[Segment] = []
        while first > 0 and isinstance(blocks[first - 1], DocxParagraph) and (
            not blocks[first - 1].text.strip() or is_title_heading(blocks[first - 1].text.strip().lstrip("#").strip())
        ):
            first -= 1  # ``一、交通基础设施`` right above the first table heads its part
        for i in range(first, last + 1):
            block = blocks[i]
            found = next((seg for j, seg in segments if j == i), None)
            if found is not None:
                parts.append(found)
            else:  # paragraphs (or a table of another kind) between two task tables
                parts += [p.text for p in _paragraphs([block])]
        before, after = _lines(_paragraphs(blocks[:first]), markdown), _lines(_paragraphs(blocks[last + 1 :]), markdown)
        doc = build_table_document(parts, before, after, title_hint=path.stem, markdown=markdown)
        return SourceText(before + "\n" + after, markdown, "docx", path.stem, parsed=doc)
    text = _lines(_paragraphs(blocks), markdown)
    if not text.strip():
        raise ImportRejected(f"{path.name}: 文档中没有文字 (the document has no text)")
    return SourceText(text, markdown, "docx", path.stem)


def _paragraphs(blocks: list[DocxParagraph | DocxTable]) -> list[DocxParagraph]:
    out: list[DocxParagraph] = []
    for b in blocks:
        out += [b] if isinstance(b, DocxParagraph) else _table_lines(b)
    return out


def _task_tables(blocks: list[DocxParagraph | DocxTable]) -> list[tuple[int, tuple[list[Row], TableColumns]]]:
    """(block index, (rows, columns)) of each 分工表; a header-less table as wide as the one
    before it continues it (a table split by a page break, or one table per part)."""
    found: list[tuple[int, tuple[list[Row], TableColumns]]] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, DocxTable) or not block.rows:
            continue
        cols = find_columns(block.rows)
        if cols is None and found:
            prev_rows, prev_cols = found[-1][1]
            if max(map(len, block.rows)) == max(map(len, prev_rows)):
                cols = TableColumns(0, 0, prev_cols.kinds)
        if cols is not None:
            found.append((i, (block.rows, cols)))
    return found


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

        text, warnings = pdf_text(path, check)
        return SourceText(text, False, "pdf", path.stem, warnings=warnings)
    if suffix == ".xlsx":
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
