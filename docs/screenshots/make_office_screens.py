"""Screenshots of the whole screen at office sizes (issue 11): the window as it first opens.

Run under Xvfb, one screen size per run; QT_SCALE_FACTOR simulates Windows display scaling::

    Xvfb :9 -screen 0 1366x768x24 &
    DISPLAY=:9 python docs/screenshots/make_office_screens.py office-1366x768-100
    DISPLAY=:9 QT_SCALE_FACTOR=1.5 python docs/screenshots/make_office_screens.py office-1366x768-150

Writes ``NAME-reader.png`` and ``NAME-table.png`` beside this script (the full screen, so
whether the window fits is visible).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docs.screenshots.make_screenshots import sample  # noqa: E402
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.ui.app import _font  # noqa: E402
from panprd_desktop.ui.dialogs import Dialogs  # noqa: E402
from panprd_desktop.ui.i18n import install_translators  # noqa: E402
from panprd_desktop.ui.main_window import MainWindow  # noqa: E402
from panprd_desktop.ui.qt import QtCore, QtWidgets  # noqa: E402
from panprd_desktop.ui.settings import Settings  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> int:
    name = sys.argv[1]
    app = QtWidgets.QApplication([sys.argv[0]])
    install_translators(app, "zh_CN")
    _font(app)
    tmp = Path(tempfile.mkdtemp())
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp))
    lib = Library(tmp / "library.sqlite3")
    sample(lib)
    settings = Settings()
    settings.author = "陈晓"
    window = MainWindow(lib, settings, Dialogs(), today=lambda: date(2026, 11, 27))
    window.show()  # first start: the window places itself within the screen

    def settle(ms: int = 600) -> None:
        loop = QtCore.QEventLoop()
        QtCore.QTimer.singleShot(ms, loop.quit)
        loop.exec()
        window.worker.wait()
        app.processEvents()

    def shot(suffix: str) -> None:
        settle()
        screen = window.screen()
        screen.grabWindow(0).save(str(OUT / f"{name}-{suffix}.png"))
        print(name, suffix, "screen", screen.geometry().getRect(), "available",
              screen.availableGeometry().getRect(), "window", window.frameGeometry().getRect())

    settle(900)
    first = [m for m in lib.measures.ids() if lib.measures.get(m).label == "（十）1"][0]
    window.open_measure(first)
    shot("reader")
    window.center.setCurrentIndex(1)
    window.division.select_ids(lib.measures.ids()[40:43])
    window.division.table.scrollTo(window.division.model.index(38, 0),
                                   QtWidgets.QAbstractItemView.ScrollHint.PositionAtTop)
    shot("table")
    window.ops.close()
    window.worker.wait()
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
