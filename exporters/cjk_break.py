"""Chinese line breaking (禁则) for the PDF: where a line may end, and the lines of a paragraph.

reportlab's ``wordWrap='CJK'`` breaks between any two ideographs and knows a few
line-start rules, but splits ``……``, Latin words, dates, URLs and unit names. Here the
text is cut into *atoms* that are never broken, glued so that

- no line starts with closing punctuation (``，。、；：？！）」』”’》〉…`` …) and none ends
  with opening punctuation (``（“‘《〈「『`` …);
- ``……`` and ``——`` stay whole;
- Latin words, numbers and dates (``2026-11-27``, ``2027年6月底前``) stay whole;
- names of units (``香港特别行政区``, ``国家发展改革委``) stay whole;
- URLs break only after ``/ . ? & -``.

Only an atom wider than a whole line is cut where it must (a 3000-character URL).
Pure Python: widths come from a function, so this module knows nothing of reportlab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# A line may not start with these (GB/T 15834 punctuation that closes or follows).
NO_START = frozenset("，。、；：？！）」』”’》〉】〕〗］｝…‥·・%‰℃,.;:?!)]}％～〞〟﹚﹜")
# A line may not end with these.
NO_END = frozenset("（“‘《〈「『【〔〖［｛([{〝﹙﹛")
URL_BREAK_AFTER = frozenset("/.?&-")
SQUEEZABLE = frozenset("，。、；：？！）」』”’》〉】〕")

_ASCII_RUN = re.compile(r"[!-~]+")
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)")
# Dates and deadlines as written in Chinese documents: 2027年6月底前, 6月30日, 2026年底.
_DATE = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底前|年底前|以前|之前|前|底|内|中|初|末)?"
    r"|\d{1,2}月(?:\d{1,2}日)?(?:底前|以前|前|底|中|初|末)?"
    r"|\d+(?:\.\d+)?(?:%|％|‰|万|亿|个|项|条|次|家|倍|年|日|天)"
)
_DASHES = re.compile(r"…+|—+|─+|-{2,}|·{2,}")
SPACE = " "


@dataclass(frozen=True, slots=True)  # slots: a 5,000-row 分工表 holds millions of these
class Glyph:
    ch: str
    font: str
    width: float


@dataclass(frozen=True, slots=True)
class Line:
    glyphs: tuple[Glyph, ...]
    indent: float
    natural: float  # sum of the glyph widths
    last: bool  # last line of its paragraph (or before a hard break): not justified


def _protected_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({w for w in words if len(w) > 1}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words))


@lru_cache(maxsize=16)
def protect(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A compiled matcher for words that must never be broken (cached per word set)."""
    return _protected_regex(words)


def no_break_before(text: str, protected: re.Pattern[str] | None = None) -> bytearray:
    """``flags[i]`` is 1 where a line may NOT break between ``text[i-1]`` and ``text[i]``.

    ``flags[0]`` and ``flags[len]`` are unused (always allowed)."""
    n = len(text)
    flags = bytearray(n + 1)

    def glue(start: int, end: int) -> None:
        for i in range(start + 1, end):
            flags[i] = 1

    for m in _ASCII_RUN.finditer(text):
        start, end = m.span()
        if _URL.match(m.group()):
            for i in range(start + 1, end):
                flags[i] = 0 if text[i - 1] in URL_BREAK_AFTER else 1
        else:
            glue(start, end)
    for pattern in (_DATE, _DASHES, protected):
        if pattern is not None:
            for m in pattern.finditer(text):
                glue(*m.span())
    for i in range(1, n):
        ch = text[i]
        prev = text[i - 1]
        if ch in NO_START or prev in NO_END:
            flags[i] = 1
        elif ch == SPACE:
            flags[i] = 1  # break after a space, never before: the space ends the line
        elif prev == SPACE or ch == "\n" or prev == "\n":
            flags[i] = 0
    return flags


