"""Briefing-pack options: title, meeting, marking, format, file, and which measures.

The scope defaults to the current search/filter when there is one, else to the selected
measures, else to everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from panprd_desktop.core.packs import PackOptions, describe_scope
from panprd_desktop.ui.qt import QtCore, QtWidgets


@dataclass
class ExportDefaults:
    query: str = ""
    filters: Any = None
    selected: list[str] = field(default_factory=list)
    prepared_by: str = ""
    folder: str = ""
    fmt: str = "docx"
    for_print: bool = False  # printing: no file and format


@dataclass(frozen=True)
class ExportRequest:
    options: PackOptions
    selection: dict[str, Any]  # keyword arguments of lib.packs.build
    out: Path | None
    fmt: str


class ExportDialog(QtWidgets.QDialog):
    def __init__(self, defaults: ExportDefaults, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._d = defaults
        self.setWindowTitle(self.tr("打印简报材料") if defaults.for_print else self.tr("导出简报材料"))
        self.setMinimumWidth(560)
        base = PackOptions()
        self.title = QtWidgets.QLineEdit(base.title)
        self.meeting = QtWidgets.QLineEdit()
        self.meeting.setPlaceholderText(self.tr("如 泛珠三角区域合作行政首长联席会议"))
        self.meeting_date = QtWidgets.QLineEdit()
        self.meeting_date.setPlaceholderText(self.tr("如 2026年12月"))
        self.prepared_by = QtWidgets.QLineEdit(defaults.prepared_by)
        self.marking = QtWidgets.QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(["", self.tr("内部资料"), self.tr("内部资料 注意保存")])
        self.landscape = QtWidgets.QCheckBox(self.tr("分工表横向排版"))

        self.scope_filter = QtWidgets.QRadioButton(self.tr("当前搜索/筛选：{0}").format(
            describe_scope(defaults.query, defaults.filters)))
        self.scope_selected = QtWidgets.QRadioButton(self.tr("所选措施（{0} 条）").format(len(defaults.selected)))
        self.scope_all = QtWidgets.QRadioButton(self.tr("全部措施"))
        has_filter = bool(defaults.query) or defaults.filters is not None
        self.scope_filter.setEnabled(has_filter)
        self.scope_selected.setEnabled(bool(defaults.selected))
        (self.scope_filter if has_filter else self.scope_selected if defaults.selected else self.scope_all
         ).setChecked(True)
        scope_box = QtWidgets.QGroupBox(self.tr("范围"))
        scope_layout = QtWidgets.QVBoxLayout(scope_box)
        for button in (self.scope_filter, self.scope_selected, self.scope_all):
            scope_layout.addWidget(button)

        self.fmt = QtWidgets.QComboBox()
        self.fmt.addItem(self.tr("Word 文档 (.docx)"), "docx")
        self.fmt.addItem(self.tr("PDF 文档 (.pdf)"), "pdf")
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
            form.addRow(self.tr("保存到"), path_row)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("预览") if defaults.for_print else self.tr("导出"))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope_box)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        browse.clicked.connect(self._browse)
        self.fmt.currentIndexChanged.connect(self._fix_suffix)
        self.path.setText(str(Path(defaults.folder or QtCore.QDir.homePath()) / f"{base.title}.{defaults.fmt}"))
        self._fix_suffix()

    def _fix_suffix(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.fmt.currentData())))

    def _browse(self) -> None:
        fmt = self.fmt.currentData()
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("保存简报材料"), self.path.text(),
                                                        f"*.{fmt}")
        if name:
            self.path.setText(name)
            self._fix_suffix()

    def accept(self) -> None:
        if not self.title.text().strip():
            self.title.setFocus()
            self.title.setPlaceholderText(self.tr("标题不能为空"))
            return
        if not self._d.for_print and not self.path.text().strip():
            self.path.setFocus()
            return
        super().accept()

    def request(self) -> ExportRequest:
        options = PackOptions(
            title=self.title.text().strip(), meeting=self.meeting.text().strip(),
            meeting_date=self.meeting_date.text().strip(), prepared_by=self.prepared_by.text().strip(),
            marking=self.marking.currentText().strip(), landscape_table=self.landscape.isChecked())
        if self.scope_filter.isChecked():
            selection: dict[str, Any] = {"query": self._d.query, "filters": self._d.filters}
        elif self.scope_selected.isChecked():
            selection = {"measure_ids": list(self._d.selected)}
        else:
            selection = {}
        out = None if self._d.for_print else Path(self.path.text().strip()).expanduser()
        return ExportRequest(options, selection, out, self.fmt.currentData())

