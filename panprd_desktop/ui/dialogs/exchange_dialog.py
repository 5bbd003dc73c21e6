"""Exchange in the window: 文件 → 导出交换包… / 导入交换包…, the office name, the 冲突 button.

Installed on the main window by :func:`install_exchange` (menus found through the window's
existing actions, so menus.py and main_window.py need only a one-line call). Every library call
runs on the worker; an import is first merged as a dry run (rolled back) so the user sees from
whom, how many changes, new documents and conflicts before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from panprd_desktop.core.exchange import Exchange
from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets, translate

if TYPE_CHECKING:
    from panprd_desktop.ui.main_window import MainWindow
    from panprd_desktop.ui.views.conflicts_view import ConflictsDialog


class ExchangeDialogs:
    """The modal questions, behind one seam so tests can answer them without blocking."""

    def bundle_out(self, parent: QtWidgets.QWidget | None) -> str:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            parent, translate("Exchange", "导出交换包"), "交换包.zip",
            translate("Exchange", "交换包 (*.zip *.json)"))
        return path

    def bundle_in(self, parent: QtWidgets.QWidget | None) -> str:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            parent, translate("Exchange", "导入交换包或回收的台账"), "",
            translate("Exchange", "交换包或台账 (*.zip *.json *.xlsx)"))
        return path

    def return_out(self, parent: QtWidgets.QWidget | None) -> tuple[str, str] | None:
        """(owner, path) for a 台账 to fill in and return: the party (empty: every measure), the file."""
        owner, ok = QtWidgets.QInputDialog.getText(
            parent, translate("Exchange", "导出台账（供填报回收）"),
            translate("Exchange", "填报单位（只含其牵头或参与的措施；留空为全部）："))
        if not ok:
            return None
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            parent, translate("Exchange", "导出台账（供填报回收）"), f"{owner.strip() or '全部'}台账.xlsx",
            translate("Exchange", "Excel 台账 (*.xlsx)"))
        return (owner.strip(), path) if path else None

    def confirm(self, parent: QtWidgets.QWidget | None, text: str) -> bool:
        answer = QtWidgets.QMessageBox.question(parent, translate("Exchange", "导入交换包"), text)
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def ask_office(self, parent: QtWidgets.QWidget | None, current: str) -> str | None:
        text, ok = QtWidgets.QInputDialog.getText(
            parent, translate("Exchange", "办公室名称"),
            translate("Exchange", "本资料库所属的办公室（交换时对方看到的名称）："), text=current)
        return text if ok and text.strip() else None

    def ask_party(self, parent: QtWidgets.QWidget | None) -> str | None:
        """The party that filled in a returned 台账; "" = the one it was exported for; None = cancel."""
        text, ok = QtWidgets.QInputDialog.getText(
            parent, translate("Exchange", "填报单位"),
            translate("Exchange", "这份台账由哪个单位填报？（留空：导出时指定的单位）"))
        return text.strip() if ok else None

    def show_conflicts(self, dialog: ConflictsDialog) -> None:
        dialog.show()
        dialog.raise_()


def summary_text(summary: dict[str, Any]) -> str:
    """What an import will do, in words, for the confirmation before applying."""
    src = summary["from"]
    lines = [
        translate("Exchange", "来自：{0}").format(src["office"] or src["library"]),
        translate("Exchange", "修改：{0} 项将合并，{1} 项此前已收到").format(summary["applied"], summary["already"]),
        translate("Exchange", "新文档：{0} 份").format(summary["documents_added"]),
        translate("Exchange", "冲突：{0} 项（保留本库的值，稍后在“冲突”中选择）").format(len(summary["conflicts"])),
    ]
    lines += summary.get("warnings", [])
    return "\n".join(lines) + "\n\n" + translate("Exchange", "现在合并吗？")


class ExchangeUi(QtCore.QObject):
    def __init__(self, window: MainWindow, dialogs: ExchangeDialogs | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs = dialogs or ExchangeDialogs()
        self.exchange = Exchange(window.lib)
        self.conflicts: list[dict[str, Any]] = []
        self._dialog: ConflictsDialog | None = None
        self.export_action = QtGui.QAction(self.tr("导出交换包…"), window)
        self.import_action = QtGui.QAction(self.tr("导入交换包…"), window)
        self.office_action = QtGui.QAction(self.tr("办公室名称…"), window)
        self.return_action = QtGui.QAction(self.tr("导出台账（供填报回收）…"), window)
        self.conflicts_button = QtWidgets.QPushButton()
        self.conflicts_button.setObjectName("conflicts_button")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.hide()
        window.statusBar().addPermanentWidget(self.conflicts_button)
        self.export_action.triggered.connect(self.export_bundle)
        self.import_action.triggered.connect(self.import_bundle)
        self.office_action.triggered.connect(self.set_office)
        self.return_action.triggered.connect(self.export_return)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        window.ops.changed.connect(lambda _changes: self.refresh_conflicts())
        if window.lib.read_only:
            for action in (self.import_action, self.office_action):
                action.setEnabled(False)
        self.refresh_conflicts()

    # -- the worker ------------------------------------------------------------------------
    def _run(self, label: str, fn: Any, done: Any, long: bool = False) -> None:
        self.window.worker.submit(label, lambda ctx: fn(), done=done, failed=self.window.ops.failed.emit, long=long)

    # -- export / import -------------------------------------------------------------------
    def export_bundle(self) -> None:
        out = self.dialogs.bundle_out(self.window)
        if not out:
            return
        self._run(self.tr("正在导出交换包…"), lambda: self.exchange.export_bundle(Path(out)),
                  lambda s: self.window.ops.info.emit(
                      self.tr("已导出交换包：%n 项修改 → {0}", "", s["changes"]).format(s["path"])), long=True)

    def export_return(self) -> None:
        answer = self.dialogs.return_out(self.window)
        if not answer:
            return
        owner, out = answer

        def run() -> Path:
            from panprd_desktop.core.exchange.xlsx_export import export_xlsx
            from panprd_desktop.core.packs import PackOptions
            from panprd_desktop.core.search import SearchFilters

            lib = self.window.lib
            pack = lib.packs.build(PackOptions(), filters=SearchFilters(owner=owner) if owner else None)
            return export_xlsx(lib, pack, Path(out), for_return=True, owner=owner)

        self._run(self.tr("正在导出台账…"), run,
                  lambda path: self.window.ops.info.emit(self.tr("已导出台账：{0}").format(str(path))), long=True)

    def import_bundle(self) -> None:
        path = self.dialogs.bundle_in(self.window)
        if not path or self.window.lib.read_only:
            return
        office = None
        if Path(path).suffix.lower() == ".xlsx":
            office = self.dialogs.ask_party(self.window)
            if office is None:
                return
        self._run(self.tr("正在检查交换包…"),
                  lambda: self.exchange.import_file(Path(path), office=office or None, dry_run=True),
                  lambda preview: self._confirm(Path(path), office, preview), long=True)

    def _confirm(self, path: Path, office: str | None, preview: dict[str, Any]) -> None:
        if not self.dialogs.confirm(self.window, summary_text(preview)):
            return
        self._run(self.tr("正在合并交换包…"), lambda: self.exchange.import_file(path, office=office or None),
                  self._imported, long=True)

    def _imported(self, summary: dict[str, Any]) -> None:
        changes = Exchange.as_changes(summary)
        self.window.ops.info.emit(self.tr("已合并来自 {0} 的 %n 项修改，{1}", "", summary["applied"]).format(
            summary["from"]["office"], self.tr("冲突 %n 项", "", len(summary["conflicts"]))))
        if changes.empty:
            self.refresh_conflicts()
        else:
            self.window.ops.changed.emit(changes)  # every panel refreshes; so does the 冲突 count

    # -- office ----------------------------------------------------------------------------
    def set_office(self) -> None:
        name = self.dialogs.ask_office(self.window, self.exchange.identity().office)
        if name:
            self._run("office", lambda: self.exchange.set_office(name),
                      lambda ident: self.window.ops.info.emit(self.tr("办公室名称：{0}").format(ident.office)))

    # -- conflicts -------------------------------------------------------------------------
    def refresh_conflicts(self) -> None:
        self._run("conflicts", self.exchange.conflicts, self._show_conflicts)

    def _show_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        self.conflicts = conflicts
        self.conflicts_button.setText(self.tr("冲突 %n 项", "", len(conflicts)))
        self.conflicts_button.setVisible(bool(conflicts))
        if self._dialog is not None:
            self._dialog.set_conflicts(conflicts)

    def _label(self, measure_id: str) -> str:
        try:
            with self.window.lib.lock:
                view = self.window.lib.measures.get(measure_id, with_history=False)
            return f"{view.label} {view.text[:24]}"
        except Exception:  # noqa: BLE001 - a label is cosmetic; the id still identifies it
            return measure_id

    def open_conflicts(self) -> ConflictsDialog:
        from panprd_desktop.ui.views.conflicts_view import ConflictsDialog

        if self._dialog is None:
            self._dialog = ConflictsDialog(self._label, self.window)
            self._dialog.resolveRequested.connect(self.resolve)
        self._dialog.set_conflicts(self.conflicts)
        self.dialogs.show_conflicts(self._dialog)
        return self._dialog

    def resolve(self, conflict_id: str, choice: str) -> None:
        if self.window.lib.read_only:
            return
        author = self.window.author()

        def done(result: dict[str, Any]) -> None:
            from panprd_desktop.core.model import Changes

            self.window.ops.changed.emit(Changes(frozenset({result["measure_id"]}), op_id=result["op_id"]))

        self._run("resolve", lambda: self.exchange.resolve(conflict_id, choice, author=author), done)


def install_exchange(window: MainWindow, dialogs: ExchangeDialogs | None = None) -> ExchangeUi:
    """Add the exchange actions to 文件 and 设置 (next to existing actions) and the 冲突 button."""
    ui = ExchangeUi(window, dialogs)
    a = window.actions_
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        if a.reindex in menu.actions():
            menu.insertActions(a.reindex, [ui.export_action, ui.import_action, ui.return_action])
            menu.insertSeparator(a.reindex)
        if a.author in menu.actions():
            menu.insertAction(a.author, ui.office_action)
    return ui
