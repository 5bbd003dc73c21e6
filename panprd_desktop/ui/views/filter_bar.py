"""Filter controls shared by the search panel and the 分工表: document, owner+role, status, tag, dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from panprd_desktop.core.model import STATUSES
from panprd_desktop.ui.labels import status_text
from panprd_desktop.ui.qt import QtCore, QtWidgets, Signal
from panprd_desktop.ui.search_adapter import SearchFilters
from panprd_desktop.ui.views.owner_edit import OwnerEdit


class FilterBar(QtWidgets.QWidget):
    changed = Signal()

    def __init__(self, complete: Callable[[str], list[str]], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = QtWidgets.QComboBox()
        self.doc.addItem(self.tr("全部文档"), "")
        self._docs: list[tuple[str, str]] = []  # (doc_id, title) of items 1…, in order
        self.doc.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc.setMinimumContentsLength(6)  # long titles elide: the panel must fit 1366×768 at 150 %
        self.owner = OwnerEdit(complete, multiple=False)
        self.owner.setPlaceholderText(self.tr("单位（可输入简称，如 粤）"))
        self.role = QtWidgets.QComboBox()
        for text, code in ((self.tr("牵头或参与"), "any"), (self.tr("牵头"), "lead"), (self.tr("参与"), "participant")):
            self.role.addItem(text, code)
        self.status = QtWidgets.QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        for code in STATUSES:
            self.status.addItem(status_text(code), code)
        self.tag = QtWidgets.QLineEdit()
        self.tag.setPlaceholderText(self.tr("标签"))
        self.use_due = QtWidgets.QCheckBox(self.tr("完成时限早于"))
        self.due = QtWidgets.QDateEdit(QtCore.QDate.currentDate().addDays(30))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.overdue = QtWidgets.QCheckBox(self.tr("仅逾期"))
        self.clear_button = QtWidgets.QToolButton()
        self.clear_button.setText(self.tr("清除筛选"))

        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QtWidgets.QLabel(self.tr("文档")), 0, 0)
        grid.addWidget(self.doc, 0, 1, 1, 3)
        grid.addWidget(QtWidgets.QLabel(self.tr("单位")), 1, 0)
        grid.addWidget(self.owner, 1, 1, 1, 2)
        grid.addWidget(self.role, 1, 3)
        grid.addWidget(QtWidgets.QLabel(self.tr("状态")), 2, 0)
        grid.addWidget(self.status, 2, 1)
        grid.addWidget(self.tag, 2, 2, 1, 2)
        grid.addWidget(self.use_due, 3, 0, 1, 2)
        grid.addWidget(self.due, 3, 2, 1, 2)
        grid.addWidget(self.overdue, 4, 0, 1, 2)  # its own row: the panel fits narrow screens
        grid.addWidget(self.clear_button, 4, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        for combo in (self.doc, self.role, self.status):
            combo.currentIndexChanged.connect(self.changed)
        self.owner.textChanged.connect(self.changed)
        self.tag.textChanged.connect(self.changed)
        self.use_due.toggled.connect(self.changed)
        self.due.dateChanged.connect(lambda _d: self.use_due.isChecked() and self.changed.emit())
        self.overdue.toggled.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)
        for combo in (self.role, self.status):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)
        self.owner.setMinimumWidth(60)
        self.tag.setMinimumWidth(40)

    def active_count(self) -> int:
        """How many conditions are set (shown on a collapsed 筛选条件 so no filter works unseen)."""
        s = self.state()
        return sum(bool(s[k]) for k in ("doc", "owner", "status", "tag", "use_due", "overdue"))

    def set_documents(self, docs: list[tuple[str, str]]) -> None:
        """The document choices. Filled with one call and ids kept beside (issue 13: an item at
        a time was 20–30 ms per bar for 2,400 documents, after every import)."""
        docs = [(str(d), str(t)) for d, t in docs]
        if docs == self._docs:
            return
        current = self._doc_id()
        self.doc.blockSignals(True)
        all_docs = self.doc.itemText(0)
        self.doc.clear()
        self.doc.addItem(all_docs, "")
        self.doc.addItems([title for _doc_id, title in docs])
        self._docs = docs
        self.doc.setCurrentIndex(self._doc_index(current))
        self.doc.blockSignals(False)

    def _doc_id(self) -> str:
        index = self.doc.currentIndex()
        return self._docs[index - 1][0] if 0 < index <= len(self._docs) else ""

    def _doc_index(self, doc_id: str) -> int:
        if doc_id:
            for i, (known, _title) in enumerate(self._docs, 1):
                if known == doc_id:
                    return i
        return 0

    def filters(self) -> Any | None:
        """The core's SearchFilters, or None when nothing is set."""
        s = self.state()
        if not any((s["doc"], s["owner"], s["status"], s["tag"], s["use_due"], s["overdue"])):
            return None
        due = date.fromisoformat(s["due"]) if s["use_due"] else None
        return SearchFilters(doc_id=s["doc"] or None, owner=s["owner"] or None, role=s["role"],
                             status=s["status"] or None, tag=s["tag"] or None, due_before=due,
                             overdue=s["overdue"])

    def state(self) -> dict[str, Any]:
        return {
            "doc": self._doc_id(), "owner": self.owner.text().strip(),
            "role": self.role.currentData() or "any", "status": self.status.currentData() or "",
            "tag": self.tag.text().strip(), "use_due": self.use_due.isChecked(),
            "due": self.due.date().toString("yyyy-MM-dd"), "overdue": self.overdue.isChecked(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.blockSignals(True)
        self.doc.setCurrentIndex(self._doc_index(str(state.get("doc", "") or "")))
        self.owner.setText(str(state.get("owner", "")))
        self.role.setCurrentIndex(max(0, self.role.findData(state.get("role", "any"))))
        self.status.setCurrentIndex(max(0, self.status.findData(state.get("status", ""))))
        self.tag.setText(str(state.get("tag", "")))
        self.use_due.setChecked(str(state.get("use_due", "false")).lower() == "true")
        due = QtCore.QDate.fromString(str(state.get("due", "")), "yyyy-MM-dd")
        if due.isValid():
            self.due.setDate(due)
        self.overdue.setChecked(str(state.get("overdue", "false")).lower() == "true")
        self.blockSignals(False)

    def clear(self) -> None:
        self.blockSignals(True)
        self.doc.setCurrentIndex(0)
        self.owner.clear()
        self.role.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.tag.clear()
        self.use_due.setChecked(False)
        self.overdue.setChecked(False)
        self.blockSignals(False)
        self.changed.emit()
