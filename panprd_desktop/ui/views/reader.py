"""Reader: a section's text, each measure a distinct block labelled like ``（十）3``.

The selected measure is highlighted; status shows as a coloured badge that also says the status
in words; search terms are highlighted. Clicking anywhere in a measure selects it; Ctrl+click adds
or removes it, Shift+click selects the range from the last clicked one (a drag that selects text
for copying selects no measure).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from panprd_desktop.core.errors import PanprdError
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes, MeasureView
from panprd_desktop.ui.labels import STATUS_COLOURS, join_names, status_text
from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets, Signal

MARK = '<span style="background-color:#ffe066;">{0}</span>'


def mark_terms(text: str, terms: Sequence[str]) -> str:
    """Escape ``text`` and highlight every occurrence of each term (case-insensitive)."""
    terms = [t for t in terms if t]
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append(MARK.format(html.escape(m.group())))
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


class ReaderView(QtWidgets.QTextBrowser):
    measureClicked = Signal(str)  # a plain click on one measure
    measuresSelected = Signal(list)  # the reader's new selection after any click (ids in reading order)

    def __init__(self, lib: Library, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._title = ""
        self._ids: list[str] = []
        self._selected: set[str] = set()
        self._terms: list[str] = []
        self._spans: list[tuple[int, int, str]] = []  # document positions of each measure's block
        self._anchor: str | None = None  # the last clicked measure, for Shift+click ranges
        self.setOpenLinks(False)
        self.document().setDocumentMargin(12)

    # -- what is shown ------------------------------------------------------------------------
    def show_section(self, title: str, measure_ids: Sequence[str], selected: Sequence[str] = ()) -> None:
        self._title = title
        self._ids = list(measure_ids)
        self._selected = set(selected)
        self.render()
        self._scroll_to_selection()

    def set_selected(self, ids: Sequence[str]) -> None:
        if set(ids) == self._selected:
            return
        self._selected = set(ids)
        bar = self.verticalScrollBar().value()
        self.render()
        self.verticalScrollBar().setValue(bar)
        self._scroll_to_selection()

    def set_terms(self, terms: Sequence[str]) -> None:
        if list(terms) != self._terms:
            self._terms = list(terms)
            bar = self.verticalScrollBar().value()
            self.render()
            self.verticalScrollBar().setValue(bar)

    def shown_ids(self) -> list[str]:
        return list(self._ids)

    def on_changes(self, changes: Changes) -> None:
        if changes.documents or changes.measure_ids & set(self._ids):
            bar = self.verticalScrollBar().value()
            self.render()
            self.verticalScrollBar().setValue(bar)

    # -- rendering -------------------------------------------------------------------------------
    def render(self) -> None:
        try:
            with self._lib.reads.lock:  # the window's own connection: never waits on the worker (issue 13)
                views = self._lib.reads.measures.many(self._ids)
        except PanprdError as exc:  # a damaged library (issue 12): say so here, never die
            hint = self.tr("可以用“文件 → 从备份恢复…”恢复最新的已校验备份。")
            self.setHtml(f'<p style="color:#a00;">{html.escape(str(exc))}</p><p>{html.escape(hint)}</p>')
            return
        if not views:
            hint = self.tr("在左侧目录中选择一节，或搜索条文。")
            self.setHtml(f'<p style="color:#666;">{html.escape(hint)}</p>')
            return
        head = f"<h2>{html.escape(self._title)}</h2>" if self._title else ""
        self.setHtml(head + "".join(self._block(v) for v in views))
        # one table per measure, in order: remember where each lies so a click anywhere finds it
        tables = [f for f in self.document().rootFrame().childFrames()]
        self._spans = [(t.firstPosition(), t.lastPosition(), v.measure_id)
                       for t, v in zip(tables, views, strict=False)]

    def measure_at(self, pos: QtCore.QPoint) -> str | None:
        """The measure whose block contains viewport point ``pos``."""
        at = self.cursorForPosition(pos).position()
        for first, last, mid in self._spans:
            if first <= at <= last:
                return mid
        return None

    def _block(self, v: MeasureView) -> str:
        selected = v.measure_id in self._selected
        bg, fg = STATUS_COLOURS[v.status]
        bar = "#2f6fd0" if selected else "#ffffff"
        body = "#eef4ff" if selected else "#ffffff"
        meta = []
        if v.leads:
            meta.append(self.tr("牵头：{0}").format(join_names(v.leads)))
        if v.participants:
            meta.append(self.tr("参与：{0}").format(join_names(v.participants)))
        if v.deadline.text:
            meta.append(self.tr("时限：{0}").format(v.deadline.text))
        if v.tags:
            meta.append(self.tr("标签：{0}").format(join_names(v.tags)))
        meta_html = f'<br/><span style="color:#555;">{html.escape(" · ".join(meta))}</span>' if meta else ""
        marker = "▶ " if selected else ""
        return (
            f'<a name="{html.escape(v.measure_id)}"></a>'
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-bottom:8px;">'
            f'<tr><td width="4" style="background-color:{bar};"></td>'
            f'<td style="background-color:{body};">'
            f'<a href="measure:{html.escape(v.measure_id)}" style="text-decoration:none;color:#1a1a1a;">'
            f"<b>{marker}{html.escape(v.label)}</b></a>&nbsp;&nbsp;"
            f'<span style="background-color:{bg};color:{fg};">&nbsp;{html.escape(status_text(v.status))}&nbsp;</span>'
            f"{meta_html}"
            f'<p style="margin-top:4px; line-height:150%;">{mark_terms(v.text, self._terms)}</p>'
            "</td></tr></table>"
        )

    def _scroll_to_selection(self) -> None:
        for mid in self._ids:
            if mid in self._selected:
                QtCore.QTimer.singleShot(0, lambda m=mid: self.scrollToAnchor(m))
                return

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt API
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        pressed = getattr(self, "_pressed_at", None)
        moved = pressed is None or (event.position().toPoint() - pressed).manhattanLength() \
            >= QtWidgets.QApplication.startDragDistance()
        if event.button() != QtCore.Qt.MouseButton.LeftButton or moved:
            return  # a drag selects text for copying, not measures
        if event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier:
            cursor = self.textCursor()
            cursor.clearSelection()  # Shift+click extends the measure selection, not the text one
            self.setTextCursor(cursor)
        mid = self.measure_at(event.position().toPoint())
        if mid is None:
            return
        mods = event.modifiers()
        order = [m for _f, _l, m in self._spans]
        if mods & QtCore.Qt.KeyboardModifier.ShiftModifier and self._anchor in order:
            a, b = sorted((order.index(self._anchor), order.index(mid)))
            chosen = set(order[a:b + 1]) | (self._selected if mods & QtCore.Qt.KeyboardModifier.ControlModifier
                                            else set())
        elif mods & QtCore.Qt.KeyboardModifier.ControlModifier:
            chosen = set(self._selected) ^ {mid}
            self._anchor = mid
        else:
            chosen = {mid}
            self._anchor = mid
        selection = [m for m in order if m in chosen]
        if selection == [mid]:
            self.measureClicked.emit(mid)
        self.measuresSelected.emit(selection)
