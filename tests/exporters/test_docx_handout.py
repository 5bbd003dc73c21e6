"""The Word pack as a handout: rows that never split, repeated header, the GB/T 9704 grid,
content-sized columns, clean properties, no template thumbnail, no zero-width spaces."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from exporters import write_docx
from exporters.pack import BriefingPack, PackNote

URL = "https://www.gov.cn/zhengce/content/2016-03/15/content_5053647.htm?from=panprd&lang=zh-CN"


@pytest.fixture(scope="module")
def handout(sample_pack: BriefingPack, tmp_path_factory: pytest.TempPathFactory) -> Path:
    groups = []
    for g in sample_pack.groups:
        ms = tuple(replace(m, leads=("广西壮族自治区",), deadline_text="2027年6月底前",
                           notes=(*m.notes, PackNote(f"详见{URL}", "联络员", datetime(2026, 11, 27))))
                   for m in g.measures)
        groups.append(replace(g, measures=ms))
    pack = replace(sample_pack, groups=tuple(groups), prepared_by="泛珠三角区域合作秘书处")
    return write_docx(pack, tmp_path_factory.mktemp("handout") / "pack.docx")


@pytest.fixture(scope="module")
def doc(handout: Path) -> Document:
    return docx.Document(str(handout))


def _division(doc: Document):  # noqa: ANN202
    return next(t for t in doc.tables if len(t.columns) == 6)


def test_every_row_is_kept_whole_and_the_header_repeats(doc: Document) -> None:
    rows = _division(doc).rows
    assert len(rows) > 70
    for row in rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])


def test_columns_fit_their_content_with_the_cell_margins(doc: Document) -> None:
    table = _division(doc)
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    margin = max(int(m.get(qn("w:w"))) for m in margins)  # twips
    widths = [c.width for c in table.columns]
    assert abs(sum(widths) - Mm(156)) < Mm(1)
    five = Pt(10.5)
    inner = [w - 2 * Pt(margin / 20) for w in widths]
    assert inner[0] >= 2 * five  # 序号 never wraps
    assert inner[2] >= 7 * five  # 广西壮族自治区 on one line
    assert inner[4] >= 6.5 * five  # 2027年6月底前 whole
    assert widths[1] == max(widths)  # 重点任务 keeps the most room


def test_grid_of_22_lines_by_28_characters(doc: Document) -> None:
    for section in doc.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        if section.page_height > section.page_width:
            assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines, in twips
            # 156 mm / 28 = 15.79 pt a character: 0.207 pt less than 16 pt, in 1/4096 pt
            assert abs(int(grid.get(qn("w:charSpace"))) + 849) <= 1


def test_navigation_pane_styles_and_title_face(doc: Document) -> None:
    used = {p.style.name for p in doc.paragraphs if p.text.strip()}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= used
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == ["一、汇总", "二、分工表", "三、措施详情"]
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert h2 and all(t.startswith("指导意见 ") for t in h2)  # the source's numbering, cited
    title = doc.styles["Title"].element.rPr.find(qn("w:rFonts"))
    assert title.get(qn("w:eastAsia")) == "方正小标宋简体"


def test_properties_are_this_packs_and_the_template_is_gone(handout: Path, doc: Document) -> None:
    props = doc.core_properties
    assert props.author == "泛珠三角区域合作秘书处" == props.last_modified_by
    created = props.created.replace(tzinfo=None)
    assert abs(datetime.now(UTC).replace(tzinfo=None) - created) < timedelta(minutes=10)
    assert props.modified == props.created and props.revision == 1
    with zipfile.ZipFile(handout) as z:
        names = z.namelist()
        assert not [n for n in names if "thumbnail" in n]
        core = z.read("docProps/core.xml").decode()
        app = z.read("docProps/app.xml").decode()
        body = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
        fonts = z.read("word/fontTable.xml").decode()
        assert "thumbnail" not in z.read("_rels/.rels").decode()
    assert "2013" not in core and "python-docx" not in core
    assert "Microsoft" not in app and "PanPRD Desk" in app
    assert "\u200b" not in body  # Word breaks URLs itself
    assert URL.replace("&", "&amp;") in body
    assert 'w:eastAsia="zh-CN"' in styles
    assert "方正小标宋简体" in fonts


def test_long_tables_stay_linear(sample_pack: BriefingPack, tmp_path: Path) -> None:
    """Ten times the rows takes about ten times as long (was quadratic: merged group rows)."""
    import time

    def timed(pack: BriefingPack) -> float:
        start = time.perf_counter()
        write_docx(pack, tmp_path / "t.docx")
        return time.perf_counter() - start

    small = replace(sample_pack, groups=sample_pack.groups[:4])
    big = replace(sample_pack, groups=tuple(g for _ in range(10) for g in small.groups))
    assert timed(big) < 14 * max(timed(small), 0.05)
