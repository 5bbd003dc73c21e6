"""Values the document states are stored as the document's, editable, and never overwrite
what staff typed — in the library, in history and in ``show --json``."""

from __future__ import annotations

import shutil
from pathlib import Path

from db.connection import transaction
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.parsing import ParsedDocument, ParsedPart, ParsedSection
from panprd_desktop.core.parsing.facts import SourceFacts
from panprd_desktop.core.provenance import SOURCE_AUTHOR, store_facts
from panprd_desktop.core.readers import SourceText

YUEGANG = Path(__file__).resolve().parents[1] / "data" / "formats" / "yuegang-2017-keywork.txt"


def _import(library, tmp_path: Path, text: str | None = None, name: str = "keywork.txt"):
    f = tmp_path / name
    if text is None:
        shutil.copy(YUEGANG, f)
    else:
        f.write_text(text, encoding="utf-8")
    [result] = library.import_files([f])
    return result


def test_import_stores_owners_from_the_text_as_the_documents(library, tmp_path: Path) -> None:
    result = _import(library, tmp_path)
    assert (result.parts, result.measures, result.owners_from_text, result.deadlines_from_text) == (1, 7, 7, 0)
    assert result.warnings == ()
    first = library.measures.get(f"{result.doc_id}.1.1")
    assert first.leads == ("省发展改革委",) and first.participants[0] == "省公安厅"
    assert {h.author for h in first.history} == {SOURCE_AUTHOR}
    assert {h.source for h in first.history} == {"document"}
    assert first.sources == {"leads": "document", "participants": "document", "deadline": None, "status": None}
    # New unit names join the vocabulary, folded: Traditional input finds them.
    assert library.owners.find("省公安廳").name == "省公安厅"
    # The import's values are not an edit to undo.
    assert library.annotations.undo_target() is None


def test_staff_edits_win_and_survive_reimport(library, tmp_path: Path) -> None:
    result = _import(library, tmp_path)
    mid = f"{result.doc_id}.1.2"
    library.annotate([mid], Edit(set_leads=("深圳市政府",), deadline="2018年底前"), "张三")
    view = library.measures.get(mid)
    assert view.sources == {"leads": "user", "participants": "document", "deadline": "user", "status": None}
    history_before = len(view.history)
    # The identical text again: reported as existing, nothing written.
    again = _import(library, tmp_path, name="again.txt")
    assert again.existing and again.doc_id == result.doc_id and again.owners_from_text == 7
    view = library.measures.get(mid)
    assert view.leads == ("深圳市政府",) and len(view.history) == history_before
    # A revised version is a new document with its own values; staff's stay where they were.
    revised = YUEGANG.read_text(encoding="utf-8").replace("2018年建成与内地段", "2018年第三季度建成与内地段")
    new = _import(library, tmp_path, revised, name="revised.txt")
    assert not new.existing and new.doc_id != result.doc_id
    assert library.measures.get(mid).leads == ("深圳市政府",)
    assert library.measures.get(f"{new.doc_id}.1.2").leads == ("广铁集团",)
    # Undo takes back the person's edit: the document's value is again the document's.
    library.undo("张三")
    assert library.measures.get(mid).sources["leads"] == "document"


def _table_doc() -> ParsedDocument:
    """A document as the table readers build it: facts from 牵头/参与/时限/进展 columns."""
    section = ParsedSection(1, "", "", ["建设口岸。", "推进通关。"])
    section.facts = {
        0: SourceFacts(("深圳市政府",), ("省口岸办",), "2018年底前", "已完成主体工程。"),
        1: SourceFacts(deadline="长期坚持"),
    }
    return ParsedDocument("分工表", parts=[ParsedPart(1, "一、", "口岸", [section])])


def test_table_facts_progress_becomes_a_note_by_the_document(library) -> None:
    result = library.documents.store(SourceText("", False, "utf-8", "分工表"), _table_doc(), "t.docx")
    assert (result.owners_from_text, result.deadlines_from_text) == (1, 2)
    first = library.measures.get(f"{result.doc_id}.1.1")
    assert first.deadline.text == "2018年底前" and first.deadline.date.isoformat() == "2018-12-31"
    [note] = first.notes
    assert (note.text, note.author, note.source) == ("已完成主体工程。", SOURCE_AUTHOR, "document")
    assert library.measures.get(f"{result.doc_id}.1.2").sources["deadline"] == "document"


def test_store_never_overwrites_a_value_already_there(library) -> None:
    result = library.documents.store(SourceText("", False, "utf-8", "分工表"), _table_doc(), "t.docx")
    mid = f"{result.doc_id}.1.2"
    library.annotate([mid], Edit(add_leads=("广东省",), deadline="2019年底前"), "李四")
    with transaction(library.conn):
        store_facts(library.conn, "分工表", [(mid, SourceFacts(("香港特别行政区",), (), "2030年"))])
    view = library.measures.get(mid)
    assert view.leads == ("广东省",) and view.deadline.text == "2019年底前"


def test_cli_show_marks_sources_and_outline_has_the_masthead(cli, tmp_path: Path) -> None:
    f = tmp_path / "k.txt"
    shutil.copy(YUEGANG, f)
    [imported] = cli("import", "--json", str(f)).json
    assert {"owners_from_text", "deadlines_from_text", "warnings", "parts"} <= imported.keys()
    doc_id = imported["doc_id"]
    outline = cli("outline", doc_id, "--json").json
    assert outline["masthead"] == {
        "issuer": "广东省人民政府", "doc_no": "粤府函〔2017〕38号", "date": "2017-03-02",
        "addressee": "各地级以上市人民政府，顺德区人民政府，省各有关单位",
    }
    assert outline["warnings"] == []
    shown = cli("show", f"{doc_id}.1.7", "--json").json
    assert shown["leads"] == ["民航中南管理局"] and shown["sources"]["leads"] == "document"
    assert shown["history"][0]["source"] == "document" and shown["history"][0]["author"] == "原文"
    cli("annotate", f"{doc_id}.1.7", "--lead", "香港", "--author", "王五")
    shown = cli("show", f"{doc_id}.1.7", "--json").json
    assert shown["sources"]["leads"] == "user"


def test_cli_text_output_says_what_came_from_the_document(cli, tmp_path: Path) -> None:
    f = tmp_path / "k.txt"
    shutil.copy(YUEGANG, f)
    out = cli("import", str(f)).out
    assert "原文写明责任单位 7 条" in out
    doc_id = out.split()[0]
    shown = cli("show", f"{doc_id}.1.6").out
    assert "牵头单位：珠海市政府  [原文]" in shown and "完成时限：—\n" in shown


def test_traditional_big5_names_fold_into_the_same_owner(library, tmp_path: Path) -> None:
    trad = tmp_path / "trad.txt"
    trad.write_bytes("粵港重點工作\n\n一、合作\n\n1.推進口岸建設。（省發展改革委牽頭，公安廳參與）\n".encode("big5"))
    simp = tmp_path / "simp.txt"
    simp.write_text("粤港重点工作二\n\n一、合作\n\n1.推进通关。（省发展改革委、公安厅）\n", encoding="utf-8")
    first, second = library.import_files([trad, simp])
    a = library.measures.get(f"{first.doc_id}.1.1")
    b = library.measures.get(f"{second.doc_id}.1.1")
    assert a.leads == b.leads and a.participants == b.participants  # one owner each, any script
    assert len([o for o in library.owners.all() if o.name in ("省發展改革委", "省发展改革委")]) == 1
