"""Offices exchanging bundles: one-sided and both-sided edits, idempotence, convergence, order."""

from __future__ import annotations

import itertools
from pathlib import Path

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from tests.conftest import related_files
from tests.core.table_fixtures import table_docx
from tests.exchange.conftest import annotation_rows, state


def send(src, dst, path: Path, **kwargs):
    """``src`` exports a bundle and ``dst`` imports it; returns the import summary."""
    src[1].export_bundle(path, **kwargs)
    return dst[1].import_file(path)


def test_disjoint_edits_both_ways_converge(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    m1, m2 = a[0].measures.ids()[5:7]
    a[0].annotate([m1], Edit(status="in_progress", add_leads=("粤",), add_tags=("联席会议",)), "甲")
    b[0].annotate([m2], Edit(deadline="2027年6月底前", add_participants=("港", "澳"), note="已对接"), "乙")
    b[0].annotate([m1], Edit(note="广东补充进展"), "乙")

    first = send(a, b, tmp_path / "a.json")
    assert (first["applied"], first["already"], first["conflicts"]) == (3, 0, [])
    assert first["from"] == {"library": a[1].identity().library, "office": "秘书处"}
    send(b, a, tmp_path / "b.json")
    assert state(a[0]) == state(b[0])
    v = a[0].measures.get(m2)
    assert (v.deadline.text, v.participants, [n.text for n in v.notes]) == (
        "2027年6月底前", ("香港特别行政区", "澳门特别行政区"), ["已对接"])
    assert b[0].measures.get(m1).leads == ("广东省",)


def test_same_bundle_twice_changes_nothing(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    m = a[0].measures.ids()[0]
    a[0].annotate([m], Edit(status="done", note="完成", add_tags=("x",)), "甲")
    a[1].export_bundle(tmp_path / "a.json")
    assert b[1].import_file(tmp_path / "a.json")["applied"] == 3
    before = state(b[0])
    again = b[1].import_file(tmp_path / "a.json")
    assert (again["applied"], again["already"], again["op_id"]) == (0, 3, None)
    assert state(b[0]) == before
    assert len(b[0].measures.get(m).notes) == 1


def test_both_sides_change_a_field_is_a_conflict_resolved_the_same_everywhere(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    m = a[0].measures.ids()[3]
    a[0].annotate([m], Edit(status="in_progress", deadline="2026年底前"), "甲")
    b[0].annotate([m], Edit(status="delayed"), "乙")
    at_b = send(a, b, tmp_path / "a.json")
    [conflict] = at_b["conflicts"]
    assert (conflict["field"], conflict["base"], conflict["ours"], conflict["theirs"]) == (
        "status", "not_started", "delayed", "in_progress")
    assert conflict["theirs_author"] == "甲"
    assert b[0].measures.get(m).status == "delayed"  # ours is kept until someone decides
    assert b[0].measures.get(m).deadline.text == "2026年底前"  # the one-sided change is taken
    assert len(b[1].conflicts()) == 1
    send(b, a, tmp_path / "b.json")
    assert a[0].measures.get(m).status == "in_progress" and len(a[1].conflicts()) == 1

    b[1].resolve(conflict["conflict_id"], "theirs")
    assert b[1].conflicts() == [] and b[0].measures.get(m).status == "in_progress"
    result = send(b, a, tmp_path / "b2.json")
    assert result["conflicts"] == [] and a[1].conflicts() == []  # their decision settles ours too

    assert state(a[0]) == state(b[0])


def test_resolution_with_a_value_travels_to_both_sides_and_third_parties(make_office, tmp_path: Path) -> None:
    a, b, c = make_office("秘书处"), make_office("广东省"), make_office("香港")
    m = a[0].measures.ids()[3]
    a[0].annotate([m], Edit(deadline="2026年底前"), "甲")
    send(a, c, tmp_path / "a-c.json")  # C has A's value before the conflict
    b[0].annotate([m], Edit(deadline="2027年底前"), "乙")
    [conflict] = send(b, a, tmp_path / "b-a.json")["conflicts"]
    a[1].resolve(conflict["conflict_id"], "value", "2026年9月底前")
    send(a, b, tmp_path / "a-b.json")
    send(a, c, tmp_path / "a-c2.json")
    for office in (a, b, c):
        assert office[0].measures.get(m).deadline.text == "2026年9月底前"
    assert a[1].conflicts() == [] and b[1].conflicts() == [] and c[1].conflicts() == []
    assert state(a[0]) == state(b[0]) == state(c[0])


def test_three_offices_in_every_order_reach_the_same_state(make_office, tmp_path: Path) -> None:
    a, b, c = make_office("广东省"), make_office("香港"), make_office("澳门")
    m1, m2, m3 = a[0].measures.ids()[20:23]
    a[0].annotate([m1], Edit(status="in_progress", note="粤：已启动", add_leads=("粤",)), "甲")
    b[0].annotate([m1], Edit(add_participants=("港",), note="港：已参与", add_leads=("澳",)), "乙")
    b[0].annotate([m2], Edit(deadline="2028年底前", add_tags=("港澳",)), "乙")
    c[0].annotate([m3], Edit(status="done", add_tags=("港澳",)), "丙")
    c[0].annotate([m1], Edit(add_tags=("跨境",), add_leads=("闽",)), "丙")
    for office, name in ((a, "a"), (b, "b"), (c, "c")):
        office[1].export_bundle(tmp_path / f"{name}.json")
    results = []
    for i, order in enumerate(itertools.permutations("abc")):
        hub = make_office(f"秘书处{i}")
        for name in order:
            assert hub[1].import_file(tmp_path / f"{name}.json")["conflicts"] == []
        results.append(state(hub[0]))
    assert all(r == results[0] for r in results)
    v = hub[0].measures.get(m1)
    assert (v.status, v.participants, v.tags) == ("in_progress", ("香港特别行政区",), ("跨境",))
    assert set(v.leads) == {"广东省", "澳门特别行政区", "福建省"}  # in one order, whatever the arrival order
    assert sorted(n.text for n in v.notes) == ["港：已参与", "粤：已启动"]


def test_hub_relays_so_every_office_converges_without_duplicate_notes(make_office, tmp_path: Path) -> None:
    hub, a, b = make_office("秘书处"), make_office("广东省"), make_office("香港")
    m = hub[0].measures.ids()[30]
    a[0].annotate([m], Edit(note="粤进展", add_tags=("粤",)), "甲")
    b[0].annotate([m], Edit(note="港进展", add_tags=("港",)), "乙")
    send(a, hub, tmp_path / "a1.json")
    send(b, hub, tmp_path / "b1.json")
    send(hub, a, tmp_path / "h-a.json", to="广东省")
    send(hub, b, tmp_path / "h-b.json", to="香港")
    send(a, b, tmp_path / "a-b.json")  # a direct exchange too: the same notes by two routes
    send(b, a, tmp_path / "b-a.json")
    assert state(hub[0]) == state(a[0]) == state(b[0])
    assert sorted(n.text for n in b[0].measures.get(m).notes) == ["港进展", "粤进展"]


def test_watermark_sends_only_what_the_peer_lacks(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    ids = a[0].measures.ids()
    a[0].annotate([ids[0]], Edit(status="done"), "甲")
    send(a, b, tmp_path / "1.json")
    b[0].annotate([ids[1]], Edit(status="done"), "乙")
    send(b, a, tmp_path / "2.json")  # carries B's ack of what it got from A
    a[0].annotate([ids[2]], Edit(status="delayed"), "甲")
    summary = a[1].export_bundle(tmp_path / "3.json", to="广东省")
    assert summary["changes"] == 1  # neither what B has from A, nor what B made itself
    assert b[1].import_file(tmp_path / "3.json")["applied"] == 1
    assert state(a[0]) == state(b[0])


def test_owner_bundle_holds_only_that_owners_measures(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    m1, m2 = a[0].measures.ids()[:2]
    a[0].annotate([m1], Edit(add_leads=("粤",), status="in_progress"), "甲")
    a[0].annotate([m2], Edit(add_leads=("桂",), status="delayed"), "甲")
    assert a[1].export_bundle(tmp_path / "gd.zip", owner="广东")["changes"] == 2
    b[1].import_file(tmp_path / "gd.zip")
    assert b[0].measures.get(m1).status == "in_progress" and b[0].measures.get(m2).status == "not_started"


def test_a_document_travels_with_the_bundle(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    [doc] = a[0].import_files(related_files()[:1])
    mid = a[0].measures.ids(doc.doc_id)[2]
    a[0].annotate([mid], Edit(status="in_progress", note="新文件的进展"), "甲")
    result = send(a, b, tmp_path / "a.json")
    assert (result["documents_added"], result["applied"], result["skipped"]) == (1, 2, 0)
    assert [d.doc_id for d in b[0].documents.list()] == [d.doc_id for d in a[0].documents.list()]
    assert b[0].documents.outline(doc.doc_id) == a[0].documents.outline(doc.doc_id)
    assert b[0].measures.get(mid).status == "in_progress"
    assert b[0].search.matching_ids("新文件的进展") == [mid]
    assert send(a, b, tmp_path / "a2.json")["documents_added"] == 0
    path = b[0].path
    b[0].close()
    with Library(path) as again:  # stored like any import: the library checks sound on reopening
        assert again.check() == []
        assert again.documents.outline(doc.doc_id) == a[0].documents.outline(doc.doc_id)


def test_what_a_document_states_travels_once(make_office, tmp_path: Path) -> None:
    """A table document's owners and progress (by 原文): sent with the document to an office
    without it, and never doubled for an office that imported the same file itself."""
    a, b, c = make_office("秘书处"), make_office("广东省"), make_office("香港")
    docx = table_docx(tmp_path / "keywork.docx")
    [doc] = a[0].import_files([docx])
    c[0].import_files([docx])
    mid = a[0].measures.ids(doc.doc_id)[0]
    a[0].annotate([mid], Edit(note="秘书处补充"), "甲")
    assert any(n.author == "原文" for v in a[0].measures.many(a[0].measures.ids(doc.doc_id)) for n in v.notes)
    assert send(a, b, tmp_path / "a-b.json")["documents_added"] == 1
    send(a, c, tmp_path / "a-c.json")
    send(c, a, tmp_path / "c-a.json")
    assert state(a[0]) == state(b[0]) == state(c[0])


def test_one_import_is_one_undo_step_and_can_be_imported_again(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    m1, m2 = a[0].measures.ids()[:2]
    a[0].annotate([m1], Edit(status="done", note="n1"), "甲")
    a[0].annotate([m2], Edit(add_leads=("闽",)), "甲")
    before = state(b[0])
    result = send(a, b, tmp_path / "a.json")
    step = b[0].annotations.undo_target()
    assert step is not None and step.op_id == result["op_id"] and "秘书处" in step.summary
    history = b[0].measures.get(m1).history
    assert {(h.author, h.field) for h in history} == {("甲", "status"), ("甲", "note")}
    b[0].undo()
    assert state(b[0]) == before
    assert b[1].import_file(tmp_path / "a.json")["applied"] == 3  # undone, so not "already"
    assert state(b[0]) == state(a[0])


def test_dry_run_reports_and_changes_nothing(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    a[0].annotate([a[0].measures.ids()[0]], Edit(status="done"), "甲")
    a[1].export_bundle(tmp_path / "a.json")
    rows = annotation_rows(b[0].path)
    preview = b[1].import_file(tmp_path / "a.json", dry_run=True)
    assert preview["applied"] == 1 and preview["dry_run"] is True
    assert annotation_rows(b[0].path) == rows


def test_a_disagreement_settled_later_in_the_same_bundle_is_not_reported(make_office, tmp_path: Path) -> None:
    sec, gd = make_office("秘书处"), make_office("广东省")
    m = sec[0].measures.ids()[8]
    sec[0].annotate([m], Edit(status="in_progress"), "秘书处")
    send(sec, gd, tmp_path / "1.json")
    gd[0].annotate([m], Edit(status="done"), "李明")
    sec[0].annotate([m], Edit(status="delayed"), "秘书处")
    [conflict] = send(gd, sec, tmp_path / "2.json", to="秘书处")["conflicts"]
    sec[1].resolve(conflict["conflict_id"], "theirs")
    # This bundle holds the secretariat's "delayed" (a disagreement for 广东省) and then its decision.
    result = send(sec, gd, tmp_path / "3.json", to="广东省")
    assert result["conflicts"] == [] and gd[1].conflicts() == []
    assert state(sec[0]) == state(gd[0])


def test_an_owner_bundle_does_not_count_as_having_everything(make_office, tmp_path: Path) -> None:
    sec, gd = make_office("秘书处"), make_office("广东省")
    m1, m2 = sec[0].measures.ids()[:2]
    sec[0].annotate([m1], Edit(add_leads=("粤",), status="in_progress"), "秘书处")
    sec[0].annotate([m2], Edit(add_leads=("桂",), status="delayed"), "秘书处")
    send(sec, gd, tmp_path / "gd-only.json", owner="广东省")
    gd[0].annotate([m1], Edit(note="收到"), "李明")
    send(gd, sec, tmp_path / "back.json", to="秘书处")  # acknowledges what it got
    summary = sec[1].export_bundle(tmp_path / "full.json", to="广东省")
    assert summary["since"] == 0  # m2's changes never went to 广东省: they must go now
    gd[1].import_file(tmp_path / "full.json")
    assert state(sec[0]) == state(gd[0])


def test_owners_added_on_both_sides_end_in_the_same_order(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    m = a[0].measures.ids()[12]
    a[0].annotate([m], Edit(add_leads=("港",), add_participants=("自定义甲单位",), add_tags=("乙",)), "甲")
    b[0].annotate([m], Edit(add_leads=("粤", "闽"), add_participants=("自定义乙单位",), add_tags=("甲",)), "乙")
    send(a, b, tmp_path / "a.json")
    send(b, a, tmp_path / "b.json")
    assert state(a[0]) == state(b[0])
    assert set(a[0].measures.get(m).leads) == {"香港特别行政区", "广东省", "福建省"}
    c, d = make_office("澳门"), make_office("第四方")
    c[0].annotate([m], Edit(set_leads=("澳", "粤")), "丙")  # set on one side only: the author's order
    send(c, d, tmp_path / "c.json")
    assert d[0].measures.get(m).leads == ("澳门特别行政区", "广东省")


def test_changes_made_before_the_office_was_named_carry_its_name(make_office, tmp_path: Path) -> None:
    a, b = make_office("临时"), make_office("广东省")
    a[0].conn.execute("UPDATE meta SET value = '' WHERE key = 'office'")  # as a brand-new library
    m = a[0].measures.ids()[0]
    a[0].annotate([m], Edit(status="done"), "甲")
    a[1].set_office("秘书处")
    send(a, b, tmp_path / "a.json")
    assert [h.office for h in b[0].measures.get(m).history] == ["秘书处"]


def test_undoing_an_import_is_local(make_office, tmp_path: Path) -> None:
    """The secretariat undoes a party's bundle: its library is as before, but the party's own
    values and notes are not taken back from the party, nor passed on to a third office."""
    sec, gd, hk = make_office("秘书处"), make_office("广东省"), make_office("香港")
    m = sec[0].measures.ids()[4]
    gd[0].annotate([m], Edit(status="done", note="广东的进展"), "李明")
    before = state(sec[0])
    send(gd, sec, tmp_path / "gd.json")
    sec[0].undo()
    assert state(sec[0]) == before
    gd_state = state(gd[0])
    send(sec, gd, tmp_path / "sec.json")
    assert state(gd[0]) == gd_state  # nothing of the party's was taken back
    send(sec, hk, tmp_path / "sec-hk.json")
    assert hk[0].measures.get(m).notes == ()  # nor relayed
    assert sec[1].import_file(tmp_path / "gd.json")["applied"] == 2  # and it can be imported again


def test_undoing_a_resolution_reopens_the_conflict_and_redo_settles_it_again(make_office, tmp_path: Path) -> None:
    """Ctrl+Z after 采用对方 puts our value back: the disagreement must come back with it, not
    quietly settle as ours."""
    a, b = make_office("秘书处"), make_office("广东省")
    m = a[0].measures.ids()[3]
    a[0].annotate([m], Edit(status="in_progress"), "甲")
    b[0].annotate([m], Edit(status="delayed"), "乙")
    [conflict] = send(a, b, tmp_path / "a.json")["conflicts"]
    b[1].resolve(conflict["conflict_id"], "theirs")
    assert b[1].conflicts() == [] and b[0].measures.get(m).status == "in_progress"

    b[0].undo()
    assert b[0].measures.get(m).status == "delayed"
    assert [c["conflict_id"] for c in b[1].conflicts()] == [conflict["conflict_id"]]

    b[0].redo()
    assert b[0].measures.get(m).status == "in_progress" and b[1].conflicts() == []

    b[0].undo()  # undone again, then settled the other way: one resolution, no conflict left
    b[1].resolve(conflict["conflict_id"], "ours")
    assert b[1].conflicts() == [] and b[0].measures.get(m).status == "delayed"
