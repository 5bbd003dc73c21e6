"""A 分工表 printed to PDF: the ruled table's rows through pdfplumber, the text around it as usual.

Offices often send the Word 分工表 as a PDF. Read as text, its cells come out line by line
(``加快协商港`` / ``珠澳大桥跨``…) and the columns are lost. When the first pages name the
owner and task columns, pdfplumber's ruled-table finder (lines drawn around the cells) gives
the rows; merged cells come back as ``None`` and are told apart by their position: a cell
covered by a wider cell in the same row belongs to it, any other one continues the cell
above (a vertically merged 牵头单位). The masthead above the first table and the signature
below the last one are read as text, without page furniture. Borderless tables are left to
the text reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from panprd_desktop.core.parsing.furniture import furniture_test
from panprd_desktop.core.parsing.structure import ParsedDocument
from panprd_desktop.core.parsing.table_document import Cell, Row, Segment, build_table_document, task_tables
from panprd_desktop.core.readers.limits import Check

_OWNER_WORD = re.compile(r"牵头|牽頭|责任单位|責任單位|责任部门|責任部門")
_TASK_WORD = re.compile(r"任务|任務|工作|措施|事项|事項")
# A full cell line ending in one of these ends a unit's name (not 省/市: 深圳市 / 政府 is one name).
_UNIT_END = set("厅廳委局办辦府署院部会會室心组組")
_SEPARATORS = re.compile(r"[、，,；;]")


def looks_like_task_table(pages: list[list[str]]) -> bool:
    """Do the first pages name an owner column and a task column (worth looking for a table)?"""
    head = "\n".join(line for page in pages[:3] for line in page)
    return bool(_OWNER_WORD.search(head) and _TASK_WORD.search(head))


def _cell_text(text: str) -> str:
    """Join the lines a cell was wrapped into; keep the breaks that separate units.

    Line lengths cannot tell (line-start rules move ``厅`` down with the ``、`` after it), so
    a break is kept only after a whole unit name: a last name of three or more characters
    ending in 厅/委/局/办/府…; ``深圳市`` / ``政府`` and ``广东省`` / ``人民政府`` stay one name.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return ""
    out = lines[0]
    for prev, ln in zip(lines, lines[1:], strict=False):
        last = _SEPARATORS.split(prev)[-1]
        ended = len(last) >= 3 and last[-1] in _UNIT_END and ln[0] not in "、，,；;）)"
        out += ("\n" + ln) if ended else ln
    return out


def _rows(table: Any) -> list[Row]:
    texts = table.extract()
    centers = [(c.bbox[0] + c.bbox[2]) / 2 for c in table.columns]
    rows: list[Row] = []
    above: Row = []
    for group, values in zip(table.rows, texts, strict=False):
        boxes = group.cells
        row: Row = []
        for c, value in enumerate(values):
            if value is not None:
                box = boxes[c]
                span = sum(1 for x in centers if box is not None and box[0] <= x <= box[2]) or 1
                row.append(Cell(_cell_text(value), span))
            elif c < len(centers) and any(b is not None and b[0] < centers[c] < b[2] for b in boxes):
                row.append(Cell(""))  # covered by a wider cell to its left
            elif c < len(above):
                row.append(Cell(above[c].text, copied=True))  # a vertically merged cell
            else:
                row.append(Cell(""))
        rows.append(row)
        above = row
    return rows


def _text(page: Any, top: float, bottom: float) -> list[str]:
    if bottom - top < 1:
        return []
    # By each character's middle: a line just under a table may start above the table's edge.
    region = page.filter(lambda obj: obj.get("object_type") != "char"
                         or top <= (obj["top"] + obj["bottom"]) / 2 < bottom)
    return (region.extract_text() or "").splitlines()


def pdf_table_document(path: Path, pages: list[list[str]], check: Check = None) -> ParsedDocument | None:
    """The document if the PDF's body is a ruled 分工表, else None (read it as text)."""
    try:
        import pdfplumber
    except ImportError:  # an install without it still reads the PDF, as text
        return None

    stopped: list[BaseException] = []

    def checked() -> None:
        if check:
            try:
                check()
            except BaseException as exc:  # the caller's cancel passes through the fallback below
                stopped.append(exc)
                raise

    try:
        return _read(pdfplumber, path, pages, checked)
    except Exception:
        if stopped:
            raise
        # pdfminer could not follow this file's drawing; its text layer still reads as text.
        return None


def _read(pdfplumber: Any, path: Path, pages: list[list[str]], check: Callable[[], None]) -> ParsedDocument | None:
    is_furniture = furniture_test(pages)
    with pdfplumber.open(str(path)) as pdf:
        tables: list[list[Row] | None] = []
        places: list[tuple[int, float, float]] = []  # page index, top, bottom
        for n, page in enumerate(pdf.pages):
            check()
            for table in page.find_tables():
                tables.append(_rows(table))
                places.append((n, table.bbox[1], table.bbox[3]))
        found = task_tables(tables)
        if not found:
            return None

        def between(start: tuple[int, float], end: tuple[int, float]) -> list[str]:
            lines: list[str] = []
            for n in range(start[0], end[0] + 1):
                page = pdf.pages[n]
                top = start[1] if n == start[0] else 0
                bottom = end[1] if n == end[0] else page.height
                lines += _text(page, top, bottom)
            return [ln for ln in lines if ln.strip() and not is_furniture(ln.strip())]

        first, last = places[found[0][0]], places[found[-1][0]]
        before = between((0, 0), (first[0], first[1]))
        after = between((last[0], last[2]), (len(pdf.pages) - 1, pdf.pages[-1].height))
        segments: list[Segment] = []
        for k, (index, table) in enumerate(found):
            if k:
                prev = places[found[k - 1][0]]
                segments += between((prev[0], prev[2]), (places[index][0], places[index][1]))
            segments.append(table)
    return build_table_document(segments, "\n".join(before), "\n".join(after), title_hint=path.stem)
