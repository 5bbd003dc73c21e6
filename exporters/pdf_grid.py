"""A ruled table for the PDF whose rows are laid out once: the 分工表 and the summary tables.

reportlab's Table re-measures every remaining row at each page break (cost grows as
n^1.33: 191 s for 5,000 measures) and breaks cell text by its own rules, so names and
punctuation crossed cell rules. Here each cell is broken into lines once with the Chinese
line breaker (exporters.cjk_break) at its column's inner width, row heights are summed
once, and a page break only slices the row list: cost linear in the rows.

Page breaks: the header row repeats on every page; a group row is never the last row on a
page; a row that does not fit is moved to the next page unless that would leave more than a
third of the page blank (or the row is taller than a page), in which case it is split
between lines, every cell at the same height, and continues under the repeated header.

Rows may also come from an iterator (``more``): then only about two pages of rows are laid
out ahead, and rows already drawn are dropped, so memory does not grow with the table
(issue 13). Every page-break decision looks at most one page and one row ahead, so the
pages are the same as with the whole list.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Flowable

from exporters.cjk_break import Line
from exporters.pdf_text import BlockStyle, baseline_offset, bookmark_key, draw_line
from exporters.progress import Ticker

PAD_X = 3.0
PAD_Y = 2.5
RULE = 0.5
HEAD_BG = colors.Color(0.85, 0.85, 0.85)
GROUP_BG = colors.Color(0.92, 0.92, 0.92)


@dataclass
class Cell:
    lines: list[Line]
    style: BlockStyle
    valign: str = "middle"  # middle | top

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading


@dataclass
class Row:
    cells: list[Cell]  # one cell spanning every column for a group row
    kind: str = "body"  # head | group | body
    outline: str = ""  # bookmark title (group rows)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.height = max((c.height for c in self.cells), default=0.0) + 2 * PAD_Y

    def split(self, room: float) -> tuple[Row, Row] | None:
        """The part of the row in ``room`` points and the rest; None if not one line fits."""
        inner = room - 2 * PAD_Y
        if self.kind != "body" or inner <= 0:
            return None
        head_cells: list[Cell] = []
        tail_cells: list[Cell] = []
        for c in self.cells:
            n = int((inner + 1e-6) // c.style.leading)
            if n < 1:
                return None
            head_cells.append(Cell(c.lines[:n], c.style, "top"))
            tail_cells.append(Cell(c.lines[n:], c.style, "top"))
        return Row(head_cells, self.kind), Row(tail_cells, self.kind)


class GridTable(Flowable):
    """Rows ``rows[start:]`` (preceded by ``lead`` when a row was split) under ``header``."""

    def __init__(self, widths: list[float], header: Row | None, rows: list[Row], *, frame_height: float,
                 start: int = 0, lead: Row | None = None, ticker: Ticker | None = None,
                 cum: list[float] | None = None, more: Iterator[Row] | None = None) -> None:
        super().__init__()
        self.widths = widths
        self.header = header
        self.rows = rows
        self.start = start
        self.lead = lead
        self.frame_height = frame_height
        self.ticker = ticker
        if cum is None:  # cumulative heights: any slice's height in O(1)
            cum = [0.0]
            for r in rows:
                cum.append(cum[-1] + r.height)
        self.cum = cum
        self.more = more
        self._streamed = more is not None
        self.hAlign = "CENTER"

    def _fill(self) -> None:
        """Lay out rows from ``more`` until two pages' worth wait after ``start``."""
        more = self.more
        if more is None:
            return
        ahead = 2 * self.frame_height
        while self.cum[-1] - self.cum[self.start] <= ahead:
            row = next(more, None)
            if row is None:
                self.more = None
                return
            self.rows.append(row)
            self.cum.append(self.cum[-1] + row.height)

    def _head_height(self) -> float:
        return self.header.height if self.header is not None else 0.0

    def _body_height(self) -> float:
        lead = self.lead.height if self.lead is not None else 0.0
        return lead + self.cum[-1] - self.cum[self.start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802, N803
        # With rows still to come, the height is that of the rows laid out so far: more
        # than a page, which is all any decision (fits / split / keep together) needs.
        self._fill()
        self.width = sum(self.widths)
        self.height = self._head_height() + self._body_height()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N802, N803
        if self.ticker is not None:
            self.ticker.check()
        self._fill()
        room = availHeight - self._head_height()
        taken: list[Row] = []
        rest_lead: Row | None = None
        used = 0.0
        queue_start = self.start
        if self.lead is not None:
            if self.lead.height <= room:
                taken.append(self.lead)
                used = self.lead.height
            else:
                parts = self.lead.split(room)
                if parts is None:
                    return []
                taken.append(parts[0])
                rest_lead = parts[1]
                return self._parts(taken, rest_lead, queue_start)
        # Rows that fit whole: a binary search on the cumulative heights.
        base = self.cum[queue_start]
        end = bisect.bisect_right(self.cum, base + (room - used) + 1e-6, lo=queue_start) - 1
        end = max(end, queue_start)
        taken.extend(self.rows[queue_start:end])
        used += self.cum[end] - base
        if end < len(self.rows):
            nxt = self.rows[end]
            left = room - used
            too_tall = nxt.height > self.frame_height - self._head_height()
            # Split rather than leave (nearly) a third of the page blank.
            if nxt.kind == "body" and (left > self.frame_height / 4 or too_tall):
                parts = nxt.split(left)
                if parts is not None:
                    taken.append(parts[0])
                    return self._parts(taken, parts[1], end + 1)
        # A group row is never left alone at the foot of the page.
        while taken and taken[-1].kind == "group" and end < len(self.rows):
            taken.pop()
            end -= 1
        if not taken:
            return []
        return self._parts(taken, None, end)

    def _parts(self, taken: list[Row], rest_lead: Row | None, rest_start: int) -> list[Flowable]:
        first = GridTable(self.widths, self.header, taken, frame_height=self.frame_height, ticker=self.ticker)
        if self.more is None and not self._streamed:
            rest = GridTable(self.widths, self.header, self.rows, frame_height=self.frame_height,
                             start=rest_start, lead=rest_lead, ticker=self.ticker, cum=self.cum)
        else:  # streamed: the rest keeps only the rows not drawn yet (and their running sums,
            # so heights add up to the very same floats as over the whole table)
            rest = GridTable(self.widths, self.header, self.rows[rest_start:], frame_height=self.frame_height,
                             lead=rest_lead, ticker=self.ticker, cum=self.cum[rest_start:], more=self.more)
            rest._streamed = True
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        total = sum(self.widths)
        y = self.height
        rows: list[Row] = []
        if self.header is not None:
            rows.append(self.header)
        if self.lead is not None:
            rows.append(self.lead)
        rows.extend(self.rows[self.start:])
        canvas.saveState()
        canvas.setLineWidth(RULE)
        canvas.setStrokeColor(colors.black)
        for row in rows:
            top, bottom = y, y - row.height
            if row.kind in ("head", "group"):
                canvas.setFillColor(HEAD_BG if row.kind == "head" else GROUP_BG)
                canvas.rect(0, bottom, total, row.height, stroke=0, fill=1)
                canvas.setFillColor(colors.black)
            if row.outline:
                key = bookmark_key()
                canvas.bookmarkHorizontal(key, 0, top)
                canvas.addOutlineEntry(row.outline, key, level=1, closed=True)
            widths = [total] if len(row.cells) == 1 else self.widths
            x = 0.0
            for cell, w in zip(row.cells, widths, strict=False):
                self._draw_cell(cell, x, top, w, row.height)
                x += w
                if x < total - 0.01:
                    canvas.line(x, top, x, bottom)
            canvas.line(0, bottom, total, bottom)
            y = bottom
        canvas.rect(0, 0, total, self.height, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_cell(self, cell: Cell, x: float, top: float, width: float, height: float) -> None:
        style = cell.style
        inner = width - 2 * PAD_X
        text_h = cell.height
        first = top - PAD_Y
        if cell.valign == "middle":
            first = top - (height - text_h) / 2
        off = baseline_offset(style.leading, style.size)
        for i, line in enumerate(cell.lines):
            draw_line(self.canv, line, x + PAD_X, first - i * style.leading - off, inner, style.size, style.align)
