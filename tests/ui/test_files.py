"""Import (menu and drag-and-drop), export of a briefing pack, printing through a preview."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.core.packs import PackOptions
from panprd_desktop.ui.dialogs.export_dialog import ExportDefaults, ExportDialog, ExportRequest
from panprd_desktop.ui.qt import Qt, QtCore, QtGui, QtWidgets
from panprd_desktop.ui.search_adapter import SearchFilters
from tests.conftest import related_files
from tests.ui.helpers import reopen, type_text, wait_idle

MACAO_ARBITRATION = "最高人民法院关于内地与澳门特别行政区相互认可和执行仲裁裁决的安排(2007-12-12).md"


def related(tmp_path: Path, name: str = MACAO_ARBITRATION) -> Path:
    source = next(p for p in related_files() if p.name == name)
    return Path(shutil.copy(source, tmp_path / source.name))


def test_import_by_menu(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path, lib_path: Path) -> None:
    dialogs.import_answer = [str(related(tmp_path))]
    window.actions_.import_files.trigger()
    wait_idle(qtbot, window)
    assert dialogs.errors == []
    titles = [window.tree_model.index(r, 0).data() for r in range(window.tree_model.rowCount())]
    assert len(titles) == 2 and "澳门" in titles[1]
    assert window.search.filter_bar.doc.count() == 3  # 全部文档 + two
    assert window.division.model.rowCount() > 193
    with reopen(lib_path) as lib:
        assert len(lib.documents.list()) == 2


def test_import_by_drag_and_drop(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = related(tmp_path)
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    pos = QtCore.QPointF(200, 200)
    # QDragEnterEvent takes an integer QPoint (a QPointF only from PySide6 6.12 on).
    enter = QtGui.QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(window, drop)
    wait_idle(qtbot, window)
    assert window.tree_model.rowCount() == 2
    assert "已导入" in window.statusBar().currentMessage()


def test_import_of_a_bad_file_is_a_message(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip")
    dialogs.import_answer = [str(bad)]
    window.actions_.import_files.trigger()
    wait_idle(qtbot, window)
    assert len(dialogs.errors) == 1 and "坏文件.docx" in dialogs.errors[0]
    assert "Traceback" not in dialogs.errors[0]
    assert window.tree_model.rowCount() == 1


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_export_current_filter(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path, fmt: str) -> None:
    window.focus_search()
    type_text(window.search.box, "港澳")
    wait_idle(qtbot, window)
    out = tmp_path / f"简报.{fmt}"

    def answer(defaults: ExportDefaults) -> ExportRequest:
        dialog = ExportDialog(defaults, window)  # the real dialog, filled in and accepted
        dialog.scope_filter.setChecked(True)  # the scope is chosen explicitly (issue 11), not by the tab
        dialog.meeting.setText("联席会议")
        dialog.fmt.setCurrentIndex(dialog.fmt.findData(fmt))
        dialog.path.setText(str(out))
        QtCore.QTimer.singleShot(0, dialog.accept)
        assert dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        return dialog.request()

    dialogs.export_answer = answer
    with qtbot.waitSignal(window.ops.exported, timeout=30_000) as blocker:
        window.actions_.export.trigger()
    assert blocker.args[0] == out and out.exists() and out.stat().st_size > 1000
    assert dialogs.export_defaults.query == "港澳"
    assert dialogs.errors == []


def test_export_can_be_cancelled(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    out = tmp_path / "全部.pdf"
    dialogs.export_answer = ExportRequest(PackOptions(), {}, out, "pdf")
    window.actions_.export.trigger()
    assert window.jobs.cancel.isVisible() and window.jobs.progress.isVisible()
    qtbot.mouseClick(window.jobs.cancel, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert not out.exists() and not list(tmp_path.glob("*.pdf*"))
    assert window.statusBar().currentMessage() == "导出已取消"
    assert not window.jobs.progress.isVisible()


def test_print_preview_of_the_pack(qtbot: Any, window: Any, dialogs: Any) -> None:
    filters = SearchFilters(status="not_started")
    dialogs.export_answer = ExportRequest(PackOptions(title="分工进展简报", marking="内部资料"),
                                          {"filters": filters}, None, "pdf")
    assert window.actions_.print_pack.shortcut().toString() == "Ctrl+P"
    window.actions_.print_pack.trigger()
    wait_idle(qtbot, window)
    assert dialogs.export_defaults.for_print
    [document] = dialogs.previewed
    text = document.toPlainText()
    assert "分工进展简报" in text and "内部资料" in text and "（一）1" in text and "牵头单位" in text
    # the very pages the PDF export writes: cover, 一、汇总, 二、分工表, page numbers "— N —"
    assert "一、汇总" in text and "二、分工表" in text and "三、措施详情" in text and "— 2 —" in text


def test_printed_pages_are_the_exported_pdf_pages(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from panprd_desktop.ui.qt import print_support

    options = PackOptions(title="分工进展简报")
    selection = {"filters": SearchFilters(status="not_started")}
    dialogs.export_answer = ExportRequest(options, selection, None, "pdf")
    window.actions_.print_pack.trigger()
    wait_idle(qtbot, window)
    [pages] = dialogs.previewed
    exported = tmp_path / "exported.pdf"
    dialogs.export_answer = ExportRequest(options, selection, exported, "pdf")
    window.actions_.export.trigger()
    wait_idle(qtbot, window)
    qps = print_support()
    printer = qps.QPrinter(qps.QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(qps.QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(150)
    pages.print_(printer)
    assert pages.page_count() == len(PdfReader(exported).pages) == len(PdfReader(printed).pages) > 3
    first = pages.render(1, 50)  # the summary page, drawn: not blank
    assert any(first.pixelColor(x, y).lightness() < 128 for x in range(0, first.width(), 3)
               for y in range(0, first.height(), 3))
    # the real preview dialog shows every page of it
    from panprd_desktop.ui.printing import preview

    counted: list[int] = []

    def close_it() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        counted.append(dialog.findChild(qps.QPrintPreviewWidget).pageCount())
        dialog.reject()

    QtCore.QTimer.singleShot(500, close_it)
    preview(window, pages)  # closes the pages when the dialog closes
    assert counted == [len(PdfReader(exported).pages)]
    assert not pages.path.exists()  # the temporary PDF is gone


def test_real_print_preview_dialog_opens(qtbot: Any, window: Any) -> None:
    from panprd_desktop.ui.printing import preview

    document = QtGui.QTextDocument()
    document.setPlainText("泛珠三角区域合作")
    seen: list[str] = []

    def close_it() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QtCore.QTimer.singleShot(200, close_it)
    preview(window, document)
    assert seen == ["QPrintPreviewDialog"]
