"""The command line: exact names and JSON shapes other tools rely on, clean failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, db_snapshot, related_files


def guideline_id(cli) -> str:
    return cli("docs", "--json").json[0]["doc_id"]


def test_docs(cli) -> None:
    r = cli("docs", "--json")
    assert r.code == 0
    [doc] = r.json
    assert set(doc) == {"doc_id", "title", "doc_no", "date", "sections", "measures"}
    assert (doc["doc_no"], doc["date"], doc["sections"]) == ("国发〔2016〕18号", "2016-03-03", 35)


def test_global_json_flag(cli) -> None:
    assert cli("--json", "docs").json == cli("docs", "--json").json


def test_outline(cli) -> None:
    doc_id = guideline_id(cli)
    out = cli("outline", doc_id, "--json").json
    assert {"doc_id", "title", "doc_no", "date", "preamble", "closing", "parts"} <= set(out)
    assert len(out["parts"]) == 10
    section = out["parts"][3]["sections"][0]
    assert (section["number"], section["label"], section["title"]) == (10, "（十）", "建设现代化综合交通运输体系")
    m = section["measures"][2]
    assert set(m) == {"measure_id", "label", "text"} and m["label"] == "（十）3"
    assert cli("outline", doc_id[:4], "--json").json == out  # an unambiguous prefix works


def test_import_json_and_duplicate(cli) -> None:
    files = [str(p) for p in related_files()[:3]]
    first = cli("import", *files, "--json")
    assert first.code == 0
    assert [set(d) >= {"doc_id", "title", "sections", "measures"} for d in first.json] == [True] * 3
    again = cli("import", files[0], "--json").json
    assert again[0]["doc_id"] == first.json[0]["doc_id"] and again[0]["existing"] is True
    assert len(cli("docs", "--json").json) == 4


def test_annotate_and_show(cli) -> None:
    mid = cli("outline", guideline_id(cli), "--json").json["parts"][8]["sections"][2]["measures"][0]["measure_id"]
    r = cli("annotate", mid, "--lead", "粵", "--lead", "澳", "--participant", "國家發展改革委",
            "--deadline", "2020年底前", "--status", "in_progress", "--tag", "联席会议", "--note",
            "<b>已对接</b> & 推进", "--author", "李四", "--json")
    assert r.code == 0, r.err
    shown = cli("show", mid, "--json").json
    assert {"measure_id", "doc_id", "label", "text", "leads", "participants", "deadline", "status", "tags",
            "notes", "history"} <= set(shown)
    assert shown["leads"] == ["广东省", "澳门特别行政区"]
    assert shown["participants"] == ["国家发展改革委"]
    assert shown["deadline"] == {"text": "2020年底前", "date": "2020-12-31"}
    assert shown["status"] == "in_progress" and shown["tags"] == ["联席会议"]
    assert shown["notes"][0]["text"] == "<b>已对接</b> & 推进" and shown["notes"][0]["author"] == "李四"
    assert len(shown["history"]) == 6
    r = cli("annotate", mid, "--clear-owners", "--lead", "闽", "--untag", "联席会议", "--json")
    assert r.json["leads"] == ["福建省"] and r.json["participants"] == [] and r.json["tags"] == []
    assert cli("undo", "--json").code == 0
    assert cli("show", mid, "--json").json["leads"] == ["广东省", "澳门特别行政区"]


def test_owners(cli) -> None:
    owners = cli("owners", "--json").json
    gd = next(o for o in owners if o["name"] == "广东省")
    assert "粤" in gd["aliases"] and gd["kind"] == "party"


def test_check(cli) -> None:
    r = cli("check")
    assert r.code == 0


@pytest.mark.parametrize(
    "args",
    [
        ("show", "no.such.measure"),
        ("outline", "zzzz"),
        ("annotate", "{mid}", "--status", "finished"),
        ("annotate", "{mid}", "--deadline", "2026-02-31"),
        ("annotate", "no.such.measure", "--status", "done"),
    ],
)
def test_bad_input_one_line_and_nothing_changed(cli, db_path: Path, args: tuple[str, ...]) -> None:
    mid = cli("outline", guideline_id(cli), "--json").json["parts"][0]["sections"][0]["measures"][0]["measure_id"]
    before = db_snapshot(db_path)
    r = cli(*[a.format(mid=mid) for a in args])
    assert r.code != 0
    assert r.err.count("\n") == 1 and "Traceback" not in r.err and r.err.startswith("panprd: ")
    assert db_snapshot(db_path) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("binary.txt", bytes(range(256))),
        ("empty.txt", b""),
        ("bad.docx", b"PK\x03\x04garbage"),
        ("latin.txt", b"\xff\xfe\x00" * 3 + b"\x81\x30\x81" * 40),
    ],
)
def test_bad_files_one_line_and_nothing_changed(cli, db_path: Path, tmp_path: Path, name: str,
                                                content: bytes) -> None:
    cli("docs")
    f = tmp_path / name
    f.write_bytes(content)
    before = db_snapshot(db_path)
    r = cli("import", str(f))
    assert r.code != 0 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert db_snapshot(db_path) == before


def test_console_entry_points(tmp_path: Path) -> None:
    """``python -m panprd_desktop`` works as a real process, with --db and $PANPRD_DB."""
    env_db = tmp_path / "env.sqlite3"
    proc = subprocess.run(
        [sys.executable, "-m", "panprd_desktop", "docs", "--json"], capture_output=True, text=True,
        cwd=REPO, timeout=120, env={**__import__("os").environ, "PANPRD_DB": str(env_db)},
    )
    assert proc.returncode == 0, proc.stderr
    assert env_db.exists() and "国发〔2016〕18号" in proc.stdout


def test_mis_encoded_argument_is_one_clean_line(cli, db_path: Path) -> None:
    mid = cli("outline", guideline_id(cli), "--json").json["parts"][0]["sections"][0]["measures"][0]["measure_id"]
    bad = b"\xff\xfe".decode("utf-8", "surrogateescape")
    r = cli("annotate", mid, "--note", bad)
    assert r.code != 0 and r.err.count("\n") == 1 and "编码" in r.err
