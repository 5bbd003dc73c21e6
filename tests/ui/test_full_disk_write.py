"""Follow-up of issue 12 — a REAL full disk: the library sits on a small tmpfs that is then filled.
A typed note stays in its box with "disk full" said in the UI's language, and are saved
on retry once space is free. Needs root (mount); skipped elsewhere (and on Windows)."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.ui.qt import Qt
from tests.ui.helpers import reopen, type_text, wait_idle
from tests.ui.test_annotate import click_measure_in_reader


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    where = tmp_path / "disk"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mount not permitted here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture
def lib_path(small_disk: Path) -> Path:  # overrides the conftest's: the window's library is on the small disk
    return small_disk / "lib.sqlite3"


def _fill(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with open(filler, "wb") as fh, contextlib.suppress(OSError):
        block = b"\0" * (1 << 16)
        while True:
            try:
                fh.write(block)
                fh.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    return filler


def test_full_disk_keeps_typed_input_and_saves_after_space_is_freed(qtbot: Any, window: Any, dialogs: Any,
                                                                    lib_path: Path) -> None:
    inspector = window.inspector
    click_measure_in_reader(qtbot, window, "（一）1")
    mid = window.selected_ids()[0]
    wait_idle(qtbot, window)
    filler = _fill(lib_path.parent)
    type_text(inspector.note_edit, "请粤方补充进展" * 400)  # enough text that the write needs new pages
    qtbot.mouseClick(inspector.add_note, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert inspector.note_edit.toPlainText() == "请粤方补充进展" * 400
    assert inspector.error.isVisible() and "磁盘空间不足" in inspector.error.text(), inspector.error.text()
    assert "意外错误" not in inspector.error.text()

    filler.unlink()
    qtbot.mouseClick(inspector.add_note, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert inspector.note_edit.toPlainText() == ""
    with reopen(lib_path) as lib:
        assert [n.text for n in lib.measures.get(mid).notes] == ["请粤方补充进展" * 400]
