"""Imports are bounded (issue 12): hostile or huge files are refused quickly with one line."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.readers import limits
from tests.conftest import db_snapshot
from tests.core.pdf_fixtures import text_pdf
from tests.core.table_fixtures import table_xlsx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


class Stop(Exception):
    """Raised by :func:`stop_at_call`'s check: the user pressed Cancel."""


def stop_at_call(n: int) -> Callable[[], None]:
    """A cancel check that lets ``n - 1`` calls pass and cancels at the ``n``-th."""
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls == n:
            raise Stop

    return check


def _docx(path: Path, body: str, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        zf.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
    return path


def _refused(library, path: Path, fragment: str) -> float:
    before = db_snapshot(library.path)
    start = time.perf_counter()
    with pytest.raises(ImportRejected) as info:
        library.import_files([path])
    elapsed = time.perf_counter() - start
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert db_snapshot(library.path) == before
    return elapsed


def test_deeply_nested_paragraphs_are_refused_at_once(library, tmp_path: Path) -> None:
    # Depth 40,000 took 136 s before (quadratic); now the depth limit stops it.
    depth = 40_000
    body = "<w:p><w:r><w:t>嵌套。</w:t></w:r>" * depth + "</w:p>" * depth
    assert _refused(library, _docx(tmp_path / "nested.docx", body, zipfile.ZIP_STORED), "嵌套") < 3


def test_nested_paragraphs_within_the_limit_are_read_in_linear_time(library, tmp_path: Path) -> None:
    depth = limits.MAX_XML_DEPTH - 10
    body = "<w:p><w:r><w:t>第一条 内容。</w:t></w:r>" * depth + "</w:p>" * depth
    start = time.perf_counter()
    [r] = library.import_files([_docx(tmp_path / "nested-ok.docx", body)])
    assert r.measures >= 1 and time.perf_counter() - start < 5


def test_too_many_elements_are_refused(library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_XML_ELEMENTS", 5_000)
    body = "<w:p><w:r><w:t>一句话。</w:t></w:r></w:p>" * 2_000
    _refused(library, _docx(tmp_path / "many.docx", body, zipfile.ZIP_STORED), "元素过多")


def test_too_many_measures_are_refused(library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A small .docx that passed the ratio check once added 4.4 million measures.
    monkeypatch.setattr(limits, "MAX_MEASURES", 500)
    body = "".join(f"<w:p><w:r><w:t>第{i}句话。</w:t></w:r></w:p>" for i in range(1_000))
    _refused(library, _docx(tmp_path / "measures.docx", body), "条文超过")
    txt = tmp_path / "measures.txt"
    txt.write_text("".join(f"第{i}句话。" for i in range(1_000)), encoding="utf-8")
    _refused(library, txt, "条文超过")


def test_a_member_bigger_than_its_header_says_is_refused(library, tmp_path: Path) -> None:
    path = _docx(tmp_path / "liar.docx", "<w:p><w:r><w:t>" + "很长的正文。" * 50_000 + "</w:t></w:r></w:p>")
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    data = data.replace(real, (1000).to_bytes(4, "little"))  # local and central headers both lie
    path.write_bytes(bytes(data))
    _refused(library, path, "Word")


def test_decompressed_size_is_counted_not_trusted(library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 200_000)
    monkeypatch.setattr(limits, "MAX_ZIP_RATIO", 10**9)
    body = "".join(f"<w:p><w:r><w:t>第{i}项措施。</w:t></w:r></w:p>" for i in range(10_000))
    _refused(library, _docx(tmp_path / "big.docx", body), "庞大")


def test_pdf_page_limit(library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    pdf = text_pdf(tmp_path / "long.pdf", [["第一页。"], ["第二页。"], ["第三页。"]])
    _refused(library, pdf, "页")


def test_text_limit(library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1_000)
    pdf = text_pdf(tmp_path / "wordy.pdf", [["很长的一行正文，" * 5] * 20] * 3)
    _refused(library, pdf, "文字超过")
    txt = tmp_path / "wordy.txt"
    txt.write_text("正文。" * 1_000, encoding="utf-8")
    _refused(library, txt, "文字超过")


def test_xlsx_row_limit(library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_XLSX_ROWS", 5)
    _refused(library, table_xlsx(tmp_path / "ledger.xlsx"), "行")


def test_cancel_is_seen_while_a_big_docx_is_read(library, tmp_path: Path) -> None:
    body = "".join(f"<w:p><w:r><w:t>第{i}项措施。</w:t></w:r></w:p>" for i in range(100_000))
    path = _docx(tmp_path / "big.docx", body)
    before = db_snapshot(library.path)
    start = time.perf_counter()
    with pytest.raises(Stop):
        library.import_files([path], check=stop_at_call(3))
    assert time.perf_counter() - start < 0.5 + 0.5  # stopped inside the file, not after parsing it
    assert db_snapshot(library.path) == before


def test_cancel_is_seen_between_pdf_pages(library, tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "long.pdf", [[f"第{n}页的正文，推进泛珠三角区域合作。"] * 20 for n in range(150)])
    start = time.perf_counter()
    with pytest.raises(Stop):
        library.import_files([pdf], check=stop_at_call(3))
    assert time.perf_counter() - start < 0.5


def test_styles_without_names_cost_linear_time(library, tmp_path: Path) -> None:
    # 200,000 styles and no <w:name>: a pattern scanning to the next name from every style was quadratic.
    path = tmp_path / "styles.docx"
    styles = f'<w:styles {W}>' + '<w:style w:type="paragraph" w:styleId="x"/>' * 200_000 + "</w:styles>"
    body = "<w:p><w:r><w:t>第一条 内容。</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
        zf.writestr("word/styles.xml", styles)
    start = time.perf_counter()
    [r] = library.import_files([path])
    assert r.measures == 1 and time.perf_counter() - start < 10  # quadratic: 5,000 styles already took 7 s


def test_a_table_spanning_thousands_of_grid_columns_is_refused(library, tmp_path: Path) -> None:
    # gridSpan multiplies cells: 2,000 cells of span 64 per row would be 128,000 grid columns.
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    body = "<w:tbl>" + ("<w:tr>" + cell * 2_000 + "</w:tr>") * 20 + "</w:tbl>"
    _refused(library, _docx(tmp_path / "wide.docx", body, zipfile.ZIP_STORED), "列")


def test_xlsx_merges_outside_the_cells_are_ignored(library, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "重点任务", "牵头单位"])
    ws.append([1, "推进口岸通关便利化", "省口岸办"])
    ws.merge_cells("E5:H900")  # far from any value
    wb.save(tmp_path / "merges.xlsx")
    [r] = library.import_files([tmp_path / "merges.xlsx"])
    assert r.measures == 1
