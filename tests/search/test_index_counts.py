"""The FTS5 index counts its own rows, so a process's first search counts nothing (issue 13)
— and an index that lost rows is still noticed and rebuilt (issue 12)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from tests.search.conftest import related_paths

QUERIES = ("港澳", "生态补偿 OR 仲裁", "-港")


def _index(lib: Library) -> sqlite3.Connection:
    return sqlite3.connect(lib.path.with_name(lib.path.name + ".fts5"))


def _stored_and_real(lib: Library) -> tuple[tuple[int, int], tuple[int, int]]:
    """((docmap rows the triggers counted, measures stored at the mark), (docmap rows, measures))."""
    conn = _index(lib)
    try:
        counted = conn.execute("SELECT n FROM counts WHERE name = 'docmap'").fetchone()[0]
        stored = int(conn.execute("SELECT value FROM meta WHERE key = 'measures'").fetchone()[0])
        rows = conn.execute("SELECT COUNT(*) FROM docmap").fetchone()[0]
    finally:
        conn.close()
    measures = lib.conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0]
    return (counted, stored), (rows, measures)


def _answers(lib: Library) -> list[list[str]]:
    return [lib.search.matching_ids(q, engine="fts5") for q in QUERIES]


def _truth(lib: Library) -> list[list[str]]:
    return [lib.search.matching_ids(q, engine="scan") for q in QUERIES]


def test_the_counts_follow_imports_edits_and_removals(lib: Library) -> None:
    lib.search.search("港澳")  # builds the index
    assert _stored_and_real(lib)[0] == _stored_and_real(lib)[1]
    imported = lib.import_files(related_paths()[:2])
    lib.search.search("港澳")  # catches up
    stored, real = _stored_and_real(lib)
    assert stored == real and real[1] > 0
    lib.annotate([lib.search.matching_ids("港澳")[0]], Edit(note="与港澳合作的进展"))
    lib.remove_document(imported[0].doc_id)
    lib.search.search("港澳")
    stored, real = _stored_and_real(lib)
    assert stored == real
    assert _answers(lib) == _truth(lib)


def test_the_first_search_of_a_process_counts_no_rows(tmp_path: Path) -> None:
    Library(tmp_path / "lib.sqlite3").close()
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.search.search("港澳")  # index built and verified
    with Library(tmp_path / "lib.sqlite3") as lib:  # as the next `panprd search` opens it
        seen: list[str] = []
        lib.conn.set_trace_callback(seen.append)
        engine = lib.search._engine("fts5")
        engine._open()
        engine.conn.set_trace_callback(seen.append)
        assert lib.search.search("港澳").total > 0
        counts = [s for s in seen if "COUNT(*) FROM measures" in s or "COUNT(*) FROM docmap" in s]
        assert counts == []


def test_an_index_from_before_the_counts_is_counted_once_then_keeps_them(lib: Library) -> None:
    expected = _truth(lib)
    assert _answers(lib) == expected
    lib.search.close()
    conn = _index(lib)
    conn.executescript("DROP TRIGGER docmap_added; DROP TRIGGER docmap_removed; DROP TABLE counts;"
                       "DELETE FROM meta WHERE key = 'measures';")
    conn.close()
    assert _answers(lib) == expected
    stored, real = _stored_and_real(lib)
    assert stored == real
    assert lib.check() == []


def test_rows_lost_with_the_triggers_gone_are_noticed(lib: Library) -> None:
    expected = _truth(lib)
    assert _answers(lib) == expected
    lib.search.close()
    conn = _index(lib)
    conn.executescript("DROP TRIGGER docmap_removed;"
                       "DELETE FROM docmap WHERE rowid IN (SELECT rowid FROM docmap LIMIT 5);")
    conn.close()
    assert any("holds" in p for p in lib.check())
    assert _answers(lib) == expected  # counted the old way, found short, rebuilt
    assert lib.check() == []


def test_a_wrong_count_is_reported_and_repaired(lib: Library) -> None:
    assert _answers(lib) == _truth(lib)
    lib.search.close()
    conn = _index(lib)
    conn.execute("UPDATE counts SET n = n + 3")
    conn.commit()
    conn.close()
    assert any("counts" in p for p in lib.check())
    assert _answers(lib) == _truth(lib)  # the stored numbers disagree: rebuilt
    assert lib.check() == []
