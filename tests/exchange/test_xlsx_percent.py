"""A returned 台账 whose 进展情况 is typed as a percentage (found in the day-long QA run: 50%
arrived as the note “0.5”)."""

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
