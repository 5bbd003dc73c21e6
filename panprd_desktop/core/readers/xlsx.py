"""Excel .xlsx 台账: the sheet that carries a 分工表 header, with its merged cells, read bounded.

openpyxl's read-only mode streams rows without building the whole workbook, but it does not
report merged cells; we read each sheet's ``<mergeCell ref=…>`` list from the (counted,
bounded) sheet XML ourselves, so a vertically merged 牵头单位 reaches every row it covers and
a part title merged across the row is recognised.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.table_document import Cell, Row, TableColumns, find_columns
from panprd_desktop.core.readers import limits
from panprd_desktop.core.readers.limits import MAX_XLSX_COLS, Check, check_zip_header, read_member

_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _text(value: object, number_format: str = "") -> str:
    if value is None:
        return ""
    if "%" in number_format and isinstance(value, int | float) and not isinstance(value, bool):
        # 进展 typed as 50% is stored as 0.5: read it as Excel shows it, not as the raw number
        return f"{round(value * 100, 6):g}%"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _apply_merges(rows: list[Row], merges: list[tuple[int, int, int, int]], name: str) -> None:
    budget = limits.MAX_XLSX_ROWS * MAX_XLSX_COLS  # cells a sheet may have; merges cannot cover more
    for r1, c1, r2, c2 in merges:
        if r1 >= len(rows) or c1 >= len(rows[r1]) or r2 < r1 or c2 < c1:
            continue
        top = rows[r1][c1]
        top.span = max(1, min(c2, len(rows[r1]) - 1) - c1 + 1)
        last = min(r2, len(rows) - 1)
        budget -= last - r1 + 1
        if budget < 0:
            raise ImportRejected(f"{name}: 合并单元格过多，已拒绝 (too many merged cells)")
        for r in range(r1 + 1, last + 1):
            if c1 < len(rows[r]):
                rows[r][c1] = Cell(top.text, top.span, copied=True)


def _sheet_rows(ws: object, name: str, check: Check) -> list[Row]:
    rows: list[Row] = []
    for cells in ws.iter_rows(max_col=MAX_XLSX_COLS):  # type: ignore[attr-defined]
        if len(rows) >= limits.MAX_XLSX_ROWS:
            raise ImportRejected(f"{name}: 工作表超过 {limits.MAX_XLSX_ROWS} 行，已拒绝 (too many rows)")
        row = [Cell(_text(c.value, getattr(c, "number_format", None) or "")) for c in cells]
        row += [Cell("") for _ in range(MAX_XLSX_COLS - len(row))]
        rows.append(row)
        if check and len(rows) % 2000 == 0:
            check()
    width = max((i + 1 for r in rows for i, c in enumerate(r) if c.text), default=0)
    return [r[:width] for r in rows]


def read_xlsx_table(path: Path, check: Check = None) -> tuple[list[Row], TableColumns]:
    """The first sheet whose top rows name 分工表 columns, as grid rows, or ImportRejected."""
    from openpyxl import load_workbook

    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip_header(zf, name)
            members = {i.filename: i for i in zf.infolist()}
            sheet_xml = {m: read_member(zf, m, name, check) for m in members if m.startswith("xl/worksheets/")}
        wb = load_workbook(path, read_only=True, data_only=True)
    except ImportRejected:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, TypeError) as exc:
        raise ImportRejected(f"{name}: 不是有效的 Excel 文件 (not a valid .xlsx)") from exc
    except Exception as exc:  # openpyxl raises assorted types on malformed parts; all mean "bad file"
        raise ImportRejected(f"{name}: Excel 文件已损坏 (corrupt .xlsx: {type(exc).__name__})") from exc
    try:
        for ws in wb.worksheets:
            rows = _sheet_rows(ws, name, check)
            xml = sheet_xml.get(getattr(ws, "_worksheet_path", "").lstrip("/"), b"")
            merges = [(int(r1) - 1, _col(c1), int(r2) - 1, _col(c2)) for c1, r1, c2, r2 in _MERGE.findall(xml)]
            _apply_merges(rows, merges, name)
            cols = find_columns(rows)
            if cols is not None:
                return rows, cols
    finally:
        wb.close()
    raise ImportRejected(
        f"{name}: 没有找到分工表（需要“重点任务”“牵头单位”等表头） (no sheet with a task/owner header)"
    )
