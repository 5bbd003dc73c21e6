"""A document removed here and received again in a bundle comes back with its values.

Found in the day-long QA run: after 文件 → 移除文档 on a document that had come in a bundle,
importing that bundle again brought the document back bare (no owners, no status, no notes):
its changes were still counted as “此前已收到” although everything they wrote had been removed.
"""

from __future__ import annotations

from pathlib import Path

from panprd_desktop.core.annotations import Edit


def test_removed_document_comes_back_with_its_changes(make_office, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("关于加强科技创新合作的意见\n\n一、总体要求\n\n（一）推动区域创新平台共建共享，加快建设。\n",
                      encoding="utf-8")
    sec, sec_ex = make_office("秘书处")
    [r] = sec.import_files([source])
    mid = f"{r.doc_id}.1.1"
    sec.annotate([mid], Edit(add_leads=("粤",), status="in_progress", note="已召开专题会议"), "秘书处")
    other = sec.measures.ids()[0]  # the same bundle also carries a change to another document
    sec.annotate([other], Edit(status="done"), "秘书处")
    bundle = tmp_path / "all.zip"
    sec_ex.export_bundle(bundle)

    gd, gd_ex = make_office("广东省")
    gd_ex.import_file(bundle)
    assert gd.measures.get(mid).status == "in_progress"
    gd.remove_document(r.doc_id)

    summary = gd_ex.import_file(bundle)
    assert summary["documents_added"] == 1
    view = gd.measures.get(mid)
    assert view.leads == ("广东省",) and view.status == "in_progress"
    assert [n.text for n in view.notes] == ["已召开专题会议"]
    assert gd.measures.get(other).status == "done"
    assert gd_ex.import_file(bundle)["applied"] == 0  # and a third time changes nothing
