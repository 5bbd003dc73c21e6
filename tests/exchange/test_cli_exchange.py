"""The exchange commands: names and JSON shapes other tools rely on; upgrading an old library."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from db import migrations
from panprd_desktop.cli import main
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.exchange import Exchange
from panprd_desktop.core.library import Library
from tests.exchange.conftest import copy_library, state


def cli(db: Path, capsys, *args: str) -> tuple[int, object]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out = capsys.readouterr().out
    return code, (json.loads(out) if "--json" in args and code == 0 else out)


def test_office_bundle_conflicts_resolve(template_db: Path, tmp_path: Path, capsys) -> None:
    dbs = {}
    for name in ("秘书处", "广东省"):
        dbs[name] = tmp_path / f"{name}.sqlite3"
        copy_library(template_db, dbs[name])
        cli(dbs[name], capsys, "office", "--new-identity")
        code, info = cli(dbs[name], capsys, "office", name, "--json")
        assert code == 0 and set(info) == {"library", "office", "peers"} and info["office"] == name
    sec, gd = dbs["秘书处"], dbs["广东省"]
    code, outline = cli(sec, capsys, "search", "--limit", "1", "--json")
    mid = outline["hits"][0]["measure_id"]
    cli(sec, capsys, "annotate", mid, "--status", "in_progress", "--note", "秘书处意见")
    cli(gd, capsys, "annotate", mid, "--status", "done", "--lead", "粤")
    code, exported = cli(sec, capsys, "bundle", "export", str(tmp_path / "sec.zip"), "--json")
    assert code == 0 and exported["changes"] == 2 and exported["documents"] == 1
    code, result = cli(gd, capsys, "bundle", "import", str(tmp_path / "sec.zip"), "--json")
    assert code == 0
    assert {"from", "applied", "already", "documents_added", "conflicts"} <= set(result)
    assert result["from"]["office"] == "秘书处" and (result["applied"], result["already"]) == (1, 0)
    [c] = result["conflicts"]
    assert {"conflict_id", "measure_id", "field", "base", "ours", "theirs", "theirs_author", "theirs_at"} <= set(c)
    code, listed = cli(gd, capsys, "conflicts", "--json")
    assert [x["conflict_id"] for x in listed] == [c["conflict_id"]]
    code, text = cli(gd, capsys, "conflicts")
    assert c["conflict_id"] in text and "状态" in text
    assert cli(gd, capsys, "resolve", c["conflict_id"][:6], "--value", "滞后")[0] == 0  # a prefix is enough
    assert cli(gd, capsys, "conflicts", "--json")[1] == []
    code, peers = cli(gd, capsys, "office", "--json")
    assert [p["office"] for p in peers["peers"]] == ["秘书处"]
    assert cli(gd, capsys, "bundle", "export", str(tmp_path / "gd.json"), "--to", "秘书处")[0] == 0
    assert cli(sec, capsys, "bundle", "import", str(tmp_path / "gd.json"))[0] == 0
    code, shown = cli(sec, capsys, "show", mid, "--json")
    assert {(h["field"], h["office"]) for h in shown["history"]} >= {("status", "广东省"), ("status", "秘书处")}
    with Library(sec) as a, Library(gd) as b:
        assert state(a) == state(b) and a.measures.get(mid).status == "delayed"


def test_bad_options_are_one_line(template_db: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "x.sqlite3"
    copy_library(template_db, db)
    for args, words in ((("resolve", "nope", "--ours"), "冲突"), (("office", " "), "办公室名称"),
                        (("bundle", "export", str(tmp_path / "x.json"), "--to", "无此办"), "没有与"),
                        (("bundle", "import", str(tmp_path / "missing.json")), "无法读取")):
        capsys.readouterr()
        assert main(["--db", str(db), *args]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err, err


def test_a_library_from_before_exchange_gets_ids_and_exports_its_history(template_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    copy_library(template_db, db)
    with Library(db) as lib:
        mid = lib.measures.ids()[0]
        lib.annotate([mid], Edit(status="done", note="旧的备注", add_tags=("旧",)), "老王")
    conn = sqlite3.connect(db)  # take the schema back to before migration 0004
    conn.executescript("""
        DROP TRIGGER history_origin; DROP TRIGGER notes_uid_default; DROP INDEX history_change;
        DROP INDEX notes_uid; DROP TABLE exchange_peers; DROP TABLE exchange_known; DROP TABLE exchange_conflicts;
        ALTER TABLE history DROP COLUMN change_id; ALTER TABLE history DROP COLUMN origin_library;
        ALTER TABLE history DROP COLUMN origin_office; ALTER TABLE history DROP COLUMN base;
        ALTER TABLE notes DROP COLUMN note_uid; DELETE FROM meta WHERE key IN ('library_id', 'office');
    """)
    # Now run migration 0004 itself over that old data (later migrations are already in place).
    sql = (Path(migrations.__file__).parent / "0004_exchange.sql").read_text(encoding="utf-8")
    conn.executescript(f"BEGIN; {sql} COMMIT;")
    conn.close()
    with Library(db) as lib:
        ex = Exchange(lib)
        assert len(ex.identity().library) == 32
        assert ex.export_bundle(tmp_path / "old.json")["changes"] == 3
    fresh = tmp_path / "fresh.sqlite3"
    copy_library(template_db, fresh)
    with Library(fresh) as lib:
        Exchange(lib).new_identity()
        assert Exchange(lib).import_file(tmp_path / "old.json")["applied"] == 3
        assert [n.text for n in lib.measures.get(mid).notes] == ["旧的备注"]
