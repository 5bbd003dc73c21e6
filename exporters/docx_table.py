"""The 分工表 in Word: columns sized from the content, rows that never split, linear cost.

python-docx's ``cell.merge`` (for the full-width group rows) and ``row.cells`` walk the
whole table, so a 5,000-row table cost 125 s. Rows here are written as XML directly: a
group row is one ``w:tc`` with ``w:gridSpan``, every row carries ``w:cantSplit`` (unless it
is estimated taller than a page, which Word could then not place at all) and the header
row ``w:tblHeader``. Cell margins are set to 1 mm a side (Word's default 1.9 mm eats a
narrow column: 序号 wrapped to 序/号) and included in the column widths.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from exporters import docx_styles as D
from exporters import wording as W
from exporters.docx_stream import BodySpill
from exporters.fonts import WORD_FANGSONG, WORD_HEI
from exporters.pack import BriefingPack, PackMeasure
from exporters.progress import Ticker

HEAD_FILL = "D9D9D9"
GROUP_FILL = "EDEDED"
CELL_MARGIN = Mm(1)
_EM = Pt(D.TABLE_PT)
_LINE = Pt(D.TABLE_PT * 1.3)  # single spacing of a 五号 line, as Word sets it
_PAGE_TEXT = Mm(225)
TASK_MIN_SHARE = 0.22


def ems(text: str) -> float:
    """Width in ems: CJK one, Latin and digits a little over half (Times New Roman's
    digits are half an em; a substituted face's are often wider)."""
    return sum(0.6 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def column_widths(pack: BriefingPack, width: int) -> list[Emu]:
    """序号 never wraps; the lead column holds a 7-character unit name; deadlines such as
    2027年6月底前 stay whole while they fit; 重点任务 takes the rest."""
    pad = 2 * CELL_MARGIN + Pt(1)
    measures = pack.measures

    def col(em: float) -> int:
        return int(em * _EM + pad)

    def longest(names: list[str], cap: float, floor: float) -> float:
        return max(floor, min(cap, max((ems(n) for n in names), default=0.0)))

    hang = 1.0  # room for the "、" after a name in a list (Word does not hang punctuation)
    number = col(max(2.0, ems(str(len(measures)))))
    cols = {
        "lead": col(longest([n for m in measures for n in m.leads], W.LEAD_CHARS, 4)
                    + (hang if any(len(m.leads) > 1 for m in measures) else 0)),
        "part": col(longest([n for m in measures for n in m.participants], W.LEAD_CHARS, 4)
                    + (hang if any(len(m.participants) > 1 for m in measures) else 0)),
        "deadline": col(longest([W.deadline(m) for m in measures], 7, 4)),
        "progress": col(6),
    }
    for key, em in (("progress", 5), ("deadline", 5), ("part", 5), ("lead", 5)):
        if width - number - sum(cols.values()) >= TASK_MIN_SHARE * width:
            break
        cols[key] = min(cols[key], col(em))
    task = width - number - sum(cols.values())
    return [Emu(w) for w in (number, task, cols["lead"], cols["part"], cols["deadline"], cols["progress"])]


def _el(tag: str, **attrs: str) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key), value)
    return el


def _tc(width: int, span: int = 1, fill: str = "") -> OxmlElement:
    tc = _el("w:tc")
    pr = _el("w:tcPr")
    pr.append(_el("w:tcW", **{"w:w": str(Emu(width).twips), "w:type": "dxa"}))
    if span > 1:
        pr.append(_el("w:gridSpan", **{"w:val": str(span)}))
    if fill:
        pr.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))
    pr.append(_el("w:vAlign", **{"w:val": "center"}))
    tc.append(pr)
    tc.append(_el("w:p"))
    return tc


def _tr(table: Table, *, header: bool = False, cant_split: bool = True) -> OxmlElement:
    tr = _el("w:tr")
    pr = _el("w:trPr")
    if cant_split:
        pr.append(_el("w:cantSplit"))
    if header:
        pr.append(_el("w:tblHeader"))
    tr.append(pr)
    table._tbl.append(tr)
    return tr


