"""The PDF pack, read back through its text layer and font resources (pypdf)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from conftest import LONG_CHINESE, LONG_LATIN, SHANTOU

from exporters import write_pdf
from exporters.errors import ExportCancelled, ExportError
from exporters.pack import BriefingPack

A4 = (595.3, 841.9)


def _squash(text: str) -> str:
    # pdf text extraction breaks wrapped lines (and cells) anywhere
    return re.sub(r"\s+", "", text)


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def _content(path: Path, title: str) -> str:
    """All pages' text without running headers and page numbers, which would otherwise
    sit in the middle of any text that runs over a page break."""
    out = []
    for i, page in enumerate(_pages(path)):
        page = _squash(page)
        if i:
            page = re.sub(r"—\d+—", "", page.replace(_squash(title), "", 1), count=1)
        out.append(page)
    return "".join(out)


def _fonts(path: Path) -> dict[str, object]:
    fonts: dict[str, object] = {}
    for page in pypdf.PdfReader(str(path)).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


@pytest.fixture(scope="module")
def pdf(sample_pack: BriefingPack, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "pack.pdf"
    assert write_pdf(sample_pack, out) == out
    return out


def test_every_measure_and_note_is_in_the_text_layer(pdf: Path, sample_pack: BriefingPack) -> None:
    text = _content(pdf, sample_pack.title)
    for m in sample_pack.measures:
        assert _squash(m.text) in text, m.label
        for note in m.notes:
            assert _squash(note.text) in text
    assert SHANTOU in text
    for column in ("序号", "重点任务", "牵头单位", "参与单位", "完成时限", "进展情况"):
        assert column in text
    assert "无符合条件的措施" not in text


def test_header_row_repeats_and_pages_are_numbered(pdf: Path, sample_pack: BriefingPack) -> None:
    pages = [_squash(t) for t in _pages(pdf)]
    table_pages = [t for t in pages if "（一）1" in t or re.search(r"^\S*序号重点任务", t)]
    with_header = [t for t in pages if "序号重点任务牵头单位参与单位完成时限进展情况" in t]
    assert len(with_header) >= 3 and len(table_pages) >= 1
    for n, page in enumerate(pages[1:], start=2):
        assert f"—{n}—" in page
        assert sample_pack.title in page  # running header
    assert "—1—" not in pages[0] and "内部资料" in pages[0]


def test_fonts_are_the_shipped_ones_and_all_embedded(pdf: Path) -> None:
    fonts = _fonts(pdf)
    assert fonts
    for name, font in fonts.items():
        assert re.search(r"PanPRD(Kai|Song|Fang)|WenQuanYi", name), name
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
    names = " ".join(fonts)
    # body 仿宋, title heavy Song, 楷体 level-2 headings, 黑体 level-1 headings
    assert "PanPRDFang-Regular" in names and "PanPRDSongHeavy-Bold" in names
    assert "PanPRDKai-Regular" in names and "WenQuanYi" in names


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_every_font_embedded(pdf: Path) -> None:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = lines[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), "\n".join(lines)


def test_a4_portrait_and_landscape_table(sample_pack: BriefingPack, tmp_path: Path) -> None:
    out = write_pdf(replace(sample_pack, landscape_table=True), tmp_path / "land.pdf")
    reader = pypdf.PdfReader(str(out))
    sizes = [(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in reader.pages]
    assert sizes[0] == A4 and sizes[-1] == A4
    landscape = [i for i, s in enumerate(sizes) if s == A4[::-1]]
    assert landscape, sizes
    texts = [_squash(reader.pages[i].extract_text()) for i in landscape]
    assert all("序号重点任务牵头单位参与单位完成时限进展情况" in t for t in texts)


def test_empty_selection_says_so(empty_pack: BriefingPack, tmp_path: Path) -> None:
    text = _squash("".join(_pages(write_pdf(empty_pack, tmp_path / "empty.pdf"))))
    assert "无符合条件的措施" in text
    assert "本材料共收录措施0项" in text
    assert "序号重点任务" not in text


def test_hostile_text_prints_literally(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    pack = replace(nasty_pack, include_authors=True)  # authors are left out of handouts by default
    text = _content(write_pdf(pack, tmp_path / "nasty.pdf"), "标题<b>加粗</b>&测试")
    assert _squash("加强<b>粗体</b>标记 & 符号 <img src=x> 与 ]]> 结尾") in text
    assert "控制字符在此与以及都应去掉" in text
    assert LONG_LATIN in text and LONG_CHINESE in text
    assert "<script>作者&</script>" in text and "<b>广东省</b>" in text
    assert "堃喆公司" in text  # not in the subset fonts: drawn by the fallback font
    assert "标题<b>加粗</b>&测试" in text


def test_rows_taller_than_a_page_still_print(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    many = tuple(f"参与单位第{i}号<&>" for i in range(300))  # summarised in the table
    huge = "超长单位名称" * 400  # one 2400-character name: the row cannot fit a page
    m = replace(nasty_pack.measures[0], participants=many, leads=(huge,))
    group = replace(nasty_pack.groups[0], measures=(m,))
    text = _content(write_pdf(replace(nasty_pack, groups=(group,)), tmp_path / "tall.pdf"), "标题<b>加粗</b>&测试")
    assert "参与单位第299号<&>" in text  # details list every owner
    assert "……等300个单位" in text
    assert text.count(huge) >= 1


def test_progress_cancel_and_failure_leave_no_file(sample_pack: BriefingPack, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_pdf(sample_pack, tmp_path / "p.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > len(sample_pack.measures)

    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 100  # stops during layout, after the table was built

    with pytest.raises(ExportCancelled):
        write_pdf(sample_pack, tmp_path / "c.pdf", cancelled=cancel)
    target = tmp_path / "dir.pdf"
    target.mkdir()
    with pytest.raises(ExportError):
        write_pdf(sample_pack, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.pdf", "p.pdf"]


def test_bare_measure_prints_placeholders(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    text = _content(write_pdf(nasty_pack, tmp_path / "bare.pdf"), "标题<b>加粗</b>&测试")
    assert "牵头单位：—；参与单位：—" in text
    assert "完成时限：—；状态：—" in text


def _everything_huge(pack: BriefingPack) -> BriefingPack:
    """Every user-typed string 3000 characters long: nothing may overflow or crash."""
    huge = "超长" * 1500
    m = pack.measures[0]
    m = replace(m, label=huge, section_label=huge, section_title=huge, text=huge, leads=(huge,),
                participants=(huge, huge), deadline_text=huge, status_label=huge, tags=(huge,),
                notes=tuple(replace(n, author=huge, text=huge) for n in m.notes))  # fmt: skip
    group = replace(pack.groups[0], document_title=huge, heading=huge, measures=(m,))
    summary = replace(pack.summary, by_status=((huge, 1),), by_lead=((huge, 1),))
    return replace(pack, title=huge, scope=huge, meeting=huge, meeting_date=huge, prepared_by=huge,
                   marking=huge, groups=(group, group), summary=summary)  # fmt: skip


@pytest.mark.parametrize("landscape", [False, True])
def test_every_field_huge(nasty_pack: BriefingPack, tmp_path: Path, landscape: bool) -> None:
    from exporters import write_docx

    pack = replace(_everything_huge(nasty_pack), landscape_table=landscape)
    assert write_pdf(pack, tmp_path / "huge.pdf").stat().st_size > 0
    assert write_docx(pack, tmp_path / "huge.docx").stat().st_size > 0


def test_long_url_split_over_pages_gains_no_spaces(nasty_pack: BriefingPack, tmp_path: Path) -> None:
    """A paragraph split over pages gains no spaces at the old line ends."""
    out = write_pdf(nasty_pack, tmp_path / "url.pdf")
    pages = _pages(out)
    assert len(pages) > 3
    text = "".join(re.sub(r"—\s*\d+\s*—", "", p.replace("标题<b>加粗</b>&测试", "", 1)) for p in pages)
    assert LONG_LATIN in text.replace("\n", "")  # only line breaks removed, no spaces
