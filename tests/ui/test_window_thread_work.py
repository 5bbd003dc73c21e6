"""Issue 13: the window thread's work does not grow with the library.

The same session — open the window, read the first section, open the 分工表, sort it by status,
open 期限提醒, import a file — on a library of ~300 measures and on one of ~20,000 (bulk-inserted,
8,000 of them due). What is counted is the Python lines our own code runs on the window thread
(a loop's every iteration is a line event, comprehensions included), so the check is exact and
does not depend on the machine's load; the worker's threads are not traced. A window thread
that loops over the library's rows (a deadline count, a document list filled an item at a time,
the tree's counts) makes the big library's count grow with its size and fails the check.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.ui.main_window import TAB_DEADLINES, TAB_TABLE, MainWindow
from panprd_desktop.ui.models.table_model import COL_STATUS
from panprd_desktop.ui.qt import Qt
from panprd_desktop.ui.settings import Settings
from tests.ui.helpers import close_window, wait_idle
from tests.ui.test_scale import _bulk_library

OURS = str(Path(__file__).resolve().parents[2] / "panprd_desktop")
TESTS = str(Path(__file__).resolve().parents[1])


class LineCount:
    """Lines executed by ``panprd_desktop`` code on the thread that starts it — except what a
    test's waiting condition (a lambda polled every few ms) calls: that follows the clock."""

    def __init__(self) -> None:
        self.lines = 0
        self._polls: set[int] = set()  # frames running a wait's condition, by id while they run

    def _local(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "line":
            self.lines += 1
        return self._local

    def _skip(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        if event == "return":
            self._polls.discard(id(frame))
        return self._skip

    def _global(self, frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        caller = frame.f_back
        if caller is not None and (id(caller) in self._polls or (
                caller.f_code.co_name == "<lambda>" and caller.f_code.co_filename.startswith(TESTS))):
            self._polls.add(id(frame))
            return self._skip
        return self._local if frame.f_code.co_filename.startswith(OURS) else None

    def __enter__(self) -> LineCount:
        assert threading.current_thread() is threading.main_thread()
        sys.settrace(self._global)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.settrace(None)


def _due_deadlines(path: Path, every: int) -> int:
    """Give every ``every``-th bulk measure an overdue deadline (shown by 期限提醒)."""
    conn = sqlite3.connect(path, isolation_level=None)
    with conn:
        rows = conn.execute("SELECT measure_id FROM measures WHERE doc_id = 'bulk'").fetchall()
        due = [(r[0],) for i, r in enumerate(rows) if i % every == 0]
        conn.executemany("INSERT INTO annotations(measure_id, status, deadline_text, deadline_date, updated_at)"
                         " VALUES (?, 'in_progress', '2020年底前', '2020-12-31', '2026')"
                         " ON CONFLICT(measure_id) DO UPDATE SET status = 'in_progress',"
                         " deadline_text = excluded.deadline_text, deadline_date = excluded.deadline_date", due)
    conn.close()
    return len(due)


def _session(qtbot: Any, path: Path, dialogs: Any, import_file: Path) -> int:
    """Lines run on the window thread for a typical first minute with the library at ``path``."""
    lib = Library(path)
    with LineCount() as count:
        window = MainWindow(lib, Settings(), dialogs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: bool(window.reader.toPlainText().strip()))
        window.center.setCurrentIndex(TAB_TABLE)
        wait_idle(qtbot, window)
        window.division.table.sortByColumn(COL_STATUS, Qt.SortOrder.DescendingOrder)
        wait_idle(qtbot, window)
        window.center.setCurrentIndex(TAB_DEADLINES)
        wait_idle(qtbot, window)
        window.ops.import_files([import_file])
        wait_idle(qtbot, window)
        qtbot.wait(50)  # the reloaded tree and its document lists arrive
        wait_idle(qtbot, window)
    assert window.deadlines.model.rowCount() > 0
    close_window(window)
    return count.lines


def test_window_thread_work_does_not_grow_with_the_library(
        qtbot: Any, tmp_path: Path, settings: Settings, dialogs: Any) -> None:
    small, big = tmp_path / "small.sqlite3", tmp_path / "big.sqlite3"
    _bulk_library(small, sections=10, per_section=10)
    _bulk_library(big, sections=200, per_section=100)
    assert _due_deadlines(small, 10) == 10
    assert _due_deadlines(big, 10) == 2_000
    text = tmp_path / "import.txt"
    text.write_text("关于测试导入的通知\n\n一、总体要求\n（一）推进合作。\n1. 加强粤港澳合作。\n2. 深化泛珠合作。\n",
                    encoding="utf-8")

    lines_small = _session(qtbot, small, dialogs, text)
    lines_big = _session(qtbot, big, dialogs, text)

    # 66× the measures, 200× the due rows: the window thread's lines stay within a small margin
    # (some work legitimately follows what is on screen; none may follow the library's size)
    assert lines_big < 1.3 * lines_small + 2_000, (lines_small, lines_big)
