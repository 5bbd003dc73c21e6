"""Issue 11 — a read-only window follows the writer's changes within a few seconds."""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.annotations import Edit
from tests.ui.helpers import wait_idle
from tests.ui.test_annotate import click_measure_in_reader


def test_read_only_window_refreshes_after_the_writer_changes(qtbot: Any, make_window: Any) -> None:
    writer = make_window()
    viewer = make_window(read_only=True)
    click_measure_in_reader(qtbot, viewer, "（一）1")
    mid = viewer.selected_ids()[0]
    assert "滞后" not in viewer.reader.toPlainText()

    writer.ops.annotate([mid], Edit(status="delayed", set_leads=("广东省",)))
    wait_idle(qtbot, writer)
    qtbot.waitUntil(lambda: "滞后" in viewer.reader.toPlainText(), timeout=5000)  # the 2-second poll
    assert viewer.inspector.leads.text() == "广东省"
    assert not viewer.follow.poll()  # nothing new since


def test_writer_window_does_not_poll(make_window: Any) -> None:
    window = make_window()
    assert not hasattr(window, "follow")
