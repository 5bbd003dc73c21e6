"""Exchange in the window: import with a summary first, the 冲突 button and view, export, office name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.exchange import Exchange
from panprd_desktop.core.library import Library
from panprd_desktop.ui.dialogs.exchange_dialog import ExchangeDialogs
from tests.ui.helpers import wait_idle


class ScriptedExchange(ExchangeDialogs):
    def __init__(self) -> None:
        self.path_in = ""
        self.path_out = ""
        self.confirm_answer = True
        self.confirmed: list[str] = []
        self.office = "秘书处"
        self.shown: list[Any] = []
        self.return_answer: tuple[str, str] | None = None

    def bundle_in(self, parent: Any) -> str:
        return self.path_in

    def bundle_out(self, parent: Any) -> str:
        return self.path_out

    def return_out(self, parent: Any) -> tuple[str, str] | None:
        return self.return_answer

    def confirm(self, parent: Any, text: str) -> bool:
        self.confirmed.append(text)
        return self.confirm_answer

    def ask_party(self, parent: Any) -> str | None:
        return ""  # as the file says

    def ask_office(self, parent: Any, current: str) -> str | None:
        return self.office

    def show_conflicts(self, dialog: Any) -> None:
        self.shown.append(dialog)


def other_office(tmp_path: Path, mid: str) -> Path:
    """广东省's library with its own edits, exported as a bundle."""
    with Library(tmp_path / "gd.sqlite3") as lib:
        ex = Exchange(lib)
        ex.set_office("广东省")
        lib.annotate([mid], Edit(status="done", note="广东：已建成"), "粤办")
        ex.export_bundle(tmp_path / "gd.zip")
    return tmp_path / "gd.zip"


def test_import_shows_a_summary_then_merges_and_conflicts_are_settled_in_one_click(
        make_window, dialogs, qtbot, tmp_path: Path) -> None:
    script = ScriptedExchange()
    dialogs.exchange = script
    window = make_window()
    mid = window.lib.measures.ids()[0]
    script.path_in = str(other_office(tmp_path, mid))
    window.lib.annotate([mid], Edit(status="delayed"), "陈晓")  # we changed the same field

    script.confirm_answer = False
    window.exchange.import_action.trigger()
    wait_idle(qtbot, window)
    [text] = script.confirmed
    assert "来自：广东省" in text and "修改：1 项将合并" in text and "冲突：1 项" in text
    assert window.lib.measures.get(mid).notes == ()  # declined: nothing written

    script.confirm_answer = True
    window.exchange.import_action.trigger()
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    view = window.lib.measures.get(mid)
    assert [n.text for n in view.notes] == ["广东：已建成"] and view.status == "delayed"
    assert window.actions_.undo.isEnabled()  # the import is one undo step
    window.open_measure(mid)
    wait_idle(qtbot, window)
    authors = [window.inspector.history_model.index(r, 1).data()
               for r in range(window.inspector.history_model.rowCount())]
    assert "粤办（广东省）" in authors  # the inspector says which office made the value
    button = window.exchange.conflicts_button
    assert button.isVisible() and "1" in button.text()

    button.click()
    [dialog] = script.shown
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 3).data() == "滞后" and dialog.model.index(0, 4).data() == "已完成（广东省）"
    dialog.take_theirs.click()
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert window.lib.measures.get(mid).status == "done"
    assert not button.isVisible() and dialog.model.rowCount() == 0


def test_export_bundle_and_office_name(make_window, dialogs, qtbot, tmp_path: Path) -> None:
    script = ScriptedExchange()
    dialogs.exchange = script
    window = make_window()
    window.exchange.office_action.trigger()
    wait_idle(qtbot, window)
    assert Exchange(window.lib).identity().office == "秘书处"
    window.lib.annotate([window.lib.measures.ids()[1]], Edit(status="done"), "陈晓")
    script.path_out = str(tmp_path / "out.zip")
    window.exchange.export_action.trigger()
    wait_idle(qtbot, window)
    assert (tmp_path / "out.zip").exists()
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "导出交换包…" in texts and "导入交换包…" in texts
    assert not window.exchange.conflicts_button.isVisible()


def test_xlsx_for_return_filled_and_merged_back(make_window, dialogs, qtbot, tmp_path: Path) -> None:
    import openpyxl

    script = ScriptedExchange()
    dialogs.exchange = script
    window = make_window()
    mid = window.lib.measures.ids()[2]
    window.lib.annotate([mid], Edit(add_leads=("粤",)), "陈晓")
    script.return_answer = ("粤", str(tmp_path / "gd.xlsx"))
    window.exchange.return_action.trigger()
    wait_idle(qtbot, window)
    wb = openpyxl.load_workbook(tmp_path / "gd.xlsx")
    ws = wb["分工表"]
    assert ws.max_row == 3 and ws["J3"].value == mid
    ws["G3"] = "已完成"
    wb.save(tmp_path / "gd.xlsx")
    script.path_in = str(tmp_path / "gd.xlsx")
    window.exchange.import_action.trigger()  # the party's name comes from the file (made for 广东省)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert "来自：广东省" in script.confirmed[0]
    assert window.lib.measures.get(mid).status == "done"
