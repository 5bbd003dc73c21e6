"""Search as you type, filters, highlighted results, opening a result in the reader."""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.ui.models.results_model import HtmlRole
from panprd_desktop.ui.qt import Qt
from tests.ui.helpers import type_text, wait_idle


def test_search_as_you_type_and_open_result(qtbot: Any, window: Any) -> None:
    window.actions_.find.trigger()  # Ctrl+F
    assert window.left.currentWidget().isAncestorOf(window.search)  # the search tab shows (its page holds the panel)
    assert window.actions_.find.shortcut().toString() == "Ctrl+F"
    type_text(window.search.box, "港澳")
    assert window.search.pending()  # debounced, not yet run
    wait_idle(qtbot, window)
    model = window.search.model
    assert model.rowCount() > 5
    assert window.search.count.text().startswith("找到 ")
    assert '<span style="background-color:#ffe066;">港澳</span>' in model.index(0, 0).data(HtmlRole)

    index = model.index(2, 0)
    hit = model.hit(2)
    view = window.search.results
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.center.currentWidget() is window.reader
    assert window.selected_ids() == [hit.measure_id]
    assert hit.measure_id in window.reader.shown_ids()
    assert f"▶ {hit.label}" in window.reader.toPlainText()  # the selected measure is marked
    assert 'background-color:#ffe066' in window.reader.toHtml().replace(" ", "")  # matches highlighted
    assert window.inspector.heading.text().startswith(hit.label)


def test_filters_narrow_results(qtbot: Any, lib_path: Any, make_window: Any) -> None:
    with Library(lib_path) as lib:
        ids = lib.measures.ids()
        lib.annotate(ids[10:13], Edit(set_leads=("广东省",), status="done"), "测试")
        lib.annotate(ids[20:21], Edit(set_participants=("广东省",)), "测试")
    window = make_window()
    bar = window.search.filter_bar
    window.focus_search()
    bar.owner.setFocus()
    type_text(bar.owner, "粵")
    wait_idle(qtbot, window)
    assert window.search.model.rowCount() == 4
    bar.role.setCurrentIndex(bar.role.findData("lead"))
    wait_idle(qtbot, window)
    assert window.search.model.rowCount() == 3
    bar.status.setCurrentIndex(bar.status.findData("in_progress"))
    wait_idle(qtbot, window)
    assert window.search.model.rowCount() == 0
    assert window.search.count.text() == "找到 0 条措施"
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.search.model.rowCount() == 0
    assert "输入词语" in window.search.count.text()


def test_bad_query_is_a_message_not_a_crash(qtbot: Any, window: Any) -> None:
    window.focus_search()
    type_text(window.search.box, "-港澳 OR 广东")
    wait_idle(qtbot, window)
    assert "OR" in window.search.count.text()
    assert window.search.model.rowCount() == 0


def test_a_late_answer_never_overwrites_a_newer_request(qtbot: Any, window: Any) -> None:
    """Typing fast: the search for an earlier text may finish after a later one, or after the
    box was cleared; only the newest request's answer may reach the results list."""
    from panprd_desktop.core.search import SearchResult
    from panprd_desktop.ui.views.latest_only import LatestOnly

    panel = window.search
    latest: LatestOnly = panel._latest
    first = latest.ticket()
    second = latest.ticket()
    assert not latest.accept(first) and latest.pending()
    assert latest.accept(second) and not latest.pending()
    stale = latest.ticket()
    panel.box.clear()
    panel.run()  # nothing to search: any answer still in flight is dropped
    assert not latest.pending()
    fake = SearchResult(1, [])
    panel._show(stale, "港澳", None, fake)
    assert panel.model.rowCount() == 0 and "找到" not in panel.count.text()
