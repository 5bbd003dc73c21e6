"""Reading a returned 台账 (.xlsx exported ``--for-return``) as changes made by that party.

Rows are matched by the measure id in their hidden 措施ID column, never by position, so sorted,
filtered or reordered rows are fine; columns are found by their header text, so moved columns
are fine too; a renamed sheet is found by its header row. Each editable cell that differs from
the value exported (kept in the hidden ``_panprd`` sheet) becomes a change whose base is that
exported value, merged three-way like any bundle. 进展情况 text becomes a note by the party.

Refused with one line, nothing changed: a workbook not exported for return or exported by
another library, a row whose id is unknown or appears twice, a formula in an editable cell, an
unknown status. Reported, not applied: rows without an id (added by hand), emptied 状态 cells,
rows deleted from the sheet (their measures simply have no change).
"""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from panprd_desktop.core.exchange.bundle_file import MAX_FILE_BYTES, Bundle
from panprd_desktop.core.exchange.changes import (
    MAX_TEXT,
    BundleRejected,
    Change,
    PartyNeeded,
    check_value,
    deadline_value,
)
from panprd_desktop.core.model import STATUSES
from panprd_desktop.core.normalize import fold
from panprd_desktop.core.parsing.facts import status_code

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

MAX_ROWS = 200_000
_STATUS_CODES = {fold(label): code for code, label in STATUSES.items()} | {code: code for code in STATUSES}


def _guard(path: Path) -> None:
    """Size and zip-bomb checks before openpyxl unpacks anything: the same bounded reading as the
    document importer's (declared sizes first, then every member's real bytes counted)."""
    from panprd_desktop.core.readers.limits import check_zip_header, read_member

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BundleRejected(f".xlsx 文件过大：{path.name}")
        with zipfile.ZipFile(path) as zf:
            if len(zf.infolist()) > 10_000:
                raise BundleRejected(f".xlsx 文件结构异常：{path.name}")
            check_zip_header(zf, path.name)
            for info in zf.infolist():
                read_member(zf, info.filename, path.name)
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise BundleRejected(f"不是有效的 .xlsx 文件：{path.name} ({type(exc).__name__})") from None


def _cell_text(value: Any, number_format: str = "") -> str:
    if value is None:
        return ""
    if "%" in number_format and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{round(value * 100, 6):g}%"  # 50% typed in Excel is stored as 0.5
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()


def _open(path: Path) -> Any:
    import openpyxl

    _guard(path)
    try:
        return openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise BundleRejected(f"无法读取 .xlsx 文件：{path.name} ({type(exc).__name__})") from None


def _meta(wb: Any, library_id: str, name: str) -> tuple[list[Any], dict[str, dict[str, str]]]:
    from exporters.xlsx_writer import MARKER, META_SHEET, VERSION

    if META_SHEET not in wb.sheetnames:
        raise BundleRejected(f"这不是“供回收”导出的台账（缺少隐藏的核对表）：{name}")
    rows = list(wb[META_SHEET].iter_rows(values_only=True))
    head = list(rows[0]) + [None] * 8 if rows else []
    if not rows or head[0] != MARKER:
        raise BundleRejected(f"台账的核对表已损坏：{name}")
    if not isinstance(head[1], int | float) or int(head[1]) > VERSION:
        raise BundleRejected(f"台账由更新版本的 PanPRD Desk 生成，请先升级：{name}")
    if head[2] != library_id:
        raise BundleRejected(f"这份台账不是从本资料库导出的，不能合并到这里：{name}")
    exported = {}
    for r in rows[2:]:
        if r and r[0]:
            r = tuple(r) + (None,) * 6
            exported[str(r[0])] = {"deadline": _cell_text(r[1]), "status": _cell_text(r[2]),
                                   "牵头单位": _cell_text(r[4]), "参与单位": _cell_text(r[5])}
    return head, exported


def _main_sheet(wb: Any, title: str, name: str) -> tuple[Any, dict[str, int]]:
    from exporters.xlsx_writer import EDITABLE_HINT, META_SHEET

    def columns(ws: Any) -> dict[str, int] | None:
        hint = EDITABLE_HINT.strip()
        heads = {"".join(_cell_text(c.value).split()).replace(hint, ""): c.column for c in ws[2] if c.value}
        return heads if {"措施ID", "完成时限", "状态", "进展情况"} <= set(heads) else None

    if title in wb.sheetnames and (cols := columns(wb[title])):
        return wb[title], cols
    found = [(ws, cols) for ws in wb.worksheets if ws.title != META_SHEET and (cols := columns(ws))]
    if len(found) != 1:
        raise BundleRejected(f"台账中找不到唯一的分工表（工作表或表头被删改）：{name}")
    return found[0]


