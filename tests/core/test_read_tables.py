"""分工表 in Word and .xlsx: one measure per row with its owners and deadline; heading styles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.readers import read_source
from tests.core.table_fixtures import TASKS, headings_docx, table_docx, table_xlsx


def _measures(doc) -> list[str]:
    return [m for s in doc.sections for m in s.measures]


def _facts(doc) -> dict[str, object]:
    return {s.measures[i]: f for s in doc.sections for i, f in s.facts.items()}


@pytest.mark.parametrize("make", [table_docx, table_xlsx], ids=["docx", "xlsx"])
def test_one_measure_per_row_with_its_owners_deadline_and_progress(tmp_path: Path, make) -> None:
    path = make(tmp_path / ("keywork" + (".docx" if make is table_docx else ".xlsx")))
    doc = read_source(path).parsed
    assert doc is not None
    assert _measures(doc) == TASKS  # header, 序号 and owner cells are never text
    assert [(p.label, p.title) for p in doc.parts] == [("一、", "跨界基础设施"), ("二、", "现代服务业")]
    facts = _facts(doc)
    first = facts[TASKS[0]]
    assert first.leads == ("省发展改革委",) and first.participants == ("公安厅", "交通运输厅")
    assert (first.deadline, first.progress) == ("2018年底前", "已完成方案")
    assert facts[TASKS[2]].leads == ("深圳市政府",)  # a lead cell merged over two rows
    assert facts[TASKS[2]].participants == ("省交通运输厅", "省口岸办")
    assert facts[TASKS[3]].deadline == "持续推进" and facts[TASKS[3]].participants == ()
    assert "重点工作" in doc.title


def test_word_table_keeps_masthead_and_signature(library, tmp_path: Path) -> None:
    doc = read_source(table_docx(tmp_path / "keywork.docx")).parsed
    assert doc.title == "粤港合作框架协议2017年重点工作分工表"
    assert doc.date == date(2017, 3, 2) and doc.issuer == "广东省人民政府办公厅"
    assert "请认真贯彻执行" in doc.preamble + doc.closing
    [r] = library.import_files([tmp_path / "keywork.docx"])
    assert r.measures == 4
    texts = [m["text"] for p in library.documents.outline(r.doc_id)["parts"] for s in p["sections"]
             for m in s["measures"]]
    assert texts == TASKS
    assert library.search.count("港珠澳大桥跨境交通") == 1


def test_xlsx_without_a_task_table_is_refused(library, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    path = tmp_path / "contacts.xlsx"
    wb.save(path)
    with pytest.raises(ImportRejected, match="分工表"):
        library.import_files([path])


def test_a_table_that_is_not_a_task_list_reads_as_text(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("合作备忘录")
    d.add_paragraph("（一）交通。共同推进高速铁路建设。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "甲方：福建省人民政府"
    t.cell(0, 1).text = "乙方：江西省人民政府"
    d.save(tmp_path / "memo.docx")
    source = read_source(tmp_path / "memo.docx")
    assert source.parsed is None and "乙方：江西省人民政府" in source.text


@pytest.mark.parametrize("names", [
    {"title": "Title", "h1": "Heading 1"},
    {"title": "标题", "h1": "标题 1"},
], ids=["english", "chinese"])
def test_heading_styles_become_parts_never_measures(library, tmp_path: Path, names: dict[str, str]) -> None:
    path = headings_docx(tmp_path / "memo.docx", names)
    source = read_source(path)
    assert source.markdown and "# 闽赣湘合作备忘录" in source.text and "## 合作领域" in source.text
    [r] = library.import_files([path])
    outline = library.documents.outline(r.doc_id)
    assert outline["title"] == "闽赣湘合作备忘录"
    assert [p["title"] for p in outline["parts"]] == ["合作领域", "保障措施"]
    texts = [m["text"] for p in outline["parts"] for s in p["sections"] for m in s["measures"]]
    assert "合作领域" not in texts and "保障措施" not in texts
    assert "联合开发旅游线路。" in texts
