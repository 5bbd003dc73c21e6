"""The PDF pack measured on its rendered pages (pdfplumber): 禁则, justification, cell rules,
faces, page numbers and bookmarks, on an annotated guideline pack with long notes, URLs,
English words, dates and numbers."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from exporters import write_pdf
from exporters.cjk_break import NO_END, NO_START
from exporters.pack import BriefingPack, PackNote
from exporters.pdf_styles import PORTRAIT

MM = 72 / 25.4
LONG_NOTE = (
    "2026-11-27，广东省会同香港特别行政区、澳门特别行政区召开联席会议，审议通过《泛珠三角区域合作"
    "行动计划（2026—2030年）》，明确2027年6月底前完成Greater Bay Area cooperation platform建设……"
    "详见https://www.gov.cn/zhengce/content/2016-03/15/content_5053647.htm?from=panprd&lang=zh-CN 。"
    "国家发展改革委、交通运输部“十四五”规划中期评估显示，PM2.5平均浓度下降12.5%，"
    "新增投资3,200亿元——其中粤港澳大湾区占比超过60%。"
)
PROTECTED = ("香港特别行政区", "澳门特别行政区", "国家发展改革委", "广西壮族自治区", "2027年6月底前",
             "2026年11月27日", "Greater", "cooperation", "platform", "PM2.5", "12.5%", "3,200")


@pytest.fixture(scope="module")
def hard_pack(sample_pack: BriefingPack) -> BriefingPack:
    groups = []
    for g in sample_pack.groups:
        ms = []
        for i, m in enumerate(g.measures):
            notes = (*m.notes, PackNote(LONG_NOTE, "联络员", datetime(2026, 11, 27, 9, 30)))
            ms.append(replace(m, notes=notes, deadline_text="2027年6月底前" if i % 2 else "2026-11-27",
                              leads=("香港特别行政区",) if i % 3 == 0 else m.leads,
                              participants=("国家发展改革委", "广西壮族自治区", "澳门特别行政区")))
        groups.append(replace(g, measures=tuple(ms)))
    return replace(sample_pack, groups=tuple(groups))


@pytest.fixture(scope="module")
def rendered(hard_pack: BriefingPack, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(hard_pack, tmp_path_factory.mktemp("typeset") / "pack.pdf")


@dataclass
class Seg:
    """A run of characters on one baseline with no cell rule or wide gap inside."""

    page: int
    top: float
    x0: float
    x1: float
    text: str
    fonts: set[str]


def _segments(path: Path) -> tuple[list[Seg], dict[int, list[tuple[float, float, float]]]]:
    segs: list[Seg] = []
    rules: dict[int, list[tuple[float, float, float]]] = {}
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            rules[n] = [(ln["x0"], ln["top"], ln["bottom"]) for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.1]
            rows: dict[float, list[dict]] = {}
            for ch in page.chars:  # grouped by baseline: faces differ in ascent, so "top" does too
                rows.setdefault(round(page.height - ch["matrix"][5], 0), []).append(ch)
            for top, chars in sorted(rows.items()):
                chars.sort(key=lambda c: c["x0"])
                cur: list[dict] = []
                for ch in chars:
                    if cur and (ch["x0"] - cur[-1]["x1"] > 20 or any(
                        cur[-1]["x1"] - 0.5 <= x <= ch["x0"] + 0.5 and t <= ch["top"] <= b for x, t, b in rules[n]
                    )):
                        segs.append(_seg(n, top, cur))
                        cur = []
                    cur.append(ch)
                if cur:
                    segs.append(_seg(n, top, cur))
    return segs, rules


def _seg(page: int, top: float, chars: list[dict]) -> Seg:
    return Seg(page, top, chars[0]["x0"], chars[-1]["x1"], "".join(c["text"] for c in chars),
               {c["fontname"] for c in chars})


@pytest.fixture(scope="module")
def measured(rendered: Path) -> tuple[list[Seg], dict[int, list[tuple[float, float, float]]]]:
    return _segments(rendered)


def _below(segs: list[Seg], s: Seg) -> Seg | None:
    """The next line of the same paragraph or cell: the nearest segment below that overlaps."""
    best = None
    for o in segs:
        overlaps = o.page == s.page and 5 < o.top - s.top < 32 and o.x0 < s.x1 and o.x1 > s.x0
        if overlaps and (best is None or o.top < best.top):
            best = o
    return best


def _content(segs: list[Seg]) -> list[Seg]:
    """Everything but the cover, running headers and page numbers."""
    top_of_block = PORTRAIT.top - 2
    return [s for s in segs if s.page > 1 and s.top > top_of_block and not re.fullmatch(r"— \d+ —", s.text)
            and s.top < 297 * MM - PORTRAIT.bottom + 2]


def _fits(word: str, s: Seg, rules: list[tuple[float, float, float]]) -> bool:
    """Would ``word`` fit on one line of the cell (or text block) ``s`` is in?"""
    size = 10.5 if rules and any(t <= s.top <= b + 12 for _, t, b in rules) else 16.0
    width = sum(0.55 if ch.isascii() else 1.0 for ch in word) * size
    left = max((x for x, t, b in rules if x <= s.x0 + 0.5 and t <= s.top <= b + 12), default=PORTRAIT.left - 3)
    right = min((x for x, t, b in rules if x >= s.x1 - 0.5 and t <= s.top <= b + 12),
                default=PORTRAIT.width - PORTRAIT.right + 3)
    return width <= right - left - 6


def test_no_line_breaks_the_chinese_line_breaking_rules(measured: tuple[list[Seg], dict]) -> None:
    segs = _content(measured[0])
    rules = measured[1]
    assert len(segs) > 1000
    starts = [s.text for s in segs if s.text[0] in NO_START]
    ends = [s.text for s in segs if s.text[-1] in NO_END]
    assert starts == [] and ends == []
    by_page: dict[int, list[Seg]] = {}
    for s in segs:
        by_page.setdefault(s.page, []).append(s)
    broken = []
    for s in segs:
        nxt = _below(by_page[s.page], s)
        if nxt is None:
            continue
        if s.text.endswith("…") and nxt.text.startswith("…"):
            broken.append((s.text, nxt.text))
        for word in PROTECTED:
            if not _fits(word, s, rules.get(s.page, [])):
                continue  # a unit name wider than its (narrow) cell has to break somewhere
            for k in range(1, len(word)):
                if s.text.endswith(word[:k]) and nxt.text.startswith(word[k:]):
                    broken.append((s.text, nxt.text, word))
    assert broken == []


def test_urls_break_only_after_separators(measured: tuple[list[Seg], dict]) -> None:
    segs = _content(measured[0])
    url_lines = [s.text for s in segs if "gov.cn" in s.text or "content_" in s.text]
    assert url_lines
    joined = "".join(s.text for s in segs)
    assert "5053647.htm?from=panprd&lang=zh-CN" in joined.replace(" ", "") or url_lines
    for s in segs:
        m = re.search(r"[A-Za-z0-9/.?&=_-]+$", s.text)
        if m and ("http" in s.text or "zhengce" in s.text or "content" in s.text) and m.group().count("/") >= 1:
            assert s.text[-1] in "/.?&-" or s.text.endswith(".htm"), s.text


def _poppler_lines(path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, baseline, x0, x1, text) per line, from poppler's word boxes.

    Measured with poppler, not pdfminer: pdfminer drops the character spacing (Tc) at the
    start of every text string, and reportlab starts a new string at each switch between
    the 256-glyph subsets of one font, so pdfminer puts justified lines' ends up to 2 pt
    short of where viewers (and poppler) draw them."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    lines: dict[tuple[int, float], list[tuple[float, float, str]]] = {}
    page = 0
    for row in xml.splitlines():
        if "<page " in row:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', row)
        if m:
            key = (page, round(float(m[4])))
            lines.setdefault(key, []).append((float(m[1]), float(m[3]), html.unescape(m[5])))
    out = []
    for (pg, y), words in sorted(lines.items()):
        words.sort()
        out.append((pg, y, words[0][0], words[-1][1], "".join(w[2] for w in words)))
    return out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_inner_body_lines_are_flush_with_both_margins(rendered: Path) -> None:
    left, right = PORTRAIT.left, PORTRAIT.width - PORTRAIT.right
    lines = [ln for ln in _poppler_lines(rendered) if ln[0] > 1 and left - 0.5 <= ln[2] and ln[3] <= right + 0.5]
    inner = []
    for a, b in zip(lines, lines[1:], strict=False):
        same_paragraph = a[0] == b[0] and 20 < b[1] - a[1] < 32 and abs(b[2] - left) < 0.5
        if same_paragraph and a[2] < left + 40:  # a body line followed by its paragraph's next line
            inner.append(a)
    assert len(inner) > 200
    ragged = [(pg, text, round((right - x1) / MM, 2)) for pg, _, _, x1, text in inner if abs(right - x1) > 0.5 * MM]
    assert ragged == []
    # the GB/T 9704 grid: a full line of Chinese holds 28 characters of 三号
    full = [ln for ln in inner if abs(ln[2] - left) < 0.5 and re.fullmatch(r"[\u4e00-\u9fff，。、；：]{20,}", ln[4])]
    assert full and max(len(ln[4]) for ln in full) == 28


def test_nothing_crosses_a_cell_rule(measured: tuple[list[Seg], dict], rendered: Path) -> None:
    crossings = []
    with pdfplumber.open(str(rendered)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            verticals = [(ln["x0"], ln["top"], ln["bottom"]) for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.1]
            for ch in page.chars:
                for x, top, bottom in verticals:
                    if top <= ch["top"] and ch["bottom"] <= bottom + 0.5 and ch["x0"] + 0.2 < x < ch["x1"] - 0.2:
                        crossings.append((n, ch["text"]))
    assert crossings == []
    assert any(measured[1].values())  # there are tables with rules


def test_body_is_fangsong_headings_hei_and_kai(measured: tuple[list[Seg], dict]) -> None:
    segs = _content(measured[0])
    body = [s for s in segs if s.text.startswith("加强") or "联席会议" in s.text]
    assert body and all(any("PanPRDFang" in f for f in s.fonts) for s in body)
    h1 = [s for s in segs if s.text in ("一、汇总", "二、分工表", "三、措施详情")]
    assert len(h1) == 3 and all(any("WenQuanYi" in f for f in s.fonts) for s in h1)
    h2 = [s for s in segs if s.text.startswith("指导意见 ") and s.x0 > PORTRAIT.left + 20]
    assert h2 and all(any("PanPRDKai" in f for f in s.fonts) for s in h2)


def test_page_numbers_on_every_page_but_the_cover(measured: tuple[list[Seg], dict], rendered: Path) -> None:
    segs = measured[0]
    pages = len(pypdf.PdfReader(str(rendered)).pages)
    numbers = {s.page: s for s in segs if re.fullmatch(r"— \d+ —", s.text)}
    assert 1 not in numbers
    assert sorted(numbers) == list(range(2, pages + 1))
    block_bottom = 297 * MM - PORTRAIT.bottom
    for n, s in numbers.items():
        assert s.text == f"— {n} —"
        # the figures' top (baseline less 0.88 em) 7 mm below the text block
        assert abs(s.top - 0.88 * 14 - block_bottom - 7 * MM) < 1
        if n % 2:  # odd: right, one 四号 character in
            assert abs(s.x1 - (PORTRAIT.width - PORTRAIT.right - 14)) < 1
        else:
            assert abs(s.x0 - (PORTRAIT.left + 14)) < 1
        assert any("PanPRDSong" in f for f in s.fonts)


def test_bookmarks_and_document_properties(rendered: Path, hard_pack: BriefingPack) -> None:
    reader = pypdf.PdfReader(str(rendered))

    def titles(items: list) -> list[str]:
        out: list[str] = []
        for it in items:
            out += titles(it) if isinstance(it, list) else [it.title]
        return out

    found = titles(reader.outline)
    assert found[:2] == ["一、汇总", "二、分工表"] and "三、措施详情" in found
    assert "指导意见 一、总体要求" in found
    assert found.count("指导意见 一、总体要求") == 2  # in the 分工表 and in the details
    meta = reader.metadata
    assert meta.title == hard_pack.title and meta.creator == "PanPRD Desk"
    assert meta.author == hard_pack.prepared_by and meta.subject == hard_pack.scope


def test_no_page_of_the_table_is_more_than_a_third_blank(measured: tuple[list[Seg], dict], rendered: Path) -> None:
    segs = _content(measured[0])
    table_pages = sorted({s.page for s in segs if s.text.startswith("序号")})
    assert len(table_pages) > 3
    block_bottom = 297 * MM - PORTRAIT.bottom
    with pdfplumber.open(str(rendered)) as pdf:
        for page in table_pages[:-1]:  # the section's last page may end where it ends
            lowest = max(ln["bottom"] for ln in pdf.pages[page - 1].lines)
            assert block_bottom - lowest < PORTRAIT.frame_height / 3, page


def test_quotes_are_full_width_and_the_title_is_not_stroked(rendered: Path) -> None:
    with pdfplumber.open(str(rendered)) as pdf:
        quotes = [c for page in pdf.pages[1:] for c in page.chars if c["text"] in "“”" and c["size"] > 15]
        assert quotes and all(abs((c["x1"] - c["x0"]) - c["size"]) < 0.1 for c in quotes)  # a full em
        title = [c for c in pdf.pages[0].chars if c["size"] > 20]
        assert title and all("PanPRDSongHeavy" in c["fontname"] for c in title)
    cover = pypdf.PdfReader(str(rendered)).pages[0].get_contents().get_data().decode("latin1")
    assert "2 Tr" not in cover  # a heavy face, not outlines stroked to look bold
