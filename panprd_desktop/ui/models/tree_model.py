"""Library tree: documents → parts → sections, with measure counts and a status summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from panprd_desktop.core.errors import PanprdError
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.ui.labels import status_summary
from panprd_desktop.ui.qt import ROOT, Qt, QtCore

IdRole = Qt.ItemDataRole.UserRole + 1  # ("doc"|"part"|"section", key)
MeasuresRole = Qt.ItemDataRole.UserRole + 2  # measure ids under the node


@dataclass(eq=False)
class Node:
    kind: str
    key: str
    title: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    measure_ids: list[str] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class LibraryTreeModel(QtCore.QAbstractItemModel):
    COLUMNS = 3

    def __init__(self, lib: Library, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._root = Node("root", "", "")
        self._status: dict[str, str] = {}
        self.error = ""  # why the last reload could not read everything ('' when it could)
        self.reload()

    # -- data loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self.error = ""
        try:
            self._load()
        except PanprdError as exc:  # a damaged library: show what could be read, say why
            self.error = str(exc)
        finally:
            self.endResetModel()

    def _load(self) -> None:
        root = Node("root", "", "")
        self._root = root
        with self._lib.lock:
            for info in self._lib.documents.list():
                outline = self._lib.documents.outline(info.doc_id)
                doc = Node("doc", info.doc_id, info.title, root)
                root.children.append(doc)
                for p_index, part in enumerate(outline["parts"]):
                    p_title = f"{part['label']}{part['title']}".strip() or self.tr("正文")
                    pnode = Node("part", f"{info.doc_id}/{p_index}", p_title, doc)
                    doc.children.append(pnode)
                    for s_index, section in enumerate(part["sections"]):
                        s_title = f"{section['label']}{section['title']}".strip() or self.tr("（无标题）")
                        ids = [m["measure_id"] for m in section["measures"]]
                        snode = Node("section", f"{info.doc_id}/{p_index}/{s_index}", s_title, pnode,
                                     measure_ids=ids)
                        pnode.children.append(snode)
                        pnode.measure_ids += ids
                    doc.measure_ids += pnode.measure_ids
            views = self._lib.measures.many([m for d in root.children for m in d.measure_ids])
        self._status = {v.measure_id: v.status for v in views}

    def on_changes(self, changes: Changes) -> None:
        if changes.documents:
            self.reload()
            return
        if not changes.measure_ids:
            return
        with self._lib.lock:
            for v in self._lib.measures.many(sorted(changes.measure_ids)):
                self._status[v.measure_id] = v.status
        if self.rowCount():
            self._emit_all(QtCore.QModelIndex())

    def _emit_all(self, parent: QtCore.QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 2, parent), self.index(rows - 1, 2, parent))
            for r in range(rows):
                self._emit_all(self.index(r, 0, parent))

    # -- lookups ---------------------------------------------------------------------------------
    def node(self, index: QtCore.QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def section_of(self, measure_id: str) -> QtCore.QModelIndex:
        for d, doc in enumerate(self._root.children):
            for p, part in enumerate(doc.children):
                for s, section in enumerate(part.children):
                    if measure_id in section.measure_ids:
                        return self.index(s, 0, self.index(p, 0, self.index(d, 0)))
        return QtCore.QModelIndex()

    def documents(self) -> list[tuple[str, str]]:
        return [(d.key, d.title) for d in self._root.children]

    # -- Qt model API -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QtCore.QModelIndex = ROOT) -> QtCore.QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QtCore.QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: QtCore.QModelIndex = ROOT) -> QtCore.QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QtCore.QModelIndex()
        node = index.internalPointer().parent
        if node is None or node is self._root:
            return QtCore.QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        if parent.column() > 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QtCore.QModelIndex = ROOT) -> int:
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("目录"), self.tr("条数"), self.tr("进展"))[section]
        return None

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return node.title
            if col == 1:
                return len(node.measure_ids)
            return status_summary(self._status.get(m, "not_started") for m in node.measure_ids)
        if role == Qt.ItemDataRole.ToolTipRole:
            summary = status_summary(self._status.get(m, "not_started") for m in node.measure_ids)
            return self.tr("{0}\n{1} 条措施：{2}").format(node.title, len(node.measure_ids), summary)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return (node.kind, node.key)
        if role == MeasuresRole:
            return list(node.measure_ids)
        return None
