"""The inspector says which values the imported document states, until a person changes them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.ui.qt import Qt
from tests.ui.helpers import type_text, wait_idle

YUEGANG = Path(__file__).resolve().parents[1] / "data" / "formats" / "yuegang-2017-keywork.txt"


def test_inspector_marks_values_from_the_document(qtbot: Any, make_window: Any, lib_path: Path,
                                                  tmp_path: Path) -> None:
    f = tmp_path / "keywork.txt"
    shutil.copy(YUEGANG, f)
    with Library(lib_path) as lib:
        [result] = lib.import_files([f])
    window = make_window()
    inspector = window.inspector
    inspector.set_measures([f"{result.doc_id}.1.3"])
    assert inspector.leads.text() == "深圳市政府"
    assert inspector.source_hint.isVisible()
    assert "牵头单位" in inspector.source_hint.text() and "完成时限" not in inspector.source_hint.text()
    # A person gives a deadline: the document's owners stay marked, the deadline is theirs.
    inspector.deadline.setFocus()
    type_text(inspector.deadline, "2018年底前")
    qtbot.keyClick(inspector.deadline, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert "完成时限" not in inspector.source_hint.text() and "参与单位" in inspector.source_hint.text()
