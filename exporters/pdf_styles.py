"""Page geometry and paragraph styles for the PDF, after GB/T 9704-2012.

GB/T 9704: A4, top margin 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 二号
(22 pt) 小标宋; body 三号 (16 pt) 仿宋 with 22 lines per page (a leading of about
28.9 pt in a 225 mm text block) and a two-character first-line indent; 一、 in 黑体,
（一） in 楷体; page numbers 四号 (14 pt) 宋体 as "— 1 —", 7 mm below the text block,
odd pages to the right, even pages to the left, one character in from the edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from exporters.fonts import PDF_BODY, PDF_BODY_BOLD, PDF_HEI, PDF_KAI_BOLD, PDF_SONG
from exporters.pdf_text import BlockStyle


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


PORTRAIT = PageGeometry(A4[0], A4[1], top=37 * mm, bottom=35 * mm, left=28 * mm, right=26 * mm)
# The portrait margins turned a quarter: the binding edge (left) keeps the wide margin.
_LW, _LH = landscape(A4)
LANDSCAPE = PageGeometry(_LW, _LH, top=28 * mm, bottom=26 * mm, left=37 * mm, right=35 * mm)

BODY_SIZE = 16.0  # 三号
TITLE_SIZE = 22.0  # 二号
PAGE_NO_SIZE = 14.0  # 四号
HEADER_SIZE = 10.5  # 五号
TABLE_SIZE = 10.5  # 五号: the 分工表 has six columns and needs the room
LEADING = 28.9  # 22 lines in the 225 mm text block
INDENT = 2 * BODY_SIZE  # 两个字符

# Every style wraps per character ("CJK"): Chinese has no spaces, and it also breaks
# 3000-character Latin strings that would otherwise run off the page.
_BASE = ParagraphStyle(
    "panprd-base",
    fontName=PDF_BODY,
    fontSize=BODY_SIZE,
    leading=LEADING,
    wordWrap="CJK",
    alignment=TA_JUSTIFY,
)


def _style(name: str, **kw: object) -> ParagraphStyle:
    return ParagraphStyle(f"panprd-{name}", parent=_BASE, **kw)  # type: ignore[arg-type]


BODY = _style("body", firstLineIndent=INDENT)
BODY_FLAT = _style("body-flat")
TITLE = _style("title", fontName=PDF_SONG, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.6, alignment=TA_CENTER)
MARKING = _style("marking", fontName=PDF_HEI, alignment=TA_LEFT, spaceAfter=BODY_SIZE)
COVER_LINE = _style("cover-line", alignment=TA_CENTER)
H1 = _style("h1", fontName=PDF_HEI, firstLineIndent=INDENT, spaceBefore=6, keepWithNext=1)
# Bold because the body face is itself a Kai substitute (resources/fonts/README.md).
H2 = _style("h2", fontName=PDF_KAI_BOLD, firstLineIndent=INDENT, keepWithNext=1)
# Measure label line in the details, GB/T level 3 ("1.") style: body face in bold.
H3 = _style("h3", fontName=PDF_BODY_BOLD, firstLineIndent=INDENT, keepWithNext=1)
FIELD = _style("field", leftIndent=INDENT, firstLineIndent=0, alignment=TA_LEFT)
NOTE = _style("note", leftIndent=INDENT, firstLineIndent=0)
EMPTY = _style("empty", fontName=PDF_HEI, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.6, alignment=TA_CENTER)

TABLE_LEADING = TABLE_SIZE * 1.45
CELL = _style("cell", fontSize=TABLE_SIZE, leading=TABLE_LEADING, alignment=TA_LEFT)
CELL_CENTER = _style("cell-center", fontSize=TABLE_SIZE, leading=TABLE_LEADING, alignment=TA_CENTER)
CELL_HEAD = _style("cell-head", fontName=PDF_HEI, fontSize=TABLE_SIZE, leading=TABLE_LEADING, alignment=TA_CENTER)
CELL_GROUP = _style("cell-group", fontName=PDF_HEI, fontSize=TABLE_SIZE, leading=TABLE_LEADING)
# The small summary tables use the body size less a step, so they fit beside the text.
SUMMARY_SIZE = 14.0
SUMMARY_CELL = _style("summary-cell", fontSize=SUMMARY_SIZE, leading=SUMMARY_SIZE * 1.5, alignment=TA_LEFT)
SUMMARY_NUM = _style("summary-num", fontSize=SUMMARY_SIZE, leading=SUMMARY_SIZE * 1.5, alignment=TA_CENTER)
SUMMARY_HEAD = _style(
    "summary-head", fontName=PDF_HEI, fontSize=SUMMARY_SIZE, leading=SUMMARY_SIZE * 1.5, alignment=TA_CENTER
)
HEADER = _style("header", fontName=PDF_SONG, fontSize=HEADER_SIZE, leading=HEADER_SIZE * 1.3, alignment=TA_CENTER)


# ---- Styles of the Chinese line breaker (exporters.pdf_text), used for everything printed.
GRID_LINES = 22  # GB/T 9704: 22 lines × 28 characters of 三号 text on A4
GRID_CHARS = 28
GRID_LEADING = PORTRAIT.frame_height / GRID_LINES  # 28.99 pt in the 225 mm text block
PITCH = PORTRAIT.frame_width / GRID_CHARS  # 15.8 pt: a 16 pt face set slightly tight
B_BODY = BlockStyle(BODY_SIZE, GRID_LEADING, first_indent=2 * PITCH, grid_chars=GRID_CHARS)
# Field lines (牵头单位：…；参与单位：…) are lists, not prose: ragged right, hanging indent.
B_FIELD = BlockStyle(BODY_SIZE, GRID_LEADING, left_indent=2 * PITCH, grid_chars=GRID_CHARS, align="left")
B_H1 = BlockStyle(BODY_SIZE, GRID_LEADING, first_indent=2 * PITCH, grid_chars=GRID_CHARS, keep_with_next=True)
B_H2 = B_H1
B_H3 = B_H1
B_TITLE = BlockStyle(TITLE_SIZE, TITLE_SIZE * 1.6, align="center")
B_COVER = BlockStyle(BODY_SIZE, GRID_LEADING, align="center")
B_MARKING = BlockStyle(BODY_SIZE, GRID_LEADING, align="left", space_after=BODY_SIZE)
B_EMPTY = BlockStyle(TITLE_SIZE, TITLE_SIZE * 1.6, align="center")
B_HEADER = BlockStyle(HEADER_SIZE, HEADER_SIZE * 1.3, align="center")
B_CELL = BlockStyle(TABLE_SIZE, TABLE_LEADING)
B_CELL_LEFT = BlockStyle(TABLE_SIZE, TABLE_LEADING, align="left")
B_CELL_CENTER = BlockStyle(TABLE_SIZE, TABLE_LEADING, align="center")
B_SUMMARY = BlockStyle(SUMMARY_SIZE, SUMMARY_SIZE * 1.5, align="left")
B_SUMMARY_CENTER = BlockStyle(SUMMARY_SIZE, SUMMARY_SIZE * 1.5, align="center")
