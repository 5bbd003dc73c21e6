"""Briefing-pack options: title, meeting, marking, format, file, and which measures.

The scope is chosen explicitly (all / current document / selected measures / current search /
分工表 filter / an owner as lead or participant / overdue) — it never follows whichever tab
happens to be active. Meeting name and date come back from the last export (the window keeps
them in QSettings). Writing over an existing file asks first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panprd_desktop.core.packs import PackOptions
from panprd_desktop.core.search.filters import SearchFilters
from panprd_desktop.ui.labels import status_text
from panprd_desktop.ui.qt import QtCore, QtWidgets, translate

SCOPES = ("all", "doc", "selected", "search", "table", "owner", "overdue")
ROLES = ("lead", "participant", "any")


def scope_words(query: str, filters: Any) -> str:
    """A search or filter in words, in the UI's language (the core's describe_scope words are
    Chinese because they are printed on the pack's cover)."""
    tr = lambda text: translate("ExportDialog", text)  # noqa: E731 - a short alias for the literals
    words: list[str] = []
    if filters is not None:
        role = {"lead": tr("牵头单位"), "participant": tr("参与单位")}.get(filters.role, tr("单位"))
        for shown, value in ((role, filters.owner), (tr("状态"), filters.status and status_text(filters.status)),
                             (tr("标签"), filters.tag), (tr("完成时限早于"), filters.due_before),
                             (tr("完成时限晚于"), filters.due_after)):
            if value:
                words.append(tr("{0}：{1}").format(shown, value))
        if filters.overdue:
            words.append(tr("已逾期"))
    if query:
        words.append(tr("检索：{0}").format(query))
    return tr("；").join(words)


@dataclass
class ExportDefaults:
    query: str = ""  # the search panel's search
    filters: Any = None
    selected: list[str] = field(default_factory=list)
    prepared_by: str = ""
    folder: str = ""
    fmt: str = "docx"
    for_print: bool = False  # printing: no file and format
    doc: tuple[str, str] | None = None  # (doc_id, title) of the document being read
    table_query: str = ""  # the 分工表's own filter
    table_filters: Any = None
    owners: list[str] = field(default_factory=list)  # names offered for "owner as lead/participant"
    meeting: str = ""  # remembered from the last export
    meeting_date: str = ""
    scope: str = ""  # the scope chosen last time, when it still applies


@dataclass(frozen=True)
class ExportRequest:
    options: PackOptions
    selection: dict[str, Any]  # keyword arguments of lib.packs.build
    out: Path | None
    fmt: str
    scope: str = "all"
    for_return: bool = False  # .xlsx only: a 台账 the party fills in and returns (issue 10)
    owner: str = ""  # the party it is made for (the owner scope), "" for everyone


