"""An import logs its measures for the search index in one statement (migration 0008, issue 13).

What the search index reads — the change log — must be exactly what the per-row trigger wrote
before: the same (kind, key) rows in the same order, for an import with owner brackets (whose
annotations log rows of their own after the measures). Any other insert of a measure is still
logged by the trigger, and the switch that tells it to step aside never outlives the import.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from panprd_desktop.core.library import Library
from tests.conftest import GUIDELINE

YUEGANG = Path(__file__).resolve().parents[1] / "data" / "formats" / "yuegang-2017-keywork.txt"


def test_the_change_log_of_an_import_is_what_the_per_row_trigger_wrote(library: Library, tmp_path: Path) -> None:
    # The per-row trigger logged each measure as it was inserted, and a document's owners and
    # deadlines are stored after all its measures: so per document, first one row per measure
    # in insertion order, then the rows of its annotations — two documents, one after the other.
    copy = tmp_path / "guideline-copy.txt"  # the library already holds the bundled guideline
    copy.write_text(GUIDELINE.read_text(encoding="utf-8") + "\n附：复本。\n", encoding="utf-8")
    conn = library.conn
    start = conn.execute("SELECT MAX(seq) FROM search_changes").fetchone()[0]
    results = library.import_files([YUEGANG, copy])
    log = [(r[0], r[1]) for r in conn.execute("SELECT kind, key FROM search_changes WHERE seq > ? ORDER BY seq",
                                               (start,))]
    position = 0
    for result in results:
        inserted = [("measure", r[0]) for r in conn.execute(
            "SELECT measure_id FROM measures WHERE doc_id = ? ORDER BY rowid", (result.doc_id,))]
        assert len(inserted) == result.measures
        assert log[position:position + len(inserted)] == inserted
        position += len(inserted)
        # then this document's annotation rows (owner brackets), never another document's
        while position < len(log) and log[position][1].startswith(result.doc_id + "."):
            position += 1
    assert position == len(log)
    assert results[0].owners_from_text > 0


def test_a_measure_inserted_by_another_program_is_still_logged(library: Library, db_path: Path) -> None:
    doc_id, section_id = library.conn.execute("SELECT doc_id, section_id FROM measures LIMIT 1").fetchone()
    library.close()
    conn = sqlite3.connect(db_path)  # as the sqlite3 shell would
    with conn:
        conn.execute("INSERT INTO measures(measure_id, doc_id, section_id, position, label, text)"
                     " VALUES ('x.1.1', ?, ?, 999, '999', '外部程序写入的条文')", (doc_id, section_id))
    assert conn.execute("SELECT kind, key FROM search_changes ORDER BY seq DESC LIMIT 1").fetchone() == (
        "measure", "x.1.1")
    conn.close()


def test_the_switch_never_outlives_an_import(library: Library, tmp_path: Path) -> None:
    library.import_files([YUEGANG])
    assert library.conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'bulk_measure_log'").fetchone()[0] == 0
    bad = tmp_path / "bad.txt"
    bad.write_text("一、合作\n\n1.推进合作。\n", encoding="utf-8")
    library.conn.execute("CREATE TRIGGER fail_import BEFORE INSERT ON document_counts BEGIN"
                         " SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(Exception, match="disk trouble"):
        library.import_files([bad])
    assert library.conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'bulk_measure_log'").fetchone()[0] == 0
    assert library.conn.execute("SELECT COUNT(*) FROM measures WHERE text = '1.推进合作。'").fetchone()[0] == 0


def test_a_caller_that_commits_after_a_failed_body_keeps_the_log_whole(library: Library) -> None:
    # (as a merge that skipped a bad document and committed the rest would)
    from db.import_log import measures_logged_in_bulk

    conn = library.conn
    section = conn.execute("SELECT section_id, doc_id FROM measures LIMIT 1").fetchone()
    mark = conn.execute("SELECT MAX(seq) FROM search_changes").fetchone()[0]
    conn.execute("BEGIN IMMEDIATE")
    with pytest.raises(RuntimeError), measures_logged_in_bulk(conn, section[1]):
        conn.execute("INSERT INTO measures(measure_id, doc_id, section_id, position, label, text)"
                     " VALUES ('partial.1.1', ?, ?, 998, '998', '写了一半')", (section[1], section[0]))
        raise RuntimeError("the rest of the document failed")
    conn.execute("DELETE FROM measures WHERE measure_id = 'partial.1.1'")  # the caller tidies up, then commits
    conn.execute("COMMIT")
    assert conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'bulk_measure_log'").fetchone()[0] == 0
    logged = [r[0] for r in conn.execute("SELECT key FROM search_changes WHERE seq > ? ORDER BY seq", (mark,))]
    assert logged == ["partial.1.1", "partial.1.1"]  # its insert and its delete, as the triggers log them
