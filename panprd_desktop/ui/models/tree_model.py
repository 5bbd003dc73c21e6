"""Library tree: documents → parts → sections, with measure counts and a status summary.

Nothing here reads a measure to draw the tree: the outline and the counts per section and
status come from two SQL queries (db/queries/outline.py), run on the worker when a ``run``
function is given (the window), with the finished tree handed back to the window thread in
one model reset (``loaded``). After an edit only the changed measures' sections are counted
again. A section's measure ids are read on demand, through the window's read connection.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from db.queries.outline import (
    OutlineRow,
    doc_status_counts,
    outline,
    places,
    section_ids_of_doc,
    section_measure_ids,
    status_counts,
)
from db.queries.outline import documents as outline_documents
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import STATUSES, Changes
from panprd_desktop.ui.labels import status_text
from panprd_desktop.ui.qt import ROOT, Qt, QtCore, Signal

log = logging.getLogger(__name__)
IdRole = Qt.ItemDataRole.UserRole + 1  # ("doc"|"part"|"section", key)
MeasuresRole = Qt.ItemDataRole.UserRole + 2  # measure ids under the node
# run(fn, done): call fn() off the window thread, then done(result) on it
Runner = Callable[[Callable[[], Any], Callable[[Any], None]], None]


@dataclass(eq=False, slots=True, weakref_slot=True)  # slots: ~80k nodes at 300k measures
class Node:
    """A tree node. The link to the parent is weak, so a tree has no reference cycles: a replaced
    tree is freed at once by reference counting, even after ``gc.freeze()`` (see ui/memory.py)."""

    kind: str
    key: str
    title: str
    up: weakref.ref[Node] | None = None
    children: list[Node] = field(default_factory=list)
    section_id: int | None = None
    doc_id: str = ""
    row_: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # status → measures
    loaded: bool = True  # False: a document whose parts and sections are read when expanded

    def row(self) -> int:
        return self.row_

    @property
    def parent(self) -> Node | None:
        return self.up() if self.up is not None else None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, child: Node) -> Node:
        child.up, child.row_ = weakref.ref(self), len(self.children)
        self.children.append(child)
        return child


def summary(counts: dict[str, int]) -> str:
    """``已完成 3 · 推进中 2`` (the statuses present, in the core's order)."""
    return " · ".join(f"{status_text(code)} {counts[code]}" for code in STATUSES if counts.get(code))


@dataclass
class Loaded:
    root: Node
    sections: dict[int, Node]
    docs: dict[str, Node] = field(default_factory=dict)


LAZY_DOCUMENTS = 50  # above this many documents, a document's parts and sections load when expanded


def _attach(doc: Node, rows: list[OutlineRow], sections: dict[int, Node], untitled_part: str,
            untitled_section: str) -> None:
    """Add one document's parts and sections (outline rows of that document) under ``doc``."""
    part: Node | None = None
    part_id_seen: int | None = None
    for _doc_id, _title, part_id, p_label, p_title, section_id, s_label, s_title in rows:
        if part_id is None:
            continue
        if part is None or part_id != part_id_seen:
            title = f"{p_label}{p_title}".strip() or untitled_part
            part = doc.add(Node("part", f"{doc.doc_id}/{len(doc.children)}", title, doc_id=doc.doc_id))
            part_id_seen = part_id
        if section_id is None:
            continue
        if _repeats_part(part, p_title, s_label, s_title):
            part.kind, part.section_id = "section", section_id  # one level: the part is its section
            sections[section_id] = part
            continue
        _split_merged(part, sections, p_title)
        title = f"{s_label}{s_title}".strip() or untitled_section
        sections[section_id] = part.add(Node("section", f"{part.key}/{len(part.children)}", title,
                                             section_id=section_id, doc_id=doc.doc_id))


def _repeats_part(part: Node, p_title: str, s_label: str, s_title: str) -> bool:
    """A part's only section that merely repeats the part's title (`一、跨界基础设施` with `1.` items
    directly under it): shown as the part itself, not as `一、跨界基础设施 › 跨界基础设施`."""
    return (part.kind == "part" and not part.children and not (s_label or "").strip()
            and (s_title or "").strip() == (p_title or "").strip())


def _split_merged(part: Node, sections: dict[int, Node], p_title: str) -> None:
    """A merged part that turns out to have further sections gets its first section back as a child."""
    if part.kind != "section" or part.section_id is None:
        return
    first = Node("section", f"{part.key}/0", (p_title or "").strip() or part.title,
                 section_id=part.section_id, doc_id=part.doc_id)
    part.kind, part.section_id = "part", None
    sections[first.section_id] = part.add(first)  # type: ignore[index]


def _section_counts(sections: dict[int, Node], rows: Iterable[tuple[int, str, int]]) -> None:
    """Set the sections' counts from ``rows`` and their parts' as the sums (documents are counted
    by SQL on their own, so an unexpanded document needs no sections)."""
    for section_id in {r[0] for r in rows}:
        if section_id in sections:
            sections[section_id].counts = {}
    for section_id, status, n in rows:
        node = sections.get(section_id)
        if node is not None:
            node.counts[status] = n
    parents = (n.parent for n in sections.values() if n.kind == "section" and n.section_id is not None)
    for part in {id(p): p for p in parents if p is not None and p.kind == "part"}.values():
        part.counts = {}
        for child in part.children:
            for status, n in child.counts.items():
                part.counts[status] = part.counts.get(status, 0) + n


def load_document(lib: Library, doc: Node, sections: dict[int, Node], untitled_part: str,
                  untitled_section: str) -> None:
    """Read one document's parts, sections and section counts (through the window's connection:
    the cost is that document's size, never the library's)."""
    with lib.reads.lock:
        rows = outline(lib.reads.conn, doc.doc_id)
        ids = section_ids_of_doc(lib.reads.conn, doc.doc_id)
        counts = status_counts(lib.reads.conn, ids)
    own: dict[int, Node] = {}
    _attach(doc, rows, own, untitled_part, untitled_section)
    _section_counts(own, counts)
    sections.update(own)
    doc.loaded = True


def build_tree(lib: Library, untitled_part: str, untitled_section: str) -> Loaded:
    """The tree from a few aggregate queries (runs on the worker; no Qt object is touched).

    Up to LAZY_DOCUMENTS documents everything is read at once; above that only the documents
    and their counts, so start-up costs the number of documents, not of sections."""
    with lib.lock:
        docs = outline_documents(lib.conn)
        lazy = len(docs) > LAZY_DOCUMENTS
        rows = [] if lazy else outline(lib.conn)
        counts = [] if lazy else status_counts(lib.conn)
        doc_counts = doc_status_counts(lib.conn)
    root = Node("root", "", "")
    by_id: dict[str, Node] = {}
    for doc_id, title in docs:
        by_id[doc_id] = root.add(Node("doc", doc_id, title, doc_id=doc_id, loaded=not lazy))
    for doc_id, status, n in doc_counts:
        if doc_id in by_id:
            by_id[doc_id].counts[status] = n  # type: ignore[index]
    sections: dict[int, Node] = {}
    if not lazy:
        grouped: dict[str, list[OutlineRow]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(row)
        for doc_id, doc_rows in grouped.items():
            if doc_id in by_id:
                _attach(by_id[doc_id], doc_rows, sections, untitled_part, untitled_section)
        _section_counts(sections, counts)
    return Loaded(root, sections, by_id)


class LibraryTreeModel(QtCore.QAbstractItemModel):
    COLUMNS = 3
    loaded = Signal()  # after each (re)load has replaced the tree

    def __init__(self, lib: Library, parent: QtCore.QObject | None = None, run: Runner | None = None,
                 load: bool = True) -> None:
        """``load=False``: the caller starts the first :meth:`reload` (the window does, after its
        first paint, so the worker's Python does not share the GIL with that paint)."""
        super().__init__(parent)
        self._lib = lib
        self._run = run
        self._root = Node("root", "", "")
        self._sections: dict[int, Node] = {}
        self._docs: dict[str, Node] = {}
        self._generation = 0
        if load:
            self.reload()

    def _submit(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._run is None:
            done(fn())  # no worker (a test, a tool): load at once
        else:
            self._run(fn, done)

    # -- data loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Rebuild the tree off the window thread; the old tree stays until the new one arrives."""
        self._generation += 1
        generation = self._generation
        untitled_part, untitled_section = self.tr("正文"), self.tr("（无标题）")
        self._submit(lambda: build_tree(self._lib, untitled_part, untitled_section),
                     lambda loaded: self._replace(generation, loaded))

    def _replace(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        self.beginResetModel()
        self._root, self._sections, self._docs = loaded.root, loaded.sections, loaded.docs
        self.endResetModel()
        self.loaded.emit()

    def on_changes(self, changes: Changes) -> None:
        if changes.documents:
            self.reload()
            return
        if not changes.measure_ids:
            return
        ids = sorted(changes.measure_ids)
        generation = self._generation

        def count() -> tuple[list[tuple[str, str, int]], list[tuple[int, str, int]]]:
            with self._lib.lock:
                where = places(self._lib.conn, ids)
                docs = doc_status_counts(self._lib.conn, sorted({d for _m, d, _s in where}))
                return docs, status_counts(self._lib.conn, sorted({s for _m, _d, s in where}))

        self._submit(count, lambda rows: self._recount(generation, *rows))

    def _recount(self, generation: int, docs: list[tuple[str, str, int]],
                 sections: list[tuple[int, str, int]]) -> None:
        """Counts of the edited measures' documents and (loaded) sections, fresh from SQL."""
        if generation != self._generation:
            return
        changed: list[Node] = []
        for doc_id in {d for d, _s, _n in docs}:
            if doc_id in self._docs:
                self._docs[doc_id].counts = {}
                changed.append(self._docs[doc_id])
        for doc_id, status, n in docs:
            if doc_id in self._docs:
                self._docs[doc_id].counts[status] = n
        touched = {r[0]: self._sections[r[0]] for r in sections if r[0] in self._sections}
        _section_counts(touched, sections)
        changed += list(touched.values()) + list({id(n.parent): n.parent for n in touched.values()
                                                 if n.parent is not None}.values())
        for node in changed:  # only the rows whose counts changed, not the whole tree
            index = self.index_of(node)
            self.dataChanged.emit(index.siblingAtColumn(1), index.siblingAtColumn(2))

    # -- lookups ---------------------------------------------------------------------------------
    def node(self, index: QtCore.QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index_of(self, node: Node) -> QtCore.QModelIndex:
        return QtCore.QModelIndex() if node is self._root else self.createIndex(node.row(), 0, node)

    def section_of(self, measure_id: str) -> QtCore.QModelIndex:
        with self._lib.reads.lock:
            where = places(self._lib.reads.conn, [measure_id])
        if not where:
            return QtCore.QModelIndex()
        _mid, doc_id, section_id = where[0]
        doc = self._docs.get(doc_id)
        if doc is not None and not doc.loaded:
            self.fetchMore(self.index_of(doc))
        node = self._sections.get(section_id)
        return self.index_of(node) if node is not None else QtCore.QModelIndex()

    def ensure_loaded(self, index: QtCore.QModelIndex) -> None:
        """Read a lazily loaded document's parts and sections now."""
        if self.canFetchMore(index):
            self.fetchMore(index)

    # -- lazy documents (libraries of more than LAZY_DOCUMENTS documents) -------------------------
    def hasChildren(self, parent: QtCore.QModelIndex = ROOT) -> bool:
        node = self.node(parent)
        if parent.column() > 0:
            return False
        return bool(node.children) or (node.kind == "doc" and not node.loaded)

    def canFetchMore(self, parent: QtCore.QModelIndex) -> bool:
        node = self.node(parent)
        return parent.isValid() and node.kind == "doc" and not node.loaded

    def fetchMore(self, parent: QtCore.QModelIndex) -> None:
        node = self.node(parent)
        if not self.canFetchMore(parent):
            return
        probe = Node("doc", node.key, node.title, doc_id=node.doc_id)
        sections: dict[int, Node] = {}
        load_document(self._lib, probe, sections, self.tr("正文"), self.tr("（无标题）"))
        if probe.children:
            self.beginInsertRows(parent.siblingAtColumn(0), 0, len(probe.children) - 1)
        for child in probe.children:
            node.add(child)
        node.loaded = True
        self._sections.update(sections)
        if probe.children:
            self.endInsertRows()

    def measure_ids(self, node: Node) -> list[str]:
        """The node's measure ids in reading order (one indexed query per section)."""
        if node.kind == "doc":
            with self._lib.reads.lock:
                return list(self._lib.reads.measures.ids(node.doc_id))
        if node.kind == "section" and node.section_id is not None:
            with self._lib.reads.lock:
                return section_measure_ids(self._lib.reads.conn, node.section_id)
        return [m for child in node.children for m in self.measure_ids(child)]

    def documents(self) -> list[tuple[str, str]]:
        return [(d.key, d.title) for d in self._root.children]

    # -- Qt model API -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QtCore.QModelIndex = ROOT) -> QtCore.QModelIndex:
        # checked here, not by hasIndex(): that calls rowCount and columnCount back through Qt, and
        # the view asks for every top-level row on each layout (2,400 documents at 300k measures)
        if row < 0 or not 0 <= column < self.COLUMNS or parent.column() > 0:
            return QtCore.QModelIndex()
        children = parent.internalPointer().children if parent.isValid() else self._root.children
        if row >= len(children):
            return QtCore.QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: QtCore.QModelIndex = ROOT) -> QtCore.QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QtCore.QModelIndex()
        node = index.internalPointer().parent
        if node is None or node is self._root:
            return QtCore.QModelIndex()
        return self.createIndex(node.row_, 0, node)

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

    def multiData(self, index: QtCore.QModelIndex, roleDataSpan: Any) -> None:  # noqa: N802, N803 - Qt API
        # issue 13: the delegate asks for seven roles per painted cell in one call; Qt's default
        # calls data() back through Python for each, and every crossing waits for the GIL while a
        # job runs Python on the worker (a full repaint of the tree: ~580 data() calls → ~85 of these)
        for role_data in roleDataSpan:
            role_data.setData(self.data(index, role_data.role()))

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return node.title
            if col == 1:
                return node.total
            return summary(node.counts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}\n%n 条措施：{1}", "", node.total).format(node.title, summary(node.counts))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return (node.kind, node.key)
        if role == MeasuresRole:
            return self.measure_ids(node)
        return None
