"""GUI driver for bench_scale.py: the real window on a big library, window-thread stalls per step.

    python bench/scale_gui.py LIB IMPORT_FILE   (run by bench_scale.py in a fresh process)

A QTimer ticks every 5 ms on the event loop and records the gap since its last tick: a gap
well over 5 ms is time the window thread could not answer the user. Each step (start-up,
opening each tab, sorting, filtering, importing, reindexing, exporting) resets the record and
reports the longest gap and the 99th percentile, as one JSON line on stdout. Waiting is done
with a QEventLoop (processEvents in a loop aborts PySide6 6.12 on Python 3.11).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.packs import PackOptions  # noqa: E402
from panprd_desktop.ui.qt import QtCore, QtWidgets  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc, else psutil when installed)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        return float("nan")


class Stalls:
    """Gaps between the ticks of a 5 ms timer on the window thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QtCore.QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def reset(self) -> None:
        self.gaps = []
        self.last = time.perf_counter()

    def summary(self) -> tuple[float, float]:
        self._tick()  # the gap still open at the end of a step counts too
        gaps = sorted(self.gaps)
        p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))]
        return gaps[-1] * 1000, p99 * 1000


def wait_until(cond: Callable[[], bool], timeout: float = 600.0) -> float:
    """Run the event loop until ``cond()``; returns seconds waited."""
    start = time.perf_counter()
    loop = QtCore.QEventLoop()
    poll = QtCore.QTimer()
    poll.setInterval(2)

    def check() -> None:
        if cond() or time.perf_counter() - start > timeout:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    if not cond():
        loop.exec()
    poll.stop()
    return time.perf_counter() - start


def settle(ms: int = 30) -> None:
    deadline = time.perf_counter() + ms / 1000
    wait_until(lambda: time.perf_counter() >= deadline)


def emit(**row: object) -> None:
    print(json.dumps(row, ensure_ascii=False), flush=True)


def main() -> int:
    lib_path, import_file = Path(sys.argv[1]), Path(sys.argv[2])
    app = QtWidgets.QApplication([sys.argv[0]])
    from panprd_desktop.ui.main_window import TAB_DEADLINES, TAB_TABLE, MainWindow
    from panprd_desktop.ui.models.table_model import COL_STATUS
    from panprd_desktop.ui.settings import Settings
    from tests.ui.conftest import ScriptedDialogs

    tmp = Path(tempfile.mkdtemp(prefix="scale-gui-"))
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp))
    stalls = Stalls()
    state: dict[str, object] = {}

    def open_window() -> None:
        lib = Library(lib_path, defer_backup=True)  # as panprd_desktop.ui.app opens it
        window = MainWindow(lib, Settings(), ScriptedDialogs())
        window.show()
        state["window"], state["lib"] = window, lib

    def usable() -> bool:
        window = state.get("window")
        if window is None:
            return False
        model = window.tree_model  # type: ignore[attr-defined]
        return (model.rowCount() > 0 and model.index(0, 1).data() not in (None, "")
                and bool(window.reader.toPlainText().strip()))  # type: ignore[attr-defined]

    QtCore.QTimer.singleShot(0, open_window)
    wait_until(usable)
    stall, p99 = stalls.summary()
    emit(step="start-up", usable_s=round(time.perf_counter() - T0, 3), stall_ms=stall, p99_ms=p99)
    window = state["window"]
    lib: Library = state["lib"]  # type: ignore[assignment]
    worker = window.worker  # type: ignore[attr-defined]

    def idle() -> bool:
        return not worker.busy() and not window.division.pending()  # type: ignore[attr-defined]

    def step(name: str, action: Callable[[], None], done: Callable[[], bool], **extra: object) -> float:
        settle()
        stalls.reset()
        start = time.perf_counter()
        action()
        settle(20)
        wait_until(lambda: idle() and done())
        took = time.perf_counter() - start
        stall, p99 = stalls.summary()
        emit(step=name, seconds=round(took, 3), stall_ms=stall, p99_ms=p99, rss_mb=round(rss_mb()), **extra)
        return took

    wait_until(idle)  # the search index warm-up (built here if missing)
    division = window.division  # type: ignore[attr-defined]
    step("open 分工表", lambda: window.center.setCurrentIndex(TAB_TABLE),  # type: ignore[attr-defined]
         lambda: division.model.rowCount() > 0)
    step("sort 分工表 by status",
         lambda: division.table.sortByColumn(COL_STATUS, QtCore.Qt.SortOrder.DescendingOrder), lambda: True)
    step("sort 分工表 by 序号",
         lambda: division.table.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder), lambda: True)
    before = division.count.text()
    step("filter 分工表 (keystroke → rows, incl. the typing pause)", lambda: division.query.setText("合作"),
         lambda: division.count.text() != before)
    step("clear filter", lambda: division.query.setText(""), lambda: True)
    step("open 期限提醒", lambda: window.center.setCurrentIndex(TAB_DEADLINES),  # type: ignore[attr-defined]
         lambda: True)
    docs = window.tree_model.rowCount()  # type: ignore[attr-defined]
    step("import one file", lambda: window.ops.import_files([import_file]),  # type: ignore[attr-defined]
         lambda: window.tree_model.rowCount() > docs and usable())  # type: ignore[attr-defined]

    # A click while the index rebuilds: open another section in the tree and time the click.
    click: dict[str, float] = {}

    def reindex_and_click() -> None:
        window.ops.reindex()  # type: ignore[attr-defined]
        settle(100)
        tree, model = window.tree, window.tree_model  # type: ignore[attr-defined]
        doc = model.index(model.rowCount() - 1, 0)
        tree.expand(doc)
        settle(50)  # expanding and then clicking a section are two clicks: the window runs between them
        part = model.index(0, 0, doc)
        section = model.index(0, 0, part)
        start = time.perf_counter()
        tree.setCurrentIndex(section)
        click["s"] = time.perf_counter() - start

    step("reindex (+ a click meanwhile)", reindex_and_click, lambda: True)
    emit(step="click while reindexing", seconds=round(click.get("s", float("nan")), 4))
    ids = lib.measures.ids()[:200] if hasattr(lib, "measures") else []
    out = tmp / "pack.docx"
    step("export 200 measures (.docx)",
         lambda: window.ops.export_pack(PackOptions(), {"measure_ids": ids}, out, "docx"),  # type: ignore[attr-defined]
         lambda: out.exists())
    window.close()  # type: ignore[attr-defined]
    lib.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
