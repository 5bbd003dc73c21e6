"""`panprd export`: selections by filter, query, document; atomic output; clean failures."""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader


def _measure(cli, part: int, section: int, k: int = 0) -> str:
    doc_id = cli("docs", "--json").json[0]["doc_id"]
    parts = cli("outline", doc_id, "--json").json["parts"]
    return parts[part]["sections"][section]["measures"][k]["measure_id"]


def _pdf_text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_export_pdf_by_owner_and_status(cli, tmp_path: Path) -> None:
    shantou = _measure(cli, 8, 2)
    cli("annotate", shantou, "--lead", "粤", "--status", "delayed", "--note", "<b>x</b> & y", "--author", "张")
    other = _measure(cli, 0, 0)
    cli("annotate", other, "--lead", "闽", "--status", "delayed")
    out = tmp_path / "pack.pdf"
    r = cli("export", "--pdf", str(out), "--owner", "廣東", "--role", "lead", "--status", "delayed",
            "--marking", "内部资料", "--meeting", "第十次联席会议", "--json")
    assert r.code == 0, r.err
    assert r.json["measures"] == 1
    text = _pdf_text(out)
    assert "汕头华侨经济文化合作试验区" in text
    assert "牵头单位：广东省" in text and "状态：滞后" in text  # the scope in words, on the cover
    assert "<b>x</b>&y" in text  # markup shows literally
    assert "全面贯彻党的十八大" not in text  # Fujian's measure is not selected


def test_export_docx_of_a_query(cli, tmp_path: Path) -> None:
    out = tmp_path / "港澳.docx"
    r = cli("export", "--docx", str(out), "--query", "港澳", "--json")
    assert r.code == 0, r.err
    total = cli("search", "港澳", "--json").json["total"]
    assert r.json["measures"] == total > 10
    d = docx.Document(str(out))
    table = next(t for t in d.tables if t.rows[0].cells[0].text.strip() == "序号")
    assert [c.text.strip() for c in table.rows[0].cells] == ["序号", "重点任务", "牵头单位", "参与单位", "完成时限",
                                                              "进展情况"]


def test_export_everything_and_an_empty_selection(cli, tmp_path: Path) -> None:
    everything = tmp_path / "all.pdf"
    assert cli("export", "--pdf", str(everything)).code == 0
    assert "汕头华侨经济文化合作试验区" in _pdf_text(everything)
    empty = tmp_path / "empty.pdf"
    r = cli("export", "--pdf", str(empty), "--tag", "没有这个标签")
    assert r.code == 0, r.err
    assert "无符合条件的措施" in _pdf_text(empty)


def test_export_failure_leaves_nothing(cli, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "pack.docx"
    r = cli("export", "--docx", str(target))
    assert r.code != 0 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert not target.parent.exists()
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    r = cli("export", "--pdf", str(existing), "--due-before", "2026-02-30")
    assert r.code != 0 and existing.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "lib.sqlite3" and not p.name.startswith("lib.")) \
        == ["old.pdf"]


def test_handout_options_hide_authors_and_dates_unless_asked(cli, tmp_path: Path) -> None:
    mid = _measure(cli, 0, 0)
    cli("annotate", mid, "--status", "in_progress", "--note", "已召开专题会议", "--author", "张三", "--tag", "内部标签")
    handout = tmp_path / "handout.pdf"
    assert cli("export", "--pdf", str(handout), "--query", "全面贯彻").code == 0
    text = _pdf_text(handout)
    assert "已召开专题会议" in text and "张三" not in text and "内部标签" not in text
    assert "未填报" in text  # the measures nobody reported on
    full = tmp_path / "full.pdf"
    r = cli("export", "--pdf", str(full), "--query", "全面贯彻", "--authors", "--tags", "--timestamps")
    assert r.code == 0, r.err
    text = _pdf_text(full)
    assert "张三" in text and "内部标签" in text and "年" in text
    bare = tmp_path / "bare.pdf"
    assert cli("export", "--pdf", str(bare), "--query", "全面贯彻", "--no-notes").code == 0
    assert "已召开专题会议" not in _pdf_text(bare)
