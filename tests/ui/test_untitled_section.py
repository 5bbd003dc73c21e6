"""A 台账 or a document without headings has one untitled block: the reader and the status bar
name the document, not （无标题）.

Found in the day-long QA run: opening an imported .docx 分工表 showed a big “（无标题）” over its
rows and “（无标题）：3 条措施” in the status bar, so the user could not tell which document it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.ui.helpers import wait_idle


def _ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["泛珠区域合作2026年重点工作台账"])
    ws.append(["序号", "工作任务", "牵头单位", "完成时限"])
    ws.append([1, "加强泛珠区域旅游合作，打造精品旅游线路。", "湖南省", "2026年9月"])
    ws.append([2, "推动泛珠区域人才交流与互认。", "四川省", "2027年"])
    wb.save(path)
    return path


def test_untitled_block_is_shown_under_its_document_title(qtbot: Any, window: Any, tmp_path: Path) -> None:
    [r] = window.lib.import_files([_ledger(tmp_path / "ledger.xlsx")])
    window.tree_model.reload()
    wait_idle(qtbot, window)
    window.open_measure(f"{r.doc_id}.1.1")
    wait_idle(qtbot, window)
    heading = window.reader.toPlainText().strip().splitlines()[0]
    assert heading == r.title == "泛珠区域合作2026年重点工作台账"
    assert window.statusBar().currentMessage().startswith(r.title)
    # A titled section keeps its own title.
    guideline = window.lib.documents.list()[0].doc_id
    window.open_measure(f"{guideline}.10.1")
    wait_idle(qtbot, window)
    assert window.reader.toPlainText().strip().splitlines()[0].startswith("（十）")


def test_inspector_says_the_status_came_from_the_ledger(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "牵头单位", "状态"])
    ws.append([1, "加强泛珠区域旅游合作，打造精品旅游线路。", "湖南省", "推进中"])
    wb.save(path)
    [r] = window.lib.import_files([path])
    window.tree_model.reload()
    wait_idle(qtbot, window)
    window.open_measure(f"{r.doc_id}.1.1")
    wait_idle(qtbot, window)
    assert window.inspector.status.currentData() == "in_progress"
    hint = window.inspector.source_hint
    assert hint.isVisible() and "状态" in hint.text() and "牵头单位" in hint.text()
