"""Documents whose body is a 分工表: one measure per table row, with the row's owners and deadline.

Offices send their 重点工作 lists as Word tables or .xlsx 台账 with columns such as 序号 |
重点任务 | 牵头单位 | 参与单位 | 完成时限 | 进展情况 — named in many ways, in any order, with the
header over two merged rows (责任单位 over 牵头/参与). Read cell by cell, such a table turns
``1``, ``省发展改革委`` and ``2018年`` into measures of their own; here the columns are
recognised by name, each row becomes one measure carrying :class:`SourceFacts`, a row that
spans the table (``一、跨界基础设施``) starts a part, and the header is never text. The text
around the table (masthead, notice, signature) still goes through the ordinary parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from panprd_desktop.core.normalize import fold
from panprd_desktop.core.parsing.facts import SourceFacts, status_code
from panprd_desktop.core.parsing.numbering_patterns import classify, is_heading_line
from panprd_desktop.core.parsing.numerals import DATE_LINE, DOC_NO, chinese_to_int
from panprd_desktop.core.parsing.repair import ends_paragraph
from panprd_desktop.core.parsing.structure import ParsedDocument, ParsedPart, ParsedSection, parse_document

# Column kinds and the header words that name them (matched on folded text: Traditional and
# full-width forms fold to these). Order matters: the first kind whose pattern matches wins.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("seq", re.compile(r"^(序号|编号|序)$")),
    ("status", re.compile(r"状态")),  # before progress: 进展状态 is a status, not a note
    ("progress", re.compile(r"(进展|完成情况|进度情况|推进情况)")),
    ("deadline", re.compile(r"(时限|时间|期限|进度安排|完成年限)")),
    ("participants", re.compile(r"(参与|配合|协办|协助)")),
    ("lead", re.compile(r"(牵头|责任|主办|负责)")),
    ("task", re.compile(r"(任务|工作|措施|事项|内容|项目)")),
)
_MAX_HEADER_CELL = 16  # header cells are short; a long cell is data even if it says 任务
_HEADER_SCAN_ROWS = 8
_UNIT_SPLIT = re.compile(r"[、，,；;\n]+")


@dataclass
class Cell:
    text: str
    span: int = 1  # grid columns this cell covers (the following columns hold empty cells)
    copied: bool = False  # carried down from a vertically merged cell above


Row = list[Cell]


@dataclass
class TableColumns:
    header_start: int  # rows above it are a title over the table (an .xlsx's first row)
    header_rows: int  # rows from the top of the table to the end of the header
    kinds: dict[str, int] = field(default_factory=dict)  # kind → column index


def column_kind(text: str) -> str | None:
    folded = fold(text).replace(" ", "")
    if not folded or len(folded) > _MAX_HEADER_CELL:
        return None
    for kind, pattern in _KINDS:
        if pattern.search(folded):
            return kind
    return None


def find_columns(rows: list[Row]) -> TableColumns | None:
    """The 分工表 header (possibly several merged rows), or None if this is not such a table."""
    for start in range(min(_HEADER_SCAN_ROWS, len(rows))):
        named = {column_kind(c.text) for c in rows[start] if c.text.strip()}
        named.discard(None)
        if len(named) < 2 or not named & {"task", "lead", "participants"}:
            continue
        end = start + 1
        # Further header rows: every cell that is not a carried-down copy names a column.
        while end < len(rows) and any(c.text.strip() for c in rows[end]) and all(
            c.copied or not c.text.strip() or column_kind(c.text) for c in rows[end]
        ):
            end += 1
        width = max(len(r) for r in rows[start:end])
        kinds: dict[str, int] = {}
        for col in range(width):
            for r in reversed(rows[start:end]):  # the lowest header cell is the most specific
                kind = column_kind(r[col].text) if col < len(r) else None
                if kind:
                    kinds.setdefault(kind, col)
                    break
        if "task" not in kinds:
            continue
        return TableColumns(start, end, kinds)
    return None


def task_tables(tables: list[list[Row] | None]) -> list[tuple[int, tuple[list[Row], TableColumns]]]:
    """(index, (rows, columns)) of each 分工表 among ``tables`` (None: not a table).

    A header-less table as wide as the 分工表 before it continues it: a table split by a page
    break (PDF pages), or one table per part whose header is given once.
    """
    found: list[tuple[int, tuple[list[Row], TableColumns]]] = []
    for i, rows in enumerate(tables):
        if not rows:
            continue
        cols = find_columns(rows)
        if cols is None and found:
            prev_rows, prev_cols = found[-1][1]
            if max(map(len, rows)) == max(map(len, prev_rows)):
                cols = TableColumns(0, 0, prev_cols.kinds)
        if cols is not None:
            found.append((i, (rows, cols)))
    return found


def _units(text: str) -> tuple[str, ...]:
    return tuple(u.strip() for u in _UNIT_SPLIT.split(text) if u.strip())


def _cell(row: Row, col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return row[col].text.strip()


def _part_title(row: Row, task_col: int) -> str | None:
    """A row spanning the table (or with text only outside the task column) names a part."""
    own = [c for c in row if c.text.strip() and not c.copied]
    texts = {c.text.strip() for c in own}
    if len(texts) != 1 or next(iter(texts)).isdigit():  # a bare 序号 is an empty row, not a part
        return None
    spans = any(c.span > 1 for c in own)
    task_empty = not _cell(row, task_col) or (task_col < len(row) and row[task_col].copied)
    return texts.pop() if spans or task_empty else None


def _new_part(doc: ParsedDocument, title: str) -> ParsedPart:
    found = classify(title)
    if found:
        number = chinese_to_int(found[2]) or len(doc.parts) + 1
        part = ParsedPart(number, found[1], found[3])
    else:
        part = ParsedPart(len(doc.parts) + 1, "", title)
    doc.parts.append(part)
    return part


_FIELDS = ("seq", "task", "lead", "participants", "deadline", "progress", "status")


class _TableBuilder:
    """Rows of one or more tables (and the headings between them) into parts and measures."""

    def __init__(self, doc: ParsedDocument) -> None:
        self.doc = doc
        self.part: ParsedPart | None = None
        self.section: ParsedSection | None = None
        self.table = 0
        # The last measure's cells, for a row that a page break split over two tables.
        self.last: tuple[ParsedSection, int, dict[str, str]] | None = None

    def heading(self, title: str) -> None:
        self.part, self.section, self.last = _new_part(self.doc, title), None, None

    def rows(self, rows: list[Row], cols: TableColumns) -> None:
        k = cols.kinds
        self.table += 1
        where = f"第 {self.table} 个表格" if self.table > 1 else "表格"
        first_body = True
        for number, row in enumerate(rows[cols.header_rows :], cols.header_rows + 1):
            if not any(c.text.strip() for c in row):
                continue
            title = _part_title(row, k["task"])
            if title is not None:
                self.heading(title)
                first_body = False
                continue
            cells = {kind: _cell(row, k.get(kind)) for kind in _FIELDS}
            if (first_body and self.table > 1 and self.last is not None and "seq" in k
                    and not _cell(row, k["seq"]) and cells["task"]):
                # The rest of the previous row, carried over a page break (its 序号 stays above).
                section, index, before = self.last
                cells = {kind: before[kind] + cells[kind] for kind in _FIELDS}
                self._set(section, index, cells)
                self.last = (section, index, cells)
                first_body = False
                continue
            first_body = False
            if not cells["task"] or row[k["task"]].copied:
                self.doc.warnings.append(f"{where}第 {number} 行没有任务内容，未作为条文导入")
                continue
            if cells["status"] and status_code(cells["status"]) is None:
                self.doc.warnings.append(
                    f"{where}第 {number} 行的状态“{cells['status'][:20]}”无法识别，未导入，请手工设置")
            section = self._section()
            section.measures.append("")
            self._set(section, len(section.measures) - 1, cells)
            self.last = (section, len(section.measures) - 1, cells)

    def _section(self) -> ParsedSection:
        if self.part is None:
            self.part = ParsedPart(0, "", "")
            self.doc.parts.append(self.part)
        if self.section is None:
            # Titled like its part (as the parser does for items right under 一、…), so the tree,
            # the inspector and search show the part's name with the rows.
            self.section = ParsedSection(len(self.doc.sections) + 1, "", self.part.title)
            self.part.sections.append(self.section)
        return self.section

    @staticmethod
    def _set(section: ParsedSection, index: int, cells: dict[str, str]) -> None:
        section.measures[index] = cells["task"].replace("\n", "")
        seq = cells["seq"].strip().rstrip(".．、")
        if seq:  # labelled as the table numbers it (part 二 goes on at 4), never prefixed by its part
            section.labels[index] = seq
        facts = SourceFacts(
            leads=_units(cells["lead"]),
            participants=_units(cells["participants"]),
            deadline=cells["deadline"].replace("\n", ""),
            progress=cells["progress"],
            status=status_code(cells["status"]) or "" if cells["status"] else "",
        )
        if facts.empty:
            section.facts.pop(index, None)
        else:
            section.facts[index] = facts


def _flat(doc: ParsedDocument) -> str:
    """A parsed fragment's words as plain lines (its preamble and whatever it took for measures)."""
    lines = [doc.preamble] if doc.preamble else []
    for part in doc.parts:
        if part.title:
            lines.append(part.label + part.title)
        for section in part.sections:
            lines.append(section.label + section.heading + "".join(section.measures))
    return "\n".join(line for line in lines if line)


