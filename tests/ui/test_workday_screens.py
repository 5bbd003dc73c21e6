"""Issue 11 — office screens: the window opens within the available screen at 1366×768 (100 %, 150 %)
and 1920×1080 (150 %), restores geometry only if it still fits; 重点任务 takes the spare width;
active filters are always visible."""

from __future__ import annotations

from typing import Any

import pytest

from panprd_desktop.ui.geometry import TITLE_BAR, fits, initial_geometry, splitter_sizes
from panprd_desktop.ui.models.table_model import COL_TEXT
from panprd_desktop.ui.qt import QtCore
from panprd_desktop.ui.views.division_view import TEXT_MIN
from tests.ui.helpers import close_window, wait_idle

# available geometry in logical pixels (a 40-pixel taskbar at the bottom, scaled)
SCREENS = {
    "1366x768@100%": QtCore.QRect(0, 0, 1366, 728),
    "1366x768@150%": QtCore.QRect(0, 0, 910, 485),
    "1920x1080@150%": QtCore.QRect(0, 0, 1280, 693),
    "1920x1080@100% second screen": QtCore.QRect(1920, 0, 1920, 1040),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_first_start_fits_the_screen_with_its_title_bar(name: str) -> None:
    available = SCREENS[name]
    rect = initial_geometry(available)
    frame = rect.adjusted(-2, -TITLE_BAR, 2, 2)  # what the window manager draws around it
    assert fits(frame, available), (name, rect)
    assert rect.width() >= min(1480, available.width()) - 40  # and uses the screen, not a postage stamp


def test_big_screen_keeps_the_preferred_size() -> None:
    rect = initial_geometry(QtCore.QRect(0, 0, 2560, 1400))
    assert (rect.width(), rect.height()) == (1480, 920)


def test_splitter_gives_the_centre_the_spare_width() -> None:
    for width in (910, 1280, 1366, 1920):
        left, centre, right = splitter_sizes(width)
        assert left + centre + right <= max(width, 780)
        assert centre >= left and centre >= 300


def test_window_opens_within_the_screen_and_fits_150_percent(window: Any) -> None:
    available = window.screen().availableGeometry()
    assert fits(window.frameGeometry(), available)
    hint = window.minimumSizeHint()  # it can shrink to 1366×768 at 150 %
    assert hint.width() <= 910 and hint.height() <= 485 - TITLE_BAR


def test_oversized_saved_geometry_is_not_restored(qtbot: Any, make_window: Any) -> None:
    first = make_window()
    first.setGeometry(0, 0, 2200, 1500)  # e.g. saved at 100 % on a bigger screen
    close_window(first)
    second = make_window()
    assert fits(second.frameGeometry(), second.screen().availableGeometry())


def test_fitting_saved_geometry_is_restored(qtbot: Any, make_window: Any) -> None:
    first = make_window()
    first.setGeometry(40, 60, 600, 500)
    qtbot.wait(20)
    close_window(first)
    second = make_window()
    assert (second.geometry().width(), second.geometry().height()) == (600, 500)


def test_measure_text_column_takes_the_spare_width(qtbot: Any, window: Any) -> None:
    window.center.setCurrentIndex(1)
    table = window.division.table
    for width in (700, 1280, 1900):
        window.resize(width, 600)
        qtbot.wait(30)
        text = table.columnWidth(COL_TEXT)
        others = sum(table.columnWidth(c) for c in range(6) if c != COL_TEXT)
        assert text == max(TEXT_MIN, table.viewport().width() - others)  # all the spare width, a minimum
    assert table.wordWrap()
    assert table.verticalHeader().defaultSectionSize() >= 3 * table.fontMetrics().lineSpacing()


def test_collapsed_filters_show_a_cue(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    division = window.division
    division.filter_toggle.setChecked(True)
    division.filter_bar.overdue.setChecked(True)
    division.filter_toggle.setChecked(False)  # collapsed, still filtering
    wait_idle(qtbot, window)
    assert "（1）" in division.filter_toggle.text()
    close_window(window)

    again = make_window()  # restored filters are visible at launch
    assert again.division.filter_bar.isVisible() or "（1）" in again.division.filter_toggle.text()
    assert "（1）" in again.division.filter_toggle.text()