def _write(tc: OxmlElement, table: Table, text: str, face: str, bold: bool | None = None,
           align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
    paragraph = D.apply_style(Paragraph(tc.find(qn("w:p")), _Cell(tc, table)), D.STYLE_CELL)
    if align is not None:
        paragraph.alignment = align
    # 仿宋 is the cell style's own face: those runs inherit it.
    D.add_text(paragraph, text, None if face == WORD_FANGSONG else face, bold)
    return paragraph


def _fixed(table: Table, widths: list[Emu]) -> None:
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    pr = table._tbl.tblPr
    tblw = pr.find(qn("w:tblW"))
    if tblw is not None:
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(sum(w.twips for w in widths)))
    mar = _el("w:tblCellMar")
    for side in ("left", "right"):
        mar.append(_el(f"w:{side}", **{"w:w": str(CELL_MARGIN.twips), "w:type": "dxa"}))
    pr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w


def _height(texts: list[str], widths: list[Emu]) -> int:
    """A rough row height: lines per cell from the text's width in ems."""
    lines = 1
    for text, w in zip(texts, widths, strict=True):
        per_line = max(1.0, (w - 2 * CELL_MARGIN) / _EM)
        lines = max(lines, int(-(-ems(text) // per_line)) + text.count("\n"))
    return lines * _LINE


SPILL_EVERY = 50  # measures per chunk of rows moved out of the tree (exporters.docx_stream)


def division_table(doc: Document, pack: BriefingPack, width: int, ticker: Ticker,
                   spill: BodySpill | None = None) -> Table:
    """The table; with ``spill``, its rows leave the tree every SPILL_EVERY measures."""
    widths = column_widths(pack, width)
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    _fixed(table, widths)
    tr = _tr(table, header=True)
    for text, w in zip(W.COLUMNS, widths, strict=True):
        tc = _tc(w, fill=HEAD_FILL)
        tr.append(tc)
        _write(tc, table, text, WORD_HEI, align=WD_ALIGN_PARAGRAPH.CENTER)
    marker = None
    if spill is not None:
        marker = spill.marker()
        table._tbl.append(marker)
    number = 0
    for heading, group in W.headed_groups(pack):
        if heading:
            tr = _tr(table)
            tc = _tc(sum(widths), span=len(widths), fill=GROUP_FILL)
            tr.append(tc)
            _write(tc, table, heading, WORD_HEI)
            # Keep the group row with the first row under it.
            tc.find(qn("w:p")).get_or_add_pPr().append(_el("w:keepNext"))
        for m in group.measures:
            number += 1
            _measure_row(table, m, number, widths, pack)
            ticker.tick()
            if marker is not None and number % SPILL_EVERY == 0:
                spill.flush(marker, marker.itersiblings())  # type: ignore[union-attr]
    if marker is not None:
        spill.flush(marker, marker.itersiblings())  # type: ignore[union-attr]
    return table


def _measure_row(table: Table, m: PackMeasure, number: int, widths: list[Emu], pack: BriefingPack) -> None:
    label, text = W.task_cell(m)
    leads = W.owners(m.leads, W.TABLE_OWNERS_CHARS)
    parts = W.owners(m.participants, W.TABLE_OWNERS_CHARS)
    deadline = W.clip(W.deadline(m), W.TABLE_SHORT_CHARS)
    status = W.clip(W.status(m), W.TABLE_SHORT_CHARS)
    note = W.latest_note(m, pack=pack)
    progress = status + ("\n" + note if note else "")
    texts = [str(number), f"{label} {text}", leads, parts, deadline, progress]
    tr = _tr(table, cant_split=_height(texts, widths) < _PAGE_TEXT)
    tcs = [_tc(w) for w in widths]
    for tc in tcs:
        tr.append(tc)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _write(tcs[0], table, str(number), WORD_FANGSONG, align=center)
    task = _write(tcs[1], table, label, WORD_HEI)
    D.add_text(task, f"　{text}" if label else text, None)
    _write(tcs[2], table, leads, WORD_FANGSONG)
    _write(tcs[3], table, parts, WORD_FANGSONG)
    _write(tcs[4], table, deadline, WORD_FANGSONG, align=center)
    cell = _write(tcs[5], table, status, WORD_HEI)
    if note:
        D.add_text(cell, "\n" + note, None)