_MASTHEAD_LINE = re.compile(r"^(?:.{2,24}文件|附件\s*\d*[:：]?|[（(]?此件公开发布[）)]?)$")


def _title_line(text: str) -> bool:
    return 0 < len(text) <= 60 and not ends_paragraph(text) and not text.endswith(("：", ":"))


_TITLE_END = re.compile(r"(通知|意见|方案|分工表|分工|函|决定|办法|规定|计划|要点|台账|清单)$")


def _continues_title(first: str, second: str) -> bool:
    """``…关于印发粤港合作框架协议`` / ``2017年重点工作分工的通知``: the second line ends the title."""
    if not _title_line(second) or DOC_NO.match(second) or DATE_LINE.match(second) or classify(second):
        return False
    return first.endswith(("的", "关于")) or (bool(_TITLE_END.search(second)) and not _TITLE_END.search(first))


def _take_title(before: str, markdown: bool) -> tuple[str, str]:
    """The table's title: the first short line that is not a 文号, an issuer masthead
    (``XX文件``), ``附件``, an addressee or a sentence — with its second line if it wraps.

    Word paragraphs are real paragraphs; the plain-text parser would glue a title line to the
    next one as if a page break had split them, so a table document picks its title here.
    """
    lines = before.split("\n")
    texts = [ln.strip().lstrip("#").strip() if markdown else ln.strip() for ln in lines]
    for i, text in enumerate(texts):
        if not text or DOC_NO.match(text) or DATE_LINE.match(text) or _MASTHEAD_LINE.match(text):
            continue
        if not _title_line(text):
            break
        taken = [i]
        nxt = i + 1
        while nxt < len(texts) and not texts[nxt]:
            nxt += 1
        # 关于印发…的 / 通知: a title over two lines (the second not a 文号, date or addressee).
        if nxt < len(texts) and _continues_title(text, texts[nxt]):
            taken.append(nxt)
        title = "".join(texts[k] for k in taken)
        return title, "\n".join(ln for k, ln in enumerate(lines) if k not in taken)
    return "", before


