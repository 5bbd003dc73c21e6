"""The 分工表 (task division table) and the small summary tables, as GridTables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exporters import pdf_styles as S
from exporters import wording as W
from exporters.fonts import PDF_BODY, PDF_HEI
from exporters.pack import BriefingPack, PackMeasure
from exporters.pdf_grid import PAD_X, Cell, GridTable, Row
from exporters.pdf_text import BlockStyle, Span, font_for, lay_out, width_of
from exporters.progress import Ticker

TASK_MIN_SHARE = 0.22  # 重点任务 carries the long text: never narrower than this


def text_width(text: str, font: str, size: float) -> float:
    return sum(width_of(ch, font_for(ch, font) or font) for ch in text) * size


def column_widths(pack: BriefingPack, width: float) -> list[float]:
    """Widths from the content: 序号 never wraps, the lead column holds a 7-character unit
    name, a deadline such as 2027年6月底前 stays whole; 重点任务 takes the rest."""
    size = S.TABLE_SIZE
    em = size
    pad = 2 * PAD_X + 1
    measures = pack.measures
    number = max(text_width("序号", PDF_HEI, size), text_width(str(len(measures)), PDF_BODY, size)) + pad

    def longest(names: list[str], cap_em: float, floor_em: float) -> float:
        widest = max((text_width(n, PDF_BODY, size) for n in names), default=0.0)
        return max(floor_em * em, min(widest, cap_em * em)) + pad

    leads = [n for m in measures for n in m.leads]
    parts = [n for m in measures for n in m.participants]
    deadlines = [W.deadline(m) for m in measures]
    # A list of names ends its lines with "、", which may hang half an em (标点挤压).
    hang = 0.5 * em
    cols = {
        "lead": longest(leads, W.LEAD_CHARS, 4) + (hang if any(len(m.leads) > 1 for m in measures) else 0),
        "part": longest(parts, W.LEAD_CHARS, 4) + (hang if any(len(m.participants) > 1 for m in measures) else 0),
        "deadline": longest(deadlines, 7, 4),
        "progress": 6 * em + pad,
    }
    # Narrowed in this order until 重点任务 has its share: the progress column first, then
    # the deadline, unit names (participants, lead) last — they must stay whole.
    for key, smaller in (("progress", 5 * em + pad), ("deadline", 5 * em + pad), ("part", 5 * em + pad),
                         ("lead", 5 * em + pad)):
        if width - number - sum(cols.values()) >= TASK_MIN_SHARE * width:
            break
        cols[key] = min(cols[key], smaller)
    task = width - number - sum(cols.values())
    return [number, task, cols["lead"], cols["part"], cols["deadline"], cols["progress"]]


def _cell(spans: list[Span], style: BlockStyle, width: float, protected: re.Pattern[str] | None,
          valign: str = "middle") -> Cell:
    return Cell(lay_out(spans, style, width - 2 * PAD_X, protected), style, valign)


def _body_row(m: PackMeasure, number: int, pack: BriefingPack, widths: list[float],
              protected: re.Pattern[str] | None) -> Row:
    label, text = W.task_cell(m)
    task: list[Span] = [(label, PDF_HEI), ("　" + text, PDF_BODY)] if label else [(text, PDF_BODY)]
    progress: list[Span] = [(W.clip(W.status(m), W.TABLE_SHORT_CHARS), PDF_HEI)]
    note = W.latest_note(m, pack=pack)
    if note:
        progress.append(("\n" + note, PDF_BODY))
    cells = [
        _cell([(str(number), PDF_BODY)], S.B_CELL_CENTER, widths[0], None),
        _cell(task, S.B_CELL, widths[1], protected),
        _cell([(W.owners(m.leads, W.TABLE_OWNERS_CHARS), PDF_BODY)], S.B_CELL_LEFT, widths[2], protected),
        _cell([(W.owners(m.participants, W.TABLE_OWNERS_CHARS), PDF_BODY)], S.B_CELL_LEFT, widths[3], protected),
        _cell([(W.clip(W.deadline(m), W.TABLE_SHORT_CHARS), PDF_BODY)], S.B_CELL_CENTER, widths[4], protected),
        _cell(progress, S.B_CELL_LEFT, widths[5], protected),
    ]
    return Row(cells)


def division_table(pack: BriefingPack, width: float, frame_height: float, ticker: Ticker,
                   protected: re.Pattern[str] | None) -> GridTable:
    """The whole selection as one GridTable: the header repeats on every page and each
    PackGroup opens with a full-width row (a PDF bookmark too). Each row is laid out once,
    when the layout reaches it (memory bounded: the rows come from a generator)."""
    widths = column_widths(pack, width)
    header = Row([_cell([(c, PDF_HEI)], S.B_CELL_CENTER, w, None) for c, w in zip(W.COLUMNS, widths, strict=True)],
                 kind="head")
    return GridTable(widths, header, [], frame_height=frame_height, ticker=ticker,
                     more=_rows(pack, widths, width, ticker, protected))


def _rows(pack: BriefingPack, widths: list[float], width: float, ticker: Ticker,
          protected: re.Pattern[str] | None) -> Iterator[Row]:
    number = 0
    for heading, group in W.headed_groups(pack):
        if heading:
            yield Row([_cell([(heading, PDF_HEI)], S.B_CELL_LEFT, width, protected)], kind="group", outline=heading)
        for m in group.measures:
            number += 1
            ticker.tick()
            yield _body_row(m, number, pack, widths, protected)


def count_table(head: tuple[str, str], rows: list[tuple[str, str]], width: float, frame_height: float) -> GridTable:
    """A two-column table (name | count) for the summary."""
    widths = [width * 0.7, width * 0.3]
    header = Row([_cell([(head[0], PDF_HEI)], S.B_SUMMARY_CENTER, widths[0], None),
                  _cell([(head[1], PDF_HEI)], S.B_SUMMARY_CENTER, widths[1], None)], kind="head")
    body = [Row([_cell([(name, PDF_BODY)], S.B_SUMMARY, widths[0], None),
                 _cell([(n, PDF_BODY)], S.B_SUMMARY_CENTER, widths[1], None)]) for name, n in rows]
    return GridTable(widths, header, body, frame_height=frame_height)
