"""The window's menus and shortcuts (built here so the window class stays short)."""

from __future__ import annotations

from dataclasses import dataclass

from panprd_desktop.ui.qt import QtGui, QtWidgets, translate


@dataclass
class Actions:
    import_files: QtGui.QAction
    export: QtGui.QAction
    print_pack: QtGui.QAction
    reindex: QtGui.QAction
    quit: QtGui.QAction
    undo: QtGui.QAction
    redo: QtGui.QAction
    find: QtGui.QAction
    show_reader: QtGui.QAction
    show_table: QtGui.QAction
    show_deadlines: QtGui.QAction
    author: QtGui.QAction
    lang_zh: QtGui.QAction
    lang_en: QtGui.QAction
    lang_hk: QtGui.QAction
    remove_document: QtGui.QAction


def build_actions(window: QtWidgets.QMainWindow) -> Actions:
    K = QtGui.QKeySequence

    def act(text: str, shortcut: K | str | None = None) -> QtGui.QAction:
        action = QtGui.QAction(text, window)
        if shortcut is not None:
            action.setShortcut(K(shortcut))
        return action

    a = Actions(
        import_files=act(translate("MainWindow", "导入文件…"), K.StandardKey.Open),
        export=act(translate("MainWindow", "导出简报材料…"), "Ctrl+E"),
        print_pack=act(translate("MainWindow", "打印简报材料…"), K.StandardKey.Print),
        reindex=act(translate("MainWindow", "重建搜索索引")),
        quit=act(translate("MainWindow", "退出"), K.StandardKey.Quit),
        undo=act(translate("MainWindow", "撤销"), "Ctrl+Z"),
        redo=act(translate("MainWindow", "重做"), "Ctrl+Shift+Z"),
        find=act(translate("MainWindow", "搜索"), K.StandardKey.Find),
        show_reader=act(translate("MainWindow", "阅读"), "Ctrl+1"),
        show_table=act(translate("MainWindow", "分工表"), "Ctrl+2"),
        show_deadlines=act(translate("MainWindow", "期限提醒"), "Ctrl+3"),
        author=act(translate("MainWindow", "修改署名…")),
        lang_zh=act("简体中文"),
        lang_en=act("English"),
        lang_hk=act("繁體中文（香港）"),
        remove_document=act(translate("MainWindow", "移除文档…")),
    )
    a.lang_zh.setCheckable(True)
    a.lang_en.setCheckable(True)
    a.lang_hk.setCheckable(True)
    group = QtGui.QActionGroup(window)
    group.addAction(a.lang_zh)
    group.addAction(a.lang_en)
    group.addAction(a.lang_hk)

    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "文件(&F)"))
    for action in (a.import_files, a.export, a.print_pack):
        file_menu.addAction(action)
    file_menu.addAction(a.remove_document)
    file_menu.addSeparator()
    file_menu.addAction(a.reindex)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(translate("MainWindow", "编辑(&E)"))
    edit_menu.addAction(a.undo)
    edit_menu.addAction(a.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(a.find)
    view_menu = bar.addMenu(translate("MainWindow", "视图(&V)"))
    for action in (a.show_reader, a.show_table, a.show_deadlines):
        view_menu.addAction(action)
    settings_menu = bar.addMenu(translate("MainWindow", "设置(&S)"))
    settings_menu.addAction(a.author)
    lang_menu = settings_menu.addMenu(translate("MainWindow", "界面语言（重新启动后生效）"))
    lang_menu.addAction(a.lang_zh)
    lang_menu.addAction(a.lang_en)
    lang_menu.addAction(a.lang_hk)

    toolbar = window.addToolBar(translate("MainWindow", "工具栏"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    for action in (a.import_files, a.export, a.print_pack, None, a.undo, a.redo, None, a.find):
        if action is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(action)
    return a
