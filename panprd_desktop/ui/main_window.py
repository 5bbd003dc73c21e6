"""The main window: library tree | reader, 分工表, deadlines | inspector; menus; background jobs.

It wires panels together by signals only: every operation's Changes record arrives through
``ops.changed`` and each panel decides for itself what to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.ui import bindings_warmup, context_menus
from panprd_desktop.ui.actions import build_actions
from panprd_desktop.ui.dialogs import Dialogs, restore_dialog  # restore: issue 12, 文件 → 从备份恢复…
from panprd_desktop.ui.dialogs.exchange_dialog import install_exchange  # imported here, not in the 1st slice
from panprd_desktop.ui.export_done import ExportDone
from panprd_desktop.ui.file_commands import FileCommands
from panprd_desktop.ui.follow import FollowWriter
from panprd_desktop.ui.geometry import NarrowTree, place_window, splitter_sizes
from panprd_desktop.ui.help_menu import add_help_menu
from panprd_desktop.ui.lazy_tabs import LazyTabs
from panprd_desktop.ui.memory import freeze_long_lived
from panprd_desktop.ui.messages import one_language
from panprd_desktop.ui.models.tree_model import IdRole, LibraryTreeModel, MeasuresRole
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.panes import build_division, build_search
from panprd_desktop.ui.qt import Qt, QtCore, QtGui, QtWidgets
from panprd_desktop.ui.search_adapter import query_terms
from panprd_desktop.ui.section_title import section_title
from panprd_desktop.ui.settings import Settings
from panprd_desktop.ui.start_up import StartUp
from panprd_desktop.ui.status_bar import JobStatus
from panprd_desktop.ui.undo_keys import UndoKeys, commit_then, redo_shortcuts
from panprd_desktop.ui.views.deadlines_view import DeadlinesView
from panprd_desktop.ui.views.inspector import InspectorView
from panprd_desktop.ui.views.reader import ReaderView
from panprd_desktop.ui.worker import Worker

TAB_READER, TAB_TABLE, TAB_DEADLINES = range(3)
bindings_warmup.warm_up()  # issue 13: PySide's types now, not in the window's first slice
freeze_long_lived()  # and full collections skip the modules and types from here on
LEFT_TREE, LEFT_SEARCH = range(2)


class MainWindow(StartUp, FileCommands, QtWidgets.QMainWindow):
    def __init__(self, lib: Library, settings: Settings, dialogs: Dialogs | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.lib = lib
        self.settings = settings
        self.dialogs = dialogs or Dialogs()
        self.worker = Worker(self)
        self.ops = Operations(lib, self.worker, self.author, self)
        self._selection: list[str] = []
        self._syncing = False
        self._query: tuple[str, Any] = ("", None)
        self._tree_ready = False
        self.setObjectName("main_window")
        title = self.tr("PanPRD Desk — 泛珠三角区域合作分工台账")
        self.setWindowTitle(title + (self.tr("（只读）") if lib.read_only else "") + f" — {lib.path.name}")
        self.setAcceptDrops(True)

        # loads on the worker, started once the first paint is done (issue 13: the worker's Python
        # would share the GIL with the window's first slice and slow it down)
        self.tree_model = LibraryTreeModel(lib, self, run=self.ops.background, load=False)
        QtCore.QTimer.singleShot(1, self, self._first_loads)
        self.tree = QtWidgets.QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # a fixed width: ResizeToContents would ask every row for its count on each layout
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 64)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 120)  # the summary elides; its tooltip and the status bar show it all
        self._narrow_tree = NarrowTree(self.tree)  # issue 11: titles first on narrow screens
        self.left = QtWidgets.QTabWidget()
        self.left.addTab(self.tree, self.tr("目录"))
        # issue 13: the search panel and the 分工表 are built when first shown or asked for, or
        # in idle slices after start-up — not in the window's first, visible slice
        self._left_lazy = LazyTabs(self.left)
        self._left_lazy.add("search", self.tr("搜索"), lambda: build_search(self))

        self.reader = ReaderView(lib)
        self.today = today
        self.deadlines = DeadlinesView(lib, today, run=self.ops.background)
        self.center = QtWidgets.QTabWidget()
        self.center.addTab(self.reader, self.tr("阅读"))
        self._center_lazy = LazyTabs(self.center)
        self._center_lazy.add("division", self.tr("分工表"), lambda: build_division(self))
        self.center.addTab(self.deadlines, self.tr("期限提醒"))
        # issue 13: the inspector (a form, a history table, a note editor) is built in the slice
        # right after the first paint; until then an empty pane of the same width holds its place
        self._inspector: InspectorView | None = None
        self._inspector_slot = QtWidgets.QWidget()

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        for widget in (self.left, self.center, self._inspector_slot):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(splitter_sizes(self.screen().availableGeometry().width()))
        self.setCentralWidget(self.splitter)
        self.jobs = JobStatus(self.worker, self.statusBar(), self)
        self.export_done = ExportDone(self.dialogs)  # 打开文件 / 打开所在文件夹 after an export
        self.statusBar().addPermanentWidget(self.export_done)

        self.actions_ = build_actions(self)
        self.restore_action = restore_dialog.install(self)
        self._connect()
        # issue 10: 导出/导入交换包, 办公室名称 and the 冲突 button (all in ui/dialogs/exchange_dialog.py)
        self.exchange = install_exchange(self, getattr(self.dialogs, "exchange", None))
        self._restore()
        self.tree_model.loaded.connect(self._tree_loaded)
        self._update_undo()
        # 1 ms, not 0: Qt turns a 0 ms single shot into a posted event, run in the same pass as
        # the first paint; a timer lets input (and the rest of the loop) in between the slices
        QtCore.QTimer.singleShot(1, self, lambda: self.inspector)
        self._warmed = False
        # after the first tree and the lazy panes (below), or at the latest after 2 s
        QtCore.QTimer.singleShot(2000, self, self._warm_up)

    # -- wiring ----------------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions_
        a.import_files.triggered.connect(self.import_dialog)
        a.remove_document.triggered.connect(self.remove_dialog)
        a.export.triggered.connect(self.export_dialog)
        a.print_pack.triggered.connect(self.print_dialog)
        a.reindex.triggered.connect(self.ops.reindex)
        a.quit.triggered.connect(self.close)
        # issue 11: undo/redo from any widget, committing a typed field first; Ctrl+Y redoes too
        self.undo_keys = UndoKeys(self)
        a.redo.setShortcuts(redo_shortcuts())
        a.undo.triggered.connect(lambda _checked=False: commit_then(self, self.ops.undo))
        a.redo.triggered.connect(lambda _checked=False: commit_then(self, self.ops.redo))
        self.help_menu, self.guide_action, self.about_action = add_help_menu(self)
        context_menus.install(self)
        if self.lib.read_only:  # issue 11: a read-only window follows the writer's changes
            self.follow = FollowWriter(self.lib, self.on_changes, self)
        a.find.triggered.connect(self.focus_search)
        a.show_reader.triggered.connect(lambda: self.center.setCurrentIndex(TAB_READER))
        a.show_table.triggered.connect(lambda: self.center.setCurrentIndex(TAB_TABLE))
        a.show_deadlines.triggered.connect(lambda: self.center.setCurrentIndex(TAB_DEADLINES))
        a.author.triggered.connect(self.change_author)
        lang = self.settings.language
        {"en": a.lang_en, "zh_HK": a.lang_hk}.get(lang, a.lang_zh).setChecked(True)
        a.lang_zh.triggered.connect(lambda: self._set_language("zh_CN"))
        a.lang_en.triggered.connect(lambda: self._set_language("en"))
        a.lang_hk.triggered.connect(lambda: self._set_language("zh_HK"))
        if self.lib.read_only:
            for action in (a.import_files, a.undo, a.redo, a.reindex, a.remove_document):
                action.setEnabled(False)

        self.ops.changed.connect(self.on_changes)
        self.ops.changed.connect(self._review_import)
        self.ops.failed.connect(lambda message: self.dialogs.error(self, one_language(message)))
        self.ops.info.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.ops.exported.connect(self.export_done.show_path)
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        # issue 11: one selection everywhere (reader clicks anywhere, Ctrl/Shift extend; results too)
        self.reader.measuresSelected.connect(lambda ids: self.select_measures(ids, source="reader"))
        self.tree.clicked.connect(self._tree_clicked)
        self.deadlines.measureActivated.connect(self.open_measure)

    def on_changes(self, changes: Changes) -> None:
        """The one place every operation's Changes record arrives; each panel decides."""
        inspector = [self._inspector] if self._inspector is not None else []  # built: it is told
        for panel in (self.tree_model, self.reader, *inspector, self.deadlines, *self._built_panes()):
            panel.on_changes(changes)
        # documents changed: the tree reloads, and its loaded signal refreshes the document lists
        self._update_undo()

    def _update_undo(self) -> None:
        # on the worker: reading the undo history takes the library lock, which a job may hold
        self.ops.background(self.ops.undo_redo_texts, self._show_undo)

    def _show_undo(self, texts: tuple[str | None, str | None]) -> None:
        undo, redo = texts
        writable = not self.lib.read_only
        self.actions_.undo.setEnabled(writable and undo is not None)
        self.actions_.redo.setEnabled(writable and redo is not None)
        self.actions_.undo.setText(self.tr("撤销：{0}").format(undo) if undo else self.tr("撤销"))
        self.actions_.redo.setText(self.tr("重做：{0}").format(redo) if redo else self.tr("重做"))
        self.actions_.undo.setIconText(self.tr("撤销"))  # the toolbar stays short; menu and tooltip say what
        self.actions_.redo.setIconText(self.tr("重做"))
        self.actions_.undo.setToolTip(self.actions_.undo.text())
        self.actions_.redo.setToolTip(self.actions_.redo.text())

    # -- selection and navigation ---------------------------------------------------------------
    def _tree_current(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if not current.isValid():
            return
        index = current.siblingAtColumn(0)
        kind, _key = index.data(IdRole)
        ids = index.data(MeasuresRole) if kind == "section" else []
        if kind != "section":
            return
        keep = [m for m in self._selection if m in ids]
        # an untitled block (a 台账's rows) is named by its document, not （无标题）
        title = section_title(index, self.tree_model.tr("正文"), self.tree_model.tr("（无标题）"))
        self.reader.show_section(title, ids, keep)
        if not self._syncing and keep != self._selection:
            self.select_measures(keep, source="tree")  # the inspector never edits a measure out of sight
        summary = index.siblingAtColumn(2).data()
        self.statusBar().showMessage(self.tr("{0}：%n 条措施  {1}", "", len(ids)).format(title, summary))

    def _tree_clicked(self, _index: QtCore.QModelIndex) -> None:
        """A section clicked while the 分工表 or 期限提醒 is showing: show it in the reader."""
        if self.center.currentIndex() != TAB_READER:
            self.center.setCurrentIndex(TAB_READER)

    def open_measure(self, measure_id: str) -> None:
        """Show ``measure_id`` in the reader, selected (from a search result or a deadline)."""
        self._selection = [measure_id]
        index = self.tree_model.section_of(measure_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self.center.setCurrentIndex(TAB_READER)
        self.select_measures([measure_id], source="search")

    def select_measures(self, ids: list[str], source: str = "") -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self._selection = list(ids)
            self.inspector.set_measures(ids)
            if source != "reader" and ids and ids[0] not in self.reader.shown_ids():
                index = self.tree_model.section_of(ids[0])
                if index.isValid():
                    self.tree.setCurrentIndex(index)
            self.reader.set_selected(ids)
            division, search = self.built_pane("division"), self.built_pane("search")
            if source != "table" and division is not None:
                division.select_ids(ids)
            if source != "results" and search is not None:
                search.select_ids(ids)
        finally:
            self._syncing = False

    def selected_ids(self) -> list[str]:
        return list(self._selection)

    def focus_search(self) -> None:
        self.left.setCurrentIndex(LEFT_SEARCH)
        self.search.focus_box()

    def _searched(self, query: str, filters: Any) -> None:
        self._query = (query, filters)
        self.reader.set_terms(query_terms(query))

    # -- author ------------------------------------------------------------------------------------
    def author(self) -> str:
        if not self.settings.author:
            name = self.dialogs.ask_author(self)
            if name:
                self.settings.author = name
        return self.settings.author

    def change_author(self) -> None:
        name = self.dialogs.ask_author(self)
        if name:
            self.settings.author = name

    def _set_language(self, lang: str) -> None:
        from panprd_desktop.ui.language import switch_language

        if lang != self.settings.language:
            switch_language(self, lang)  # issue 11: no restart needed

    # -- remembering ---------------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        place_window(self, s.bytes_value("window/geometry"))  # issue 11: fits the screen, 1366×768 up
        state = s.bytes_value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.bytes_value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.center.setCurrentIndex(int(s.value("window/tab", 0) or 0))
        # the panes restore their filters when they are built (_build_search, _build_division)

    def save_settings(self) -> None:
        s = self.settings
        s.set_value("window/geometry", self.saveGeometry())
        s.set_value("window/state", self.saveState())
        s.set_value("window/splitter", self.splitter.saveState())
        s.set_value("window/tab", self.center.currentIndex())
        division, search = self.built_pane("division"), self.built_pane("search")
        if search is not None:  # a pane never built keeps the filters saved last time
            s.set_filters("search", search.filter_bar.state())
        if division is not None:
            s.set_filters("table", division.filter_bar.state())
        s.sync()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        # issue 11: typed fields and note drafts are never dropped silently — ask 保存/放弃/取消
        unsaved = [] if self.lib.read_only else self.inspector.unsaved()
        if unsaved:
            answer = self.dialogs.ask_unsaved(self, unsaved)
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                self.inspector.save_unsaved()
                if not self._saved_before_close():
                    event.ignore()  # a write was refused (busy or full disk): keep the window and the input
                    return
            else:
                self.inspector.discard_unsaved()
        focused = QtWidgets.QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # a field being edited commits now (editingFinished), not after close
        self.ops.close()
        self.worker.cancel_long()
        self.worker.wait()
        self.save_settings()
        super().closeEvent(event)

    def _saved_before_close(self) -> bool:
        """Wait for the saving writes and deliver their results (queued signals); False when one
        was refused, its input then being back in the inspector (follow-up of issue 12)."""
        self.worker.wait()
        QtCore.QCoreApplication.sendPostedEvents()
        return not self.inspector.unsaved()
