"""PDF import: text PDFs (reportlab, LibreOffice), page furniture removed, scans refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.furniture import strip_page_furniture, strip_text_furniture
from tests.conftest import db_snapshot
from tests.core.pdf_fixtures import HEADER, guideline_docx, image_only_pdf, text_pdf
from tests.libreoffice import convert, needs_soffice

PAGE1 = [
    "广东省人民政府关于印发实施粤港合作框架协议",
    "2017年重点工作的通知",
    "一、跨界基础设施",
    "1.加快协商港珠澳大桥跨境交通安排等通行政策。",
    "2.推进莲塘/香园围口岸建设，争取2018年建成",
    "启用。",
    "3.研究深化粤港跨境基础设施合作，推动粤港澳大湾",
]
PAGE2 = [
    "区城市群互联互通水平不断提升。",
    "4.完善粤港两地口岸通关安排，提高通关便利化水平。",
]
PAGE3 = ["二、现代服务业", "5.深化粤港金融合作，扩大人民币跨境使用。"]


def _texts(library, doc_id: str) -> list[str]:
    outline = library.documents.outline(doc_id)
    return [m["text"] for p in outline["parts"] for s in p["sections"] for m in s["measures"]]


def test_text_pdf_imports_without_page_numbers_or_running_header(library, tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "keywork.pdf", [PAGE1, PAGE2, PAGE3])
    [r] = library.import_files([pdf])
    texts = _texts(library, r.doc_id)
    joined = "\n".join(texts)
    assert HEADER not in joined and "—" not in joined
    # The phrase crossing the page break is one phrase again, and search finds it.
    assert any("推动粤港澳大湾区城市群互联互通" in t for t in texts)
    assert library.search.count("大湾区城市群") == 1
    assert any("争取2018年建成启用。" in t for t in texts)  # a line wrap inside a page
    assert library.documents.outline(r.doc_id)["title"].startswith("广东省人民政府关于印发")


@pytest.mark.parametrize(
    "number", ["- {n} -", "第 {n} 页", "第{n}页 共{total}页", "{n}/{total}", "{n}", "Page {n} of {total}"]
)
def test_every_usual_page_number_form_is_removed(library, tmp_path: Path, number: str) -> None:
    pdf = text_pdf(tmp_path / "n.pdf", [PAGE1, PAGE2, PAGE3], number=number, header="")
    [r] = library.import_files([pdf])
    joined = "".join(_texts(library, r.doc_id))
    assert "第 2 页" not in joined and "2/3" not in joined and "Page" not in joined
    assert "大湾区城市群" in joined  # nothing spliced into the sentence at the page break


def test_running_footer_with_page_number_is_removed(library, tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "f.pdf", [PAGE1, PAGE2, PAGE3], header="", number="{n}",
                   footer="广东省人民政府办公厅")
    [r] = library.import_files([pdf])
    joined = "".join(_texts(library, r.doc_id))
    assert "办公厅" not in joined and "大湾区城市群" in joined


def test_pdf_without_text_layer_is_refused(library, tmp_path: Path) -> None:
    pdf = image_only_pdf(tmp_path / "scan.pdf")
    before = db_snapshot(library.path)
    with pytest.raises(ImportRejected) as info:
        library.import_files([pdf])
    assert "没有文字层" in str(info.value) and "\n" not in str(info.value)
    assert db_snapshot(library.path) == before


def test_pdf_pages_without_text_are_a_warning(tmp_path: Path) -> None:
    from panprd_desktop.core.documents import Documents

    # Page 2 is a scan among text pages (header and page number off, as a scanner's page has none).
    pdf = text_pdf(tmp_path / "mixed.pdf", [PAGE1, [], PAGE3], header="", number="")
    _source, doc = Documents(None).parse_file(pdf)  # type: ignore[arg-type]  # parsing needs no database
    assert "PDF 第 2 页没有文字层（可能是扫描页），这些页的内容未导入" in doc.warnings


def test_broken_pdf_is_refused(library, tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(text_pdf(tmp_path / "ok.pdf", [PAGE1]).read_bytes()[:300])
    with pytest.raises(ImportRejected, match="PDF"):
        library.import_files([bad])


def test_body_numbers_and_repeated_body_lines_are_kept() -> None:
    pages = [["标题行", "表一", "12", "正文第一段。", "1"], ["正文第二段。", "2"], ["- 3 -", "正文第三段。", "3"]]
    out = strip_page_furniture(pages)
    # A number inside the page stays; numbers at a page's top or bottom are page numbers.
    assert out == ["标题行", "表一", "12", "正文第一段。", "正文第二段。", "正文第三段。"]
    body = [["甲。", "乙。", "相同的一句话。", "丙。", "丁。"], ["戊。", "己。", "相同的一句话。", "庚。", "辛。"]]
    assert "相同的一句话。" in strip_page_furniture(body)  # repeated, but never at a page edge


def test_pdf_extracted_text_loses_its_furniture(library, tmp_path: Path) -> None:
    text = (
        f"{HEADER}\n" + "\n".join(PAGE1) + "\n\n— 1 —\n\f"
        f"{HEADER}\n" + "\n".join(PAGE2) + "\n\n— 2 —\n\f"
        f"{HEADER}\n" + "\n".join(PAGE3) + "\n— 3 —\n"
    )
    f = tmp_path / "extracted.txt"
    f.write_text(text, encoding="utf-8")
    [r] = library.import_files([f])
    joined = "".join(_texts(library, r.doc_id))
    assert HEADER not in joined and "—" not in joined and "大湾区城市群" in joined
    # Without form feeds, the dashed page numbers mark where pages end.
    plain = strip_text_furniture("第一段，跨页的\n— 7 —\n句子。\n12\n")
    assert plain == "第一段，跨页的\n句子。\n12"
    copied = text.replace("\f", "")
    assert strip_text_furniture(copied) == strip_text_furniture(text)
    assert HEADER not in strip_text_furniture(copied)


@needs_soffice
def test_libreoffice_pdf_with_header_and_page_field(library, tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" —")
    d.add_paragraph("泛珠三角区域合作重点工作")
    units = "福建江西湖南广东广西海南四川贵州云南"
    items = [f"{i}.推进{units[i % 9 * 2:i % 9 * 2 + 2]}第{i}项泛珠三角区域合作事项，完善跨省区协调机制，"
             f"加强规划衔接和政策协同，深化基础设施互联互通和产业协作分工，共同推动区域协调发展。"
             for i in range(1, 61)]
    for item in items:
        d.add_paragraph(item)
    src = tmp_path / "lo.docx"
    d.save(src)
    out = tmp_path / "pdf"
    convert(src, "pdf", out)
    [r] = library.import_files([out / "lo.pdf"])
    joined = "".join(_texts(library, r.doc_id))
    assert HEADER not in joined and "—" not in joined
    for item in items:  # every item whole, including those crossing a page break
        assert item.split(".", 1)[1] in joined


@needs_soffice
def test_guideline_as_a_libreoffice_pdf_imports_like_its_text(tmp_path: Path) -> None:
    """The title repeated as running header, “” drawn in another font, — N — footers: same 193 measures."""
    from panprd_desktop.core.parsing import parse_document
    from panprd_desktop.core.readers import read_source
    from tests.conftest import GUIDELINE

    text = GUIDELINE.read_text(encoding="utf-8")
    convert(guideline_docx(tmp_path / "guideline.docx", text), "pdf", tmp_path)
    want = parse_document(text)
    got = parse_document(read_source(tmp_path / "guideline.pdf").text)
    assert got.title == want.title

    def measures(doc) -> list[str]:
        # The source text has half-width commas that the repair folds only inside a line; in the
        # PDF some of them end a visual line. PM_{2.5} is markup of the source text, not the PDF.
        return [m.replace(",", "，").replace("_{2.5}", "2.5") for s in doc.sections for m in s.measures]

    assert measures(got) == measures(want)


def test_pdf_naming_owner_columns_without_a_ruled_table_reads_as_text(library, tmp_path: Path) -> None:
    lines = ["关于报送重点任务进展的通知", "一、工作要求", "1.各牵头单位要按季度报送重点任务进展。"]
    pdf = text_pdf(tmp_path / "notice.pdf", [lines, ["2.参与单位要配合牵头单位做好工作。"]])
    from panprd_desktop.core.readers import read_source

    source = read_source(pdf)
    assert source.parsed is None and "各牵头单位要按季度报送重点任务进展。" in source.text
    [r] = library.import_files([pdf])
    assert r.measures >= 2


def test_password_protected_pdf_is_refused(library, tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, "locked")
    c.showPage()
    c.save()
    before = db_snapshot(library.path)
    with pytest.raises(ImportRejected) as info:
        library.import_files([path])
    assert "已加密" in str(info.value) and "\n" not in str(info.value)
    assert db_snapshot(library.path) == before