_interned: dict[tuple[str, str, float], Glyph] = {}
FontFor = Callable[[str, str], str]  # (char, wanted font) → font that has it
WidthOf = Callable[[str, str], float]  # (char, font) → width at size 1


def glyphs(spans: Sequence[tuple[str, str]], font_for: FontFor, width_of: WidthOf, size: float,
           missing: str = "\u3013") -> list[Glyph]:
    """Each character with the font that draws it; one no font has becomes ``missing`` (〓).

    Glyphs are shared (interned per character, font and size): a pack has a few thousand
    distinct ones but millions of characters, and a laid-out 分工表 keeps them all."""
    out: list[Glyph] = []
    append = out.append
    for text, font in spans:
        for ch in text:
            key = (ch, font, size)
            g = _interned.get(key)
            if g is None:
                if ch == "\n":
                    g = Glyph(ch, font, 0.0)
                else:
                    f = font_for(ch, font)
                    c = ch
                    if not f:
                        c, f = missing, font
                    g = Glyph(c, f, width_of(c, f) * size)
                if len(_interned) < 200_000:
                    _interned[key] = g
            append(g)
    return out


def break_lines(
    gs: Sequence[Glyph],
    flags: bytearray,
    width: float,
    *,
    first_indent: float = 0.0,
    min_gap: float = 0.0,
) -> list[Line]:
    """Greedy line breaking at allowed positions.

    A line fits when its glyphs, set ``min_gap`` apart (``min_gap`` ≤ 0 lets a line be
    squeezed slightly, which is how 28 三号 characters fit a 156 mm line), fit ``width``.
    A newline glyph ends a line (a hard break).
    """
    lines: list[Line] = []
    n = len(gs)
    start = 0
    indent = first_indent
    while start < n:
        avail = width - indent
        total = 0.0
        last_ok = -1  # last break position (exclusive end) that keeps the rules
        total_at_ok = 0.0
        i = start
        hard = False
        while i < n:
            g = gs[i]
            if g.ch == "\n":
                hard = True
                break
            if i > start and not flags[i]:
                last_ok, total_at_ok = i, total
            count = i - start + 1
            # 标点挤压: full-width punctuation ending a line may be set at half width (its
            # ink fills half the em), so "国家发展改革委、" still fits a 7-character cell.
            fit = g.width * 0.5 if g.ch in SQUEEZABLE else g.width
            if total + fit + (count - 1) * min_gap > avail + 1e-6 and i > start:
                break
            total += g.width
            i += 1
        if i >= n or hard:
            end, nat = i, total
        elif last_ok > start:
            end, nat = last_ok, total_at_ok
        else:
            # Nothing breakable fits: cut the atom where it must be cut, but still not
            # before closing or after opening punctuation.
            end = i
            while end > start + 1 and (gs[end].ch in NO_START or gs[end - 1].ch in NO_END):
                end -= 1
            nat = sum(g.width for g in gs[start:end])
        line = list(gs[start:end])
        while line and line[-1].ch == SPACE:
            nat -= line.pop().width
        lines.append(Line(tuple(line), indent, nat, last=(end >= n or hard)))
        start = end + 1 if hard else end
        while start < n and gs[start].ch == SPACE:
            start += 1
        indent = 0.0
    return lines


def justify_gap(line: Line, width: float, justify: bool, max_gap: float = float("inf")) -> float:
    """Extra space between glyphs so that an inner line is flush with both margins
    (negative: squeezed). A last line keeps its natural spacing unless it is too wide; so
    does a line that would need more than ``max_gap`` between glyphs (a narrow table cell
    whose next word is a whole unit name: spreading the rest letter by letter reads worse
    than a ragged edge)."""
    count = len(line.glyphs)
    if count < 2:
        return 0.0
    room = width - line.indent - line.natural
    if room < 0:
        return room / (count - 1)
    if justify and not line.last and room / (count - 1) <= max_gap:
        return room / (count - 1)
    return 0.0
