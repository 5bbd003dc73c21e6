"""分工表 fixtures made here: a Word table with merged header cells, an .xlsx 台账, heading styles."""

from __future__ import annotations

from pathlib import Path

HEADER_TOP = ["序号", "重点任务", "责任单位", "", "完成时限", "进展情况"]
HEADER_LOW = ["", "", "牵头单位", "参与单位", "", ""]
ROWS: list[list[str] | str] = [
    "一、跨界基础设施",
    ["1", "加快协商港珠澳大桥跨境交通安排等通行政策", "省发展改革委", "公安厅、交通运输厅", "2018年底前", "已完成方案"],
    ["2", "推进莲塘/香园围口岸建设", "深圳市政府", "省口岸办", "长期坚持", ""],
    ["3", "研究粤港跨境基础设施合作", "", "省交通运输厅；省口岸办", "2017年内", ""],  # lead merged from above
    "二、现代服务业",
    ["4", "深化粤港金融合作", "省金融办", "", "持续推进", "推进中"],
]
TASKS = [r[1] for r in ROWS if isinstance(r, list)]


def table_docx(path: Path, *, grid: bool = False) -> Path:
    """Title and notice text, then the table (header over two merged rows), then a signature.

    ``grid`` draws the cell borders (as real 分工表 have; a PDF of it then has ruled cells)."""
    import docx

    d = docx.Document()
    d.add_paragraph("粤港合作框架协议2017年重点工作分工表")
    d.add_paragraph("各地级以上市人民政府，省政府各部门：")
    d.add_paragraph("现将分工表印发给你们，请认真贯彻执行。")
    body = [r for r in ROWS]
    table = d.add_table(rows=2 + len(body), cols=6)
    if grid:
        table.style = "Table Grid"
    for col, (top, low) in enumerate(zip(HEADER_TOP, HEADER_LOW, strict=True)):
        table.cell(0, col).text = top
        table.cell(1, col).text = low
    for col in (0, 1, 4, 5):  # vertically merged header cells
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 2).merge(table.cell(0, 3))  # 责任单位 over 牵头/参与
    for r, row in enumerate(body, 2):
        if isinstance(row, str):
            merged = table.cell(r, 0).merge(table.cell(r, 5))
            merged.text = row
        else:
            for col, text in enumerate(row):
                table.cell(r, col).text = text
    # 深圳市政府 leads rows 2 and 3: one cell merged vertically.
    lead_row = 2 + body.index(ROWS[2])
    table.cell(lead_row, 2).merge(table.cell(lead_row + 1, 2))
    table.cell(lead_row, 2).text = "深圳市政府"
    d.add_paragraph("广东省人民政府办公厅")
    d.add_paragraph("2017年3月2日")
    d.save(path)
    return path


def table_xlsx(path: Path) -> Path:
    """A notes sheet first, then the 台账: a merged title row, a two-row merged header, merges."""
    from openpyxl import Workbook

    wb = Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes["A1"] = "请各单位于每月5日前报送进展情况。"
    ws = wb.create_sheet("台账")
    ws.append(["粤港合作框架协议2017年重点工作台账"])
    ws.merge_cells("A1:F1")
    ws.append(HEADER_TOP)
    ws.append(HEADER_LOW)
    for col in "ABEF":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("C2:D2")
    for row in ROWS:
        if isinstance(row, str):
            ws.append([row])
            ws.merge_cells(f"A{ws.max_row}:F{ws.max_row}")
        else:
            ws.append([int(row[0]), *row[1:]])
    lead_row = 3 + ROWS.index(ROWS[2]) + 1
    ws.merge_cells(f"C{lead_row}:C{lead_row + 1}")
    wb.save(path)
    return path


def headings_docx(path: Path, names: dict[str, str] | None = None) -> Path:
    """A memorandum whose parts are Word headings (unnumbered), with a Title."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    styles = names or {"title": "Title", "h1": "Heading 1"}
    for key in ("title", "h1"):
        if styles[key] not in [s.name for s in d.styles]:
            d.styles.add_style(styles[key], WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("闽赣湘合作备忘录", style=styles["title"])
    d.add_paragraph("为深化泛珠三角区域合作，三省签订本备忘录。")
    d.add_paragraph("合作领域", style=styles["h1"])
    d.add_paragraph("（一）交通。共同推进高速铁路建设。完善省际公路网络。")
    d.add_paragraph("（二）旅游。联合开发旅游线路。")
    d.add_paragraph("保障措施", style=styles["h1"])
    d.add_paragraph("（三）协调机制。建立联席会议制度。")
    d.save(path)
    return path


def per_part_tables_docx(path: Path) -> Path:
    """One table per part, the part's heading as a paragraph above it; the second table has no header."""
    import docx

    d = docx.Document()
    d.add_paragraph("闽赣合作2018年重点任务分工方案")
    tasks = {"一、交通基础设施": [("1", "推进昌福高铁前期工作", "江西省发展改革委", "2018年底前")],
             "二、产业合作": [("2", "共建产业园区", "福建省工业和信息化厅", "长期坚持"),
                         ("3", "联合举办招商活动", "江西省商务厅", "年内")]}
    for n, (heading, rows) in enumerate(tasks.items()):
        d.add_paragraph(heading)
        table = d.add_table(rows=len(rows) + (1 if n == 0 else 0), cols=4)
        first = 0
        if n == 0:
            for col, text in enumerate(["序号", "工作任务", "责任单位", "时间安排"]):
                table.cell(0, col).text = text
            first = 1
        for r, row in enumerate(rows, first):
            for col, text in enumerate(row):
                table.cell(r, col).text = text
    d.save(path)
    return path


LONG_UNITS = ["省发展改革委", "省公安厅", "省交通运输厅", "省口岸办", "省商务厅", "省金融办",
              "深圳市政府", "珠海市政府"]


def long_table_tasks(count: int = 45) -> list[tuple[str, str, str, str, str]]:
    """(序号, 任务, 牵头, 参与, 时限) rows long enough to wrap in their cells and span pages."""
    return [(str(i), f"推进第{i}项粤港合作重点工作，完善跨境基础设施与通关便利化安排",
             LONG_UNITS[i % 8], f"{LONG_UNITS[(i + 1) % 8]}、{LONG_UNITS[(i + 3) % 8]}",
             f"{2017 + i % 3}年底前") for i in range(1, count + 1)]


def long_table_docx(path: Path, *, split_rows: bool = False) -> Path:
    """A bordered 分工表 over several pages: header row repeated, running header, — N — footer."""
    import docx
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "粤港合作框架协议2017年重点工作"
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" —")
    d.add_paragraph("粤港合作框架协议2017年重点工作分工表")
    rows = long_table_tasks()
    table = d.add_table(rows=1 + len(rows), cols=5)
    table.style = "Table Grid"
    for col, text in enumerate(["序号", "重点任务", "牵头单位", "参与单位", "完成时限"]):
        table.cell(0, col).text = text
    for r, row in enumerate(rows, 1):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    for r, tr in enumerate(table.rows):
        tr_pr = tr._tr.get_or_add_trPr()
        if r == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))  # repeated on every page
        elif not split_rows:
            tr_pr.append(OxmlElement("w:cantSplit"))
    for cell in table.columns[1].cells:
        cell.width = docx.shared.Cm(5)
    d.add_paragraph("广东省人民政府办公厅")
    d.add_paragraph("2017年3月2日")
    d.save(path)
    return path
