"""Cells of a 台账 read as the office sees them in Excel.

Found in the day-long QA run: a 进展情况 of 50 % (a number formatted as a percentage, as offices
type it) became the note “0.5”.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from openpyxl import Workbook


def test_percent_and_date_cells_read_as_shown(library, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "完成时限", "进展情况"])
    ws.append([1, "推进口岸通关便利化。", "广东省", datetime.datetime(2026, 9, 30), 0.5])
    ws.append([2, "推进人才互认。", "四川省", "2027年", 0.125])
    ws.append([3, "推进旅游合作。", "湖南省", "2026年底", 12.5])
    ws["E2"].number_format = "0%"
    ws["E3"].number_format = "0.0%"
    wb.save(tmp_path / "ledger.xlsx")
    [r] = library.import_files([tmp_path / "ledger.xlsx"])
    notes = [[n.text for n in library.measures.get(f"{r.doc_id}.1.{i}").notes] for i in (1, 2, 3)]
    assert notes == [["50%"], ["12.5%"], ["12.5"]]
    assert library.measures.get(f"{r.doc_id}.1.1").deadline.date == datetime.date(2026, 9, 30)
