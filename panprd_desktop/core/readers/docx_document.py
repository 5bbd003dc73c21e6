"""A .docx as the parser needs it: text with Markdown headings, or a 分工表 document built here.

Word heading styles (Title, Heading 1–3) become ``#``/``##``… lines so the parser treats them
as the title and parts whatever their wording; a body made of 分工表 tables (one table, or one
per part with the part headings between them) becomes a document with one measure per row.
Other tables read as their cells' paragraphs, as before.
"""

from __future__ import annotations

from pathlib import Path

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.numbering_patterns import is_title_heading
from panprd_desktop.core.parsing.structure import ParsedDocument
from panprd_desktop.core.parsing.table_document import Segment, build_table_document, task_tables
from panprd_desktop.core.readers.docx import DocxParagraph, DocxTable, read_docx_blocks
from panprd_desktop.core.readers.limits import Check

_MD_PREFIX = {0: "# ", 1: "## ", 2: "### ", 3: "#### "}


def _lines(paragraphs: list[DocxParagraph], markdown: bool) -> str:
    if not markdown:
        return "\n".join(p.text for p in paragraphs)
    return "\n".join(_MD_PREFIX[p.level] + p.text if p.level is not None and p.text.strip() else p.text
                     for p in paragraphs)


def _table_lines(table: DocxTable) -> list[DocxParagraph]:
    """A table that is not a 分工表 reads as its cells' paragraphs, row by row (as before)."""
    return [DocxParagraph(line) for row in table.rows for c in row if not c.copied
            for line in c.text.split("\n")]


def docx_source(path: Path, check: Check = None) -> tuple[str, bool, ParsedDocument | None]:
    """(text for the parser, whether it is Markdown, the document already built if it is a 分工表)."""
    blocks = read_docx_blocks(path, check)
    markdown = any(isinstance(b, DocxParagraph) and b.level is not None and b.text.strip() for b in blocks)
    segments = task_tables([b.rows if isinstance(b, DocxTable) else None for b in blocks])
    if segments:
        first, last = segments[0][0], segments[-1][0]
        parts: list[Segment] = []
        tables = dict(segments)
        while first > 0 and isinstance(blocks[first - 1], DocxParagraph) and (
            not blocks[first - 1].text.strip() or is_title_heading(blocks[first - 1].text.strip().lstrip("#").strip())
        ):
            first -= 1  # ``一、交通基础设施`` right above the first table heads its part
        for i in range(first, last + 1):
            block = blocks[i]
            found = tables.get(i)
            if found is not None:
                parts.append(found)
            else:  # paragraphs (or a table of another kind) between two task tables
                parts += [p.text for p in _paragraphs([block])]
        before = _lines(_paragraphs(blocks[:first]), markdown)
        after = _lines(_paragraphs(blocks[last + 1 :]), markdown)
        doc = build_table_document(parts, before, after, title_hint=path.stem, markdown=markdown)
        return before + "\n" + after, markdown, doc
    text = _lines(_paragraphs(blocks), markdown)
    if not text.strip():
        raise ImportRejected(f"{path.name}: 文档中没有文字 (the document has no text)")
    return text, markdown, None


def _paragraphs(blocks: list[DocxParagraph | DocxTable]) -> list[DocxParagraph]:
    out: list[DocxParagraph] = []
    for b in blocks:
        out += [b] if isinstance(b, DocxParagraph) else _table_lines(b)
    return out
