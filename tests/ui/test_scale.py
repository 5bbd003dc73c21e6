"""Issue 13: the window never reads every measure to draw; sorting and deadlines from SQL give the
same answers as the old whole-library code did on the guideline."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.model import STATUSES, Changes, MeasureView
from panprd_desktop.ui.labels import join_names
from panprd_desktop.ui.models.deadlines_model import group_deadlines, load_deadlines
from panprd_desktop.ui.models.table_model import (
    COL_DEADLINE,
    COL_LABEL,
    COL_LEADS,
    COL_PARTICIPANTS,
    COL_STATUS,
    COL_TEXT,
    DivisionTableModel,
)
from panprd_desktop.ui.ops import Operations
from panprd_desktop.ui.qt import Qt
from panprd_desktop.ui.worker import Worker
from tests.ui.helpers import wait_idle

PARTIES = ["广东省", "福建省", "江西省", "湖南省", "香港特别行政区", "澳门特别行政区"]


def _annotate_variety(lib: Library) -> None:
    """Statuses, owners (several, none), deadlines (dated, undated text, none) spread over the guideline."""
    statuses = list(STATUSES)
    for i, mid in enumerate(lib.measures.ids()):
        if i % 4 == 3:
            continue
        lib.annotate([mid], Edit(
            set_leads=tuple(PARTIES[(i + k) % 6] for k in range(i % 3)),
            set_participants=(PARTIES[(i * 7) % 6],) if i % 5 == 0 else (),
            deadline=("长期坚持" if i % 7 == 0 else f"{2019 + i % 4}年{1 + i % 12}月底前"),
            status=statuses[i % 5]), "测试")


def _old_sort_key(column: int, v: MeasureView) -> Any:
    """The Python sort the 分工表 used before (the reference the SQL ORDER BY must match)."""
    if column == COL_LEADS:
        return join_names(v.leads)
    if column == COL_PARTICIPANTS:
        return join_names(v.participants)
    if column == COL_DEADLINE:
        return (v.deadline.date is None, v.deadline.date or 0, v.deadline.text)
    if column == COL_STATUS:
        return list(STATUSES).index(v.status)
    if column == COL_TEXT:
        return v.text
    return 0


def _old_sort(ids: list[str], views: dict[str, MeasureView], column: int, reverse: bool) -> list[str]:
    order = {m: i for i, m in enumerate(ids)}
    out = sorted(ids, key=lambda m: order[m], reverse=reverse)
    if column != COL_LABEL:
        out.sort(key=lambda m: _old_sort_key(column, views[m]), reverse=reverse)
    return out


def test_sql_sort_matches_the_old_python_sort_on_every_column(qtbot: Any, lib_path: Path) -> None:
    lib = Library(lib_path)
    _annotate_variety(lib)
    worker = Worker()
    model = DivisionTableModel(lib, Operations(lib, worker, lambda: "测试"))
    every = lib.measures.ids()
    subset = [m for i, m in enumerate(every) if i % 3]  # a filtered table sorts only its own ids
    views = {v.measure_id: v for v in lib.measures.many(every)}
    for ids in (every, subset):
        model.set_ids(ids)
        for column in (COL_LABEL, COL_TEXT, COL_LEADS, COL_PARTICIPANTS, COL_DEADLINE, COL_STATUS):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                model.sort(column, order)
                qtbot.waitUntil(lambda: not worker.busy() and not model.sorting())
                expected = _old_sort(ids, views, column, order == Qt.SortOrder.DescendingOrder)
                assert model.ids() == expected, (column, order)
                assert model.row_of(expected[-1]) == len(expected) - 1
    worker.wait()
    lib.close()


def test_a_selected_row_follows_its_measure_when_the_sort_arrives(qtbot: Any, window: Any) -> None:
    division, model = window.division, window.division.model
    window.center.setCurrentIndex(1)
    wait_idle(qtbot, window)
    target = model.measure_id(5)
    division.select_ids([target])
    division.table.sortByColumn(COL_LABEL, Qt.SortOrder.DescendingOrder)
    wait_idle(qtbot, window)
    assert model.measure_id(model.rowCount() - 6) == target
    assert division.selected_ids() == [target]


def test_deadlines_from_the_indexed_query_equal_the_old_whole_library_grouping(lib_path: Path) -> None:
    with Library(lib_path) as lib:
        _annotate_variety(lib)
        views = lib.measures.many(lib.measures.ids())
        for today in (date(2019, 6, 1), date(2020, 12, 20), date(2030, 1, 1)):
            old = group_deadlines(views, today, 30)
            new = load_deadlines(lib, today, 30)
            assert [(g.owner, g.rows) for g in new] == [(g.owner, g.rows) for g in old]
        assert new and new[0].overdue > 0


def _bulk_library(path: Path, sections: int = 200, per_section: int = 100) -> dict[str, int]:
    """The guideline plus one document of ``sections × per_section`` measures inserted in bulk
    (seconds, not the importer's minutes); returns the bulk document's expected status counts."""
    Library(path).close()
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO documents(doc_id, title, content_hash, imported_at, position)"
                 " VALUES ('bulk', '批量测试文件', 'bulk-hash', '2026-01-01', 99)")
    part_id = conn.execute("INSERT INTO parts(doc_id, number, label, title, position)"
                           " VALUES ('bulk', 1, '一、', '批量', 1)").lastrowid
    statuses = list(STATUSES)
    expected: dict[str, int] = {}
    for s in range(sections):
        sid = conn.execute("INSERT INTO sections(doc_id, part_id, number, label, heading, title, position)"
                           " VALUES ('bulk', ?, ?, ?, '', ?, ?)",
                           (part_id, s + 1, f"（{s + 1}）", f"第{s + 1}节", s + 1)).lastrowid
        rows = [(f"bulk.{s}.{k}", sid, k + 1, f"（{s + 1}）{k + 1}", f"批量措施{s}-{k}推进合作")
                for k in range(per_section)]
        conn.executemany("INSERT INTO measures(measure_id, doc_id, section_id, position, label, text)"
                         " VALUES (?, 'bulk', ?, ?, ?, ?)", rows)
        for k in range(per_section):
            status = statuses[(s + k) % 5]
            expected[status] = expected.get(status, 0) + 1
            if status != "not_started":
                conn.execute("INSERT INTO annotations(measure_id, status, updated_at) VALUES (?, ?, '2026')",
                             (f"bulk.{s}.{k}", status))
    # What the importer records beside a document, so check and the daily backup find it whole.
    conn.execute("INSERT INTO document_counts(doc_id, parts, sections, measures) VALUES ('bulk', 1, ?, ?)",
                 (sections, sections * per_section))
    conn.execute("COMMIT")
    conn.close()
    return expected


WHOLE_TABLE_READ = re.compile(r"\bFROM\s+measures\b(?![^;]*\b(WHERE|LIMIT)\b)", re.IGNORECASE | re.DOTALL)


def test_window_thread_never_reads_the_whole_library_and_the_tree_counts_arrive(
        qtbot: Any, make_window: Any, lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _bulk_library(lib_path)
    on_window_thread: list[str] = []
    main = threading.main_thread()

    def trace(sql: str) -> None:
        if threading.current_thread() is main:
            on_window_thread.append(sql)

    real_init = Library.__init__

    def traced_init(self: Library, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        self.conn.set_trace_callback(trace)
        self.reads.conn.set_trace_callback(trace)

    monkeypatch.setattr(Library, "__init__", traced_init)  # record SQL, change nothing
    window = make_window()
    window.center.setCurrentIndex(1)  # 分工表
    wait_idle(qtbot, window)
    window.division.table.sortByColumn(COL_STATUS, Qt.SortOrder.DescendingOrder)
    window.center.setCurrentIndex(2)  # 期限提醒
    wait_idle(qtbot, window)

    model = window.tree_model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    bulk = model.index(titles.index("批量测试文件"), 0)
    assert model.index(bulk.row(), 1).data() == 20_000
    summary = model.index(bulk.row(), 2).data()
    for status, n in expected.items():
        assert f"{n}" in summary and n == 4000, (status, summary)
    assert window.division.model.rowCount() == 20_193
    assert window.division.model.index(0, COL_STATUS).data() == "长期推进"

    assert any("FROM measures" in sql for sql in on_window_thread)  # the window did read (a section, rows)
    assert WHOLE_TABLE_READ.search("SELECT m.measure_id FROM measures m JOIN sections s ORDER BY m.position")
    whole = [sql for sql in on_window_thread if WHOLE_TABLE_READ.search(sql)]
    assert not whole, whole[:3]


def test_an_edit_recounts_only_its_section_and_the_tree_shows_it(qtbot: Any, window: Any) -> None:
    model = window.tree_model
    doc = model.index(0, 0)
    assert model.index(0, 1).data() == 193
    assert "已完成" not in model.index(0, 2).data()
    ids = window.lib.measures.ids()
    window.ops.annotate(ids[:2] + ids[-1:], Edit(status="done"))
    wait_idle(qtbot, window)
    assert "已完成 3" in model.index(0, 2).data()
    assert "未启动 190" in model.index(0, 2).data()
    last = model.section_of(ids[-1])
    assert last.isValid() and last.parent().parent() == doc
    total = model.index(last.row(), 1, last.parent()).data()
    summary = model.index(last.row(), 2, last.parent()).data()
    assert "已完成 1" in summary and (total == 1 or f"未启动 {total - 1}" in summary)
    assert model.index(0, 1).data() == 193


def test_deadline_rows_are_not_tracked_by_the_garbage_collector(lib_path: Path) -> None:
    """Tens of thousands of rows must not lengthen every full collection (a window stall)."""
    import gc

    with Library(lib_path) as lib:
        _annotate_variety(lib)
        groups = load_deadlines(lib, date(2030, 1, 1), 30)
    gc.collect()
    rows = [r for g in groups for r in g.rows]
    assert len(rows) > 50
    assert not any(gc.is_tracked(r) for r in rows)
    first = groups[0].row(0)  # named on access
    assert (first.measure_id, first.days) == (rows[0][0], rows[0][6])


def test_a_library_of_many_documents_loads_each_document_when_opened(
        qapp: Any, qtmodeltester: Any, lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from panprd_desktop.ui.models import tree_model
    from tests.conftest import related_files

    monkeypatch.setattr(tree_model, "LAZY_DOCUMENTS", 1)
    with Library(lib_path) as lib:
        lib.import_files(related_files()[:3])
        _annotate_variety(lib)
        eager_counts = {}
        monkeypatch.setattr(tree_model, "LAZY_DOCUMENTS", 100)
        eager = tree_model.LibraryTreeModel(lib)
        for r in range(eager.rowCount()):
            eager_counts[eager.index(r, 0).data()] = (eager.index(r, 1).data(), eager.index(r, 2).data())
        monkeypatch.setattr(tree_model, "LAZY_DOCUMENTS", 1)
        model = tree_model.LibraryTreeModel(lib)
        assert model.rowCount() == 4
        doc = model.index(0, 0)
        assert model.rowCount(doc) == 0 and model.hasChildren(doc) and model.canFetchMore(doc)
        lazy_counts = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
                       for r in range(model.rowCount())}
        assert lazy_counts == eager_counts  # document counts need no sections
        from panprd_desktop.ui.qt import QtWidgets

        view = QtWidgets.QTreeView()
        view.setModel(model)
        second = model.index(1, 0)
        assert model.rowCount(second) == 0
        view.show()
        view.expand(second)  # what a click on the expander does
        view.doItemsLayout()
        assert model.rowCount(second) > 0 and model.index(0, 0, second).data()
        view.close()
        qtmodeltester.check(model)  # fetches the other documents as a view would
        last = lib.measures.ids()[-1]
        section = model.section_of(last)  # loads that document on demand
        assert section.isValid() and last in section.data(tree_model.MeasuresRole)
        doc_row = section.parent().parent().row()
        before = model.index(doc_row, 1).data()
        lib.annotate([last], Edit(status="done"), "测试")
        model.on_changes(Changes(measure_ids=frozenset({last})))
        assert model.index(doc_row, 1).data() == before
        assert "已完成" in model.index(section.row(), 2, section.parent()).data()
