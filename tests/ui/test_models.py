"""Every item model passes Qt's model tester (pytest-qt's qtmodeltester)."""

from __future__ import annotations

from datetime import date
from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.ui.models.deadlines_model import DeadlinesModel, group_deadlines
from panprd_desktop.ui.models.history_model import HistoryModel
from panprd_desktop.ui.models.results_model import HtmlRole, SearchResultsModel, highlighted
from panprd_desktop.ui.models.table_model import DivisionTableModel
from panprd_desktop.ui.models.tree_model import LibraryTreeModel
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.worker import Worker


def _annotated(lib_path: Any) -> Library:
    lib = Library(lib_path)
    ids = lib.measures.ids()
    lib.annotate(ids[:3], Edit(set_leads=("粤",), deadline="2020年底前", status="in_progress"), "测试")
    lib.annotate(ids[3:4], Edit(add_participants=("港",), note="已协调"), "测试")
    return lib


def test_tree_model(qtmodeltester: Any, lib_path: Any) -> None:
    lib = _annotated(lib_path)
    model = LibraryTreeModel(lib)
    qtmodeltester.check(model)
    doc = model.index(0, 0)
    assert "泛珠三角" in doc.data()
    assert model.index(0, 1).data() == 193
    assert "推进中 3" in model.index(0, 2).data()
    lib.close()


def test_division_table_model_is_lazy(qtmodeltester: Any, lib_path: Any, qapp: Any) -> None:
    lib = _annotated(lib_path)
    worker = Worker()
    model = DivisionTableModel(lib, Operations(lib, worker, lambda: "测试"))
    model.set_ids(lib.measures.ids())
    assert model.cached() == 0
    assert model.index(0, 2).data() == "广东省"
    assert 0 < model.cached() < 193  # only a window of rows was fetched
    qtmodeltester.check(model)
    worker.wait()
    lib.close()


def test_results_history_and_deadlines_models(qtmodeltester: Any, lib_path: Any) -> None:
    lib = _annotated(lib_path)
    result = lib.search.search("港澳", limit=20)
    results = SearchResultsModel()
    results.set_hits(result.hits)
    qtmodeltester.check(results)
    assert "background-color:#ffe066" in results.index(0, 0).data(HtmlRole)
    assert highlighted("a<b>c", [(1, 4)]) == 'a<span style="background-color:#ffe066;">&lt;b&gt;</span>c'

    history = HistoryModel()
    history.set_entries(lib.measures.get(lib.measures.ids()[0]).history)
    qtmodeltester.check(history)
    assert history.rowCount() == 3

    views = lib.measures.many(lib.measures.ids())
    groups = group_deadlines(views, date(2021, 1, 10))
    deadlines = DeadlinesModel()
    deadlines.set_groups(groups)
    qtmodeltester.check(deadlines)
    assert groups[0].owner == "广东省" and groups[0].overdue == 3
    lib.close()
