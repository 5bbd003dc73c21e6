"""The Word pack, read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import LONG_CHINESE, LONG_LATIN, SHANTOU
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table

from exporters import write_docx
from exporters.errors import ExportCancelled
from exporters.pack import BriefingPack
from exporters.text import strip_soft_breaks
from exporters.wording import dates_cn

COLUMNS = ["序号", "重点任务", "牵头单位", "参与单位", "完成时限", "进展情况"]
THEME = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _text(s: str) -> str:
    return strip_soft_breaks(s).replace("\n", "")


def _export(pack: BriefingPack, path: Path) -> Document:
    assert write_docx(pack, path) == path
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def doc(sample_pack: BriefingPack, tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _export(sample_pack, tmp_path_factory.mktemp("docx") / "pack.docx")


def _division(doc: Document) -> Table:
    tables = [t for t in doc.tables if len(t.columns) == 6]
    assert len(tables) == 1
    return tables[0]


def test_division_table_columns_and_header(doc: Document) -> None:
    table = _division(doc)
    assert [c.text for c in table.rows[0].cells] == COLUMNS
    tr_pr = table.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    widths = [c.width for c in table.columns]
    assert all(w and w > 0 for w in widths)
    assert abs(sum(widths) - Mm(156)) < Mm(1)  # the portrait text width


def test_division_table_rows(doc: Document, sample_pack: BriefingPack) -> None:
    table = _division(doc)
    rows = [[_text(c.text) for c in r.cells] for r in table.rows[1:]]
    measure_rows = [r for r in rows if len(set(r)) > 1]
    group_rows = [r for r in rows if len(set(r)) == 1]
    assert len(measure_rows) == len(sample_pack.measures)
    # the guideline's own part numbers are cited with their source, never as the pack's own
    assert [g[0] for g in group_rows] == [f"指导意见 {g.heading}" for g in sample_pack.groups if g.measures]
    for n, (row, m) in enumerate(zip(measure_rows, sample_pack.measures, strict=True), start=1):
        assert row[0] == str(n)
        assert row[1] == f"{m.label}　{m.text}"
        assert row[2] == "、".join(m.leads)
        assert row[3] == "、".join(m.participants)
        assert row[4] == dates_cn(m.deadline_text)  # 2026-06-30 → 2026年6月30日
        assert row[5].startswith(m.status_label)
        assert m.notes[-1].text[:20] in row[5]
    assert any(SHANTOU in r[1] for r in measure_rows)


def test_east_asian_fonts_on_styles_and_runs(doc: Document) -> None:
    expected = {"Normal": "仿宋", "Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体",
                "Heading 3": "仿宋"}
    for name, face in expected.items():
        rfonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == face, name
        assert not any(rfonts.get(qn(a)) for a in THEME), name
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        assert not any(rfonts.get(qn(a)) for a in THEME)
    faces = {}
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text.strip():
                rfonts = r._r.rPr.find(qn("w:rFonts"))
                assert rfonts is not None and rfonts.get(qn("w:eastAsia")), r.text
                faces[p.style.name] = rfonts.get(qn("w:eastAsia"))
    assert faces["Title"] == "方正小标宋简体" and faces["Heading 1"] == "黑体" and faces["Heading 2"] == "楷体"
    assert faces["Normal"] == "仿宋"
    head_run = _division(doc).rows[0].cells[0].paragraphs[0].runs[0]
    assert head_run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_page_setup_header_and_page_numbers(doc: Document, sample_pack: BriefingPack) -> None:
    first = doc.sections[0]
    mm = [round(v.mm, 1) for v in (first.page_width, first.page_height, first.top_margin, first.bottom_margin)]
    assert mm == [210, 297, 37, 35]  # A4, GB/T 9704 margins (Word stores twips)
    assert [round(first.left_margin.mm, 1), round(first.right_margin.mm, 1)] == [28, 26]
    assert first.different_first_page_header_footer
    assert all(not s.different_first_page_header_footer for s in doc.sections[1:])
    assert first.header.paragraphs[0].text == sample_pack.title
    for footer in (first.footer, first.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")
    assert doc.settings.odd_and_even_pages_header_footer


def test_details_have_every_measure_and_note(doc: Document, sample_pack: BriefingPack) -> None:
    body = "\n".join(_text(p.text) for p in doc.paragraphs)
    for m in sample_pack.measures:
        assert m.text in body
        for note in m.notes:
            assert note.text in body
            assert note.author not in body  # a handout leaves authors out by default
    assert "无符合条件的措施" not in body


def test_landscape_table_section(sample_pack: BriefingPack, tmp_path: Path) -> None:
    from dataclasses import replace

    doc = _export(replace(sample_pack, landscape_table=True), tmp_path / "land.docx")
    orientations = [(s.page_width > s.page_height) for s in doc.sections]
    assert orientations == [False, False, True, False]
    widths = sum(c.width for c in _division(doc).columns)
    assert abs(widths - Mm(225)) < Mm(1)


def test_empty_selection_says_so(empty_pack: BriefingPack, tmp_path: Path) -> None:
    doc = _export(empty_pack, tmp_path / "empty.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "无符合条件的措施" in texts
    assert not [t for t in doc.tables if len(t.columns) == 6]
    assert any("本材料共收录措施0项" in t for t in texts)


def test_hostile_text_is_literal_and_clean(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    from dataclasses import replace

    doc = _export(replace(nasty_pack, include_authors=True), tmp_path / "nasty.docx")
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    everything = _text("\n".join(parts))
    assert "加强<b>粗体</b>标记 & 符号 <img src=x> 与 ]]> 结尾" in everything
    assert "控制字符在此与以及都应去掉" in everything
    assert LONG_LATIN in everything and LONG_CHINESE in everything
    assert "<script>作者&</script>" in everything and "<b>广东省</b>" in everything
    assert "标题<b>加粗</b>&测试" in everything
    for bad in ("\x00", "\x0b", "\x0c", "\ufffe"):
        assert bad not in everything
    # no zero-width spaces anywhere: Word breaks long URLs by itself
    raw = "".join(c.text for row in _division(doc).rows for c in row.cells) + "".join(parts)
    assert "\u200b" not in raw


def test_progress_and_cancel(sample_pack: BriefingPack, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_docx(sample_pack, tmp_path / "p.docx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > len(sample_pack.measures)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 10

    out = tmp_path / "c.docx"
    with pytest.raises(ExportCancelled):
        write_docx(sample_pack, out, cancelled=cancel)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.docx"]


def test_long_owner_lists_are_summarised_in_the_table(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    from dataclasses import replace

    many = tuple(f"参与单位第{i}号" for i in range(30))
    m = replace(nasty_pack.measures[0], participants=many)
    doc = _export(replace(nasty_pack, groups=(replace(nasty_pack.groups[0], measures=(m,)),)), tmp_path / "o.docx")
    row = _division(doc).rows[2]
    joined = "、".join(many)
    assert row.cells[3].text == joined[:120] + "……等30个单位"
    assert joined in "\n".join(p.text for p in doc.paragraphs)


def test_bare_measure_prints_placeholders(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    doc = _export(nasty_pack, tmp_path / "bare.docx")
    last = [c.text for c in _division(doc).rows[-1].cells]
    assert last == [str(len(nasty_pack.measures)), "—", "—", "—", "—", "—"]


def test_indents_two_characters_in_body_only(doc: Document) -> None:
    def chars(name: str) -> str | None:
        ind = doc.styles[name].element.pPr.find(qn("w:ind"))
        return None if ind is None else ind.get(qn("w:firstLineChars"))

    assert chars("Normal") == "200" and chars("Heading 1") == "200" and chars("Heading 2") == "200"
    for name in ("Title", "PanPRD Cell", "PanPRD Cell Head", "PanPRD Cover", "PanPRD Header", "PanPRD Field"):
        assert chars(name) == "0", name
