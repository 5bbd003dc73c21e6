"""Briefing pack → Word document (python-docx)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from exporters import docx_styles as D
from exporters import wording as W
from exporters.atomic import atomic_write
from exporters.docx_package import set_properties
from exporters.docx_stream import BodySpill
from exporters.docx_table import SPILL_EVERY, division_table
from exporters.fonts import WORD_FANGSONG, WORD_HEI, WORD_KAI, WORD_SONG, WORD_TITLE
from exporters.pack import BriefingPack, PackMeasure
from exporters.progress import CancelledFn, ProgressFn, Ticker
from exporters.text import one_line

_HEAD_FILL = "D9D9D9"
_GROUP_FILL = "EDEDED"


_text = D.add_text


def _new_p(doc: Document | _Cell) -> Paragraph:
    """doc.add_paragraph() in O(1): python-docx finds the insertion point by scanning every
    child of the body, which made the details section quadratic (10 s for 1,000 measures)."""
    if isinstance(doc, _Cell):
        return doc.add_paragraph()
    p = OxmlElement("w:p")
    _append(doc, p)
    return Paragraph(p, doc._body)


def _append(doc: Document, p: OxmlElement) -> None:
    """Put ``p`` at the end of the body, before its final section properties."""
    body = doc.element.body
    # body[-1] walks back from the end (O(1)); len(body) would count every child.
    try:
        last = body[-1]
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(p)
    else:
        body.append(p)


def _para(doc: Document | _Cell, text: str, style: str, face: str, bold: bool | None = None) -> Paragraph:
    paragraph = D.apply_style(_new_p(doc), style)
    _text(paragraph, text, face, bold)
    return paragraph


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _fixed_table(doc: Document, widths: list[Emu], style: str | None = "Table Grid") -> Table:
    """A table with fixed column widths: Word's autofit would widen a column to fit a
    3000-character URL and push the table off the page."""
    table = doc.add_table(rows=0, cols=len(widths))
    if style:
        table.style = doc.styles[style]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/> in schema order
    tblpr = table._tbl.tblPr
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is not None:
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    return table


def _row(table: Table, widths: list[Emu]) -> tuple[_Row, list[_Cell]]:
    row = table.add_row()
    cells = row.cells
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
    return row, cells


def _cell_text(cell: _Cell, text: str, style: str, face: str, bold: bool | None = None) -> Paragraph:
    paragraph = D.apply_style(cell.paragraphs[0], style)
    _text(paragraph, text, face, bold)
    return paragraph


def _repeat_header(row: _Row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _cover(doc: Document, pack: BriefingPack) -> None:
    _para(doc, W.marking(pack), D.STYLE_MARKING, WORD_HEI)
    for _ in range(4):
        D.apply_style(_new_p(doc), D.STYLE_COVER)
    # Balanced lines (GB/T 9704: 回行时词意完整、排列对称), 20 二号 characters a line.
    title = "\n".join(W.title_lines(one_line(pack.title) or "工作材料", 20))
    _para(doc, title, D.STYLE_TITLE, WORD_TITLE)
    D.apply_style(_new_p(doc), D.STYLE_COVER)
    for label, value in W.cover_lines(pack):
        _para(doc, f"{label}：{value}", D.STYLE_COVER, WORD_FANGSONG)


def _count_table(doc: Document, head: tuple[str, str], rows: list[tuple[str, str]], width: Emu) -> None:
    widths = [Emu(int(width * 0.7)), Emu(int(width * 0.3))]
    table = _fixed_table(doc, widths)
    header, cells = _row(table, widths)
    _repeat_header(header)
    for cell, text in zip(cells, head, strict=True):
        _cell_text(cell, text, D.STYLE_CELL_HEAD, WORD_HEI)
        _shade(cell, _HEAD_FILL)
    for name, n in rows:
        _, cells = _row(table, widths)
        _cell_text(cells[0], name, D.STYLE_SUMMARY_CELL, WORD_FANGSONG)
        _cell_text(cells[1], n, D.STYLE_SUMMARY_CELL, WORD_FANGSONG).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _summary(doc: Document, pack: BriefingPack, width: Emu) -> None:
    _para(doc, W.HEADING_SUMMARY, D.STYLE_H1, WORD_HEI)
    for line in W.summary_lines(pack):
        _para(doc, line, D.STYLE_BODY, WORD_FANGSONG)
    if pack.summary.total:
        _count_table(doc, ("进展情况", "措施数"), W.status_rows(pack), Emu(int(width * 0.6)))
        if pack.summary.by_lead:
            _para(doc, "按牵头单位统计：", D.STYLE_BODY, WORD_FANGSONG)
            _count_table(doc, ("牵头单位", "措施数"), W.lead_rows(pack), Emu(int(width * 0.6)))


def _measure(doc: Document, m: PackMeasure, pack: BriefingPack) -> None:
    _para(doc, W.detail_heading(m), D.STYLE_H3, WORD_FANGSONG, bold=True)
    _para(doc, W.measure_text(m), D.STYLE_BODY, WORD_FANGSONG)
    for line in W.detail_lines(m, pack):
        paragraph = D.apply_style(_new_p(doc), D.STYLE_FIELD)
        for i, (name, value) in enumerate(line):
            _text(paragraph, (W.FIELD_SEP if i else "") + f"{name}：", WORD_HEI)
            _text(paragraph, value, WORD_FANGSONG)
    if m.notes and pack.include_notes:
        _para(doc, W.NOTES_LABEL + "：", D.STYLE_FIELD, WORD_HEI)
        for note in m.notes:
            stamp, body = W.note_line(note, pack)
            paragraph = D.apply_style(_new_p(doc), D.STYLE_BODY)
            if stamp:
                _text(paragraph, stamp + "　", WORD_HEI)
            _text(paragraph, body, WORD_FANGSONG)


def _running_parts(doc: Document, pack: BriefingPack) -> None:
    """Header with the title on every page but the cover; "— N —" footers, odd pages to
    the right and even pages to the left (GB/T 9704), one character in from the edge."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    title = one_line(pack.title)
    title = title if len(title) <= 40 else title[:40] + "…"
    for header in (section.header, section.even_page_header):
        paragraph = header.paragraphs[0]
        D.apply_style(paragraph, D.STYLE_HEADER)
        _text(paragraph, title, WORD_SONG)
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        D.apply_style(paragraph, D.STYLE_PAGE_NO)
        paragraph.alignment = align
        paragraph.paragraph_format.left_indent = Pt(D.PAGE_NO_PT) if align == WD_ALIGN_PARAGRAPH.LEFT else None
        paragraph.paragraph_format.right_indent = Pt(D.PAGE_NO_PT) if align == WD_ALIGN_PARAGRAPH.RIGHT else None
        D.add_page_field(paragraph)


