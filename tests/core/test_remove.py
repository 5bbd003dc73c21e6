"""Removing a document (CLI and core): one transaction, annotations kept in a backup first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import db_snapshot
from tests.core.table_fixtures import table_docx


def _import(cli, path: Path) -> str:
    r = cli("import", str(path), "--json")
    assert r.code == 0, r.err
    return r.json[0]["doc_id"]


def test_remove_keeps_annotations_in_a_backup(cli, db_path: Path, tmp_path: Path) -> None:
    doc_id = _import(cli, table_docx(tmp_path / "keywork.docx"))
    measure = cli("outline", doc_id, "--json").json["parts"][0]["sections"][0]["measures"][0]["measure_id"]
    assert cli("annotate", measure, "--note", "已报送省政府", "--status", "in_progress").code == 0
    assert cli("search", "港珠澳大桥跨境交通", "--json").json["total"] == 1

    ids = [m["measure_id"] for p in cli("outline", doc_id, "--json").json["parts"]
           for s in p["sections"] for m in s["measures"]]
    notes_before = sum(len(cli("show", i, "--json").json["notes"]) for i in ids)
    assert notes_before > 1

    r = cli("remove", doc_id, "--json")
    assert r.code == 0, r.err
    out = r.json
    # Every row names its owners (so all four are annotated); the notes are the typed one plus the
    # 进展情况 cells the document itself filled.
    assert (out["doc_id"], out["measures"], out["annotated"]) == (doc_id, 4, 4)
    assert out["notes"] == notes_before
    assert doc_id not in [d["doc_id"] for d in cli("docs", "--json").json]
    assert cli("search", "港珠澳大桥跨境交通", "--json").json["total"] == 0
    backup = Path(out["backup"])
    assert backup.is_file() and "pre-remove" in backup.name
    conn = sqlite3.connect(backup)
    try:
        assert ("已报送省政府",) in conn.execute("SELECT text FROM notes WHERE measure_id = ?", (measure,)).fetchall()
    finally:
        conn.close()
    # Removed is removed: no orphan rows anywhere.
    assert not [row for row in db_snapshot(db_path) if doc_id in str(row) and row[0] != "operations"]


def test_undo_offers_nothing_that_only_touched_the_removed_document(library, tmp_path: Path) -> None:
    from panprd_desktop.core.annotations import Edit

    [r] = library.import_files([table_docx(tmp_path / "keywork.docx")])
    measure = library.documents.outline(r.doc_id)["parts"][0]["sections"][0]["measures"][0]["measure_id"]
    library.annotate([measure], Edit(status="done"), author="陈晓")
    assert library.annotations.undo_target() is not None
    library.remove_document(r.doc_id)
    assert library.annotations.undo_target() is None


def test_remove_unknown_document_is_one_line(cli, db_path: Path) -> None:
    before = db_snapshot(db_path) if db_path.exists() else None
    r = cli("remove", "nosuchdoc")
    assert r.code != 0 and r.err.count("\n") == 1 and "nosuchdoc" in r.err
    if before is not None:
        assert db_snapshot(db_path) == before


def test_import_json_reports_what_was_found(cli, tmp_path: Path) -> None:
    r = cli("import", str(table_docx(tmp_path / "keywork.docx")), "--json")
    entry = r.json[0]
    for key in ("parts", "owners_from_text", "deadlines_from_text", "warnings", "measures", "existing"):
        assert key in entry
    assert (entry["measures"], entry["parts"], entry["owners_from_text"], entry["deadlines_from_text"]) == (4, 2, 4, 4)
