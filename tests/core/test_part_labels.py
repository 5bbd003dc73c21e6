"""Follow-up of issue 8 — `1.` items directly under `一、`/`二、` parts get labels that tell them
apart (`一、1`, `二、1`), not `1` and `1` in the same document: a 分工表, search results or a pack
listing "1 … 1 …" is unreadable for the secretariat. Ids do not change; the guideline's labels
(under （一） sections) do not change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"


def _labels(lib: Any, doc_id: str) -> list[str]:
    return [lib.measures.get(m).label for m in lib.measures.ids(doc_id)]


def test_items_under_parts_are_labelled_with_their_part(library: Any, tmp_path: Path) -> None:
    text = tmp_path / "分工.txt"
    text.write_text("关于2018年重点工作的通知\n\n一、交通\n\n1.推进口岸建设。（省口岸办）\n\n2.推进港口建设。\n\n"
                    "（一）铁路\n\n1.推进高铁建设。（广铁集团）\n\n二、商贸\n\n1.推进通关便利。（海关广东分署）\n",
                    encoding="utf-8")
    result = library.import_files([text])[0]
    labels = _labels(library, result.doc_id)
    assert labels == ["一、1", "一、2", "（一）1", "二、1"]
    assert len(set(labels)) == len(labels)
    assert [m.split(".", 1)[1] for m in library.measures.ids(result.doc_id)] == ["1.1", "1.2", "2.1", "3.1"]
    assert any(w.startswith("一、2 ") for w in result.warnings), result.warnings  # the same label in warnings


def test_yuegang_notice_and_guideline_labels(library: Any) -> None:
    result = library.import_files([FORMATS / "yuegang-2017-keywork.txt"])[0]
    assert _labels(library, result.doc_id) == [f"一、{k}" for k in range(1, 8)]
    guideline = [d for d in library.documents.list() if d.doc_id != result.doc_id][0]
    labels = _labels(library, guideline.doc_id)
    assert labels[0] == "（一）1" and len(labels) == 193


def test_cli_outline_shows_the_part_once(cli: Any) -> None:
    imported = cli("import", str(FORMATS / "yuegang-2017-keywork.txt"), "--json").json
    out = cli("outline", imported[0]["doc_id"]).out
    lines = out.splitlines()
    assert "一、跨界基础设施" in lines
    assert "  跨界基础设施" not in lines  # not repeated as a section of its own
    assert any(line.startswith("    [") and " 一、1 1.加快协商" in line for line in lines)