def _new_section(doc: Document, landscape: bool) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    D.page_setup(section, landscape)
    # add_section copies the previous sectPr, including the cover's "different first page".
    section.different_first_page_header_footer = False


def _text_width(landscape: bool) -> Emu:
    return Mm(297 - 37 - 35) if landscape else Mm(210 - 28 - 26)


def build(pack: BriefingPack, ticker: Ticker, spill: BodySpill | None = None) -> Document:
    """The pack as a python-docx Document; with ``spill``, the 分工表's rows and the details
    are moved out of it into the spill as they are made (bounded memory, see docx_stream)."""
    doc = docx.Document()
    D.setup_styles(doc)
    D.page_setup(doc.sections[0], landscape=False)
    set_properties(doc, pack)
    _running_parts(doc, pack)
    _cover(doc, pack)
    _new_section(doc, landscape=False)
    _summary(doc, pack, _text_width(False))
    if pack.is_empty:
        for _ in range(3):
            D.apply_style(_new_p(doc), D.STYLE_COVER)
        _para(doc, W.EMPTY, D.STYLE_EMPTY, WORD_HEI)
        _para(doc, W.EMPTY_HINT.format(scope=one_line(pack.scope) or "全部措施"), D.STYLE_BODY, WORD_FANGSONG)
        return doc
    landscape = pack.landscape_table
    if landscape:
        _new_section(doc, landscape=True)
    _para(doc, W.HEADING_TABLE, D.STYLE_H1, WORD_HEI)
    division_table(doc, pack, int(_text_width(landscape)), ticker, spill)
    _new_section(doc, landscape=False)
    _para(doc, W.HEADING_DETAILS, D.STYLE_H1, WORD_HEI)
    marker = None
    if spill is not None:
        marker = spill.marker()
        _append(doc, marker)
    count = 0
    for heading, group in W.headed_groups(pack):
        if heading:
            _para(doc, heading, D.STYLE_H2, WORD_KAI)
        for m in group.measures:
            _measure(doc, m, pack)
            ticker.tick()
            count += 1
            if marker is not None and count % SPILL_EVERY == 0:
                spill.flush(marker, _after(marker))  # type: ignore[union-attr]
    if marker is not None:
        spill.flush(marker, _after(marker))  # type: ignore[union-attr]
    return doc


def _after(marker: OxmlElement) -> list[OxmlElement]:
    """The paragraphs written after ``marker``: everything but the final section properties."""
    sect = qn("w:sectPr")
    return [e for e in marker.itersiblings() if e.tag != sect]


def write_docx(
    pack: BriefingPack,
    out: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """Write ``pack`` as a .docx at ``out``, atomically. Returns ``out``.

    Raises ExportError (one-line message) on failure, ExportCancelled if ``cancelled()``
    turns true; in both cases ``out`` is untouched and no temporary file remains.
    """
    ticker = Ticker(2 * len(pack.measures) + 1, progress, cancelled)
    ticker.check()

    def write(fh: BinaryIO) -> None:
        spill = BodySpill()
        try:
            doc = build(pack, ticker, spill)
            ticker.check()
            spill.save(doc, fh, ticker.check)
        finally:
            spill.close()

    atomic_write(Path(out), write)
    ticker.finish()
    return Path(out)
