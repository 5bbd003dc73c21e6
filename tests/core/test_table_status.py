"""A 台账 with a 状态 column: the status each office reported is imported, never dropped silently.

Found in the day-long QA run: an .xlsx 台账 with 状态 = 推进中 / 已完成 imported every measure as
未启动, with no word in the import review.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from panprd_desktop.core.annotations import Edit


def _ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "措施内容", "牵头单位", "完成时限", "状态"])
    ws.append([1, "加强泛珠区域旅游合作，打造精品旅游线路。", "湖南省", "2026年9月", "推进中"])
    ws.append([2, "推动泛珠区域人才交流与互认。", "四川省", "2027年", "已完成"])
    ws.append([3, "支持澳门建设世界旅游休闲中心。", "澳門特別行政區", "長期", "長期推進"])
    ws.append([4, "建立泛珠区域环境保护联防联治机制。", "贵州省", "", "待定"])
    ws.append([5, "推进跨省区交通基础设施互联互通。", "广西壮族自治区", "", ""])
    wb.save(path)
    return path


def test_status_column_of_a_ledger_is_imported_with_its_origin(library, tmp_path: Path) -> None:
    [r] = library.import_files([_ledger(tmp_path / "ledger.xlsx")])
    ids = [f"{r.doc_id}.1.{i}" for i in range(1, 6)]
    statuses = [library.measures.get(mid).status for mid in ids]
    assert statuses == ["in_progress", "done", "ongoing", "not_started", "not_started"]
    # Marked as the document's value (来自原文 in the inspector, [原文] in `panprd show`).
    assert [library.measures.get(mid).sources["status"] for mid in ids] == [
        "document", "document", "document", None, None]
    history = library.measures.get(ids[0]).history
    assert any(h["field"] == "status" and h["author"] == "原文" for h in _dicts(history))
    # An unknown word is reported for a person to check, not guessed.
    assert any("待定" in w for w in r.warnings)


def test_a_status_a_person_set_is_kept_when_the_ledger_comes_again(library, tmp_path: Path) -> None:
    [r] = library.import_files([_ledger(tmp_path / "ledger.xlsx")])
    mid = f"{r.doc_id}.1.1"
    library.annotations.annotate([mid], Edit(status="delayed"), "陈晓")
    [again] = library.import_files([tmp_path / "ledger.xlsx"])
    assert again.existing and library.measures.get(mid).status == "delayed"
    assert library.measures.get(mid).sources["status"] == "user"


def _dicts(history: object) -> list[dict]:
    return [h if isinstance(h, dict) else vars(h) for h in history]  # type: ignore[union-attr]