class ExportDialog(QtWidgets.QDialog):
    def __init__(self, defaults: ExportDefaults, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._d = defaults
        self.setWindowTitle(self.tr("打印简报材料") if defaults.for_print else self.tr("导出简报材料"))
        self.setMinimumWidth(560)
        base = PackOptions()
        self.title = QtWidgets.QLineEdit(base.title)
        self.meeting = QtWidgets.QLineEdit(defaults.meeting)
        self.meeting.setPlaceholderText(self.tr("如 泛珠三角区域合作行政首长联席会议"))
        self.meeting_date = QtWidgets.QLineEdit(defaults.meeting_date)
        self.meeting_date.setPlaceholderText(self.tr("如 2026年12月"))
        self.prepared_by = QtWidgets.QLineEdit(defaults.prepared_by)
        self.marking = QtWidgets.QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(["", self.tr("内部资料"), self.tr("内部资料 注意保存")])
        self.landscape = QtWidgets.QCheckBox(self.tr("分工表横向排版"))

        self._build_scope(defaults)

        self.fmt = QtWidgets.QComboBox()
        self.fmt.addItem(self.tr("Word 文档 (.docx)"), "docx")
        self.fmt.addItem(self.tr("PDF 文档 (.pdf)"), "pdf")
        self.fmt.addItem(self.tr("Excel 分工表台账 (.xlsx)"), "xlsx")
        self.for_return = QtWidgets.QCheckBox(self.tr("供填报回收（对方填写进展后可导入合并）"))
        self.fmt.setCurrentIndex(max(0, self.fmt.findData(defaults.fmt)))
        self.path = QtWidgets.QLineEdit()
        browse = QtWidgets.QPushButton(self.tr("浏览…"))
        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("会议"), self.meeting)
        form.addRow(self.tr("会议日期"), self.meeting_date)
        form.addRow(self.tr("编制"), self.prepared_by)
        form.addRow(self.tr("密级标注"), self.marking)
        form.addRow("", self.landscape)
        if not defaults.for_print:
            form.addRow(self.tr("格式"), self.fmt)
            form.addRow("", self.for_return)
            form.addRow(self.tr("保存到"), path_row)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("预览") if defaults.for_print else self.tr("导出"))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scope_box)
        layout.addLayout(self.pack_options)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        browse.clicked.connect(self._browse)
        self.fmt.currentIndexChanged.connect(self._fix_suffix)
        self.path.setText(str(Path(defaults.folder or QtCore.QDir.homePath()) / f"{base.title}.{defaults.fmt}"))
        self._fix_suffix()
        self._confirmed: str = ""  # a path the native save dialog already asked about

    def _build_scope(self, d: ExportDefaults) -> None:
        R = QtWidgets.QRadioButton
        self.scope_all = R(self.tr("全部措施"))
        self.scope_doc = R(self.tr("当前文档：{0}").format(d.doc[1]) if d.doc else self.tr("当前文档"))
        self.scope_selected = R(self.tr("所选措施（%n 条）", "", len(d.selected)))
        search, table = scope_words(d.query, d.filters), scope_words(d.table_query, d.table_filters)
        self.scope_filter = R(self.tr("当前搜索：{0}").format(search) if search else self.tr("当前搜索"))
        self.scope_table = R(self.tr("分工表筛选：{0}").format(table) if table else self.tr("分工表筛选"))
        self.scope_owner = R(self.tr("单位"))
        self.scope_overdue = R(self.tr("已逾期的措施"))
        self.owner = QtWidgets.QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems(d.owners)
        self.owner.setCurrentText("")
        self.role = QtWidgets.QComboBox()
        for code, text in zip(ROLES, (self.tr("牵头"), self.tr("参与"), self.tr("牵头或参与")), strict=True):
            self.role.addItem(text, code)
        available = {"all": True, "doc": d.doc is not None, "selected": bool(d.selected),
                     "search": bool(d.query) or d.filters is not None,
                     "table": bool(d.table_query) or d.table_filters is not None,
                     "owner": bool(d.owners), "overdue": True}
        self.scope_buttons = dict(zip(SCOPES, (self.scope_all, self.scope_doc, self.scope_selected,
                                               self.scope_filter, self.scope_table, self.scope_owner,
                                               self.scope_overdue), strict=True))
        for key, button in self.scope_buttons.items():
            button.setEnabled(available[key])
        self.scope_buttons[d.scope if available.get(d.scope) else "all"].setChecked(True)
        self.scope_box = QtWidgets.QGroupBox(self.tr("范围"))
        layout = QtWidgets.QVBoxLayout(self.scope_box)
        for key, button in self.scope_buttons.items():
            if key == "owner":
                row = QtWidgets.QHBoxLayout()
                row.addWidget(button)
                row.addWidget(self.owner, 1)
                row.addWidget(self.role)
                layout.addLayout(row)
            else:
                layout.addWidget(button)
        self.owner.currentTextChanged.connect(lambda text: text and self.scope_owner.setChecked(True))
        # room for pack options (notes, tags, authors, timestamps) beside the scope: issue 9
        self.pack_options = QtWidgets.QVBoxLayout()

    def scope(self) -> str:
        return next(key for key, button in self.scope_buttons.items() if button.isChecked())

    def _fix_suffix(self) -> None:
        xlsx = self.fmt.currentData() == "xlsx"
        self.for_return.setEnabled(xlsx)  # only a 台账 can be filled in and merged back
        if not xlsx:
            self.for_return.setChecked(False)
        self.landscape.setEnabled(not xlsx)  # page layout of the Word/PDF pack only
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.fmt.currentData())))

    def _browse(self) -> None:
        fmt = self.fmt.currentData()
        kind = {"docx": self.tr("Word 文档 (*.docx)"), "pdf": self.tr("PDF 文档 (*.pdf)"),
                "xlsx": self.tr("Excel 台账 (*.xlsx)")}[fmt]
        # the platform's own dialog (it asks about overwriting itself), with Chinese filters
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("保存简报材料"), self.path.text(),
                                                        kind + ";;" + self.tr("所有文件 (*)"))
        if name:
            self.path.setText(name)
            self._fix_suffix()
            self._confirmed = self.path.text()

    def accept(self) -> None:
        if not self.title.text().strip():
            self.title.setFocus()
            self.title.setPlaceholderText(self.tr("标题不能为空"))
            return
        if not self._d.for_print and not self.path.text().strip():
            self.path.setFocus()
            return
        if self.scope_owner.isChecked() and not self.owner.currentText().strip():
            self.owner.setFocus()
            return
        if not self._d.for_print and not self._may_write(Path(self.path.text().strip()).expanduser()):
            return
        super().accept()

    def _may_write(self, out: Path) -> bool:
        """Writing over an existing file asks first (not when the save dialog already asked)."""
        if not out.exists() or str(out) == self._confirmed:
            return True
        B = QtWidgets.QMessageBox.StandardButton
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, self.tr("文件已存在"),
                                    self.tr("“{0}”已存在。要替换它吗？").format(out.name), B.Yes | B.No, self)
        box.setObjectName("overwrite_question")
        box.button(B.Yes).setText(self.tr("替换"))
        box.button(B.No).setText(self.tr("取消"))
        box.setDefaultButton(B.No)
        if box.exec() == B.Yes:
            self._confirmed = str(out)
            return True
        self.path.setFocus()
        self.path.selectAll()
        return False

    def request(self) -> ExportRequest:
        options = PackOptions(
            title=self.title.text().strip(), meeting=self.meeting.text().strip(),
            meeting_date=self.meeting_date.text().strip(), prepared_by=self.prepared_by.text().strip(),
            marking=self.marking.currentText().strip(), landscape_table=self.landscape.isChecked())
        d, scope = self._d, self.scope()
        selection: dict[str, Any] = {}
        if scope == "doc" and d.doc:
            selection = {"doc_id": d.doc[0]}
        elif scope == "selected":
            selection = {"measure_ids": list(d.selected)}
        elif scope == "search":
            selection = {"query": d.query, "filters": d.filters}
        elif scope == "table":
            selection = {"query": d.table_query, "filters": d.table_filters}
        elif scope == "owner":
            selection = {"filters": SearchFilters(owner=self.owner.currentText().strip(),
                                                  role=self.role.currentData())}
        elif scope == "overdue":
            selection = {"filters": SearchFilters(overdue=True)}
        out = None if self._d.for_print else Path(self.path.text().strip()).expanduser()
        fmt = self.fmt.currentData()
        for_return = fmt == "xlsx" and self.for_return.isChecked()
        owner = self.owner.currentText().strip() if scope == "owner" else ""
        return ExportRequest(options, selection, out, fmt, scope, for_return, owner)

