"""A returned 台账 as parties fill it: 进展情况 as a percentage (found in the QA run: 50%
arrived as the note “0.5”), statuses in their own words."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.exchange.test_xlsx import office, returned, rows_by_id, run, show  # noqa: F401 - fixture

__all__ = ["office"]


def test_progress_typed_as_a_percentage_arrives_as_shown(office, tmp_path: Path, capsys) -> None:  # noqa: F811
    db, ids = office
    out = returned(db, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["分工表"]
    row = rows_by_id(ws)[ids[1]]
    ws[f"H{row}"] = 0.5
    ws[f"H{row}"].number_format = "0%"
    wb.save(out)
    assert run(db, "bundle", "import", str(out)) == 0
    assert [n["text"] for n in show(db, ids[1], capsys)["notes"]] == ["50%"]


def test_common_status_words_are_understood_and_unknown_ones_still_refused(office, tmp_path: Path,  # noqa: F811
                                                                           capsys) -> None:
    # Found in the QA run: a party that wrote 進行中 (in progress) had its whole file refused.
    db, ids = office
    out = returned(db, tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["分工表"]
    ws[f"G{rows_by_id(ws)[ids[1]]}"] = "進行中"
    ws[f"G{rows_by_id(ws)[ids[2]]}"] = "已完成"
    wb.save(out)
    assert run(db, "bundle", "import", str(out)) == 0
    assert show(db, ids[1], capsys)["status"] == "in_progress"
    assert show(db, ids[2], capsys)["status"] == "done"
    ws[f"G{rows_by_id(ws)[ids[2]]}"] = "待定"
    wb.save(out)
    capsys.readouterr()
    assert run(db, "bundle", "import", str(out)) != 0
    assert "待定" in capsys.readouterr().err
