"""Follow-up of issue 8 — items directly under `一、` parts: the contents tree shows the part once.

The yuegang notice has `一、跨界基础设施` with `1.` items under it; the parser stores one untitled
section repeating the part's title. The tree must not show `一、跨界基础设施 › 跨界基础设施`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.ui.models.tree_model import IdRole, LibraryTreeModel, MeasuresRole
from panprd_desktop.ui.qt import Qt

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"
YUEGANG = FORMATS / "yuegang-2017-keywork.txt"


def _doc_index(model: LibraryTreeModel, title_part: str) -> Any:
    return next(model.index(r, 0) for r in range(model.rowCount()) if title_part in model.index(r, 0).data())


def test_part_with_items_directly_under_it_shows_once(qtmodeltester: Any, lib_path: Path) -> None:
    lib = Library(lib_path)
    try:
        lib.import_files([YUEGANG])
        ids = lib.measures.ids()
        yg = [m for m in ids if lib.measures.get(m).doc_id != lib.measures.get(ids[0]).doc_id]
        lib.annotate(yg[:2], Edit(status="done"), "陈晓")
        model = LibraryTreeModel(lib)
        qtmodeltester.check(model)
        doc = _doc_index(model, "粤港合作")
        parts = [model.index(r, 0, doc) for r in range(model.rowCount(doc))]
        assert [p.data() for p in parts] == ["一、跨界基础设施"]
        part = parts[0]
        assert model.rowCount(part) == 0  # no second level repeating 跨界基础设施
        assert part.data(IdRole)[0] == "section"  # clicking it opens its measures in the reader
        assert len(part.data(MeasuresRole)) == 7
        assert part.siblingAtColumn(1).data() == 7 and "已完成 2" in part.siblingAtColumn(2).data()
        assert doc.siblingAtColumn(1).data() == 7 and "已完成 2" in doc.siblingAtColumn(2).data()
        # the guideline keeps its three levels: 第X部分 → （一） sections
        guideline = _doc_index(model, "泛珠三角")
        first_part = model.index(0, 0, guideline)
        assert model.rowCount(first_part) > 1 and first_part.data(IdRole)[0] == "part"
    finally:
        lib.close()


def test_clicking_the_part_shows_its_measures(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.tree_model.loaded, timeout=30_000):
        window.ops.import_files([YUEGANG])
    model = window.tree_model
    doc = _doc_index(model, "粤港合作")
    part = model.index(0, 0, doc)
    window.tree.setCurrentIndex(part)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualRect(part).center())
    qtbot.waitUntil(lambda: "跨界基础设施" in window.statusBar().currentMessage(), timeout=10_000)
    assert "7" in window.statusBar().currentMessage()


def test_a_part_whose_first_section_repeats_it_but_has_more_keeps_both(qtmodeltester: Any, lib_path: Path,
                                                                      tmp_path: Path) -> None:
    text = tmp_path / "分工.txt"
    text.write_text("关于2018年重点工作的通知\n\n一、交通\n\n1.推进口岸建设。（省口岸办）\n\n"
                    "（一）铁路\n\n1.推进高铁建设。（广铁集团）\n\n二、商贸\n\n1.推进通关便利。（海关广东分署）\n",
                    encoding="utf-8")
    lib = Library(lib_path)
    try:
        lib.import_files([text])
        model = LibraryTreeModel(lib)
        qtmodeltester.check(model)
        doc = _doc_index(model, "重点工作")
        tree = {model.index(r, 0, doc).data(): [model.index(c, 0, model.index(r, 0, doc)).data()
                                                for c in range(model.rowCount(model.index(r, 0, doc)))]
                for r in range(model.rowCount(doc))}
        assert all(len(children) != 1 or children[0] not in part for part, children in tree.items()), tree
        assert sum(len(model.index(r, 0, doc).data(MeasuresRole)) for r in range(model.rowCount(doc))) == 3
    finally:
        lib.close()
