"""Window placement for office screens: 1366×768 at 100 %/150 %, 1920×1080 at 150 %.

The window used to open at 1480×920 logical pixels — off-screen on a 1366×768 laptop and on a
1920×1080 screen at 150 % (1280×720 logical). :func:`initial_geometry` is a pure function of the
screen's available geometry (tested as such); :func:`place_window` applies it to a real window and
restores a saved geometry only when it still fits the screen it lands on.
"""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui.qt import QtCore

PREFERRED = QtCore.QSize(1480, 920)
MARGIN = 16  # keep clear of the screen edges
TITLE_BAR = 32  # the frame the window manager adds above the client area (not in geometry())


def initial_geometry(available: QtCore.QRect, preferred: QtCore.QSize = PREFERRED) -> QtCore.QRect:
    """The client rectangle for a first start: as large as preferred, never beyond ``available``."""
    width = max(320, min(preferred.width(), available.width() - 2 * MARGIN))
    height = max(240, min(preferred.height(), available.height() - 2 * MARGIN - TITLE_BAR))
    rect = QtCore.QRect(0, 0, min(width, available.width()), min(height, available.height()))
    rect.moveCenter(available.center())
    rect.moveTop(max(available.top(), rect.top() + TITLE_BAR // 2))
    return rect


def fits(frame: QtCore.QRect, available: QtCore.QRect, slack: int = 8) -> bool:
    """Whether a window frame lies within the available area (a few pixels of slack for borders)."""
    return available.adjusted(-slack, -slack, slack, slack).contains(frame)


def splitter_sizes(width: int) -> list[int]:
    """Contents | reader/table | inspector: the centre gets the spare width, the sides a fair share."""
    left = max(220, min(360, width * 24 // 100))
    right = max(260, min(400, width * 26 // 100))
    return [left, max(300, width - left - right), right]


def place_window(window: Any, saved: QtCore.QByteArray | None) -> bool:
    """Restore ``saved`` if it still fits the screen, else use :func:`initial_geometry`.

    Returns True when the saved geometry was used.
    """
    screen = window.screen()
    available = screen.availableGeometry()
    if saved is not None and window.restoreGeometry(saved):
        state = window.windowState()
        if state & (QtCore.Qt.WindowState.WindowMaximized | QtCore.Qt.WindowState.WindowFullScreen):
            return True
        frame = window.frameGeometry() if window.isVisible() else window.geometry()
        if fits(frame, available):
            return True
    window.setGeometry(initial_geometry(available))
    return False
