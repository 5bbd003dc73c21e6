"""Issue 13 — the contents tree answers a painted cell's seven roles in one call (multiData), and
looks exactly as when Qt asks data() once per role.

Measured while the search index rebuilt: a full repaint of the tree crossed from Qt into Python
~580 times for data() alone, each crossing waiting for the GIL the worker's Python held; with
multiData ~85 crossings remain.
"""

from __future__ import annotations

from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.ui.models.tree_model import LibraryTreeModel
from panprd_desktop.ui.qt import QtCore, QtWidgets


class PerRole(LibraryTreeModel):
    """The same model answering the way Qt's default multiData does: one data() call per role."""

    calls = 0

    def multiData(self, index: QtCore.QModelIndex, roleDataSpan: Any) -> None:  # noqa: N802, N803 - Qt API
        QtCore.QAbstractItemModel.multiData(self, index, roleDataSpan)

    def data(self, index: QtCore.QModelIndex, role: int = 0) -> Any:
        PerRole.calls += 1
        return super().data(index, role)


def _tree(qtbot: Any, model: LibraryTreeModel) -> QtWidgets.QTreeView:
    tree = QtWidgets.QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(model)
    tree.resize(420, 500)
    tree.expandToDepth(0)
    tree.setCurrentIndex(model.index(1, 0, model.index(0, 0)))
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def test_the_tree_paints_the_same_with_one_call_per_cell(qtbot: Any, lib_path: Any) -> None:
    lib = Library(lib_path)
    ids = lib.measures.ids()
    lib.annotate(ids[:3], Edit(set_leads=("粤",), status="in_progress"), "测试")
    fast, slow = _tree(qtbot, LibraryTreeModel(lib)), _tree(qtbot, PerRole(lib))
    PerRole.calls = 0
    assert fast.grab().toImage() == slow.grab().toImage()  # titles, counts (right-aligned), summaries
    assert PerRole.calls > 100  # (the comparison did paint through data(), role by role)
    lib.close()