# A document's tables in order, with the lines between them (``二、现代服务业`` over the next table).
Segment = tuple[list[Row], TableColumns] | str


def build_table_document(segments: list[Segment], before: str, after: str, *,
                         title_hint: str = "", markdown: bool = False) -> ParsedDocument:
    """A ParsedDocument from 分工表 tables and the text before (masthead) and after (signature) them."""
    rows, cols = next(seg for seg in segments if not isinstance(seg, str))
    above = [c.text for row in rows[: cols.header_start] for c in row if c.text.strip() and not c.copied]
    before = "\n".join([before, *above]) if above else before
    title, before = _take_title(before, markdown)
    head = parse_document(before, markdown=markdown, title_hint=title_hint) if before.strip() else None
    doc = ParsedDocument(title=title or (head.title if head else title_hint))
    if head:
        if title and head.title != title_hint:  # what the parser took for a title is preamble
            head.preamble = "\n".join(x for x in (head.title, head.preamble) if x)
        doc.doc_no, doc.date, doc.issuer = head.doc_no, head.date, head.issuer
        doc.addressee = head.addressee
        doc.preamble = "\n".join(x for x in (_flat(head), head.closing) if x)
        doc.remarks = head.remarks
    builder = _TableBuilder(doc)
    between: list[str] = []
    for seg in segments:
        if isinstance(seg, str):
            text = seg.strip().lstrip("#").strip()
            if text and (is_heading_line(text) or (len(text) <= 40 and not ends_paragraph(text))):
                builder.heading(text)
            elif text:
                between.append(text)  # a note between tables: kept, searchable, not a measure
        else:
            builder.rows(*seg)
    if between:
        doc.preamble = "\n".join(x for x in (doc.preamble, *between) if x)
    if after.strip():
        tail = parse_document(after, title_hint="")
        body = _flat(tail)
        if tail.date and not tail.issuer and tail.title and not body:
            tail.issuer, tail.title = tail.title, ""  # only "issuer / date" under the table
        doc.date = doc.date or tail.date
        doc.issuer = doc.issuer or tail.issuer
        doc.closing = "\n".join(x for x in (tail.title, body, tail.closing) if x)
        doc.remarks = "\n".join(x for x in (doc.remarks, tail.remarks) if x)
    return doc
