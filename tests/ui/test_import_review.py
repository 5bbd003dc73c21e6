"""After an import the window shows what was found; 文件 → 移除文档…; closing cancels an import."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.ui.dialogs.import_review import ImportReviewDialog, RemoveDocumentDialog
from panprd_desktop.ui.models.tree_model import IdRole
from panprd_desktop.ui.qt import Qt, QtCore, QtGui, QtWidgets
from tests.core.pdf_fixtures import text_pdf
from tests.core.table_fixtures import table_docx, table_xlsx
from tests.ui.conftest import ScriptedDialogs
from tests.ui.helpers import reopen, wait_idle


class RemovingDialogs(ScriptedDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.remove_answer: str | None = None
        self.remove_offered: tuple[list[str], str | None] | None = None

    def document_to_remove(self, parent: Any, docs: Any, current: str | None) -> str | None:
        self.remove_offered = ([d.doc_id for d in docs], current)
        return self.remove_answer


@pytest.fixture
def dialogs() -> RemovingDialogs:
    return RemovingDialogs()


def _review(window: Any) -> ImportReviewDialog:
    found = [d for d in window.findChildren(ImportReviewDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def test_review_lists_what_each_imported_file_gave(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    dialogs.import_answer = [str(table_docx(tmp_path / "keywork.docx")), str(table_xlsx(tmp_path / "ledger.xlsx"))]
    window.actions_.import_files.trigger()
    wait_idle(qtbot, window)
    assert dialogs.errors == []
    lines = _review(window).lines()
    assert lines[0].startswith("粤港合作框架协议2017年重点工作分工表")
    assert "部分 / 节 / 措施 2 / 2 / 4" in lines
    assert lines.count("取自原文的牵头/参与单位 4 条措施") == 2  # the Word table and the 台账
    assert lines.count("取自原文的完成时限 4 条措施") == 2
    assert any(line.startswith("粤港合作框架协议2017年重点工作台账") for line in lines)


def test_reimport_is_reviewed_as_already_there(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path) -> None:
    dialogs.import_answer = [str(table_docx(tmp_path / "keywork.docx"))]
    window.actions_.import_files.trigger()
    wait_idle(qtbot, window)
    _review(window).close()
    window.actions_.import_files.trigger()
    wait_idle(qtbot, window)
    assert any("资料库中已有" in line for line in _review(window).lines())
    assert window.tree_model.rowCount() == 2


def test_pdf_and_xlsx_can_be_dropped(qtbot: Any, window: Any, tmp_path: Path) -> None:
    lines = ["泛珠三角区域合作通知", "一、总体要求", "（一）加强合作。推进互联互通。"]
    pdf = text_pdf(tmp_path / "notice.pdf", [lines])
    xlsx = table_xlsx(tmp_path / "ledger.xlsx")
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(pdf)), QtCore.QUrl.fromLocalFile(str(xlsx))])
    pos = QtCore.QPoint(200, 200)  # (QPointF is refused when Qt was imported after other tests)
    args = (pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QtGui.QDragEnterEvent(*args)
    QtWidgets.QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QtWidgets.QApplication.sendEvent(window, QtGui.QDropEvent(*args))
    wait_idle(qtbot, window)
    assert window.tree_model.rowCount() == 3


def test_remove_document_from_the_menu(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path,
                                       lib_path: Path) -> None:
    dialogs.import_answer = [str(table_docx(tmp_path / "keywork.docx"))]
    window.actions_.import_files.trigger()
    wait_idle(qtbot, window)
    doc_id = window.tree_model.index(1, 0).data(IdRole)[1]
    window.tree.setCurrentIndex(window.tree_model.index(1, 0))
    dialogs.remove_answer = None  # cancelled: nothing happens
    window.actions_.remove_document.trigger()
    wait_idle(qtbot, window)
    assert dialogs.remove_offered is not None and dialogs.remove_offered[1] == doc_id
    assert window.tree_model.rowCount() == 2
    dialogs.remove_answer = doc_id
    window.actions_.remove_document.trigger()
    wait_idle(qtbot, window)
    assert window.tree_model.rowCount() == 1 and dialogs.errors == []
    assert window.division.model.rowCount() == 193  # the 分工表 shows only the guideline again
    message = window.statusBar().currentMessage()
    assert "已移除" in message and "pre-remove" in message
    with reopen(lib_path) as lib:
        assert doc_id not in [d.doc_id for d in lib.documents.list()]


def test_remove_dialog_preselects_the_current_document(qtbot: Any, window: Any) -> None:
    docs = window.lib.documents.list()
    dialog = RemoveDocumentDialog(docs, docs[0].doc_id, window)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == docs[0].doc_id and "移除前会先备份" in dialog.findChild(QtWidgets.QLabel).text()


def test_remove_is_disabled_when_read_only(qtbot: Any, make_window: Any) -> None:
    make_window()  # creates the library
    ro = make_window(read_only=True)
    assert not ro.actions_.remove_document.isEnabled()


def test_closing_the_window_cancels_an_import_in_flight(qtbot: Any, window: Any, dialogs: Any, tmp_path: Path,
                                                         lib_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>第{i}项措施，推进合作。</w:t></w:r></w:p>" for i in range(400_000))
    big = tmp_path / "big.docx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    dialogs.import_answer = [str(big)]
    window.actions_.import_files.trigger()
    qtbot.waitUntil(lambda: window.worker.current_long is not None, timeout=2000)
    start = time.perf_counter()
    window.close()
    assert time.perf_counter() - start < 1.0  # not the several seconds the whole import takes
    window.worker.wait()
    with reopen(lib_path) as lib:
        assert len(lib.documents.list()) == 1
