"""The 分工表 as an .xlsx 台账 (openpyxl): the format the parties already exchange.

One row per measure under a title line and a header row that is frozen and repeated on every
printed page; widths and wrapping set per column; A4 landscape, fit to the page width.

"For return" (``ReturnInfo`` given) the workbook also goes back to the secretariat: the
columns a party may fill (完成时限, 状态, 进展情况) are unlocked and marked, every other cell is
locked by sheet protection (no password: it prevents accidents, not intent); each row carries
its measure id in a hidden column; and a very hidden, protected sheet ``_panprd`` holds the
library id, the export id and the values as exported, which the import merges against.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from exporters.atomic import atomic_write
from exporters.pack import BriefingPack, PackMeasure
from exporters.progress import CancelledFn, ProgressFn, Ticker

SHEET = "分工表"
META_SHEET = "_panprd"
MARKER = "panprd-xlsx-return"
VERSION = 1
STATUS_LABELS = ("未启动", "推进中", "已完成", "滞后", "长期推进")
EDITABLE_HINT = "\n（请填写）"  # on its own line: narrow columns wrap it whole
# (header, width in characters, editable when for return)
COLUMNS: tuple[tuple[str, int, bool], ...] = (
    ("序号", 6, False), ("编号", 10, False), ("具体措施", 56, False), ("牵头单位", 18, False),
    ("参与单位", 22, False), ("完成时限", 14, True), ("状态", 10, True), ("进展情况", 36, True),
)
RETURN_EXTRA = (("已报进展", 30), ("措施ID", 24))  # read-only notes so far; the key of the row
META_HEADER = ("measure_id", "deadline", "status", "progress", "leads", "participants")

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
_FONT = "宋体"


@dataclass(frozen=True)
class ReturnInfo:
    """What a returned 台账 must carry to be merged back (plain data, from the core)."""

    library_id: str
    office: str  # the exporting office
    export_id: str
    exported_at: str
    for_owner: str = ""  # the party it was made for (--owner), "" for everyone


def _notes(m: PackMeasure) -> str:
    return "\n".join(f"{n.at:%Y-%m-%d} {n.text}" for n in m.notes)


def header_labels(for_return: bool) -> list[str]:
    labels = [h + (EDITABLE_HINT if for_return and editable else "") for h, _, editable in COLUMNS]
    return labels + ([h for h, _ in RETURN_EXTRA] if for_return else [])


def _row(index: int, m: PackMeasure, for_return: bool) -> list[str | int]:
    values: list[str | int] = [index, m.label, m.text, "、".join(m.leads), "、".join(m.participants),
                               m.deadline_text, m.status_label, "" if for_return else _notes(m)]
    if for_return:
        values += [_notes(m), m.measure_id]
    return values


def _text_units(text: str) -> float:
    """Width in Excel's units (one "0" of the default font); a CJK character at 10.5 pt is ~1.8."""
    return sum(1.8 if ord(ch) >= 0x2E80 else 1.0 for ch in text)


def row_height(values: Sequence[object], widths: Sequence[int], line_pt: float = 14.0) -> float:
    """Points for the row to show every wrapped line of its tallest cell."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        usable = max(1, width - 1)
        cell = sum(max(1, math.ceil(_text_units(part) / usable)) for part in str(value).split("\n"))
        lines = max(lines, cell)
    return min(409.0, lines * line_pt + 4)  # 409 pt: Excel's largest row height


def _build(pack: BriefingPack, info: ReturnInfo | None, ticker: Ticker) -> Workbook:
    for_return = info is not None
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    labels = header_labels(for_return)
    widths = [w for _, w, _ in COLUMNS] + ([w for _, w in RETURN_EXTRA] if for_return else [])
    editable = [e and for_return for _, _, e in COLUMNS] + [False] * (len(labels) - len(COLUMNS))
    ws.cell(1, 1, pack.title).font = Font(name=_FONT, size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    ws.row_dimensions[1].height = 30
    for col, label in enumerate(labels, 1):
        cell = ws.cell(2, col, label)
        cell.font = Font(name=_FONT, size=11, bold=True)
        cell.fill = _EDIT_FILL if editable[col - 1] else _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = widths[col - 1]
    ws.row_dimensions[2].height = row_height(labels, widths, 15.0)
    measures = pack.measures
    for i, m in enumerate(measures, 1):
        ticker.tick()
        values = _row(i, m, for_return)
        # Neither openpyxl nor LibreOffice fits a wrapped row's height on its own: estimate it.
        ws.row_dimensions[i + 2].height = row_height(values, widths)
        for col, value in enumerate(values, 1):
            cell = ws.cell(i + 2, col, value)
            cell.font = Font(name=_FONT, size=10.5)
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True,
                                       horizontal="center" if col in (1, 2, 6, 7) else "left")
            if editable[col - 1]:
                cell.protection = Protection(locked=False)
                cell.fill = _EDIT_FILL
    last = len(measures) + 2
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(labels))}{max(last, 2)}"
    ws.print_title_rows = "1:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if info is not None:
        _for_return(wb, ws, measures, info, last, len(labels))
    return wb


def _for_return(wb: Workbook, ws, measures: Sequence[PackMeasure], info: ReturnInfo, last: int,  # noqa: ANN001
                ncols: int) -> None:
    status_col = get_column_letter(7)
    rule = DataValidation(type="list", formula1='"' + ",".join(STATUS_LABELS) + '"', allow_blank=True,
                          showErrorMessage=True, errorTitle="状态", error="请从列表中选择状态")
    ws.add_data_validation(rule)
    if measures:
        rule.add(f"{status_col}3:{status_col}{last}")
    ws.column_dimensions[get_column_letter(ncols)].hidden = True  # 措施ID: the row's key
    ws.protection.sheet = True  # no password: guards against accidents only
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    meta = wb.create_sheet(META_SHEET)
    meta.append([MARKER, VERSION, info.library_id, info.office, info.export_id, info.exported_at,
                 info.for_owner, SHEET])
    meta.append(list(META_HEADER))
    for m in measures:
        meta.append([m.measure_id, m.deadline_text, m.status, "", "、".join(m.leads), "、".join(m.participants)])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True


def write_xlsx(pack: BriefingPack, out: Path, progress: ProgressFn | None = None,
               cancelled: CancelledFn | None = None, return_info: ReturnInfo | None = None) -> Path:
    """Write the pack's 分工表 as .xlsx at ``out`` (atomically)."""
    ticker = Ticker(len(pack.measures) + 1, progress, cancelled)

    def write(fh: BinaryIO) -> None:
        wb = _build(pack, return_info, ticker)
        wb.properties.creator = pack.prepared_by or "PanPRD Desk"
        wb.properties.title = pack.title
        wb.properties.created = wb.properties.modified = datetime.now()
        wb.save(fh)
        ticker.finish()

    return atomic_write(Path(out), write)
