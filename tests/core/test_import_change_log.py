"""An import logs each new document once for the search index (migration 0009, issue 13).

The index reads a ('document', doc_id) row as every measure of that document: after an
import it catches up on exactly the new measures (no rebuild), finds each of them, and a
failed import leaves neither measures nor a log row. A measure written by another program
is not logged, and ``check`` names its document as incomplete.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from panprd_desktop.core.library import Library
from tests.conftest import GUIDELINE

YUEGANG = Path(__file__).resolve().parents[1] / "data" / "formats" / "yuegang-2017-keywork.txt"


def test_an_import_logs_one_row_per_document_and_the_index_finds_every_measure(
        library: Library, tmp_path: Path) -> None:
    copy = tmp_path / "guideline-copy.txt"  # the library already holds the bundled guideline
    copy.write_text(GUIDELINE.read_text(encoding="utf-8") + "\n附：复本。\n", encoding="utf-8")
    conn = library.conn
    library.search.count("合作")  # the index is current before the import
    start = conn.execute("SELECT MAX(seq) FROM search_changes").fetchone()[0]
    results = library.import_files([YUEGANG, copy])
    documents = [r[0] for r in conn.execute(
        "SELECT key FROM search_changes WHERE seq > ? AND kind = 'document' ORDER BY seq", (start,))]
    assert documents == [r.doc_id for r in results]
    # no per-measure rows for the imported measures (the owner brackets still log their annotations)
    assert conn.execute("SELECT COUNT(*) FROM search_changes c JOIN measures m ON m.measure_id = c.key"
                        " WHERE c.seq > ? AND c.kind = 'measure' AND m.doc_id = ?"
                        " AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.measure_id = m.measure_id)"
                        " AND NOT EXISTS (SELECT 1 FROM measure_owners o WHERE o.measure_id = m.measure_id)",
                        (start, results[0].doc_id)).fetchone()[0] == 0
    assert results[0].owners_from_text > 0
    assert library.search.count('"附：复本"') == 1  # caught up, not rebuilt: the mark moved on
    for result in results:
        ids = {r[0] for r in conn.execute("SELECT measure_id FROM measures WHERE doc_id = ?", (result.doc_id,))}
        assert len(ids) == result.measures
        text = conn.execute("SELECT text FROM measures WHERE doc_id = ? ORDER BY rowid DESC LIMIT 1",
                            (result.doc_id,)).fetchone()[0]
        assert set(library.search.matching_ids(f'"{text[:12]}"')) & ids
    assert library.check() == []


def test_a_failed_import_leaves_no_measures_and_no_log(library: Library, tmp_path: Path) -> None:
    conn = library.conn
    start = conn.execute("SELECT MAX(seq) FROM search_changes").fetchone()[0]
    bad = tmp_path / "bad.txt"
    bad.write_text("一、合作\n\n1.推进合作。\n", encoding="utf-8")
    conn.execute("CREATE TRIGGER fail_import BEFORE INSERT ON document_counts BEGIN"
                 " SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(Exception, match="disk trouble"):
        library.import_files([bad])
    assert conn.execute("SELECT COUNT(*) FROM measures WHERE text = '1.推进合作。'").fetchone()[0] == 0
    assert conn.execute("SELECT MAX(seq) FROM search_changes").fetchone()[0] == start


def test_a_measure_inserted_by_another_program_is_never_missed_silently(library: Library, db_path: Path) -> None:
    # Not logged for the index any more, but the document's stored counts no longer match it:
    # check names the document, so the index's silence cannot go unnoticed.
    library.search.count("合作")
    doc_id, section_id = library.conn.execute("SELECT doc_id, section_id FROM measures LIMIT 1").fetchone()
    library.close()
    conn = sqlite3.connect(db_path)  # as the sqlite3 shell would
    with conn:
        conn.execute("INSERT INTO measures(measure_id, doc_id, section_id, position, label, text)"
                     " VALUES ('x.1.1', ?, ?, 999, '999', '外部程序写入的条文')", (doc_id, section_id))
    conn.close()
    with Library(db_path, defer_backup=True) as lib:
        assert any(doc_id in problem and "incomplete" in problem for problem in lib.check())
