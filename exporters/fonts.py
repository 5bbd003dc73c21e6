"""Fonts: the TrueType files the PDF embeds, and the names Word documents ask for.

PDF fonts are registered with reportlab once per process (a lock makes that safe from
the GUI's worker thread): parsing the four files costs ~0.2 s, which would otherwise
be paid on every export.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from exporters.errors import ExportError
from exporters.text import escape_markup

# Names a Chinese Windows / WPS office has. Plain names (not 仿宋_GB2312) because the
# _GB2312 faces are missing from current Windows installs and Word would substitute.
WORD_SONG = "宋体"
WORD_FANGSONG = "仿宋"
WORD_HEI = "黑体"
WORD_KAI = "楷体"
# The GB/T 9704 title face; Word falls back through the font table's altName to these.
WORD_TITLE = "方正小标宋简体"
WORD_TITLE_FALLBACKS = ("方正小标宋_GBK", "华文中宋", "宋体")
# Latin text and digits in official documents are usually set in Times New Roman.
WORD_LATIN = "Times New Roman"

# reportlab font names for the shipped files.
PDF_SONG = "PanPRD-Song"
PDF_KAI = "PanPRD-Kai"
PDF_KAI_BOLD = "PanPRD-Kai-Bold"
PDF_HEI = "PanPRD-Hei"
PDF_FANG = "PanPRD-Fang"
PDF_SONG_HEAVY = "PanPRD-Song-Heavy"
# GB/T 9704: body 仿宋 (FandolFang); emphasis inside body text (field names, measure
# labels) in 黑体, as printed documents do — FangSong has no bold weight.
PDF_BODY = PDF_FANG
PDF_BODY_BOLD = PDF_HEI
PDF_TITLE = PDF_SONG_HEAVY
PDF_FALLBACK = PDF_HEI
# Printed for a character no shipped font has: the customary "missing character" mark.
MISSING = "\u3013"


@dataclass(frozen=True)
class _Face:
    name: str
    file: str
    index: int = 0


_FACES = (
    _Face(PDF_SONG, "PanPRDSong-Regular.ttf"),
    _Face(PDF_KAI, "PanPRDKai-Regular.ttf"),
    _Face(PDF_KAI_BOLD, "PanPRDKai-Bold.ttf"),
    _Face(PDF_HEI, "wqy-microhei.ttc", 0),
    _Face(PDF_FANG, "PanPRDFang-Regular.ttf"),
    _Face(PDF_SONG_HEAVY, "PanPRDSongBold-Bold.ttf"),
)

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


def font_dir() -> Path:
    """resources/fonts, or PANPRD_FONTS_DIR (for packaged builds that move resources)."""
    override = os.environ.get("PANPRD_FONTS_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


def register_pdf_fonts() -> dict[str, frozenset[int]]:
    """Register the shipped fonts with reportlab (once); return each font's code points."""
    if _coverage:
        return _coverage
    with _lock:
        if _coverage:
            return _coverage
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        folder = font_dir()
        loaded: dict[str, frozenset[int]] = {}
        for face in _FACES:
            path = folder / face.file
            try:
                font = TTFont(face.name, str(path), subfontIndex=face.index)
            except (OSError, TTFError) as exc:
                raise ExportError(
                    f"无法载入字体 {path}：{exc}（请重新安装本程序）", reason="missing_font", path=path
                ) from exc
            pdfmetrics.registerFont(font)
            loaded[face.name] = frozenset(font.face.charToGlyph)
        # <b> inside body text must pick the real bold file, not a synthetic one.
        for family, bold in ((PDF_KAI, PDF_KAI_BOLD), (PDF_SONG, PDF_SONG_HEAVY), (PDF_HEI, PDF_HEI),
                             (PDF_FANG, PDF_HEI), (PDF_SONG_HEAVY, PDF_SONG_HEAVY)):
            addMapping(family, 0, 0, family)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, family)
            addMapping(family, 1, 1, bold)
        addMapping(PDF_KAI_BOLD, 0, 0, PDF_KAI_BOLD)
        addMapping(PDF_KAI_BOLD, 1, 0, PDF_KAI_BOLD)
        _coverage.update(loaded)
    return _coverage


def pdf_markup(text: str, font: str) -> str:
    """Escape ``text`` for a reportlab Paragraph set in ``font``, with per-character fallback.

    ``text`` must already be cleaned (exporters.text.clean). Characters the font lacks
    are wrapped in the fallback font; characters no font has become 〓, never a box.
    Newlines become line breaks.
    """
    coverage = register_pdf_fonts()
    own = coverage[font]
    codes = set(map(ord, text))
    codes.discard(10)
    if codes <= own:  # the common case: one escape, no per-character work
        return escape_markup(text).replace("\n", "<br/>")
    fallback = coverage[PDF_FALLBACK]
    out: list[str] = []
    run: list[str] = []  # characters pending in the fallback font

    def flush() -> None:
        if run:
            out.append(f'<font face="{PDF_FALLBACK}">{escape_markup("".join(run))}</font>')
            run.clear()

    for ch in text:
        code = ord(ch)
        if ch == "\n":
            flush()
            out.append("<br/>")
        elif code in own:
            flush()
            out.append(escape_markup(ch))
        elif code in fallback:
            run.append(ch)
        else:
            flush()
            out.append(MISSING if ord(MISSING) in own else "?")
    flush()
    return "".join(out)
