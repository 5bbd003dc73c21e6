"""Word plumbing: fonts that Chinese Word honours, styles, page setup, PAGE fields.

python-docx only sets the Latin font (w:ascii/w:hAnsi). Chinese text takes its face
from w:eastAsia, and the built-in styles carry theme-font attributes (asciiTheme,
eastAsiaTheme, …) which, when present, win over any explicit font name. So every
style and run we touch gets an explicit w:rFonts with the theme attributes removed.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from exporters.fonts import WORD_FANGSONG, WORD_HEI, WORD_KAI, WORD_LATIN, WORD_SONG, WORD_TITLE
from exporters.text import clean

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

BODY_PT = 16.0  # 三号
TITLE_PT = 22.0  # 二号
TABLE_PT = 10.5  # 五号
SUMMARY_PT = 14.0  # 四号
PAGE_NO_PT = 14.0  # 四号
HEADER_PT = 10.5
LEADING_PT = 28.9  # 22 lines per page (GB/T 9704)

# Style ids → (base, east-Asian face, size, bold, alignment, first-line indent in chars)
STYLE_BODY = "Normal"
STYLE_TITLE = "Title"
STYLE_H1 = "Heading 1"
STYLE_H2 = "Heading 2"
STYLE_H3 = "Heading 3"
STYLE_CELL = "PanPRD Cell"
STYLE_CELL_HEAD = "PanPRD Cell Head"
STYLE_SUMMARY_CELL = "PanPRD Summary Cell"
STYLE_FIELD = "PanPRD Field"
STYLE_COVER = "PanPRD Cover"
STYLE_MARKING = "PanPRD Marking"
STYLE_EMPTY = "PanPRD Empty"
STYLE_HEADER = "PanPRD Header"
STYLE_PAGE_NO = "PanPRD Page Number"


def set_fonts(element_with_rpr: object, east_asia: str, latin: str = WORD_LATIN) -> None:
    """Explicit w:rFonts on a style's or run's rPr; theme attributes removed."""
    rpr = element_with_rpr.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def add_text(paragraph: Paragraph, text: str, face: str | None, bold: bool | None = None) -> None:
    """Add user text as runs: sanitised, \n as line breaks. No zero-width spaces: Word
    breaks long URLs by itself, and U+200B would be copied out with the text.

    ``face`` None: the runs take the paragraph style's fonts (no w:rFonts of their own —
    a 5,000-row 分工表 has a quarter of a million runs)."""
    for i, line in enumerate(clean(text).split("\n")):
        run = paragraph.add_run()
        if face is not None:
            font_run(run, face, bold)
        elif bold is not None:
            run.bold = bold
        if i:
            run.add_break(WD_BREAK.LINE)
        run.add_text(line)


def font_run(run: Run, east_asia: str, bold: bool | None = None, size: float | None = None) -> Run:
    set_fonts(run._r, east_asia)
    if bold is not None:
        run.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    return run


def _first_line_chars(style: ParagraphStyle, chars: int, size: float) -> None:
    # firstLineChars (hundredths of a character) keeps the indent at two characters
    # even if the user changes the font size; firstLine is the fallback for other apps.
    style.paragraph_format.first_line_indent = Pt(chars * size)
    ind = style.element.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), str(chars * 100))


def _style(
    doc: Document,
    name: str,
    face: str,
    size: float,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    leading: float | None = None,
) -> ParagraphStyle:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[STYLE_BODY]
    assert isinstance(style, ParagraphStyle)
    set_fonts(style.element, face)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)  # built-in headings are blue
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if leading is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        pf.line_spacing = Pt(leading)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    if align is not None:
        pf.alignment = align
    # Always written, also as 0: every style inherits Normal's two-character indent,
    # and an inherited firstLineChars would beat a plain firstLine of 0.
    _first_line_chars(style, indent_chars, size)
    return style


# Style name → style id. python-docx resolves a name by scanning every style on each
# assignment (≈ 1.5 ms, 60% of the export time for 200 measures), so we resolve once.
_IDS: dict[str, str | None] = {}


def apply_style(paragraph: Paragraph, name: str) -> Paragraph:
    """paragraph.style = name, without python-docx's per-call style lookup."""
    paragraph._p.style = _IDS[name]
    return paragraph


