"""Annotating measures: round trips, history, undo/redo, and refusals that change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.deadlines import parse_deadline
from panprd_desktop.core.errors import InvalidValue, NotFound
from panprd_desktop.core.library import Library
from tests.conftest import db_snapshot


def test_round_trip_survives_reopening(library, db_path) -> None:
    mid = library.measures.ids()[10]
    library.annotate([mid], Edit(add_leads=("粤", "港"), add_participants=("国家发展改革委",),
                                 deadline="2020年底前", status="in_progress", add_tags=("第十次联席会议",),
                                 note="已报送方案"), author="王秘书")
    library.close()
    with Library(db_path) as again:
        v = again.measures.get(mid)
        assert v.leads == ("广东省", "香港特别行政区")
        assert v.participants == ("国家发展改革委",)
        assert (v.deadline.text, v.deadline.date) == ("2020年底前", date(2020, 12, 31))
        assert v.status == "in_progress" and v.status_label == "推进中"
        assert v.tags == ("第十次联席会议",)
        assert [(n.text, n.author) for n in v.notes] == [("已报送方案", "王秘书")]
        fields = {h.field for h in v.history}
        assert fields == {"leads", "participants", "deadline", "status", "tags", "note"}
        status = next(h for h in v.history if h.field == "status")
        assert (status.before, status.after, status.author) == ("not_started", "in_progress", "王秘书")


def test_history_records_each_change_with_before_and_after(library) -> None:
    mid = library.measures.ids()[0]
    library.annotate([mid], Edit(status="in_progress"), "甲")
    library.annotate([mid], Edit(status="delayed"), "乙")
    library.annotate([mid], Edit(status="delayed"), "丙")  # no change → no history
    hist = [(h.before, h.after, h.author) for h in library.measures.get(mid).history]
    assert hist == [("not_started", "in_progress", "甲"), ("in_progress", "delayed", "乙")]


def test_clear_owners_and_untag(library) -> None:
    mid = library.measures.ids()[0]
    library.annotate([mid], Edit(add_leads=("粤",), add_tags=("a", "b")), "甲")
    library.annotate([mid], Edit(clear_owners=True, add_leads=("闽",), remove_tags=("a",)), "甲")
    v = library.measures.get(mid)
    assert v.leads == ("福建省",) and v.tags == ("b",)


def test_several_measures_in_one_operation(library) -> None:
    ids = library.measures.ids()[:5]
    changes = library.annotate(ids, Edit(status="done"), "甲")
    assert changes.measure_ids == frozenset(ids)
    assert {library.measures.get(m).status for m in ids} == {"done"}
    library.undo("甲")
    assert {library.measures.get(m).status for m in ids} == {"not_started"}


def test_undo_and_redo(library) -> None:
    mid = library.measures.ids()[3]
    library.annotate([mid], Edit(add_leads=("粤",), note="第一条备注"), "甲")
    library.annotate([mid], Edit(status="delayed", deadline="2026-06-30"), "甲")
    step = library.annotations.undo_target()
    assert step.summary == f"{step.target}：完成时限、状态" and step.fields == ("deadline", "status")
    assert step.target == library.measures.get(mid).label
    library.undo("甲")
    v = library.measures.get(mid)
    assert (v.status, v.deadline.text, v.leads) == ("not_started", "", ("广东省",))
    library.undo("甲")
    v = library.measures.get(mid)
    assert (v.leads, v.notes) == ((), ())
    assert library.undo("甲").empty  # nothing left
    library.redo("甲")
    v = library.measures.get(mid)
    assert v.leads == ("广东省",) and [n.text for n in v.notes] == ["第一条备注"]
    library.redo("甲")
    assert library.measures.get(mid).status == "delayed"
    assert library.redo("甲").empty
    # undo/redo are themselves in the history
    assert any(h.after == "not_started" for h in library.measures.get(mid).history if h.field == "status")


def test_new_edit_drops_the_redo_stack(library) -> None:
    mid = library.measures.ids()[0]
    library.annotate([mid], Edit(status="done"), "甲")
    library.undo("甲")
    library.annotate([mid], Edit(status="delayed"), "甲")
    assert library.redo("甲").empty
    assert library.measures.get(mid).status == "delayed"


@pytest.mark.parametrize(
    "edit",
    [
        Edit(status="finished"),
        Edit(deadline="2026-02-30"),
        Edit(deadline="2026-13-01"),
        Edit(note="   "),
        Edit(add_tags=("",)),
        Edit(add_leads=("x" * 200,)),
    ],
)
def test_invalid_values_change_nothing(library, edit: Edit) -> None:
    mid = library.measures.ids()[0]
    before = db_snapshot(library.path)
    with pytest.raises(InvalidValue):
        library.annotate([mid], edit, "甲")
    assert db_snapshot(library.path) == before


def test_unknown_measure_changes_nothing(library) -> None:
    ids = [library.measures.ids()[0], "nope.1.1"]
    before = db_snapshot(library.path)
    with pytest.raises(NotFound):
        library.annotate(ids, Edit(status="done"), "甲")
    assert db_snapshot(library.path) == before


@pytest.mark.parametrize(
    ("text", "derived"),
    [
        ("2026-06-30", date(2026, 6, 30)), ("2026/6/3", date(2026, 6, 3)), ("2026年6月30日", date(2026, 6, 30)),
        ("2020年底前", date(2020, 12, 31)), ("2025年6月底", date(2025, 6, 30)), ("2024年上半年", date(2024, 6, 30)),
        ("2024年第三季度", date(2024, 9, 30)), ("长期坚持", None), ("持续推进", None), ("", None),
    ],
)
def test_deadline_text_kept_with_derived_date(text: str, derived: date | None) -> None:
    d = parse_deadline(text)
    assert (d.text, d.date) == (text, derived)


def test_mis_encoded_input_is_refused_cleanly(library) -> None:
    """A Linux terminal in the wrong encoding hands us lone surrogates (surrogateescape)."""
    mid = library.measures.ids()[0]
    bad = b"\xff\xfe\xe4".decode("utf-8", "surrogateescape")
    before = db_snapshot(library.path)
    for edit in (Edit(note=bad), Edit(add_leads=(bad,)), Edit(add_tags=(bad,)), Edit(deadline=bad)):
        with pytest.raises(InvalidValue):
            library.annotate([mid], edit, "甲")
    with pytest.raises(InvalidValue):
        library.annotate([mid], Edit(status="done"), bad)
    assert library.owners.find(bad) is None
    assert db_snapshot(library.path) == before
