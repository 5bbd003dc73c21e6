"""分工表 in Word and .xlsx: one measure per row with its owners and deadline; heading styles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.readers import read_source
from tests.core.table_fixtures import TASKS, headings_docx, table_docx, table_xlsx
from tests.libreoffice import convert, needs_soffice


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
    labels = [m["label"] for p in library.documents.outline(r.doc_id)["parts"] for s in p["sections"]
              for m in s["measures"]]
    assert labels == ["1", "2", "3", "4"]  # the table's 序号, running on across parts
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


def test_one_table_per_part_with_headings_between(tmp_path: Path) -> None:
    from tests.core.table_fixtures import per_part_tables_docx

    doc = read_source(per_part_tables_docx(tmp_path / "plan.docx")).parsed
    assert doc.title == "闽赣合作2018年重点任务分工方案"
    assert [(p.label, p.title, len(p.sections[0].measures)) for p in doc.parts] == [
        ("一、", "交通基础设施", 1), ("二、", "产业合作", 2)]
    facts = _facts(doc)
    assert facts["联合举办招商活动"].leads == ("江西省商务厅",) and facts["联合举办招商活动"].deadline == "年内"
    assert facts["推进昌福高铁前期工作"].deadline == "2018年底前"


@pytest.mark.parametrize("names", [
    ["序號", "重點任務", "牽頭單位", "參與單位", "完成時限"],  # Traditional (Hong Kong, Macao offices)
    ["编号", "主要任务", "责任部门", "配合单位", "时间安排"],
    ["工作任务", "牵头单位（部门）", "进展情况", "序号"],  # any order, qualified names
])
def test_header_names_in_their_usual_forms(names: list[str]) -> None:
    from panprd_desktop.core.parsing.table_document import Cell, find_columns

    rows = [[Cell(n) for n in names], [Cell(str(i)) for i in range(len(names))]]
    cols = find_columns(rows)
    assert cols is not None and cols.header_rows == 1
    task = next(i for i, n in enumerate(names) if "任务" in n or "任務" in n)
    assert cols.kinds["task"] == task and "lead" in cols.kinds


def _to_pdf(docx_path: Path) -> Path:
    return convert(docx_path, "pdf", docx_path.parent)


@needs_soffice
def test_a_word_task_table_printed_to_pdf_reads_like_the_word_file(library, tmp_path: Path) -> None:
    pdf = _to_pdf(table_docx(tmp_path / "keywork.docx", grid=True))
    doc = read_source(pdf).parsed
    assert doc is not None and _measures(doc) == TASKS
    assert [(p.label, p.title) for p in doc.parts] == [("一、", "跨界基础设施"), ("二、", "现代服务业")]
    facts = _facts(doc)
    assert facts[TASKS[0]].participants == ("公安厅", "交通运输厅")  # "公安厅、交\n通运输厅" in its cell
    assert facts[TASKS[2]].leads == ("深圳市政府",)  # merged over two rows
    assert (doc.title, doc.issuer, doc.date) == ("粤港合作框架协议2017年重点工作分工表", "广东省人民政府办公厅",
                                                 date(2017, 3, 2))
    [r] = library.import_files([pdf])
    assert r.measures == 4


@needs_soffice
@pytest.mark.parametrize("split_rows", [False, True], ids=["whole-rows", "rows-split-by-page-breaks"])
def test_a_long_task_table_over_several_pdf_pages(tmp_path: Path, split_rows: bool) -> None:
    from tests.core.table_fixtures import long_table_docx, long_table_tasks

    doc = read_source(_to_pdf(long_table_docx(tmp_path / "long.docx", split_rows=split_rows))).parsed
    rows = long_table_tasks()
    assert _measures(doc) == [r[1] for r in rows]  # the header repeated on each page is never text
    facts = _facts(doc)
    for _seq, task, lead, participants, deadline in rows:
        assert (facts[task].leads, "、".join(facts[task].participants), facts[task].deadline) == (
            (lead,), participants, deadline)
    around = doc.preamble + doc.closing + doc.title
    assert "—" not in around and around.count("重点工作") == 1  # no running header, no page numbers


def test_template_rows_with_only_a_number_are_warnings_not_parts(library, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "责任单位", "完成时限"])
    ws.append([1, "推进口岸通关便利化", "省口岸办", "2018年底前"])
    ws.append([2, None, None, None])  # a numbered row the office left empty
    wb.save(tmp_path / "ledger.xlsx")
    doc = read_source(tmp_path / "ledger.xlsx").parsed
    assert _measures(doc) == ["推进口岸通关便利化"] and [p.title for p in doc.parts] == [""]
    assert doc.warnings == ["表格第 3 行没有任务内容，未作为条文导入"]
    [r] = library.import_files([tmp_path / "ledger.xlsx"])  # the import reports it for review
    assert r.warnings == ("表格第 3 行没有任务内容，未作为条文导入",)


def test_masthead_above_a_table_with_a_title_over_two_lines(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in ["广东省人民政府办公厅文件", "粤办函〔2017〕12号", "广东省人民政府办公厅关于印发粤港合作框架协议",
                 "2017年重点工作分工的通知", "各地级以上市人民政府，省政府各部门：",
                 "现将分工表印发给你们，请认真贯彻执行。", "附件"]:
        d.add_paragraph(line)
    t = d.add_table(rows=2, cols=3)
    for col, (head, value) in enumerate(zip(["序号", "重点任务", "牵头单位"], ["1", "推进口岸通关便利化", "省口岸办"],
                                            strict=True)):
        t.cell(0, col).text, t.cell(1, col).text = head, value
    d.save(tmp_path / "notice.docx")
    doc = read_source(tmp_path / "notice.docx").parsed
    assert doc.title == "广东省人民政府办公厅关于印发粤港合作框架协议2017年重点工作分工的通知"
    assert doc.doc_no == "粤办函〔2017〕12号"
    assert "各地级以上市人民政府" in doc.addressee + doc.preamble
    assert "请认真贯彻执行" in doc.preamble and _measures(doc) == ["推进口岸通关便利化"]
