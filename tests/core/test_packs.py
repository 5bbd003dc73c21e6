"""Building briefing packs from selections (the data; the files are tested in tests/exporters)."""

from __future__ import annotations

from datetime import date

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.packs import PackOptions
from panprd_desktop.core.search import SearchFilters


def test_whole_library_grouped_by_part_in_reading_order(library) -> None:
    pack = library.packs.build(PackOptions(title="全部"))
    assert [g.heading for g in pack.groups][:2] == ["一、总体要求", "二、促进区域经济合作发展"]
    assert len(pack.measures) == 193 and pack.scope == "全部措施"
    assert pack.measures[0].label == "（一）1"
    # nobody has reported on anything yet: 未填报, not 未启动
    assert dict(pack.summary.by_status)["未填报"] == 193 and dict(pack.summary.by_status)["未启动"] == 0
    assert not any(m.reported for m in pack.measures)


def test_unreported_differs_from_not_started_and_options_reach_the_pack(library) -> None:
    ids = library.measures.ids()
    library.annotate(ids[:1], Edit(status="in_progress"), "甲")
    library.annotate(ids[:1], Edit(status="not_started"), "甲")  # reported: 未启动
    library.annotate(ids[1:2], Edit(note="已对接"), "乙")  # a note is a report too
    pack = library.packs.build(PackOptions(include_tags=True, include_notes=False), measure_ids=ids[:3])
    assert [m.reported for m in pack.measures] == [True, True, False]
    assert dict(pack.summary.by_status)["未启动"] == 2 and dict(pack.summary.by_status)["未填报"] == 1
    assert pack.include_tags and not pack.include_notes and not pack.include_authors


def test_filtered_pack_summary_and_scope(library) -> None:
    ids = library.measures.ids()
    library.annotate(ids[:3], Edit(add_leads=("粤",), status="delayed", deadline="2020年底前"), "甲")
    library.annotate(ids[3:4], Edit(add_leads=("港",), status="done", deadline="2020年底前"), "甲")
    pack = library.packs.build(PackOptions(), filters=SearchFilters(owner="广东", role="lead"),
                               today=date(2026, 1, 1))
    assert [m.measure_id for m in pack.measures] == ids[:3]
    assert pack.scope == "牵头单位：广东"
    assert pack.summary.overdue == 3 and pack.summary.by_lead == (("广东省", 3),)
    assert all(m.overdue for m in pack.measures)


def test_selected_ids_come_out_in_reading_order(library) -> None:
    ids = library.measures.ids()
    pack = library.packs.build(PackOptions(), measure_ids=[ids[50], ids[2]])
    assert [m.measure_id for m in pack.measures] == [ids[2], ids[50]]
    assert pack.scope == "选定措施：2 条"


def test_empty_selection_is_an_empty_pack(library) -> None:
    pack = library.packs.build(PackOptions(), filters=SearchFilters(tag="无此标签"))
    assert pack.is_empty and pack.summary.total == 0


def test_pack_read_in_pages_is_the_same_pack(library, monkeypatch) -> None:
    """The pack is read a page of measures at a time (memory bounded, issue 13): pages that
    cut through parts give the very same groups, rows and summary as one read."""
    from panprd_desktop.core import packs

    ids = library.measures.ids()
    library.annotate(ids[5:9], Edit(add_leads=("粤",), status="delayed", note="已对接"), "甲")
    options = PackOptions(title="全部")
    today = date(2026, 1, 1)
    whole = library.packs.build(options, today=today)
    monkeypatch.setattr(packs, "PAGE", 7)
    paged = library.packs.build(options, today=today)
    assert len(paged.groups) == len(whole.groups) > 5
    assert paged == whole
