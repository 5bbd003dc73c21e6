"""The reader's document, built in slices and edited in place (issue 13).

Measured at 10k measures while the search index rebuilds on the worker: opening a section of 114
measures cost the window 58 ms, almost all of it ``setHtml`` of one rich-text table per measure
(HTML parsing, then laying tables out) and the paint after it; selecting a measure re-rendered
the whole section again. So the reader

* shows the first :data:`FIRST_SLICE` measures (more than a screenful) at once and appends the
  rest, :data:`SLICE` measures at a time, in later event-loop slices (:func:`append_html`);
* names each measure's table after its measure id (``QObject.objectName``: no document change,
  no relayout), so a click finds its measure from the table under the cursor and a selection
  change finds the two or three tables it touches (:func:`table_of`), whatever the positions;
* restyles only the tables whose selection changed (:func:`restyle`): the others keep their
  layout, and the view keeps its scroll position.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from panprd_desktop.core.model import MeasureView
from panprd_desktop.ui.qt import QtGui, QtWidgets

FIRST_MOST = 16  # at most this many measures are shown at once (screenful() says how many fill the view)
GROUP = 4  # measures appended per insertHtml (≈ 1.3 ms on a quiet machine)
SLICE_SECONDS = 0.004  # a later slice appends groups until this long: the window answers in between
MARKER = "▶ "  # before the selected measure's label
BAR_SELECTED, BODY_SELECTED, PLAIN = "#2f6fd0", "#eef4ff", "#ffffff"


def colours(selected: bool) -> tuple[str, str]:
    """The (left bar, body) background of a measure's table."""
    return (BAR_SELECTED, BODY_SELECTED) if selected else (PLAIN, PLAIN)


def screenful(view: QtWidgets.QTextEdit, views: Sequence[MeasureView]) -> int:
    """How many of ``views`` (from the top) fill ``view``'s viewport, estimated from their text's
    length: laying them out to know would cost what showing fewer saves. (At 10k measures the
    bench's reader showed 5 measures; 8 were rendered at once.) Always at least one."""
    metrics = view.fontMetrics()
    line, glyph = metrics.lineSpacing(), max(1, metrics.horizontalAdvance("中"))
    per_line = max(1, (view.viewport().width() - 48) // glyph)  # margins, cell padding, the bar
    room, used = view.viewport().height(), 0.0
    for n, v in enumerate(views, 1):
        meta = 1 if v.leads or v.participants or v.deadline.text or v.tags else 0
        used += (1 + meta + 1.5 * math.ceil(len(v.text) / per_line)) * line + 26  # 1.5: the text's line height
        if used >= room:
            return n
    return max(1, len(views))


def append_html(doc: QtGui.QTextDocument, html: str) -> int:
    """Add ``html`` at the end of ``doc``; returns the position where it starts."""
    cursor = QtGui.QTextCursor(doc)
    cursor.movePosition(QtGui.QTextCursor.MoveOperation.End)
    position = cursor.position()
    cursor.insertHtml(html)
    return position


def name_tables(doc: QtGui.QTextDocument, position: int, ids: Sequence[str]) -> None:
    """Name the tables from ``position`` on after ``ids`` (one table per measure, in order). Walks
    only the new blocks: listing the root frame's children at every slice would grow with the section."""
    block = doc.findBlock(position)
    for mid in ids:
        table = None
        while block.isValid() and table is None:
            table = QtGui.QTextCursor(block).currentTable()
            if table is None:
                block = block.next()
        if table is None:
            return
        table.setObjectName(mid)
        block = doc.findBlock(table.lastPosition() + 1)  # the block after the table


def table_of(doc: QtGui.QTextDocument, measure_id: str) -> QtGui.QTextTable | None:
    """The table showing ``measure_id`` (frames are QObject children of their document)."""
    return doc.findChild(QtGui.QTextTable, measure_id)


def lay_out_through(doc: QtGui.QTextDocument, measure_id: str) -> None:
    """Lay ``doc`` out down to ``measure_id``'s table (asking for its rectangle does)."""
    table = table_of(doc, measure_id)
    if table is not None:
        doc.documentLayout().frameBoundingRect(table)


def measure_under(cursor: QtGui.QTextCursor) -> str | None:
    """The measure whose table holds ``cursor``, if any."""
    table = cursor.currentTable()
    return (table.objectName() or None) if table is not None else None


def restyle(table: QtGui.QTextTable, selected: bool) -> None:
    """Show ``table``'s measure as selected or not: bar and body colours, the ▶ marker."""
    for column, colour in zip((0, 1), colours(selected), strict=True):
        cell = table.cellAt(0, column)
        fmt = cell.format()
        fmt.setBackground(QtGui.QColor(colour))
        cell.setFormat(fmt)
    cursor = table.cellAt(0, 1).firstCursorPosition()
    probe = QtGui.QTextCursor(cursor)
    probe.movePosition(QtGui.QTextCursor.MoveOperation.NextCharacter, QtGui.QTextCursor.MoveMode.KeepAnchor,
                       len(MARKER))
    marked = probe.selectedText() == MARKER
    if selected and not marked:
        cursor.insertText(MARKER)  # at a block's start the cursor takes the label's format: bold, linked
    elif marked and not selected:
        probe.removeSelectedText()


def refill(table: QtGui.QTextTable, block_html: str) -> bool:
    """Show a changed measure anew in its table, which stays where it is; False when its body
    changed shape (the caller then renders the section again).

    ``block_html`` is laid out on its own, and each paragraph of its body cell replaces the same
    paragraph here: text with its formats, then the paragraph's format. (Inserting the HTML over the
    cell's whole content merged the first paragraph into the next and changed its line spacing.)"""
    scratch = QtGui.QTextDocument()
    scratch.setHtml(block_html)
    fresh = scratch.rootFrame().childFrames()[0]
    if not isinstance(fresh, QtGui.QTextTable):
        return False
    old, new = _blocks(table.cellAt(0, 1)), _blocks(fresh.cellAt(0, 1))
    if len(old) != len(new):
        return False
    for here, there in reversed(list(zip(old, new, strict=True))):  # from the end: positions before stay put
        source = QtGui.QTextCursor(there)
        source.movePosition(QtGui.QTextCursor.MoveOperation.EndOfBlock, QtGui.QTextCursor.MoveMode.KeepAnchor)
        target = QtGui.QTextCursor(here)
        target.movePosition(QtGui.QTextCursor.MoveOperation.EndOfBlock, QtGui.QTextCursor.MoveMode.KeepAnchor)
        target.setBlockFormat(there.blockFormat())
        target.insertFragment(QtGui.QTextDocumentFragment(source))
    return True


def _blocks(cell: QtGui.QTextTableCell) -> list[QtGui.QTextBlock]:
    block, last, out = cell.firstCursorPosition().block(), cell.lastCursorPosition().position(), []
    while block.isValid() and block.position() <= last:
        out.append(block)
        block = block.next()
    return out


def in_view(view: QtWidgets.QTextEdit, table: QtGui.QTextTable) -> bool:
    """Whether any part of ``table`` is inside ``view``'s viewport."""
    rect = view.document().documentLayout().frameBoundingRect(table)
    top = view.verticalScrollBar().value()
    return rect.bottom() > top and rect.top() < top + view.viewport().height()