def read_return(lib: Library, path: Path, office: str | None) -> tuple[Bundle, list[str]]:
    """The changes a returned 台账 carries, as a bundle from that party, and warnings to show."""
    from panprd_desktop.core.exchange.service import Exchange

    path = Path(path)
    me = Exchange(lib).identity()
    wb = _open(path)
    head, exported = _meta(wb, me.library, path.name)
    export_id, for_owner = str(head[4] or ""), str(head[6] or "")
    party = " ".join((office or for_owner or "").split())
    if not party:
        raise PartyNeeded("请用 --office 指明填报单位（这份台账不是为某一单位导出的）")
    ws, cols = _main_sheet(wb, str(head[7] or ""), path.name)
    if ws.max_row > MAX_ROWS:
        raise BundleRejected(f"台账行数过多（超过 {MAX_ROWS} 行）：{path.name}")
    at = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
    library = "xlsx-" + hashlib.sha256(export_id.encode()).hexdigest()[:24]
    changes: list[Change] = []
    warnings: list[str] = []
    seen: set[str] = set()

    def change(mid: str, field: str, before: Any, after: Any) -> Change:
        # The same cell of the same export is the same change, whoever imports it and however often.
        digest = hashlib.sha256(f"{export_id}|{mid}|{field}|{after}".encode()).hexdigest()[:32]
        return Change(digest, mid, field, before, after, party, at, library, party)

    for row in ws.iter_rows(min_row=3):
        cells = {key: row[col - 1] if col - 1 < len(row) else None for key, col in cols.items()}
        where = f"第 {row[0].row} 行"
        mid = _cell_text(cells["措施ID"].value if cells["措施ID"] else None)
        editable = [cells[k] for k in ("完成时限", "状态", "进展情况") if cells[k] is not None]
        if not mid:
            if any(_cell_text(c.value) for c in editable):
                warnings.append(f"{where}没有措施编号（新增的行？），未导入")
            continue
        if mid not in exported:
            raise BundleRejected(f"台账{where}的措施编号 {mid[:40]} 不在导出的台账中（行被改动？）：{path.name}")
        if mid in seen:
            raise BundleRejected(f"台账中措施 {mid} 出现了两次（{where}），无法判断以哪行为准：{path.name}")
        seen.add(mid)
        for c in editable:
            if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith("=")):
                raise BundleRejected(f"台账{where}{c.coordinate} 是公式，请改为填写文字后再交回：{path.name}")
        for locked in ("牵头单位", "参与单位"):  # not for the party to change: said, never applied
            if locked in cols and _cell_text(row[cols[locked] - 1].value) != exported[mid][locked]:
                warnings.append(f"{where}的{locked}被改动，未导入（只导入 完成时限、状态、进展情况）")
        try:
            changes += _row_changes(cells, exported[mid], where, warnings, lambda f, b, a, m=mid: change(m, f, b, a))
        except BundleRejected as exc:
            raise BundleRejected(f"台账{where}：{exc}：{path.name}") from None
    missing = len(set(exported) - seen)
    if missing:
        warnings.append(f"{missing} 行在交回的台账中已删除，这些措施不作修改")
    return Bundle(library, party, at, 0, {}, tuple(changes), ()), warnings


def _row_changes(cells: dict[str, Any], base: dict[str, str], where: str, warnings: list[str],
                 change: Any) -> list[Change]:
    """The changes one row carries against the values exported for it."""
    out: list[Change] = []
    deadline = _cell_text(cells["完成时限"].value)
    if deadline != base["deadline"]:
        out.append(change("deadline", deadline_value(base["deadline"]), deadline_value(deadline)))
    status = _cell_text(cells["状态"].value)
    if not status:
        if base["status"]:
            warnings.append(f"{where}状态被清空，未导入（状态不能为空）")
    elif (code := _STATUS_CODES.get(fold(status)) or status_code(status)) is None:  # 進行中 = 推进中
        raise BundleRejected(f"状态“{status[:20]}”无效（可用：{'、'.join(STATUSES.values())}）")
    elif code != base["status"]:
        out.append(change("status", check_value("status", base["status"]), code))
    progress = _cell_text(cells["进展情况"].value, cells["进展情况"].number_format or "")
    if progress:
        if len(progress) > MAX_TEXT:
            raise BundleRejected(f"进展情况过长（最多 {MAX_TEXT} 字）")
        first = change("note", None, progress)
        note = {"uid": first.change_id, "text": progress, "author": first.author, "at": first.at}
        out.append(change("note", None, check_value("note", note)))
    return out
