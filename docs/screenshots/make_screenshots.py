"""Regenerate the README screenshots: ``python docs/screenshots/make_screenshots.py [OUT_DIR]``.

Runs the real window on a throwaway library with sample annotations (QT_QPA_PLATFORM=offscreen
unless DISPLAY is set) and grabs each view, the export dialog and the second-instance dialog.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from panprd_desktop.core.annotations import Edit  # noqa: E402
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.ui.app import _font  # noqa: E402
from panprd_desktop.ui.dialogs import Dialogs  # noqa: E402
from panprd_desktop.ui.dialogs.export_dialog import ExportDefaults, ExportDialog  # noqa: E402
from panprd_desktop.ui.dialogs.locked_dialog import LockedDialog  # noqa: E402
from panprd_desktop.ui.i18n import install_translators  # noqa: E402
from panprd_desktop.ui.main_window import MainWindow  # noqa: E402
from panprd_desktop.ui.qt import QtCore, QtWidgets  # noqa: E402
from panprd_desktop.ui.search_adapter import SearchFilters  # noqa: E402
from panprd_desktop.ui.settings import Settings  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
TODAY = date(2026, 11, 27)


def sample(lib: Library) -> None:
    ids = lib.measures.ids()
    sec10 = [m for m in ids if lib.measures.get(m).label.startswith("（十）")]
    lib.annotate(sec10[:3], Edit(set_leads=("广东省",), add_participants=("港", "澳")), "陈晓")
    lib.annotate(sec10[0:1], Edit(status="in_progress", deadline="2026年12月底前", add_tags=("交通",)), "陈晓")
    lib.annotate(sec10[0:1], Edit(note="港珠澳大桥配套口岸已完成联合验收，待国家口岸办批复。"), "陈晓")
    lib.annotate(sec10[1:2], Edit(status="delayed", deadline="2026-09-30"), "李敏")
    lib.annotate(sec10[2:3], Edit(status="done", deadline="2025年底前"), "李敏")
    lib.annotate(ids[30:34], Edit(set_leads=("国家发展改革委",), add_participants=("粤", "桂"),
                                  deadline="2026-12-15", status="in_progress"), "陈晓")
    lib.annotate(ids[60:64], Edit(set_leads=("交通运输部",), add_participants=("湘", "黔"),
                                  deadline="2026年第三季度", status="not_started"), "陈晓")
    lib.annotate(ids[80:82], Edit(set_leads=("香港特别行政区",), deadline="长期坚持", status="ongoing"), "李敏")


def sample_window(lang: str) -> tuple[QtWidgets.QApplication, Library, MainWindow]:
    """The app in ``lang`` with settings in a fresh folder, and a window on a new sample library."""
    app = QtWidgets.QApplication([sys.argv[0]])
    install_translators(app, lang)
    _font(app)
    tmp = Path(tempfile.mkdtemp())
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp))
    lib = Library(tmp / "library.sqlite3")
    sample(lib)
    settings = Settings()
    settings.author = "陈晓"
    return app, lib, MainWindow(lib, settings, Dialogs(), today=lambda: TODAY)


def settle(app: QtWidgets.QApplication, window: MainWindow, ms: int = 400) -> None:
    """Let the event loop and the worker finish what is in flight."""
    # (not processEvents(flags, ms) in a loop: Qt for Python 6.12 crashes on it, "none_dealloc")
    loop = QtCore.QEventLoop()
    QtCore.QTimer.singleShot(ms, loop.quit)
    loop.exec()
    window.worker.wait()
    app.processEvents()


def main() -> int:
    lang = os.environ.get("SHOT_LANG", "zh_CN")
    english = lang != "zh_CN"  # one main-window shot per extra language
    app, lib, window = sample_window(lang)
    window.resize(1500, 920)
    window.show()

    def shot(widget: QtWidgets.QWidget, name: str) -> None:
        settle(app, window)
        widget.grab().save(str(OUT / (name if not english else name.replace(".png", f"-{lang}.png"))))

    settle(app, window, 800)
    first = [m for m in lib.measures.ids() if lib.measures.get(m).label == "（十）1"][0]
    window.open_measure(first)
    shot(window, "main-reader-inspector.png")
    if english:
        return 0

    window.focus_search()
    window.search.box.setText("港澳 口岸")
    settle(app, window, 900)
    window.open_measure(window.search.model.hit(1).measure_id)
    window.left.setCurrentIndex(1)
    shot(window, "search-results.png")

    window.center.setCurrentIndex(1)
    window.division.select_ids(lib.measures.ids()[40:43])
    window.division.table.scrollTo(window.division.model.index(38, 0),
                                   QtWidgets.QAbstractItemView.ScrollHint.PositionAtTop)
    shot(window, "division-table.png")

    window.center.setCurrentIndex(2)
    window.deadlines.refresh()
    shot(window, "deadlines.png")

    dialog = ExportDialog(ExportDefaults(query="港澳", filters=SearchFilters(owner="广东省", role="lead"),
                                         selected=[first], prepared_by="陈晓", folder="/home/chen/文档"), window)
    dialog.meeting.setText("泛珠三角区域合作行政首长联席会议")
    dialog.meeting_date.setText("2026年12月")
    dialog.show()
    shot(dialog, "export-dialog.png")
    dialog.close()

    locked = LockedDialog(str(lib.path), window)
    locked.show()
    shot(locked, "locked-dialog.png")
    locked.close()
    window.close()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
