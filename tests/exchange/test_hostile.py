"""Corrupt and hostile bundles are refused with one line, and every table is left as it was."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from panprd_desktop.cli import main
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.exchange import bundle_file
from tests.conftest import db_snapshot
from tests.exchange.conftest import annotation_rows


@pytest.fixture
def good(make_office, tmp_path: Path) -> tuple[dict, object]:
    """A real bundle's JSON from office A, and office B (to receive the broken variants)."""
    a, b = make_office("秘书处"), make_office("广东省")
    a[0].annotate([a[0].measures.ids()[0]], Edit(status="done", note="进展", add_tags=("x",)), "甲")
    a[1].export_bundle(tmp_path / "good.json")
    b[0].close()  # the CLI opens it, as a user would
    return json.loads((tmp_path / "good.json").read_text(encoding="utf-8")), b[0].path


def rewrite(doc: dict, mutate: Callable[[dict], None]) -> dict:
    """Change the content and re-sign it: only validation, not the checksum, can catch this."""
    content = json.loads(json.dumps(doc["content"]))
    mutate(content)
    return bundle_file_doc(content)


def bundle_file_doc(content: dict) -> dict:
    import hashlib

    body = bundle_file.canonical(content)
    return {"format": "panprd-exchange", "version": 1, "checksum": "sha256:" + hashlib.sha256(body).hexdigest(),
            "content": content}


def refused(db: Path, file: Path, capsys: pytest.CaptureFixture[str], words: str) -> None:
    before = annotation_rows(db), db_snapshot(db)
    code = main(["--db", str(db), "bundle", "import", str(file)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("panprd: ") and words in err, err
    assert (annotation_rows(db), db_snapshot(db)) == before  # every table as it was


def _set(path: str, value: object) -> Callable[[dict], None]:
    def mutate(content: dict) -> None:
        target = content
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1] if not isinstance(target, list) else int(keys[-1])] = value
    return mutate


@pytest.mark.parametrize(("mutate", "words"), [
    (_set("changes.0.field", "owner_id"), "未知字段"),
    (_set("changes.0.after", 5), "状态"),
    (_set("changes.0.measure", ["x"]), "measure id"),
    (_set("changes.0.at", "yesterday"), "不是时间"),
    (_set("changes", {"a": 1}), "变更列表"),
    (_set("origin.seq", -1), "序号"),
    (_set("origin", None), "来源"),
    (_set("changes.0.author", "x" * 5000), "author"),
    (_set("changes.0.measure", "'; DROP TABLE notes; --"), "measure id"),
])
def test_wrong_types_are_refused(good, tmp_path: Path, capsys, mutate, words: str) -> None:
    doc, db = good
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(rewrite(doc, mutate), ensure_ascii=False), encoding="utf-8")
    refused(db, bad, capsys, words)


def test_checksum_mismatch(good, tmp_path: Path, capsys) -> None:
    doc, db = good
    doc["content"]["changes"][0]["after"] = "delayed"  # edited, not re-signed
    bad = tmp_path / "edited.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    refused(db, bad, capsys, "校验值不符")


def test_future_version_and_foreign_files(good, tmp_path: Path, capsys) -> None:
    doc, db = good
    future = tmp_path / "future.json"
    future.write_text(json.dumps({**doc, "version": 2}), encoding="utf-8")
    refused(db, future, capsys, "更新版本")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"format": "other", "data": []}), encoding="utf-8")
    refused(db, foreign, capsys, "不是 PanPRD 交换包")
    binary = tmp_path / "binary.json"
    binary.write_bytes(bytes(range(256)) * 10)
    refused(db, binary, capsys, "不是 UTF-8")


def test_truncated(good, tmp_path: Path, capsys) -> None:
    doc, db = good
    text = (tmp_path / "good.json").read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(text[: len(text) // 2])
    refused(db, cut, capsys, "不完整")
    zipped = tmp_path / "cut.zip"
    bundle_file.write_bundle(zipped, doc["content"], zipped=True)
    zipped.write_bytes(zipped.read_bytes()[:-40])
    refused(db, zipped, capsys, "损坏")


def test_deep_nesting(good, tmp_path: Path, capsys) -> None:
    _, db = good
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "panprd-exchange", "x": ' + "[" * 200_000 + "]" * 200_000 + "}")
    refused(db, deep, capsys, "嵌套过深")


def test_huge_file_refused_before_reading(good, tmp_path: Path, capsys) -> None:
    _, db = good
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:  # sparse: costs no disk, but its size is what a reader would face
        f.truncate(bundle_file.MAX_FILE_BYTES + 1)
    refused(db, huge, capsys, "过大")


def test_zip_bomb_stops_at_the_limit(good, tmp_path: Path, capsys, monkeypatch) -> None:
    _, db = good
    monkeypatch.setattr(bundle_file, "MAX_JSON_BYTES", 8 * 1024 * 1024)  # same code path, less CPU
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("bundle.json", "w", force_zip64=True) as member:
        for _ in range(40):
            member.write(b" " * (1024 * 1024))
    assert bomb.stat().st_size < 200_000
    refused(db, bomb, capsys, "解压后过大")
    odd = tmp_path / "odd.zip"
    with zipfile.ZipFile(odd, "w") as zf:
        zf.writestr("../../evil.json", "{}")
    refused(db, odd, capsys, "压缩包内容不符")


def test_a_document_that_does_not_match_its_hash(good, tmp_path: Path, capsys) -> None:
    doc, db = good
    def mutate(content: dict) -> None:
        content["documents"][0]["parts"][0]["sections"][0]["measures"][0] = "篡改的条文"
    bad = tmp_path / "doc.json"
    bad.write_text(json.dumps(rewrite(doc, mutate), ensure_ascii=False), encoding="utf-8")
    refused(db, bad, capsys, "校验值不符")


def test_own_bundle_is_refused(good, tmp_path: Path, capsys) -> None:
    doc, db = good
    own = tmp_path / "own.json"
    main(["--db", str(db), "bundle", "export", str(own)])
    refused(db, own, capsys, "本资料库自身")
