"""A committed change is searchable at once — through the change log, on every engine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.search import SearchFilters
from tests.search.conftest import related_paths


def _warm(lib: Library, engine: str) -> None:
    lib.search.search("发展", engine=engine)  # builds the index before the change


def test_note_tag_owner_are_searchable_immediately(lib: Library, engine: str) -> None:
    _warm(lib, engine)
    mid = lib.measures.ids()[7]
    lib.annotate([mid], Edit(note="请与澳門海事局对接"))
    assert lib.search.matching_ids("澳门海事局", engine=engine) == [mid]
    lib.annotate([mid], Edit(add_tags=("蓝色经济",)))
    assert lib.search.matching_ids("蓝色经济", engine=engine) == [mid]
    assert lib.search.matching_ids("", SearchFilters(tag="蓝色经济"), engine=engine) == [mid]
    lib.annotate([mid], Edit(add_leads=("自定义工作专班甲",)))
    assert lib.search.matching_ids("工作专班甲", engine=engine) == [mid]
    lib.annotate([mid], Edit(status="done"))
    assert lib.search.matching_ids("澳门海事局", SearchFilters(status="done"), engine=engine) == [mid]


def test_undo_removes_from_results(lib: Library, engine: str) -> None:
    _warm(lib, engine)
    mid = lib.measures.ids()[3]
    lib.annotate([mid], Edit(add_tags=("临时标签乙",)))
    assert lib.search.matching_ids("临时标签乙", engine=engine) == [mid]
    lib.undo()
    assert lib.search.matching_ids("临时标签乙", engine=engine) == []
    lib.redo()
    assert lib.search.matching_ids("临时标签乙", engine=engine) == [mid]


def test_import_is_searchable(lib: Library, engine: str) -> None:
    _warm(lib, engine)
    before = lib.search.count("仲裁", engine=engine)
    lib.import_files(related_paths()[:4])
    after = lib.search.matching_ids("仲裁", engine=engine)
    assert len(after) > before
    assert after == lib.search.matching_ids("仲裁", engine="scan")


def test_edits_by_any_sqlite_tool_are_seen(lib: Library, engine: str, tmp_path: Path) -> None:
    """The triggers are plain SQL: another connection's edits reach the index too."""
    _warm(lib, engine)
    mid = lib.measures.ids()[0]
    other = sqlite3.connect(tmp_path / "lib.sqlite3")
    other.execute("UPDATE measures SET text = text || '（外部修改丙）' WHERE measure_id = ?", (mid,))
    other.execute("UPDATE owners SET name = '广东省人民政府甲' WHERE name = '广东省'")
    sid = other.execute("SELECT section_id FROM measures WHERE measure_id = ?", (mid,)).fetchone()[0]
    other.execute("UPDATE sections SET title = '节标题丁' WHERE section_id = ?", (sid,))
    other.commit()
    assert lib.search.matching_ids("外部修改丙", engine=engine) == [mid]
    in_section = [m for m in lib.measures.ids() if lib.measures.get(m).section_title == "节标题丁"]
    assert lib.search.matching_ids("节标题丁", engine=engine) == in_section
    other.close()


def test_owner_rename_and_document_delete(lib: Library, engine: str, tmp_path: Path) -> None:
    mid = lib.measures.ids()[2]
    lib.annotate([mid], Edit(add_leads=("粤",)))
    _warm(lib, engine)
    assert mid in lib.search.matching_ids("广东省", engine=engine)
    lib.conn.execute("UPDATE owners SET name = '粤省改名戊' WHERE name = '广东省'")
    assert lib.search.matching_ids("粤省改名戊", engine=engine) == [mid]
    result = lib.import_files(related_paths()[:1])[0]
    assert lib.search.matching_ids("", SearchFilters(doc_id=result.doc_id), engine=engine)
    some = lib.measures.ids(result.doc_id)
    lib.conn.execute("DELETE FROM documents WHERE doc_id = ?", (result.doc_id,))
    remaining = lib.search.matching_ids("的", engine=engine)
    assert not set(some) & set(remaining)
    assert remaining == lib.search.matching_ids("的", engine="scan")


def test_reopening_catches_up(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        _warm(lib, engine)
        mid = lib.measures.ids()[1]
    with Library(path) as lib:  # changed while no engine was open
        lib.annotate([mid], Edit(note="重新打开后可检索己"))
    with Library(path) as lib:
        assert lib.search.matching_ids("可检索己", engine=engine) == [mid]
        assert lib.check() == []


def test_opening_a_library_starts_no_engine(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path):
        pass
    assert not (tmp_path / "lib.sqlite3.fts5").exists()
    assert not (tmp_path / "lib.sqlite3.whoosh").exists()


def test_read_only_library_searches(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        mid = lib.measures.ids()[4]
        lib.annotate([mid], Edit(note="只读也能查到辛"))
    with Library(path, read_only=True) as ro:
        assert ro.search.matching_ids("只读也能查到辛", engine=engine) == [mid]
        assert ro.search.search("港澳", engine=engine).total > 0
