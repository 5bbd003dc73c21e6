"""``panprd search`` / ``reindex`` / ``check``, and snippets with exact highlight offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from panprd_desktop.core.normalize import fold
from panprd_desktop.core.search.snippets import SNIPPET, make_snippet


def test_cli_search_json(cli, engine: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("search", "港澳", "--json", "--engine", engine)
    assert r.code == 0, r.err
    data = r.json
    assert set(data) == {"total", "hits"}
    assert data["total"] > 20 and len(data["hits"]) == 20
    hit = data["hits"][0]
    assert set(hit) == {"measure_id", "doc_id", "label", "snippet", "matches", "score"}
    for start, end in hit["matches"]:
        assert fold(hit["snippet"][start:end]) == "港澳"
    r = cli("search", "港澳", "--json", "--limit", "3", "--engine", engine)
    assert r.json["total"] == data["total"] and len(r.json["hits"]) == 3


def test_cli_filters(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Library(db_path) as lib:
        ids = lib.measures.ids()
        lib.annotate(ids[:3], Edit(add_leads=("粤",), deadline="2020-06-30", status="delayed", add_tags=("交通",)))
        lib.annotate(ids[3:5], Edit(add_participants=("粤",), deadline="2030-06-30"))
    args = ("--json", "--limit", "100")
    assert cli("search", "", "--owner", "廣東", *args).json["total"] == 5
    assert cli("search", "--owner", "粤", "--role", "lead", *args).json["total"] == 3
    assert cli("search", "", "--owner", "粤", "--role", "participant", *args).json["total"] == 2
    assert cli("search", "", "--owner", "无此单位", *args).json["total"] == 0
    assert cli("search", "", "--tag", "交通", "--status", "delayed", *args).json["total"] == 3
    assert cli("search", "", "--due-before", "2021-01-01", *args).json["total"] == 3
    assert cli("search", "", "--due-after", "2021年1月1日", *args).json["total"] == 2
    assert cli("search", "", "--overdue", *args).json["total"] == 3
    doc = ids[0].split(".")[0]
    assert cli("search", "的", "--doc", doc, "--json").json["total"] > 0


@pytest.mark.parametrize("argv", [
    ("search", "x", "--due-before", "2020-13-01"),
    ("search", "x", "--status", "finished"),
    ("search", "x", "--doc", "nosuchdoc"),
    ("search", "x", "--limit", "-1"),
    ("search", "港" * 3000),
    ("search", "-港 OR 澳"),
])
def test_cli_bad_input_is_one_line(cli, argv: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    r = cli(*argv)
    assert r.code != 0
    assert r.err.count("\n") == 1 and r.err.startswith("panprd: ")


def test_cli_text_output_reindex_and_check(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("search", "生态补偿")
    assert r.code == 0 and "生态补偿" in r.out
    for engine in ("fts5", "whoosh"):
        r = cli("reindex", "--engine", engine, "--json")
        assert r.code == 0 and r.json["engine"] == engine and r.json["measures"] > 100
    r = cli("check", "--json")
    assert r.code == 0 and r.json["ok"] is True


def test_cli_check_reports_a_damaged_index(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("search", "港澳").code == 0
    db_path.with_name(db_path.name + ".fts5").write_bytes(b"junk" * 4096)
    r = cli("check", "--json")
    assert r.code != 0 and any("search index" in p for p in r.json["problems"])
    assert cli("search", "港澳", "--json").json["total"] > 0
    assert cli("check").code == 0


def test_snippet_offsets_map_to_the_original_text() -> None:
    text = "支持加快建设福建 21 世纪海上丝绸之路核心区，" + "推进粵港澳合作。" * 20
    snippet, matches = make_snippet(text, [fold("21世紀海上"), fold("粤港澳")])
    assert snippet.startswith("支持") and snippet.endswith("…")
    assert len(snippet) <= SNIPPET + 2
    assert [snippet[s:e] for s, e in matches][:2] == ["21 世纪海上", "粵港澳"]
    assert all(fold(snippet[s:e]) in ("21世纪海上", "粤港澳") for s, e in matches)


def test_snippet_centres_a_late_match() -> None:
    text = "甲" * 300 + "生态补偿" + "乙" * 300
    snippet, matches = make_snippet(text, ["生态补偿"])
    assert snippet.startswith("…") and snippet.endswith("…")
    (start, end), = matches
    assert snippet[start:end] == "生态补偿" and 10 < start < 60


def test_snippet_without_a_match_in_the_text() -> None:
    snippet, matches = make_snippet("短文本", ["标签里的词"])
    assert (snippet, matches) == ("短文本", [])


def test_hits_match_in_notes_have_no_highlight(lib: Library, engine: str) -> None:
    mid = lib.measures.ids()[0]
    lib.annotate([mid], Edit(note="备注专用词庚"))
    hit, = lib.search.search("备注专用词庚", engine=engine).hits
    assert hit.measure_id == mid and hit.matches == [] and hit.snippet


def test_hit_fields(lib: Library, engine: str) -> None:
    hit = lib.search.search("國家發展改革委", engine=engine).hits[0]
    view = lib.measures.get(hit.measure_id)
    assert (hit.doc_id, hit.label) == (view.doc_id, view.label)
    (s, e), = hit.matches
    assert hit.snippet[s:e] == "国家发展改革委"
