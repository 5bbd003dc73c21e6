"""Follow-up of issues 10/11 — the export dialog offers the 分工表 .xlsx 台账 beside Word and PDF,
optionally "for return" (供填报回收), with the same overwrite question and 打开文件 afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.exchange import Exchange
from panprd_desktop.ui.dialogs.export_dialog import ExportDefaults, ExportDialog, ExportRequest
from panprd_desktop.ui.qt import Qt, QtCore, QtWidgets
from tests.ui.helpers import wait_idle


def test_xlsx_is_a_third_format_and_for_return_only_with_it(qtbot: Any, tmp_path: Path) -> None:
    dialog = ExportDialog(ExportDefaults(folder=str(tmp_path)))
    qtbot.addWidget(dialog)
    assert [dialog.fmt.itemData(i) for i in range(dialog.fmt.count())] == ["docx", "pdf", "xlsx"]
    assert not dialog.for_return.isEnabled()  # a Word pack cannot be filled in and returned
    dialog.fmt.setCurrentIndex(dialog.fmt.findData("xlsx"))
    assert dialog.path.text().endswith(".xlsx")
    assert dialog.for_return.isEnabled() and not dialog.landscape.isEnabled()
    dialog.for_return.setChecked(True)
    assert dialog.request().for_return and dialog.request().fmt == "xlsx"
    dialog.fmt.setCurrentIndex(dialog.fmt.findData("pdf"))
    assert not dialog.for_return.isEnabled() and not dialog.request().for_return


def test_existing_xlsx_asks_before_replacing(qtbot: Any, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    out.write_bytes(b"earlier")
    dialog = ExportDialog(ExportDefaults(folder=str(tmp_path), fmt="xlsx"))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(out))
    seen: list[str] = []

    def answer() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(box, QtWidgets.QMessageBox)
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "取消").click()

    QtCore.QTimer.singleShot(50, answer)
    dialog.accept()
    assert seen and "台账.xlsx" in seen[0]
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert out.read_bytes() == b"earlier"


def test_window_exports_a_returnable_xlsx_for_an_owner(qtbot: Any, window: Any, dialogs: Any,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "广东台账.xlsx"
    ids = window.lib.measures.ids()[:3]
    window.lib.annotate(ids[:2], Edit(add_leads=("粤",)), "陈晓")
    window.lib.annotate(ids[2:], Edit(add_leads=("港",)), "陈晓")

    def answer(defaults: ExportDefaults) -> ExportRequest:
        dialog = ExportDialog(defaults, window)
        dialog.owner.setCurrentText("粤")  # an alias: the 台账 names the party as the library does
        dialog.role.setCurrentIndex(dialog.role.findData("any"))
        dialog.fmt.setCurrentIndex(dialog.fmt.findData("xlsx"))
        dialog.for_return.setChecked(True)
        dialog.path.setText(str(out))
        return dialog.request()

    dialogs.export_answer = answer
    with qtbot.waitSignal(window.ops.exported, timeout=60_000):
        window.actions_.export.trigger()
    wait_idle(qtbot, window)
    wb = openpyxl.load_workbook(out)
    meta = wb["_panprd"]
    assert meta.sheet_state == "veryHidden"
    assert meta.cell(1, 7).value == "广东省"  # made for this party
    assert wb.worksheets[0].max_row - 2 == 2  # only the measures 广东省 leads or joins
    # it merges back: the same file is recognised as a return (dry run, nothing written)
    with window.lib.lock:
        preview = Exchange(window.lib).import_file(out, dry_run=True)
    assert preview["applied"] == 0 and not preview["conflicts"]
    done = window.export_done
    assert done.isVisible() and "广东台账.xlsx" in done.label.text()
    qtbot.mouseClick(done.open_file, Qt.MouseButton.LeftButton)
    assert dialogs.opened == [out]
    assert window.settings.value("export/format") == "xlsx"


def test_plain_xlsx_has_no_return_sheet(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    out = tmp_path / "分工表.xlsx"
    dialogs.export_answer = lambda d: _request(d, window, out)
    with qtbot.waitSignal(window.ops.exported, timeout=60_000):
        window.actions_.export.trigger()
    wait_idle(qtbot, window)
    wb = openpyxl.load_workbook(out)
    assert "_panprd" not in wb.sheetnames
    assert any("通关" in str(c.value) for row in wb.worksheets[0].iter_rows() for c in row)


def _request(defaults: ExportDefaults, window: Any, out: Path) -> ExportRequest:
    dialog = ExportDialog(defaults, window)
    dialog.fmt.setCurrentIndex(dialog.fmt.findData("xlsx"))
    dialog.path.setText(str(out))
    return dialog.request()
