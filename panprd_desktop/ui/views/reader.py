"""Reader: a section's text, each measure a distinct block labelled like ``（十）3``.

The selected measure is highlighted; status shows as a coloured badge that also says the status
in words; search terms are highlighted. Clicking anywhere in a measure selects it; Ctrl+click adds
or removes it, Shift+click selects the range from the last clicked one (a drag that selects text
for copying selects no measure).
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Sequence

from panprd_desktop.core.errors import PanprdError
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes, MeasureView
from panprd_desktop.ui.labels import STATUS_COLOURS, join_names, status_text
from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets, Signal
from panprd_desktop.ui.views import reader_doc

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
        self._rendered: list[str] = []  # ids whose blocks are in the document, in reading order
        self._rest: list[str] = []  # ids still to append, in later slices (issue 13)
        self._generation = 0  # a new render drops the slices of the one before
        self._reveal: str | None = None  # a selected measure to scroll to once it is appended
        self._keep_bar: int | None = None  # a scroll position to restore once the text is that long
        self._anchor: str | None = None  # the last clicked measure, for Shift+click ranges
        self.setOpenLinks(False)
        self.document().setDocumentMargin(12)
        self.document().setUndoRedoEnabled(False)  # restyling edits the document: keep no undo steps
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.verticalScrollBar().actionTriggered.connect(self._forget_bar)  # the user scrolls: leave it

    # -- what is shown ------------------------------------------------------------------------
    def show_section(self, title: str, measure_ids: Sequence[str], selected: Sequence[str] = ()) -> None:
        self._title = title
        self._ids = list(measure_ids)
        self._selected = set(selected)
        self._keep_bar = None
        # a search result or a deadline opened: shown at once with a few after it, however far down
        chosen = next((n for n, mid in enumerate(self._ids) if mid in self._selected), None)
        self.render(0 if chosen is None else chosen + 4)
        self._scroll_to_selection()

    def set_selected(self, ids: Sequence[str]) -> None:
        """Restyle only the measures whose selection changed (issue 13: a click on a measure in a
        long section re-laid out every block); the view scrolls only to a selection out of sight."""
        new = set(ids)
        if new == self._selected:
            return
        changed = self._selected ^ new
        self._selected = new
        doc = self.document()
        for mid in changed:  # blocks not appended yet are written with the new selection
            table = reader_doc.table_of(doc, mid)
            if table is not None:
                reader_doc.restyle(table, mid in new)
        self._scroll_to_selection()

    def set_terms(self, terms: Sequence[str]) -> None:
        if list(terms) != self._terms:
            self._terms = list(terms)
            self._render_in_place()

    def shown_ids(self) -> list[str]:
        return list(self._ids)

    def complete(self) -> bool:
        """Whether every measure of the section is in the document (the last slice was appended)."""
        return not self._rest

    def on_changes(self, changes: Changes) -> None:
        if changes.documents:
            self._render_in_place()
            return
        touched = [m for m in self._rendered if m in changes.measure_ids]  # later slices read them anew
        views = self._views(touched) if touched else []
        for v in views or []:  # only their text changes: the rest keeps its layout, the view its place
            table = reader_doc.table_of(self.document(), v.measure_id)
            if table is not None and not reader_doc.refill(table, self._block(v)):
                self._render_in_place()
                return

    # -- rendering -------------------------------------------------------------------------------
    def render(self, through: int = 0) -> None:
        """The section's first slice now, the rest in later event-loop slices (issue 13). The first
        slice is a screenful, and at least ``through`` measures (rendering again where one reads)."""
        self._generation += 1
        self._rendered, self._rest = [], []
        first = max(reader_doc.FIRST_MOST, through)
        fetched, rest = self._ids[:first], self._ids[first:]
        views = self._views(fetched)
        if views is None:
            return
        shown = max(reader_doc.screenful(self, views), through)  # what was read and not shown: next slices
        views, rest = views[:shown], [v.measure_id for v in views[shown:]] + rest
        if not views and not rest:
            hint = self.tr("在左侧目录中选择一节，或搜索条文。")
            self.setHtml(f'<p style="color:#666;">{html.escape(hint)}</p>')
            return
        # issue 13: a scroll bar that comes and goes with the text's length changes the text's width,
        # and every new section was laid out twice (the bar hides on clearing, shows again on filling).
        # Set here, not when built: the bar's first paint then stays out of the window's first slice.
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        head = f"<h2>{html.escape(self._title)}</h2>" if self._title else ""
        self.setHtml(head + "".join(self._block(v) for v in views))
        self._added(0, views)
        if through:  # laid out now down to there (Qt lays out lazily): the scroll bar reaches it at once
            reader_doc.lay_out_through(self.document(), views[-1].measure_id)
        self._rest = rest
        self._next_slice()

    def _views(self, ids: Sequence[str]) -> list[MeasureView] | None:
        try:
            with self._lib.reads.lock:  # the window's own connection: never waits on the worker (issue 13)
                return self._lib.reads.measures.many(ids)
        except PanprdError as exc:  # a damaged library (issue 12): say so here, never die
            self._rest = []
            hint = self.tr("可以用“文件 → 从备份恢复…”恢复最新的已校验备份。")
            self.setHtml(f'<p style="color:#a00;">{html.escape(str(exc))}</p><p>{html.escape(hint)}</p>')
            return None

    def _next_slice(self) -> None:
        if self._rest:  # a timer, not a posted event: input and paints run between the slices
            generation = self._generation
            QtCore.QTimer.singleShot(1, self, lambda: self._append_slice(generation))

    def _append_slice(self, generation: int) -> None:
        """Append groups of measures for a few ms; the window paints and answers before the next."""
        if generation != self._generation:
            return  # a newer render replaced this one
        started = time.perf_counter()
        while self._rest and time.perf_counter() - started < reader_doc.SLICE_SECONDS:
            group, self._rest = self._rest[:reader_doc.GROUP], self._rest[reader_doc.GROUP:]
            views = self._views(group)
            if views is None:
                return
            self._added(reader_doc.append_html(self.document(), "".join(self._block(v) for v in views)), views)
        self._next_slice()

    def _added(self, position: int, views: Sequence[MeasureView]) -> None:
        ids = [v.measure_id for v in views]
        reader_doc.name_tables(self.document(), position, ids)
        self._rendered += ids
        if self._reveal in ids:
            mid, self._reveal = self._reveal, None
            QtCore.QTimer.singleShot(0, self, lambda: self._reveal_now(mid))
        if self._keep_bar is not None:
            self._range_changed(0, self.verticalScrollBar().maximum())

    def _render_in_place(self) -> None:
        """Render again where the reader stands (new search terms, an import): everything down to
        the bottom of the view at once, so the view does not show the top first and jump back."""
        bar = self.verticalScrollBar()
        self._keep_bar = keep = bar.value()
        self.render(self._through_view())
        self._keep_bar = keep  # (setHtml scrolls its cursor back into view after its own range changes)
        # the view's range follows the new length only in a later slice (Qt coalesces size changes),
        # and a paint would come first: extend it now to the laid-out length
        bar.setMaximum(max(bar.maximum(), int(self.document().size().height()) - self.viewport().height()))
        self._range_changed(0, bar.maximum())

    def _through_view(self) -> int:
        """How many measures, from the top, reach the bottom of the view."""
        height = self.viewport().height()
        for y in (height - 4, height * 3 // 4, height // 2, height // 4, 4):  # a point may fall between blocks
            mid = self.measure_at(QtCore.QPoint(40, y))
            if mid in self._rendered:
                return self._rendered.index(mid) + 2
        return len(self._rendered) if self._keep_bar else 0

    def _range_changed(self, _low: int, high: int) -> None:
        if self._keep_bar is None:
            return
        self.verticalScrollBar().setValue(min(self._keep_bar, high))
        if high >= self._keep_bar:  # (the layout of the last slices runs later, in Qt's own slices)
            self._keep_bar = None

    def _forget_bar(self, _action: int = 0) -> None:
        self._keep_bar = None

    def measure_at(self, pos: QtCore.QPoint) -> str | None:
        """The measure whose block contains viewport point ``pos``."""
        return reader_doc.measure_under(self.cursorForPosition(pos))

    def _block(self, v: MeasureView) -> str:
        bar, body = reader_doc.colours(v.measure_id in self._selected)
        return (
            f'<a name="{html.escape(v.measure_id)}"></a>'
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-bottom:8px;">'
            f'<tr><td width="4" style="background-color:{bar};"></td>'
            f'<td style="background-color:{body};">{self._body(v)}</td></tr></table>'
        )

    def _body(self, v: MeasureView) -> str:
        """What the measure's table shows beside its bar: label, status, owners, deadline, tags, text."""
        bg, fg = STATUS_COLOURS[v.status]
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
        marker = reader_doc.MARKER if v.measure_id in self._selected else ""
        return (
            f'<a href="measure:{html.escape(v.measure_id)}" style="text-decoration:none;color:#1a1a1a;">'
            f"<b>{marker}{html.escape(v.label)}</b></a>&nbsp;&nbsp;"
            f'<span style="background-color:{bg};color:{fg};">&nbsp;{html.escape(status_text(v.status))}&nbsp;</span>'
            f"{meta_html}"
            # transparent: the HTML import would give the paragraph the cell's colour as its own, and
            # restyling the cell on a selection change (reader_doc.restyle) would leave it behind
            '<p style="margin-top:4px; line-height:150%; background-color:transparent;">'
            f"{mark_terms(v.text, self._terms)}</p>"
        )

    def _scroll_to_selection(self) -> None:
        """Bring the first selected measure into view if it is out of sight (or once it is appended)."""
        self._reveal = None
        for mid in self._ids:
            if mid in self._selected:
                if mid in self._rendered:
                    QtCore.QTimer.singleShot(0, self, lambda m=mid: self._reveal_now(m))
                else:
                    self._reveal = mid
                return

    def _reveal_now(self, mid: str) -> None:
        table = reader_doc.table_of(self.document(), mid)
        if table is not None and not reader_doc.in_view(self, table):
            self._keep_bar = None
            self.scrollToAnchor(mid)

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
        order = self._rendered
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
