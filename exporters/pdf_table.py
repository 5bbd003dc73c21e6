"""The 分工表 (task division table) and the small summary tables, as reportlab Tables."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from exporters import pdf_styles as S
from exporters import wording as W
from exporters.fonts import PDF_BODY, PDF_BODY_BOLD, PDF_HEI, pdf_markup
from exporters.pack import BriefingPack
from exporters.progress import Ticker

_GRID = colors.black
_GROUP_BG = colors.Color(0.92, 0.92, 0.92)
_HEAD_BG = colors.Color(0.85, 0.85, 0.85)


def _p(text: str, style: ParagraphStyle, font: str = PDF_BODY) -> Paragraph:
    return Paragraph(pdf_markup(text, font), style)


def _base_style() -> list[tuple[object, ...]]:
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        # Plain-string cells (the "" under a spanned group row) would otherwise be set in
        # Helvetica, which reportlab never embeds.
        ("FONTNAME", (0, 0), (-1, -1), PDF_BODY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
    ]


def division_table(pack: BriefingPack, width: float, ticker: Ticker) -> Table:
    """One Table for the whole selection: header row repeats on every page (repeatRows),
    each PackGroup opens with a full-width row. Rows never split: wording clips every
    cell so that a row fits on one page."""
    widths = [width * share for share in W.COLUMN_SHARES]
    rows: list[list[object]] = [[_p(c, S.CELL_HEAD, PDF_HEI) for c in W.COLUMNS]]
    style = _base_style()
    number = 0
    for heading, group in W.headed_groups(pack):
        if heading:
            r = len(rows)
            rows.append([_p(heading, S.CELL_GROUP, PDF_HEI), "", "", "", "", ""])
            # NOSPLIT: never leave a group row alone at the foot of a page.
            style += [
                ("SPAN", (0, r), (-1, r)),
                ("BACKGROUND", (0, r), (-1, r), _GROUP_BG),
                ("NOSPLIT", (0, r), (-1, r + 1)),
            ]
        for m in group.measures:
            number += 1
            label, text = W.task_cell(m)
            task = Paragraph(
                f"<b>{pdf_markup(label, PDF_BODY_BOLD)}</b> {pdf_markup(text, PDF_BODY)}"
                if label
                else pdf_markup(text, PDF_BODY),
                S.CELL,
            )
            note = W.latest_note(m)
            status = f"<b>{pdf_markup(W.clip(W.status(m), W.TABLE_SHORT_CHARS), PDF_BODY_BOLD)}</b>"
            progress = Paragraph(f"{status}<br/>{pdf_markup(note, PDF_BODY)}" if note else status, S.CELL)
            rows.append(
                [
                    _p(str(number), S.CELL_CENTER),
                    task,
                    _p(W.owners(m.leads, W.TABLE_OWNERS_CHARS), S.CELL),
                    _p(W.owners(m.participants, W.TABLE_OWNERS_CHARS), S.CELL),
                    _p(W.clip(W.deadline(m), W.TABLE_SHORT_CHARS), S.CELL_CENTER),
                    progress,
                ]
            )
            ticker.tick()
    return Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        splitInRow=0,
        style=TableStyle(style),
        hAlign="CENTER",
    )


def count_table(head: tuple[str, str], rows: list[tuple[str, str]], width: float) -> Table:
    """A two-column table (name | count) for the summary."""
    data: list[list[object]] = [[_p(head[0], S.SUMMARY_HEAD, PDF_HEI), _p(head[1], S.SUMMARY_HEAD, PDF_HEI)]]
    data += [[_p(name, S.SUMMARY_CELL), _p(n, S.SUMMARY_NUM)] for name, n in rows]
    table = Table(data, colWidths=[width * 0.7, width * 0.3], repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(_base_style()))
    return table
