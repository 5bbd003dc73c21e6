"""文件 → 从备份恢复…, and a window that explains damage instead of dying (issue 12)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from db.backup import backup_dir, list_backups, make_backup
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.ui.app import open_library
from panprd_desktop.ui.dialogs.restore_dialog import RestoreDialog
from tests.recovery.conftest import break_text
from tests.ui.helpers import wait_idle


def _menu_texts(window: Any) -> list[str]:
    for action in window.menuBar().actions():
        if action.menu() is not None and window.actions_.reindex in action.menu().actions():
            return [a.text() for a in action.menu().actions()]
    return []


def _backed_up_library(lib_path: Path) -> tuple[Path, str]:
    with Library(lib_path) as lib:
        first, second = lib.measures.ids()[:2]
        lib.annotate([first], Edit(note="备份里的备注"))
        backup = make_backup(lib.conn, lib_path, "daily", datetime(2026, 1, 5, 8, 0, 0))
        lib.annotate([second], Edit(note="备份之后的备注", status="done"))
    return backup, second


def test_restore_from_the_file_menu(make_window, dialogs, lib_path: Path, qtbot) -> None:
    backup, second = _backed_up_library(lib_path)
    dialogs.choose_backup = lambda parent, db: backup  # type: ignore[attr-defined]
    window = make_window()
    assert "从备份恢复…" in _menu_texts(window)
    assert window.lib.search.search("备份之后的备注").total == 1
    window.restore_action.trigger()
    wait_idle(qtbot, window)
    assert dialogs.errors == []
    assert window.lib.search.search("备份之后的备注").total == 0
    assert window.lib.search.search("备份里的备注").total == 1
    assert window.lib.measures.get(second).status == "not_started"
    assert "已从备份恢复" in window.statusBar().currentMessage()
    assert list(backup_dir(lib_path).glob("*-pre-restore.sqlite3"))
    assert window.lib.check() == []


def test_restore_is_disabled_read_only(make_window, lib_path: Path) -> None:
    Library(lib_path).close()
    window = make_window(read_only=True)
    assert not window.restore_action.isEnabled()


def test_a_damaged_library_opens_and_explains_instead_of_dying(make_window, dialogs, lib_path: Path,
                                                               qtbot) -> None:
    Library(lib_path).close()
    break_text(lib_path)
    window = make_window(read_only=True)
    qtbot.waitUntil(lambda: "资料库已损坏" in window.reader.toPlainText(), timeout=5000)
    assert "从备份恢复" in window.reader.toPlainText()
    assert window.isVisible()


def test_start_up_offers_the_newest_verified_backup_for_a_missing_library(lib_path: Path) -> None:
    backup, _ = _backed_up_library(lib_path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(lib_path) + suffix).unlink(missing_ok=True)
    offered: list[str] = []

    def offer(db: Path, why: str) -> Path | None:
        offered.append(why)
        return list_backups(db)[0].path

    lib = open_library(lib_path, lambda path: "quit", offer)
    assert lib is not None
    try:
        assert "panprd restore latest" in offered[0]
        assert lib.search.search("备份里的备注").total == 1
    finally:
        lib.close()
    declined = open_library(lib_path.with_name("other.sqlite3"), lambda path: "quit", lambda db, why: None)
    assert declined is not None  # no backups: a new library, as before
    declined.close()


def test_restore_dialog_lists_backups_and_only_verified_ones_can_be_chosen(lib_path: Path, qtbot) -> None:
    _backed_up_library(lib_path)
    folder = backup_dir(lib_path)
    (folder / "lib-20260106-080000-pre-restore-damaged.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\0" * 99)
    items = list_backups(lib_path)
    dialog = RestoreDialog(items)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 4).text() == "已损坏"
    assert dialog.chosen() == items[1].path  # the newest verified one is preselected
    dialog.table.selectRow(0)
    assert dialog.chosen() in (None, items[1].path)


def test_broad_search_list_and_count_agree(make_window, lib_path: Path, qtbot) -> None:
    """More hits than the list shows: exactly LIMIT rows, and the label says how many of how many."""
    from panprd_desktop.ui.views.search_panel import LIMIT
    from tests.conftest import related_files
    from tests.ui.helpers import type_text

    with Library(lib_path) as lib:
        lib.import_files(related_files())
        total = lib.search.count("合作")
    assert total > LIMIT
    window = make_window()
    window.actions_.find.trigger()
    type_text(window.search.box, "合作")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.search.count.text().startswith("找到"), timeout=5000)
    assert window.search.model.rowCount() == LIMIT
    assert window.search.count.text() == f"找到 {total} 条措施（显示前 {LIMIT} 条）"


def test_a_damaged_backup_chosen_in_the_window_is_refused_with_a_message(make_window, dialogs, lib_path: Path,
                                                                         qtbot, tmp_path: Path) -> None:
    Library(lib_path).close()
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    dialogs.choose_backup = lambda parent, db: bogus  # type: ignore[attr-defined]
    window = make_window()
    before = len(window.lib.measures.ids())
    window.restore_action.trigger()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=5000)
    assert "备份未通过校验" in dialogs.errors[0]
    assert len(window.lib.measures.ids()) == before and window.restore_action.isEnabled()
