"""Word .docx: paragraphs with their heading level, and tables with merged cells, read safely.

document.xml is decompressed as a counted stream and parsed by expat with a streaming target
(no tree is built), refusing DTDs and entities, more than MAX_XML_DEPTH levels or
MAX_XML_ELEMENTS elements. Text goes to the innermost open paragraph, so paragraphs nested
in paragraphs (text boxes, or a hostile file 40,000 deep) cost linear time, not quadratic.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.table_document import Cell, Row
from panprd_desktop.core.readers import limits
from panprd_desktop.core.readers.limits import Check, check_text_size, check_zip_header, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|标题|標題)\s*([1-9])$")
_TITLE_NAMES = {"title", "标题", "標題"}
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class DocxParagraph:
    text: str
    level: int | None = None  # 0 = Title, 1..3 = Heading 1..3; None for body text


@dataclass
class DocxTable:
    rows: list[Row] = field(default_factory=list)


Block = DocxParagraph | DocxTable


class _Reader:
    """expat target: builds blocks while counting depth and elements."""

    def __init__(self, name: str, levels: dict[str, int], check: Check) -> None:
        self.name, self.levels, self.check = name, levels, check
        self.blocks: list[Block] = []
        self.depth = self.count = self.chars = 0
        self.paras: list[tuple[list[str], list[str]]] = []  # open paragraphs: (texts, style)
        self.in_text = False
        self.tables = 0  # nesting; only the outermost table's rows and cells are kept
        self.table: DocxTable | None = None
        self.row: list[tuple[list[str], int, str | None]] | None = None
        self.cell: tuple[list[str], int, str | None] | None = None
        self.above: list[Cell] = []
        self.stopped: BaseException | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > limits.MAX_XML_DEPTH:
            raise ImportRejected(
                f"{self.name}: Word 文档嵌套超过 {limits.MAX_XML_DEPTH} 层，已拒绝 (XML nested too deeply)"
            )
        if self.count > limits.MAX_XML_ELEMENTS:
            raise ImportRejected(f"{self.name}: Word 文档元素过多，已拒绝 (too many XML elements)")
        if self.check and self.count % 20000 == 0:
            try:
                self.check()
            except BaseException as exc:  # the caller's cancel: re-raised as is after expat unwinds
                self.stopped = exc
                raise
        if tag == f"{W}p":
            self.paras.append(([], []))
        elif tag == f"{W}t":
            self.in_text = True
        elif tag in (f"{W}tab",) and self.paras:
            self.paras[-1][0].append(" ")
        elif tag in (f"{W}br", f"{W}cr") and self.paras:
            self.paras[-1][0].append("\n")
        elif tag == f"{W}pStyle" and self.paras:
            self.paras[-1][1].append(attrib.get(f"{W}val", ""))
        elif tag == f"{W}tbl":
            self.tables += 1
            if self.tables == 1:
                self.table, self.above = DocxTable(), []
        elif self.tables == 1 and tag == f"{W}tr":
            self.row = []
        elif self.tables == 1 and tag == f"{W}tc" and self.row is not None:
            self.cell = ([], 1, None)
        elif self.tables == 1 and self.cell is not None and tag == f"{W}gridSpan":
            span = attrib.get(f"{W}val", "1")
            self.cell = (self.cell[0], max(1, min(int(span) if span.isdigit() else 1, 64)), self.cell[2])
        elif self.tables == 1 and self.cell is not None and tag == f"{W}vMerge":
            self.cell = (self.cell[0], self.cell[1], attrib.get(f"{W}val", "continue"))

    def data(self, text: str) -> None:
        if self.in_text and self.paras:
            self.paras[-1][0].append(text)
            self.chars += len(text)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag == f"{W}t":
            self.in_text = False
        elif tag == f"{W}p" and self.paras:
            texts, styles = self.paras.pop()
            text = "".join(texts)
            if self.cell is not None:
                self.cell[0].append(text)
            elif self.tables == 0:
                level = next((self.levels[s] for s in styles if s in self.levels), None)
                self.blocks.append(DocxParagraph(text, level))
                if len(self.blocks) > limits.MAX_MEASURES:  # each would be a measure or more: refuse now
                    raise ImportRejected(
                        f"{self.name}: 条文超过 {limits.MAX_MEASURES} 条（段落过多），已拒绝 (too many paragraphs)"
                    )
        elif tag == f"{W}tc" and self.tables == 1 and self.cell is not None and self.row is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == f"{W}tr" and self.tables == 1 and self.row is not None and self.table is not None:
            self.table.rows.append(self._grid_row(self.row))
            self.row = None
        elif tag == f"{W}tbl":
            self.tables -= 1
            if self.tables == 0 and self.table is not None:
                self.blocks.append(self.table)
                self.table = None
        if self.chars > 0 and self.count % 20000 == 0:
            check_text_size(self.chars, self.name)

    def _grid_row(self, raw: list[tuple[list[str], int, str | None]]) -> Row:
        """Spread cells over grid columns; a vMerge continuation carries the text above down."""
        row: Row = []
        for texts, span, vmerge in raw:
            col = len(row)
            if vmerge == "continue":
                above = self.above[col] if col < len(self.above) else Cell("")
                row.append(Cell(above.text, span, copied=True))
            else:
                row.append(Cell("\n".join(t for t in texts if t.strip()), span))
            row.extend(Cell("") for _ in range(span - 1))
        self.above = row
        return row

    def close(self) -> None:
        return None


def _style_levels(zf: zipfile.ZipFile, name: str) -> dict[str, int]:
    """styleId → heading level for Title / Heading 1–3 (English or Chinese style names)."""
    if "word/styles.xml" not in zf.namelist():
        return {}
    xml = read_member(zf, "word/styles.xml", name)
    levels: dict[str, int] = {}
    for m in re.finditer(rb'<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>.*?<w:name w:val="([^"]+)"', xml, re.S):
        style_id, style_name = m.group(1).decode("utf-8", "replace"), m.group(2).decode("utf-8", "replace")
        key = style_name.strip().lower()
        if key in _TITLE_NAMES:
            levels[style_id] = 0
        elif (h := _HEADING_NAME.match(key)) and int(h.group(1)) <= 3:
            levels[style_id] = int(h.group(1))
    return levels


def read_docx_blocks(path: Path, check: Check = None) -> list[Block]:
    """The body's paragraphs and tables in order, or ImportRejected saying why not."""
    from defusedxml.ElementTree import DefusedXMLParser

    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip_header(zf, name)
            xml = read_member(zf, "word/document.xml", name, check)
            levels = _style_levels(zf, name)
    except ImportRejected:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise ImportRejected(f"{name}: 不是有效的 Word 文档 (not a valid .docx)") from exc
    if _DTD.search(xml):  # expat refuses them too; this gives the clearer message (no upper() copy)
        raise ImportRejected(f"{name}: .docx 含有 DTD/实体声明，已拒绝 (DTD or entities in document.xml)")
    reader = _Reader(name, levels, check)
    parser = DefusedXMLParser(target=reader, forbid_dtd=True)
    try:
        parser.feed(xml)
        parser.close()
    except ImportRejected:
        raise
    except Exception as exc:  # expat and defusedxml raise several unrelated types; all mean "bad file"
        if reader.stopped is not None:
            raise reader.stopped from None
        raise ImportRejected(f"{name}: Word 文档内容已损坏 (corrupt document.xml)") from exc
    return reader.blocks
