"""Importing files: every encoding, .md and .docx, duplicates, and every kind of bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from panprd_desktop.core.errors import ImportRejected
from tests.conftest import db_snapshot, related_files

TRAD = (
    "粵港澳合作框架協議\n\n一、總體要求\n\n（一）指導思想。推進粵港澳大灣區建設，深化內地與港澳合作。"
    "支持香港、澳門融入國家發展大局。\n\n（二）基本原則。堅持互利共贏。\n"
)
SIMP = (
    "泛珠合作备忘录\n\n一、总体要求\n\n（一）指导思想。推进泛珠三角区域合作，深化内地与港澳合作。"
    "支持汕头华侨经济文化合作试验区建设。\n\n（二）基本原则。坚持互利共赢。\n"
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", SIMP),
        ("utf-8-sig", SIMP),
        ("utf-16", SIMP),
        ("gb18030", SIMP),
        ("gbk", SIMP),
        ("big5", TRAD),
        ("big5hkscs", TRAD),
    ],
)
def test_each_encoding_imports_the_same_text(library, tmp_path: Path, encoding: str, text: str) -> None:
    f = tmp_path / f"doc-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    [result] = library.import_files([f])
    assert (result.sections, result.measures, result.existing) == (2, 3, False)
    outline = library.documents.outline(result.doc_id)
    first = outline["parts"][0]["sections"][0]["measures"][0]["text"]
    assert first == text.split("指导思想。" if text is SIMP else "指導思想。")[1].split("。")[0] + "。"


def test_gbk_text_is_not_mistaken_for_big5(library, tmp_path: Path) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes(SIMP.encode("gbk"))
    [result] = library.import_files([f])
    assert library.documents.outline(result.doc_id)["title"] == "泛珠合作备忘录"


def test_identical_text_is_not_duplicated(library, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SIMP, encoding="utf-8")
    b.write_bytes(SIMP.replace("\n", "\r\n").encode("gb18030"))
    first = library.import_files([a])[0]
    again = library.import_files([b])[0]
    assert again.existing and again.doc_id == first.doc_id
    assert len(library.documents.list()) == 2  # the guideline and this one


def test_reimporting_the_bundled_guideline_reports_it(library) -> None:
    from panprd_desktop.paths import bundled_guideline

    [result] = library.import_files([bundled_guideline()])
    assert result.existing and result.measures == library.documents.list()[0].measures


def test_every_related_agreement_has_sections_and_measures(library) -> None:
    files = related_files()
    assert len(files) >= 10
    results = library.import_files(files)
    for f, r in zip(files, results, strict=True):
        assert r.sections >= 3 and r.measures >= r.sections, f.name
        assert not r.existing
    outline = library.documents.outline(results[0].doc_id)
    assert outline["title"] == files[0].stem.split("(")[0]
    assert outline["date"] == files[0].stem.split("(")[1].rstrip(")")


def test_article_numbered_agreement(library) -> None:
    [f] = [p for p in related_files() if p.name.startswith("横琴粤澳深度合作区")]
    [r] = library.import_files([f])
    outline = library.documents.outline(r.doc_id)
    parts = outline["parts"]
    assert parts[0]["label"] == "第一章" and parts[0]["title"] == "总则"
    first = parts[0]["sections"][0]
    assert first["label"] == "第一条"
    assert first["measures"][0]["label"] == "第一条1"


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def test_docx_import(library, tmp_path: Path) -> None:
    f = make_docx(tmp_path / "memo.docx", SIMP.strip().split("\n\n"))
    [r] = library.import_files([f])
    assert (r.title, r.sections, r.measures) == ("泛珠合作备忘录", 2, 3)


def _rejected(library, path: Path, fragment: str) -> None:
    before = db_snapshot(library.path)
    with pytest.raises(ImportRejected) as info:
        library.import_files([path])
    message = str(info.value)
    assert fragment in message and "\n" not in message
    assert db_snapshot(library.path) == before


def test_binary_file(library, tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(bytes(range(256)) * 10)
    _rejected(library, f, "二进制")


def test_empty_file(library, tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"   \n\n")
    _rejected(library, f, "为空")


def test_undecodable_text(library, tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes("正常的开头。".encode() + b"\xff\xfe\xfa\x80\x81" * 50)
    _rejected(library, f, "编码")


def test_huge_file(library, tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.seek(51 * 1024 * 1024)
        fh.write(b"x")
    _rejected(library, f, "过大")


def test_truncated_docx(library, tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", ["一、总则", "（一）标题。内容。"])
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(good.read_bytes()[:2000])
    _rejected(library, bad, "Word")


def test_docx_with_entities(library, tmp_path: Path) -> None:
    f = tmp_path / "bomb.docx"
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("word/document.xml", xml)
    _rejected(library, f, "DTD")


def test_docx_zip_bomb(library, tmp_path: Path) -> None:
    f = tmp_path / "zipbomb.docx"
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b"a" * (60 * 1024 * 1024) + b">")
    _rejected(library, f, "庞大")


def test_unsupported_suffix_and_missing_file(library, tmp_path: Path) -> None:
    f = tmp_path / "x.pdf"
    f.write_bytes(b"%PDF-1.4")
    _rejected(library, f, "PDF")  # a .pdf is read now; this one is not a valid PDF
    rtf = tmp_path / "x.rtf"
    rtf.write_bytes(b"{\\rtf1 x}")
    _rejected(library, rtf, "不支持")
    _rejected(library, tmp_path / "nope.txt", "不存在")


def test_one_bad_file_in_a_batch_imports_nothing(library, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SIMP, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    before = db_snapshot(library.path)
    with pytest.raises(ImportRejected) as info:
        library.import_files([good, bad])
    assert "bad.txt" in str(info.value)
    assert db_snapshot(library.path) == before


def test_cancelled_import_imports_nothing(library, tmp_path: Path) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"doc{i}.txt"
        f.write_text(SIMP.replace("备忘录", f"备忘录{i}"), encoding="utf-8")
        files.append(f)
    seen: list[tuple[int, int]] = []

    def check() -> None:
        if len(seen) == 2:
            raise KeyboardInterrupt  # stands in for the GUI's cancel exception

    before = db_snapshot(library.path)
    with pytest.raises(KeyboardInterrupt):
        library.import_files(files, progress=lambda done, total: seen.append((done, total)), check=check)
    assert db_snapshot(library.path) == before
    results = library.import_files(files, progress=lambda done, total: seen.append((done, total)))
    assert [r.existing for r in results] == [False] * 3 and seen[-1] == (6, 6)
