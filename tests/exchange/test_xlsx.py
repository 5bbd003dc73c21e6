"""The .xlsx 分工表: its layout, and the 台账 round trip (exported for return, filled, merged back)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from panprd_desktop.cli import main
from panprd_desktop.core.annotations import Edit
from tests.exchange.conftest import annotation_rows
from tests.libreoffice import convert, needs_soffice

HEAD = {"id": "J", "deadline": "F", "status": "G", "progress": "H"}


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def office(make_office, tmp_path: Path):
    """The secretariat with three measures led by 广东省, closed so the CLI can open it."""
    lib, ex = make_office("秘书处")
    ids = lib.measures.ids()[:4]
    lib.annotate(ids[:3], Edit(add_leads=("粤",), deadline="2026年底前", status="in_progress"), "秘书处")
    lib.annotate([ids[3]], Edit(add_leads=("桂",)), "秘书处")
    lib.annotate([ids[0]], Edit(note="已召开专题会议"), "秘书处")
    lib.close()
    return lib.path, ids


def returned(db: Path, tmp_path: Path, name: str = "gd.xlsx") -> Path:
    out = tmp_path / name
    assert run(db, "export", "--xlsx", str(out), "--for-return", "--owner", "粤") == 0
    return out


def rows_by_id(ws) -> dict[str, int]:
    return {ws[f"J{r}"].value: r for r in range(3, ws.max_row + 1) if ws[f"J{r}"].value}


def show(db: Path, mid: str, capsys) -> dict:
    import json

    capsys.readouterr()
    assert run(db, "show", mid, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_plain_export_is_a_printable_table(office, tmp_path: Path, capsys) -> None:
    db, ids = office
    out = tmp_path / "all.xlsx"
    assert run(db, "export", "--xlsx", str(out)) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["分工表"]
    ws = wb["分工表"]
    assert [c.value for c in ws[2]] == ["序号", "编号", "具体措施", "牵头单位", "参与单位", "完成时限", "状态",
                                        "进展情况"]
    assert ws.max_row == 2 + 193  # one row per measure under title and header
    assert ws.freeze_panes == "A3" and ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.column_dimensions["C"].width >= 50 and ws["C3"].alignment.wrap_text
    assert (ws["D3"].value, ws["F3"].value, ws["G3"].value) == ("广东省", "2026年底前", "推进中")
    assert "已召开专题会议" in ws["H3"].value
    assert not ws.protection.sheet
    # Wrapped rows get the height their text needs (no tool fits it on opening): longer text, taller row.
    heights = {len(str(ws[f"C{r}"].value)): ws.row_dimensions[r].height for r in range(3, ws.max_row + 1)}
    assert heights[max(heights)] > 4 * heights[min(heights)]


def test_for_return_marks_editable_columns_and_hides_the_key(office, tmp_path: Path) -> None:
    db, ids = office
    wb = openpyxl.load_workbook(returned(db, tmp_path))
    ws = wb["分工表"]
    assert ws.max_row == 2 + 3  # only 广东省's measures
    assert ws.protection.sheet and wb["_panprd"].sheet_state == "veryHidden"
    assert ws.column_dimensions["J"].hidden and set(rows_by_id(ws)) == set(ids[:3])
    assert [ws[f"{c}2"].value.endswith("（请填写）") for c in "EFGH"] == [False, True, True, True]
    assert not ws["G3"].protection.locked and ws["C3"].protection.locked


def test_edited_emptied_rearranged_rows_merge_as_that_partys_changes(office, tmp_path: Path, capsys) -> None:
    db, ids = office
    path = returned(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    at = rows_by_id(ws)
    ws[f"G{at[ids[0]]}"] = "已完成"
    ws[f"H{at[ids[0]]}"] = "项目已全部建成投用"
    ws[f"F{at[ids[1]]}"] = "2027年6月底前"
    ws[f"G{at[ids[1]]}"] = None  # emptied status: reported, not applied
    ws[f"F{at[ids[2]]}"] = None  # emptied deadline: the party says there is none
    # Rearrange: reverse the data rows (values and keys together), add a hand-made row.
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=5)]
    for r, values in enumerate(reversed(data), 3):
        for c, value in enumerate(values, 1):
            ws.cell(r, c).value = value  # ws.cell(r, c, None) keeps the old value
    ws[f"D{at[ids[0]]}"] = "广东省、香港特别行政区"  # a locked column, edited after unprotecting
    ws.cell(6, 3, "新增的一项工作")
    ws.cell(6, 8, "我们还做了这件事")
    ws.title = "广东省填报"
    wb.save(path)

    capsys.readouterr()
    assert run(db, "bundle", "import", str(path), "--json") == 0
    import json

    result = json.loads(capsys.readouterr().out)
    assert (result["from"]["office"], result["applied"], result["conflicts"]) == ("广东省", 4, [])
    assert any("新增的行" in w for w in result["warnings"]) and any("状态被清空" in w for w in result["warnings"])
    assert any("牵头单位被改动" in w for w in result["warnings"])
    first, second, third = (show(db, m, capsys) for m in ids[:3])
    assert first["status"] == "done" and first["notes"][-1]["text"] == "项目已全部建成投用"
    assert first["notes"][-1]["author"] == "广东省"
    assert (second["deadline"]["text"], second["status"]) == ("2027年6月底前", "in_progress")
    assert third["deadline"]["text"] == ""
    rows = annotation_rows(db)
    capsys.readouterr()
    assert run(db, "bundle", "import", str(path), "--json") == 0
    assert json.loads(capsys.readouterr().out)["applied"] == 0
    assert [r for r in annotation_rows(db) if r[0] != "exchange_peers"] == rows


def test_a_cell_changed_on_both_sides_is_a_conflict(office, tmp_path: Path, capsys) -> None:
    db, ids = office
    path = returned(db, tmp_path)
    assert run(db, "annotate", ids[0], "--status", "delayed") == 0  # the secretariat, meanwhile
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    ws[f"G{rows_by_id(ws)[ids[0]]}"] = "已完成"
    wb.save(path)
    assert run(db, "bundle", "import", str(path), "--office", "广东省发展改革委") == 0
    import json

    capsys.readouterr()
    run(db, "conflicts", "--json")
    [conflict] = json.loads(capsys.readouterr().out)
    assert (conflict["ours"], conflict["theirs"], conflict["base"]) == ("delayed", "done", "in_progress")
    assert conflict["theirs_office"] == "广东省发展改革委"
    assert run(db, "resolve", conflict["conflict_id"], "--theirs") == 0
    assert show(db, ids[0], capsys)["status"] == "done"


@pytest.mark.parametrize(("cell", "value", "words"), [
    ("G", "=\"已完成\"", "公式"),
    ("G", "差不多了", "状态“差不多了”无效"),
    ("J", "nonexistent.1.1", "不在导出的台账中"),
    ("F", "2026-02-30", "第 3 行"),
    ("H", "很长" * 20_000, "过长"),
])
def test_ambiguous_returns_are_refused(office, tmp_path: Path, capsys, cell: str, value: str, words: str) -> None:
    db, ids = office
    path = returned(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    ws[f"{cell}3"] = value
    wb.save(path)
    before = annotation_rows(db)
    capsys.readouterr()
    assert run(db, "bundle", "import", str(path)) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
    assert annotation_rows(db) == before


def test_duplicated_row_and_foreign_workbooks_are_refused(office, make_office, tmp_path: Path, capsys) -> None:
    db, ids = office
    path = returned(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    for c in range(1, 11):
        ws.cell(6, c, ws.cell(3, c).value)
    wb.save(path)
    before = annotation_rows(db)
    assert run(db, "bundle", "import", str(path)) == 2
    assert "出现了两次" in capsys.readouterr().err
    plain = tmp_path / "plain.xlsx"
    run(db, "export", "--xlsx", str(plain))
    assert run(db, "bundle", "import", str(plain)) == 2
    assert "供回收" in capsys.readouterr().err
    other, _ = make_office("别的库")
    other.close()
    assert run(other.path, "bundle", "import", str(returned(db, tmp_path, "x.xlsx"))) == 2
    assert "不是从本资料库导出的" in capsys.readouterr().err
    assert annotation_rows(db) == before


@needs_soffice
def test_a_file_saved_by_libreoffice_merges_the_same(office, tmp_path: Path, capsys) -> None:
    db, ids = office
    path = returned(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    at = rows_by_id(ws)
    ws[f"G{at[ids[1]]}"] = "滞后"
    ws[f"H{at[ids[1]]}"] = "受征地影响，进度滞后"
    wb.save(path)
    saved = tmp_path / "lo"
    convert(path, "xlsx", saved)
    assert run(db, "bundle", "import", str(saved / path.name), "--json") == 0
    shown = show(db, ids[1], capsys)
    assert shown["status"] == "delayed" and shown["notes"][-1]["text"] == "受征地影响，进度滞后"
    assert show(db, ids[0], capsys)["status"] == "in_progress"  # untouched rows stay as they were


def test_deleted_rows_change_nothing_and_undo_redo_keep_notes_single(office, tmp_path: Path, capsys) -> None:
    db, ids = office
    path = returned(db, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    at = rows_by_id(ws)
    ws[f"H{at[ids[1]]}"] = "第二条的进展"
    ws.delete_rows(at[ids[0]])
    wb.save(path)
    import json

    capsys.readouterr()
    assert run(db, "bundle", "import", str(path), "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["applied"] == 1 and any("已删除" in w for w in result["warnings"])
    assert [n["text"] for n in show(db, ids[0], capsys)["notes"]] == ["已召开专题会议"]
    assert run(db, "undo") == 0 and run(db, "redo") == 0
    capsys.readouterr()
    assert run(db, "bundle", "import", str(path), "--json", "--office", "别的名字") == 0
    assert json.loads(capsys.readouterr().out)["applied"] == 0
    assert [n["text"] for n in show(db, ids[1], capsys)["notes"]] == ["第二条的进展"]


def test_for_return_needs_xlsx(office, tmp_path: Path, capsys) -> None:
    db, _ = office
    assert run(db, "export", "--docx", str(tmp_path / "x.docx"), "--for-return") == 2
    assert "--xlsx" in capsys.readouterr().err


def test_a_return_made_for_everyone_needs_the_party_named(office, tmp_path: Path, capsys) -> None:
    db, ids = office
    path = tmp_path / "all.xlsx"
    assert run(db, "export", "--xlsx", str(path), "--for-return", "--doc", ids[0].split(".")[0]) == 0
    wb = openpyxl.load_workbook(path)
    ws = wb["分工表"]
    ws[f"G{rows_by_id(ws)[ids[3]]}"] = "推进中"
    wb.save(path)
    capsys.readouterr()
    assert run(db, "bundle", "import", str(path)) == 2  # not a terminal: nobody to ask
    assert "--office" in capsys.readouterr().err
    assert run(db, "bundle", "import", str(path), "--office", "广西壮族自治区") == 0
    shown = show(db, ids[3], capsys)
    assert shown["status"] == "in_progress" and shown["history"][-1]["office"] == "广西壮族自治区"


def test_a_zip_bomb_named_xlsx_is_refused(office, tmp_path: Path, capsys) -> None:
    import zipfile

    db, _ = office
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("xl/worksheets/sheet1.xml", "w") as m:
        for _ in range(120):
            m.write(b"<" * (1024 * 1024))
    before = annotation_rows(db)
    assert run(db, "bundle", "import", str(bomb)) == 2
    assert "庞大" in capsys.readouterr().err
    assert annotation_rows(db) == before
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert run(db, "bundle", "import", str(bad)) == 2
    assert "不是有效的 .xlsx" in capsys.readouterr().err
