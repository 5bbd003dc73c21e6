"""Search results: one row per hit; HtmlRole gives the snippet with the matches highlighted."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from panprd_desktop.ui.qt import ROOT, Qt, QtCore

IdRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
MARK = '<span style="background-color:#ffe066;">{0}</span>'


def highlighted(snippet: str, matches: Sequence[tuple[int, int]]) -> str:
    """Escape ``snippet`` and wrap each (start, end) range in a highlight span."""
    out, pos = [], 0
    for start, end in sorted((max(0, s), min(len(snippet), e)) for s, e in matches):
        if start < pos or start >= end:
            continue
        out.append(html.escape(snippet[pos:start]))
        out.append(MARK.format(html.escape(snippet[start:end])))
        pos = end
    out.append(html.escape(snippet[pos:]))
    return "".join(out)


class SearchResultsModel(QtCore.QAbstractListModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []

    def set_hits(self, hits: Sequence[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._hits[row]

    def rowCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.label}  {hit.snippet}"
        if role == HtmlRole:
            return f"<b>{html.escape(hit.label)}</b>&nbsp;&nbsp;{highlighted(hit.snippet, hit.matches)}"
        if role == IdRole:
            return hit.measure_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        return None
