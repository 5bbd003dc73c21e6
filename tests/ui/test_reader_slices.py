"""Issue 13 — the reader on a long section: the first screenful at once, the rest in later slices
of the event loop; a selection change restyles the measures it touches and nothing else.

Measured at 10k measures while the search index rebuilt: opening a 114-measure section stalled
the window 58 ms (one ``setHtml`` of every measure's table), and every click on a measure rendered
the whole section again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from panprd_desktop.core.annotations import Edit
from panprd_desktop.ui.qt import Qt, QtCore
from panprd_desktop.ui.views import reader_doc
from panprd_desktop.ui.views.reader import ReaderView
from tests.ui.helpers import wait_idle

ROWS = 80


@pytest.fixture
def long_section(qtbot: Any, window: Any, tmp_path: Path) -> list[str]:
    """A 台账 of ROWS rows: one section of ROWS measures, 第1项 … 第80项."""
    wb = Workbook()
    ws = wb.active
    ws.append(["泛珠区域合作重点工作台账"])
    ws.append(["序号", "工作任务", "牵头单位", "完成时限"])
    for i in range(1, ROWS + 1):
        ws.append([i, f"第{i}项：推进泛珠区域第{i}领域合作，加强交流互认。", "湖南省", "2026年9月"])
    wb.save(tmp_path / "ledger.xlsx")
    [result] = window.lib.import_files([tmp_path / "ledger.xlsx"])
    window.tree_model.reload()
    wait_idle(qtbot, window)
    return [f"{result.doc_id}.1.{n}" for n in range(1, ROWS + 1)]


def _point_of(reader: ReaderView, text: str) -> QtCore.QPoint:
    """A viewport point inside ``text`` (the text cursor is left where it was)."""
    cursor = reader.document().find(text)
    assert not cursor.isNull(), text
    return reader.cursorRect(cursor).center()


def _scrolled_to_middle(qtbot: Any, reader: ReaderView) -> int:
    bar = reader.verticalScrollBar()
    qtbot.waitUntil(lambda: reader.complete() and bar.maximum() > 2000)
    bar.setValue(bar.maximum() // 2)
    return bar.value()


def _last_in_view(reader: ReaderView) -> int:
    """The number of the last measure (第N项) whose text shows in the view."""
    return next(i for i in range(ROWS, 0, -1) if reader.viewport().rect().contains(_point_of(reader, f"第{i}项")))


def _assert_looks_fresh(qtbot: Any, window: Any, ids: list[str], selected: list[str], value: int) -> None:
    """The reader is pixel for pixel the same section rendered from scratch, scrolled to ``value``."""
    reader = window.reader
    fresh = ReaderView(window.lib)
    qtbot.addWidget(fresh)
    fresh.resize(reader.size())
    fresh.show()
    fresh.show_section("重点工作台账", ids, selected)
    qtbot.waitUntil(fresh.complete)
    fresh.verticalScrollBar().setValue(value)
    assert reader.viewport().grab().toImage() == fresh.viewport().grab().toImage()


def test_a_long_section_shows_its_first_measures_at_once_and_all_after_the_loop(
        qtbot: Any, window: Any, long_section: list[str]) -> None:
    reader = window.reader
    reader.show_section("重点工作台账", long_section)
    shown = reader.toPlainText()
    assert "第1项" in shown  # the first screenful, in the same call: it fills the view ...
    assert reader.document().size().height() >= reader.viewport().height()
    assert f"第{ROWS}项" not in shown and not reader.complete()  # ... and no more
    qtbot.waitUntil(reader.complete)
    shown = reader.toPlainText()
    positions = [shown.index(f"第{i}项：") for i in range(1, ROWS + 1)]
    assert positions == sorted(positions)  # every measure, once, in reading order
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    assert reader.measure_at(_point_of(reader, f"第{ROWS}项")) == long_section[-1]  # clickable where it lies


def test_clicking_a_measure_keeps_the_scroll_position_and_looks_like_a_fresh_rendering(
        qtbot: Any, window: Any, long_section: list[str]) -> None:
    reader = window.reader
    reader.show_section("重点工作台账", long_section, [long_section[0]])
    value = _scrolled_to_middle(qtbot, reader)
    clicked = _last_in_view(reader)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(reader, f"第{clicked}项"))
    assert window.selected_ids() == [long_section[clicked - 1]]
    qtbot.wait(20)  # the (absent) scroll to the selection would run in a 0 ms timer
    assert reader.verticalScrollBar().value() == value  # the page did not jump
    shown = reader.toPlainText()
    assert shown.count("▶") == 1 and f"▶ {clicked}" in shown  # the old selection lost its marker

    _assert_looks_fresh(qtbot, window, long_section, [long_section[clicked - 1]], value)


def test_a_selection_out_of_sight_is_brought_into_view_once_appended(
        qtbot: Any, window: Any, long_section: list[str]) -> None:
    reader = window.reader
    reader.show_section("重点工作台账", long_section)
    window.select_measures([long_section[-1]], source="search")  # not appended yet
    qtbot.waitUntil(reader.complete)
    qtbot.wait(20)
    table = reader_doc.table_of(reader.document(), long_section[-1])
    assert table is not None and reader_doc.in_view(reader, table)
    assert f"▶ {ROWS}" in reader.toPlainText()


def test_new_search_terms_keep_the_reading_position(qtbot: Any, window: Any, long_section: list[str]) -> None:
    reader = window.reader
    reader.show_section("重点工作台账", long_section)
    value = _scrolled_to_middle(qtbot, reader)
    middle = QtCore.QPoint(40, reader.viewport().height() // 2)
    read = reader.measure_at(middle) or reader.measure_at(middle + QtCore.QPoint(0, 20))
    assert read is not None
    reader.set_terms(["互认"])
    assert reader.verticalScrollBar().value() == value  # at once: the view never shows the top meanwhile
    assert read in (reader.measure_at(middle), reader.measure_at(middle + QtCore.QPoint(0, 20)))
    qtbot.waitUntil(reader.complete)
    qtbot.wait(20)
    assert reader.verticalScrollBar().value() == value
    assert reader.toHtml().replace(" ", "").count("background-color:#ffe066") >= ROWS  # every match marked


def test_opening_another_section_drops_the_slices_still_to_come(
        qtbot: Any, window: Any, long_section: list[str]) -> None:
    reader = window.reader
    reader.show_section("重点工作台账", long_section)
    reader.show_section("短节", long_section[:3])
    qtbot.wait(100)
    shown = reader.toPlainText()
    assert reader.complete() and "第3项" in shown and "第4项" not in shown and "第80项" not in shown


def test_an_edit_rewrites_only_its_measure_in_place(qtbot: Any, window: Any, long_section: list[str]) -> None:
    reader = window.reader
    reader.show_section("重点工作台账", long_section, [long_section[0]])
    value = _scrolled_to_middle(qtbot, reader)
    edited = _last_in_view(reader)
    mid = long_section[edited - 1]
    window.ops.annotate([mid], Edit(status="done", set_tags=("重点",)))
    wait_idle(qtbot, window)
    assert reader.verticalScrollBar().value() == value  # no re-rendering from the top
    assert "标签：重点" in reader.toPlainText() and reader.measure_at(_point_of(reader, f"第{edited}项")) == mid

    _assert_looks_fresh(qtbot, window, long_section, [long_section[0]], value)


def test_an_opened_result_past_the_first_screenful_is_shown_at_once(
        qtbot: Any, window: Any, long_section: list[str]) -> None:
    window.open_measure(long_section[60])  # as from a search result or the deadlines list
    assert "▶ 61" in window.reader.toPlainText() and not window.reader.complete()
    qtbot.wait(1)  # the scroll to it runs in the next pass of the event loop (as it always did)
    table = reader_doc.table_of(window.reader.document(), long_section[60])
    assert table is not None and reader_doc.in_view(window.reader, table)
    qtbot.waitUntil(window.reader.complete)
    assert reader_doc.in_view(window.reader, table)  # the slices after it did not move the view