def setup_styles(doc: Document) -> None:
    _strip_default_theme_fonts(doc)
    j, c, left = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    _style(doc, STYLE_BODY, WORD_FANGSONG, BODY_PT, align=j, indent_chars=2, leading=LEADING_PT)
    # 方正小标宋简体 is heavy by design: no bold (Word would smear it); fontTable names the
    # fallbacks (see fonts.WORD_TITLE_FALLBACKS).
    _style(doc, STYLE_TITLE, WORD_TITLE, TITLE_PT, align=c, leading=TITLE_PT * 1.6)
    _strip_title_border(doc)
    for name, face, bold in (
        (STYLE_H1, WORD_HEI, False),
        (STYLE_H2, WORD_KAI, False),
        (STYLE_H3, WORD_FANGSONG, True),
    ):
        style = _style(doc, name, face, BODY_PT, bold=bold, align=j, indent_chars=2, leading=LEADING_PT)
        style.paragraph_format.keep_with_next = True
    _style(doc, STYLE_FIELD, WORD_FANGSONG, BODY_PT, align=left, leading=LEADING_PT).paragraph_format.left_indent = Pt(
        2 * BODY_PT
    )
    _style(doc, STYLE_COVER, WORD_FANGSONG, BODY_PT, align=c, leading=LEADING_PT)
    _style(doc, STYLE_MARKING, WORD_HEI, BODY_PT, align=left, leading=LEADING_PT)
    _style(doc, STYLE_EMPTY, WORD_HEI, TITLE_PT, align=c, leading=TITLE_PT * 1.6)
    _style(doc, STYLE_CELL, WORD_FANGSONG, TABLE_PT, align=left)
    _style(doc, STYLE_CELL_HEAD, WORD_HEI, TABLE_PT, align=c)
    _style(doc, STYLE_SUMMARY_CELL, WORD_FANGSONG, SUMMARY_PT, align=left)
    _style(doc, STYLE_HEADER, WORD_SONG, HEADER_PT, align=c)
    _style(doc, STYLE_PAGE_NO, WORD_SONG, PAGE_NO_PT)
    # The document grid is for 三号 body text: table cells (五号), the title (二号), the cover,
    # running header and page numbers keep their own size and spacing. Snapped to the grid,
    # a 五号 cell line takes a whole 28.99 pt grid line and each character a 三号 cell.
    for name in (STYLE_TITLE, STYLE_CELL, STYLE_CELL_HEAD, STYLE_SUMMARY_CELL, STYLE_COVER, STYLE_MARKING,
                 STYLE_EMPTY, STYLE_HEADER, STYLE_PAGE_NO):
        _no_grid(doc.styles[name])
    for name in (STYLE_TITLE, STYLE_H1, STYLE_H2, STYLE_H3, STYLE_CELL, STYLE_CELL_HEAD, STYLE_SUMMARY_CELL,
                 STYLE_FIELD, STYLE_COVER, STYLE_MARKING, STYLE_EMPTY, STYLE_HEADER, STYLE_PAGE_NO):  # fmt: skip
        _IDS[name] = doc.styles[name].style_id
    _IDS[STYLE_BODY] = None  # the default paragraph style is written as no w:pStyle


def _no_grid(style: ParagraphStyle) -> None:
    """w:snapToGrid off, for lines (pPr) and characters (rPr)."""
    for parent, successors in ((style.element.get_or_add_pPr(), _PPR_AFTER_SNAP),
                               (style.element.get_or_add_rPr(), _RPR_AFTER_SNAP)):
        for old in parent.findall(qn("w:snapToGrid")):
            parent.remove(old)
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        parent.insert_element_before(snap, *successors)  # schema order: Word is strict about it


_PPR_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                   "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_RPR_AFTER_SNAP = ("w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
                   "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
                   "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _strip_default_theme_fonts(doc: Document) -> None:
    """docDefaults carry minorEastAsia theme fonts; replace them with explicit ones."""
    styles_el = doc.styles.element
    for rfonts in styles_el.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        for rfonts in defaults.iter(qn("w:rFonts")):
            rfonts.set(qn("w:ascii"), WORD_LATIN)
            rfonts.set(qn("w:hAnsi"), WORD_LATIN)
            rfonts.set(qn("w:eastAsia"), WORD_FANGSONG)
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), "zh-CN")
            lang.set(qn("w:eastAsia"), "zh-CN")
        # The grid's character pitch is relative to the default size: make it 三号.
        for sz in defaults.iter(qn("w:sz")):
            sz.set(qn("w:val"), str(int(BODY_PT * 2)))


def _strip_title_border(doc: Document) -> None:
    # The default template's Title has a blue bottom border; official titles have none.
    ppr = doc.styles[STYLE_TITLE].element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def page_setup(section: Section, landscape: bool) -> None:
    """A4 with the GB/T 9704 margins; landscape turns the margins with the page."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(37), Mm(35)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    _doc_grid(section, landscape)
    section.header_distance = Mm(20) if not landscape else Mm(12)
    # Page number 7 mm under the text block (GB/T 9704): footer distance = margin - 7 mm - line.
    section.footer_distance = Mm(35 - 7 - 6) if not landscape else Mm(26 - 7 - 6)


GRID_LINES, GRID_CHARS = 22, 28  # GB/T 9704: 22 lines × 28 characters of 三号


def _doc_grid(section: Section, landscape: bool) -> None:
    """w:docGrid "linesAndChars": 22 lines of 28 characters per portrait page.

    linePitch is the line height in twips (225 mm / 22); charSpace is how much the
    character pitch differs from the default 16 pt size, in 1/4096 pt: 156 mm / 28 =
    15.79 pt, so -849 — the value of the official 公文 templates."""
    height = (210 - 28 - 26) if landscape else (297 - 37 - 35)
    width = (297 - 37 - 35) if landscape else (210 - 28 - 26)
    line_pitch = int(Mm(height).twips / GRID_LINES)
    char_space = round((Mm(width).pt / GRID_CHARS - BODY_PT) * 4096)
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(line_pitch))
    grid.set(qn("w:charSpace"), str(char_space))
    sect.append(grid)


def _field_run(paragraph: Paragraph, child: str, **attrs: str) -> None:
    run = font_run(paragraph.add_run(), WORD_SONG)
    el = OxmlElement(child)
    for key, value in attrs.items():
        if key == "text":
            el.text = value
        else:
            el.set(qn(key), value)
    run._r.append(el)


def add_page_field(paragraph: Paragraph) -> None:
    """A real PAGE field (Word fills in the number), printed as "— N —".

    Written as the usual five runs (begin, instruction, separate, cached result, end),
    which every Word version and WPS read.
    """
    font_run(paragraph.add_run("— "), WORD_SONG)
    _field_run(paragraph, "w:fldChar", **{"w:fldCharType": "begin"})
    _field_run(paragraph, "w:instrText", **{"xml:space": "preserve", "text": " PAGE "})
    _field_run(paragraph, "w:fldChar", **{"w:fldCharType": "separate"})
    _field_run(paragraph, "w:t", text="1")
    _field_run(paragraph, "w:fldChar", **{"w:fldCharType": "end"})
    font_run(paragraph.add_run(" —"), WORD_SONG)
