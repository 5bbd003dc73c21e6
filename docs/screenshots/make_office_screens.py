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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from docs.screenshots.make_screenshots import sample_window, settle  # noqa: E402
from panprd_desktop.ui.qt import QtWidgets  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> int:
    name = sys.argv[1]
    app, lib, window = sample_window("zh_CN")
    window.show()  # first start: the window places itself within the screen

    def shot(suffix: str) -> None:
        settle(app, window, 600)
        screen = window.screen()
        screen.grabWindow(0).save(str(OUT / f"{name}-{suffix}.png"))
        print(name, suffix, "screen", screen.geometry().getRect(), "available",
              screen.availableGeometry().getRect(), "window", window.frameGeometry().getRect())

    settle(app, window, 900)
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
