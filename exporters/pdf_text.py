"""Paragraphs for the PDF laid out once with the Chinese line breaker and drawn justified.

A :class:`TextBlock` is a reportlab Flowable: ``wrap`` breaks the text into lines once
(exporters.cjk_break), ``split`` hands whole lines to the next page without laying
anything out again, ``draw`` sets each line with PDF character spacing (``Tc``) so that
every inner line of a justified paragraph ends exactly at the right margin. The text
layer stays one string per line, so copying and searching the PDF work as before.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exporters import cjk_break as B
from exporters.fonts import MISSING, PDF_FALLBACK, register_pdf_fonts

Span = tuple[str, str]  # (text, font)
MAX_GAP_EM = 0.5  # a line that would need wider letter spacing than this stays ragged


@dataclass(frozen=True)
class BlockStyle:
    size: float
    leading: float
    first_indent: float = 0.0
    left_indent: float = 0.0
    align: str = "justify"  # justify | left | center | right
    grid_chars: int = 0  # characters per full line on the GB/T 9704 grid (0: none)
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False


_widths: dict[str, dict[str, float]] = {}
_keys = itertools.count()


def bookmark_key() -> str:
    """A key for a PDF destination, unique in the process (ids of freed objects repeat)."""
    return f"panprd-{next(_keys)}"


def width_of(ch: str, font: str) -> float:
    table = _widths.get(font)
    if table is None:
        table = _widths[font] = {}
    w = table.get(ch)
    if w is None:
        w = table[ch] = pdfmetrics.stringWidth(ch, font, 1.0)
    return w


def font_for(ch: str, font: str) -> str:
    coverage = register_pdf_fonts()
    if ord(ch) in coverage[font] or ch == " ":
        return font
    if ord(ch) in coverage[PDF_FALLBACK]:
        return PDF_FALLBACK
    return ""  # no font has it: cjk_break.glyphs draws 〓 instead


def lay_out(spans: Sequence[Span], style: BlockStyle, width: float,
            protected: re.Pattern[str] | None = None) -> list[B.Line]:
    """The lines of ``spans`` in ``width`` points (text already cleaned of control characters)."""
    text = "".join(t for t, _ in spans)
    flags = B.no_break_before(text, protected)
    gs = B.glyphs(spans, font_for, width_of, style.size, MISSING)
    inner = width - style.left_indent
    min_gap = 0.0
    if style.grid_chars:
        # Squeeze enough that grid_chars full-width characters fit one line (GB/T 9704:
        # 28 三号 characters in 156 mm, i.e. a pitch of 15.8 pt for a 16 pt face).
        need = style.grid_chars * style.size - inner
        if need > 0:
            min_gap = -need / (style.grid_chars - 1) - 0.02
    return B.break_lines(gs, flags, inner, first_indent=style.first_indent, min_gap=min_gap)


def draw_line(canvas: Canvas, line: B.Line, x: float, baseline: float, width: float, size: float,
              align: str) -> None:
    """One line at ``baseline``; ``width`` is the measure the line is set in."""
    if not line.glyphs:
        return
    gap = B.justify_gap(line, width, align == "justify", MAX_GAP_EM * size)
    used = line.natural + gap * (len(line.glyphs) - 1)
    x0 = x + line.indent
    if align == "center":
        x0 = x + line.indent + (width - line.indent - used) / 2
    elif align == "right":
        x0 = x + width - used
    # The text operators are written directly: reportlab's TextObject measures every
    # string again and formats numbers in pure Python (no C accelerator here), which was
    # two thirds of the export time. One positioned string per 256-glyph subset of a font:
    # reportlab starts a new string at each subset switch anyway, and an explicit origin
    # keeps every reader (pdfminer drops Tc at string starts) in step with the viewers.
    doc = canvas._doc
    escape = canvas._escape
    ops = [f"BT {_num(gap)} Tc"]
    x = x0
    y = _num(baseline)
    size_s = _num(size)
    glyphs = line.glyphs
    n = len(glyphs)
    start = 0
    while start < n:
        font = glyphs[start].font
        end = start + 1
        while end < n and glyphs[end].font == font:
            end += 1
        face = pdfmetrics.getFont(font)
        i = start
        for subset, data in face.splitString("".join(g.ch for g in glyphs[start:end]), doc):
            k = i + len(data)
            name = face.getSubsetInternalName(subset, doc)
            ops.append(f"1 0 0 1 {_num(x)} {y} Tm {name} {size_s} Tf ({escape(data)}) Tj")
            x += sum(g.width for g in glyphs[i:k]) + gap * (k - i)
            i = k
        start = end
    ops.append("ET")
    canvas._code.append(" ".join(ops))


def _num(value: float) -> str:
    """A number for a PDF operator: 3 decimals, no trailing zeros (reportlab's fp_str,
    without its pure-Python cost)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def baseline_offset(leading: float, size: float) -> float:
    """From the top of a line box to the baseline: the em box centred in the line."""
    return (leading - size) / 2 + 0.88 * size


class TextBlock(Flowable):
    """A paragraph of spans laid out once; splits between lines."""

    def __init__(self, spans: Sequence[Span], style: BlockStyle, *, protected: re.Pattern[str] | None = None,
                 outline: tuple[str, int] | None = None, lines: list[B.Line] | None = None) -> None:
        super().__init__()
        self.spans = list(spans)
        self.style = style
        self.protected = protected
        self.outline = outline  # (title, level): a PDF bookmark at this paragraph
        self.keepWithNext = style.keep_with_next
        self._lines = lines
        self._laid_width = -1.0 if lines is None else None

    def text(self) -> str:
        return "".join(t for t, _ in self.spans)

    def lines(self, width: float) -> list[B.Line]:
        if self._lines is None or (self._laid_width is not None and abs(self._laid_width - width) > 0.01):
            self._lines = lay_out(self.spans, self.style, width, self.protected)
            self._laid_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802, N803
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.space_after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N802, N803
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit < 1 or fit >= len(lines) or self.keepWithNext:
            return []
        if len(lines) > 2 and fit == 1:
            return []  # never leave a single first line at the foot of a page
        head = TextBlock(self.spans, replace(self.style, space_after=0), protected=self.protected,
                         outline=self.outline, lines=lines[:fit])
        tail = TextBlock(self.spans, replace(self.style, space_before=0), protected=self.protected,
                         lines=lines[fit:])
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        if self.outline is not None:
            title, level = self.outline
            key = bookmark_key()
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=level, closed=level > 0)
        top = self.height
        off = baseline_offset(style.leading, style.size)
        width = self.width - style.left_indent
        for i, line in enumerate(self._lines or ()):
            draw_line(canvas, line, style.left_indent, top - i * style.leading - off, width, style.size, style.align)
