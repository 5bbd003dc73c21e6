"""Rebuild the fonts shipped in this folder from the Debian font packages.

Run once by a developer (not at run time):

    apt-get install fonts-lxgw-wenkai fonts-arphic-uming fonts-wqy-microhei texlive-lang-chinese
    .venv/bin/python resources/fonts/build_fonts.py

(texlive-lang-chinese only for the Fandol fonts; `apt-get download` + `dpkg -x` into a
scratch folder and FANDOL=<that>/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
works as well.)

Why converted: Fandol fonts are CFF-outline OpenType (.otf), which reportlab cannot embed.
Their outlines are turned into TrueType quadratics (fontTools cu2qu, max error 1 unit of
1000 — invisible at print sizes) after subsetting.

Why subsets: the upstream LXGW WenKai weights are ~15 MB each and AR PL UMing is a
21 MB collection; shipping them whole would put ~50 MB in the app. We keep GB 2312
(all of modern Simplified usage), Big5 level 1 (common Traditional, for Hong Kong and
Macao texts) plus Latin, punctuation and full-width forms. Characters outside that set
are drawn by WenQuanYi Micro Hei, shipped whole (34 600 code points), so the PDF writer
falls back to it instead of printing boxes.

Why renamed: LXGW WenKai is OFL with the Reserved Font Names "霞鹜" and "LXGW"; a
subset is a Modified Version under the OFL and must not carry those names. AR PL UMing
is renamed too so nobody mistakes the subset for the full font.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai")
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
MICROHEI = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FANDOL = Path(os.environ.get("FANDOL", "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"))

# Fandol CFF fonts → TrueType subsets: (source, output file, new family, new style).
# FangSong is the GB/T 9704 body face; Song Bold stands in for 小标宋 (title) without
# the stroked-outline emboldening the Regular Song needed.
FANDOL_JOBS: list[tuple[Path, str, str, str]] = [
    (FANDOL / "FandolFang-Regular.otf", "PanPRDFang-Regular.ttf", "PanPRD Fang", "Regular"),
    (FANDOL / "FandolSong-Bold.otf", "PanPRDSongBold-Bold.ttf", "PanPRD Song Heavy", "Bold"),
]

# (source, index in collection, output file, new family, new style)
JOBS: list[tuple[Path, int, str, str, str]] = [
    (WENKAI / "LXGWWenKai-Regular.ttf", 0, "PanPRDKai-Regular.ttf", "PanPRD Kai", "Regular"),
    (WENKAI / "LXGWWenKai-Bold.ttf", 0, "PanPRDKai-Bold.ttf", "PanPRD Kai", "Bold"),
    (UMING, 0, "PanPRDSong-Regular.ttf", "PanPRD Song", "Regular"),  # index 0 = UMing CN
]

LICENCES = {
    "OFL-LXGW-WenKai.txt": Path("/usr/share/doc/fonts-lxgw-wenkai/copyright"),
    "ARPHIC-PL-UMing.txt": Path("/usr/share/doc/fonts-arphic-uming/copyright"),
    "APACHE2-GPL3FE-WenQuanYi-MicroHei.txt": Path("/usr/share/doc/fonts-wqy-microhei/copyright"),
}
FANDOL_LICENCE = "GPL3FE-Fandol.txt"


def _encodable(codec: str, lo: int, hi: int) -> set[int]:
    out: set[int] = set()
    for cp in range(lo, hi):
        try:
            chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        out.add(cp)
    return out


def _big5_level1() -> set[int]:
    out: set[int] = set()
    for cp in range(0x4E00, 0xA000):
        try:
            b = chr(cp).encode("big5")
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E:
            out.add(cp)
    return out


def code_points() -> set[int]:
    ranges = [
        (0x20, 0x7F), (0xA0, 0x250),  # Latin
        (0x2000, 0x2070), (0x2100, 0x2200),  # general punctuation, letterlike
        (0x2460, 0x2500), (0x2500, 0x2700),  # circled numbers, box drawing, shapes
        (0x3000, 0x3040), (0xFF00, 0xFFF0),  # CJK punctuation, full-width forms
    ]
    cps = {cp for lo, hi in ranges for cp in range(lo, hi)}
    return cps | _encodable("gb2312", 0x3000, 0xA000) | _big5_level1()


def _rename(font: TTFont, family: str, style: str) -> None:
    full = f"{family} {style}" if style != "Regular" else family
    ps = f"{family.replace(' ', '')}-{style}"
    names = {1: family, 2: style, 3: f"{ps};subset", 4: full, 6: ps, 16: family, 17: style}
    table = font["name"]
    for rec in list(table.names):
        if rec.nameID in names or rec.nameID in (18, 21, 22):
            table.removeNames(nameID=rec.nameID)
    for nid, value in names.items():
        table.setName(value, nid, 3, 1, 0x409)
        table.setName(value, nid, 1, 0, 0)


def _cff_to_truetype(font: TTFont) -> None:
    """Replace the CFF table with glyf/loca (quadratic outlines), in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    table = newTable("glyf")
    table.glyphOrder = order
    table.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # CFF contours run counter-clockwise, TrueType clockwise.
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        table.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = table
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
                 "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and reportlab does not need them
    font.sfntVersion = "\x00\x01\x00\x00"


def build_fandol(cps: set[int]) -> None:
    for src, out, family, style in FANDOL_JOBS:
        opts = subset.Options()
        opts.name_IDs = ["*"]
        opts.name_languages = ["*"]
        opts.notdef_outline = True
        opts.hinting = False
        font = TTFont(src)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=cps)
        sub.subset(font)
        _cff_to_truetype(font)
        _rename(font, family, style)
        font.save(HERE / out)
        print(out, (HERE / out).stat().st_size)


def main() -> None:
    cps = code_points()
    for src, index, out, family, style in JOBS:
        opts = subset.Options()
        opts.name_IDs = ["*"]
        opts.name_languages = ["*"]
        opts.notdef_outline = True
        opts.glyph_names = False
        opts.hinting = False  # hints are large and reportlab/Word ignore them at print sizes
        font = TTFont(src, fontNumber=index)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=cps)
        sub.subset(font)
        _rename(font, family, style)
        font.save(HERE / out)
        print(out, (HERE / out).stat().st_size)
    build_fandol(cps)
    shutil.copyfile(MICROHEI, HERE / "wqy-microhei.ttc")
    for name, src in LICENCES.items():
        shutil.copyfile(src, HERE / name)


if __name__ == "__main__":
    main()
