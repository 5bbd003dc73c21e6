"""Inspector: owners, deadline, status, tags, notes and history of the selected measure(s).

With several measures selected, a field the user changes is set on all of them (one operation,
one undo step); fields whose values differ show "多个值" until edited. Tags are the exception:
with several measures, typed tags are added to (and erased common tags removed from) each
measure's own tags; replacing them all is an explicit choice (the 替换 box).

Never lose a keystroke: a typed field is committed to the measures it was typed for when the
selection moves; a typed, unsaved note is a *draft* that stays with its measure(s) and comes
back when they are selected again; a field keeps its text until the write succeeded, and a
refused write leaves the text in place with the error under the fields.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.deadlines import parse_deadline
from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import STATUSES, Changes, MeasureView
from panprd_desktop.ui.labels import join_names, split_owners, status_text
from panprd_desktop.ui.messages import one_language
from panprd_desktop.ui.models.history_model import HistoryModel
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.qt import QtCore, QtWidgets
from panprd_desktop.ui.views.deadline_picker import NO_DATE, DeadlinePicker
from panprd_desktop.ui.views.inspector_input import UnsavedInput
from panprd_desktop.ui.views.owner_edit import OwnerEdit


def _common(values: Sequence[object]) -> object | None:
    """The value all selected measures share, or None when they differ."""
    return values[0] if values and all(v == values[0] for v in values) else None


class InspectorView(UnsavedInput, QtWidgets.QScrollArea):
    def __init__(self, lib: Library, ops: Operations, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._ops = ops
        self._ids: list[str] = []
        self._views: list[MeasureView] = []
        self._shown_date = NO_DATE
        self._drafts: dict[tuple[str, ...], str] = {}  # unsaved note text per selection
        self._refused: dict[tuple[str, ...], dict[str, tuple[str, Edit]]] = {}  # see UnsavedInput
        self.setWidgetResizable(True)
        body = QtWidgets.QWidget()
        self.setWidget(body)
        layout = QtWidgets.QVBoxLayout(body)

        self.heading = QtWidgets.QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.excerpt = QtWidgets.QLabel()
        self.excerpt.setWordWrap(True)
        self.excerpt.setStyleSheet("color: #444;")
        layout.addWidget(self.heading)
        layout.addWidget(self.excerpt)

        complete = self._complete
        self.leads = OwnerEdit(complete)
        self.participants = OwnerEdit(complete)
        self.deadline = QtWidgets.QLineEdit()
        self.deadline.setPlaceholderText(self.tr("如 2020年底前 或 2026-06-30"))
        self.deadline_date = DeadlinePicker()
        self.deadline_date.setToolTip(self.tr("从日历选择完成时限"))
        self.status = QtWidgets.QComboBox()
        for code in STATUSES:
            self.status.addItem(status_text(code), code)
        self.tags = QtWidgets.QLineEdit()
        self.tags.setPlaceholderText(self.tr("用 、 分隔多个标签"))
        self.tags_replace = QtWidgets.QCheckBox(self.tr("替换"))
        self.tags_replace.setToolTip(self.tr("勾选后，所选各条措施原有的标签全部替换为输入的标签；"
                                             "不勾选时只添加输入的标签、删除从共同标签中删去的标签"))
        self.deadline_flag = QtWidgets.QLabel()
        self.deadline_flag.setStyleSheet("color: #a35a00;")
        self.deadline_flag.setWordWrap(True)
        self.error = QtWidgets.QLabel()
        self.error.setObjectName("inspector_error")
        self.error.setStyleSheet("color: #a3180d;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("牵头单位"), self.leads)
        form.addRow(self.tr("参与单位"), self.participants)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.deadline, 1)
        row.addWidget(self.deadline_date)
        form.addRow(self.tr("完成时限"), row)
        form.addRow("", self.deadline_flag)
        form.addRow(self.tr("状态"), self.status)
        tags_row = QtWidgets.QHBoxLayout()
        tags_row.addWidget(self.tags, 1)
        tags_row.addWidget(self.tags_replace)
        form.addRow(self.tr("标签"), tags_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        # Which of the values above the imported document itself states (issue 8).
        self.source_hint = QtWidgets.QLabel()
        self.source_hint.setStyleSheet("color: #666;")
        self.source_hint.setWordWrap(True)
        self.source_hint.hide()
        layout.addWidget(self.source_hint)

        notes_box = QtWidgets.QGroupBox(self.tr("备注"))
        notes_layout = QtWidgets.QVBoxLayout(notes_box)
        self.notes = QtWidgets.QTextBrowser()
        self.notes.setMinimumHeight(80)
        self.note_edit = QtWidgets.QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("输入备注…"))
        self.note_edit.setMaximumHeight(70)
        self.add_note = QtWidgets.QPushButton(self.tr("添加备注"))
        self.draft_hint = QtWidgets.QLabel(self.tr("草稿未添加：它留在这条措施上，直到您添加或清空它。"))
        self.draft_hint.setObjectName("draft_hint")
        self.draft_hint.setStyleSheet("color: #a35a00;")
        self.draft_hint.setWordWrap(True)
        self.draft_hint.hide()
        notes_layout.addWidget(self.notes)
        notes_layout.addWidget(self.note_edit)
        notes_row = QtWidgets.QHBoxLayout()
        notes_row.addWidget(self.draft_hint, 1)
        notes_row.addWidget(self.add_note, 0, QtCore.Qt.AlignmentFlag.AlignRight)
        notes_layout.addLayout(notes_row)
        layout.addWidget(notes_box)

        history_box = QtWidgets.QGroupBox(self.tr("修改记录"))
        history_layout = QtWidgets.QVBoxLayout(history_box)
        self.history_model = HistoryModel(self)
        self.history = QtWidgets.QTableView()
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setMinimumHeight(120)
        history_layout.addWidget(self.history)
        layout.addWidget(history_box, 1)

        self.leads.committed.connect(lambda names: self._apply(Edit(set_leads=tuple(names)), self.leads))
        self.participants.committed.connect(
            lambda names: self._apply(Edit(set_participants=tuple(names)), self.participants))
        self.deadline.editingFinished.connect(self._deadline_typed)
        # a date is taken when picked in the calendar or typed and confirmed — not on every keystroke
        self.deadline_date.calendarWidget().clicked.connect(self._date_picked)
        self.deadline_date.editingFinished.connect(self._date_typed)
        self.status.activated.connect(self._status_chosen)
        self.tags.editingFinished.connect(self._tags_typed)
        self.add_note.clicked.connect(self._note_added)
        self.note_edit.textChanged.connect(self._note_changed)
        self.set_measures([])

    # -- data -------------------------------------------------------------------------------------
    def _complete(self, prefix: str) -> list[str]:
        with self._lib.lock:
            return self._lib.owners.complete(prefix)

    def measure_ids(self) -> list[str]:
        return list(self._ids)

    def set_measures(self, ids: Sequence[str]) -> None:
        if list(ids) == self._ids:
            return
        self.commit_fields()  # typed but not yet committed: it belongs to the measures it was typed for
        self._stash_draft()
        self._ids = list(ids)
        self.error.hide()
        self._load(force=True)
        self._restore_refused()  # a write refused after the user moved on comes back to its box
        draft = self._drafts.get(self._key(), "")
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(draft)
        self.note_edit.blockSignals(False)
        self.draft_hint.setVisible(bool(draft))

    def on_changes(self, changes: Changes) -> None:
        if changes.documents or changes.measure_ids & set(self._ids):
            self._load()

    def _load(self, force: bool = False) -> None:
        with self._lib.reads.lock:  # the window's own connection: never waits on the worker (issue 13)
            self._views = self._lib.reads.measures.many(self._ids, with_history=True)
        views = self._views
        enabled = bool(views) and not self._lib.read_only
        for w in (self.leads, self.participants, self.deadline, self.deadline_date, self.status, self.tags,
                  self.note_edit, self.add_note):
            w.setEnabled(enabled)
        if not views:
            self.heading.setText(self.tr("未选择措施"))
            self.excerpt.setText(self.tr("在阅读区或分工表中选择一条或多条措施。"))
        elif len(views) == 1:
            v = views[0]
            self.heading.setText(f"{v.label}  {v.section_title}")
            self.excerpt.setText(v.text)
        else:
            self.heading.setText(self.tr("已选择 %n 条措施", "", len(views)))
            self.excerpt.setText(self.tr("修改的项目将应用于全部所选措施：{0}").format(
                "、".join(v.label for v in views[:12]) + ("…" if len(views) > 12 else "")))
        many = self.tr("（多个值）")
        self._fill_owner(self.leads, [v.leads for v in views], many, force)
        self._fill_owner(self.participants, [v.participants for v in views], many, force)
        self._fill_line(self.deadline, [v.deadline.text for v in views], many, force)
        date = _common([v.deadline.date for v in views])
        self.deadline_date.blockSignals(True)
        self.deadline_date.set_deadline(date)
        self._shown_date = self.deadline_date.date()
        self.deadline_date.blockSignals(False)
        texts = {v.deadline.text for v in views}
        unknown = any(v.deadline.text and v.deadline.date is None for v in views)
        self.deadline_flag.setText(self.tr("未能识别日期：完成时限按原文保存，不会出现在期限提醒的日期中")
                                   if unknown and len(texts) == 1 else "")
        self.deadline_flag.setVisible(bool(self.deadline_flag.text()))
        status = _common([v.status for v in views])
        self.status.setCurrentIndex(self.status.findData(status) if status else -1)
        self._fill_tags(views, many, force)
        self.notes.setHtml(self._notes_html(views))
        self.history_model.set_entries(views[0].history if len(views) == 1 else [])
        self._show_sources(views[0] if len(views) == 1 else None)

    def _show_sources(self, view: MeasureView | None) -> None:
        names = {"leads": self.tr("牵头单位"), "participants": self.tr("参与单位"), "deadline": self.tr("完成时限"),
                 "status": self.tr("状态")}
        stated = [names.get(f, f) for f, source in (view.sources.items() if view else ()) if source == "document"]
        self.source_hint.setText(self.tr("来自原文（导入的文件写明，可修改）：{0}").format("、".join(stated)))
        self.source_hint.setVisible(bool(stated))

    def _common_tags(self, views: list[MeasureView] | None = None) -> list[str]:
        views = self._views if views is None else views
        if not views:
            return []
        rest = [set(v.tags) for v in views[1:]]
        return [t for t in views[0].tags if all(t in r for r in rest)]

    def _fill_tags(self, views: list[MeasureView], many: str, force: bool) -> None:
        self.tags_replace.setVisible(len(views) > 1)
        if not force and self.tags.isModified():
            return
        if force:
            self.tags_replace.setChecked(False)
        common = self._common_tags(views)
        self.tags.setText(join_names(common))
        self.tags.setModified(False)
        differ = len({tuple(v.tags) for v in views}) > 1
        self.tags.setPlaceholderText(many if differ else "")
        self.tags.setToolTip(self.tr("各条措施的标签不同；这里显示共同的标签。") if differ else "")

    @staticmethod
    def _fill_owner(edit: OwnerEdit, values: list[tuple[str, ...]], many: str, force: bool = False) -> None:
        if not force and edit.isModified():  # typed and not yet written (or refused): keep it
            return
        common = _common(values)
        edit.set_names(list(common) if common is not None else [])
        edit.setPlaceholderText(many if values and common is None else "")

    @staticmethod
    def _fill_line(edit: QtWidgets.QLineEdit, values: list[str], many: str, force: bool = False) -> None:
        if not force and edit.isModified():
            return
        common = _common(values)
        edit.setText(str(common) if common is not None else "")
        edit.setCursorPosition(0)  # `2026年12月底前` reads from its start in a narrow pane
        edit.setToolTip(edit.text())
        edit.setModified(False)
        edit.setPlaceholderText(many if values and common is None else "")

    def _notes_html(self, views: list[MeasureView]) -> str:
        parts = []
        for v in views:
            for n in v.notes:
                who = html.escape(f"{n.author} · {n.at:%Y-%m-%d %H:%M}")
                prefix = f"{html.escape(v.label)} · " if len(views) > 1 else ""
                text = html.escape(n.text).replace("\n", "<br/>")
                parts.append(f'<p><span style="color:#666;">{prefix}{who}</span><br/>{text}</p>')
        empty = self.tr("暂无备注")
        return "".join(parts) or f'<p style="color:#888;">{html.escape(empty)}</p>'

    # -- edits ------------------------------------------------------------------------------------
    def _apply(self, edit: Edit, field: QtWidgets.QLineEdit | None = None) -> None:
        """Write ``edit``; a refused write puts ``field`` back to "typed" and shows why."""
        if not self._ids:
            return
        ids = list(self._ids)
        typed = field.text() if field is not None else ""

        def done() -> None:
            if self._ids == ids:
                self.error.hide()

        def failed(message: str) -> None:
            if self._ids == ids:
                if field is not None:
                    field.setModified(True)  # the typed text stays, and is not overwritten by a reload
                elif edit.status is not None:
                    self._load()  # the status box shows what is stored, not the refused choice
                self._show_error(message)
            elif field is not None:  # the user moved on: keep it for when they come back (or close)
                self._keep_refused(ids, field, typed, edit)

        self._ops.annotate(ids, edit, done=done, failed=failed)

    def _show_error(self, message: str) -> None:
        self.error.setText(self.tr("未保存：{0}").format(one_language(message)))
        self.error.show()

    def _deadline_typed(self) -> None:
        if not self.deadline.isModified():
            return
        self.deadline.setModified(False)
        text = self.deadline.text().strip()
        try:
            parse_deadline(text)
        except InvalidValue as exc:  # 2027-13-45: refused, and the field shows what is stored
            common = _common([v.deadline.text for v in self._views])
            self.deadline.setText(str(common) if common is not None else "")
            self._show_error(str(exc))
            return
        self._apply(Edit(deadline=text), self.deadline)

    def _date_typed(self) -> None:
        if self.deadline_date.untouched():
            return
        if self.deadline_date.date() != self._shown_date:  # merely passing through the field changes nothing
            self._date_picked(self.deadline_date.date())

    def _date_picked(self, date: QtCore.QDate) -> None:
        text = date.toString("yyyy-MM-dd")
        self._shown_date = date
        if date == NO_DATE or not self._ids or (self.deadline.text() == text and not self.deadline.isModified()):
            return
        self.deadline.setText(text)
        self.deadline.setModified(False)
        self._apply(Edit(deadline=text), self.deadline)  # refused: the picked date stays typed

    def _status_chosen(self, index: int) -> None:
        code = self.status.itemData(index)
        if code:
            self._apply(Edit(status=code))

    def _tags_typed(self) -> None:
        if not self.tags.isModified():
            return
        self.tags.setModified(False)
        typed = split_owners(self.tags.text())
        if len(self._ids) == 1 or self.tags_replace.isChecked():
            self._apply(Edit(set_tags=tuple(typed)), self.tags)
            return
        common = self._common_tags()
        added = tuple(t for t in typed if t not in common)
        removed = tuple(t for t in common if t not in typed)
        if added or removed:
            self._apply(Edit(add_tags=added, remove_tags=removed), self.tags)

    def _note_added(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if not text or not self._ids:
            return
        ids, key = list(self._ids), self._key()

        def done() -> None:  # only now is the draft gone: a refused note stays in the box
            self._drafts.pop(key, None)
            if self._ids == ids and self.note_edit.toPlainText().strip() == text:
                self.note_edit.clear()
                self.error.hide()

        def failed(message: str) -> None:
            if self._ids == ids:
                self._show_error(message)

        self._ops.annotate(ids, Edit(note=text), done=done, failed=failed)
