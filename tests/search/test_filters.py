"""Filters combine with any query (or none), on every engine."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.errors import InvalidValue, NotFound
from panprd_desktop.core.library import Library
from panprd_desktop.core.search import SearchFilters
from tests.search.conftest import related_paths


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Read-only for the tests: annotated once per module."""
    big_lib = Library(tmp_path_factory.mktemp("annotated") / "lib.sqlite3")
    big_lib.import_files(related_paths())
    ids = big_lib.measures.ids()
    guide = big_lib.documents.list()[0].doc_id
    g = [m for m in ids if m.startswith(guide)]
    big_lib.annotate(g[0:5], Edit(add_leads=("粤",), add_participants=("港",), deadline="2020-06-30",
                                   status="in_progress", add_tags=("交通",)))
    big_lib.annotate(g[5:8], Edit(add_leads=("香港特别行政区",), deadline="2030年底前", status="done"))
    big_lib.annotate(g[8:10], Edit(add_participants=("廣東",), deadline="2019-01-01", status="ongoing",
                                   add_tags=("生态",)))
    big_lib.annotate(g[10:12], Edit(deadline="2025年上半年", status="delayed", add_tags=("交通",)))
    yield big_lib
    big_lib.close()


def _views(lib: Library):  # type: ignore[no-untyped-def]
    return lib.measures.many(lib.measures.ids())


CASES = {
    "owner any (alias)": (SearchFilters(owner="广东"), lambda v: "广东省" in v.leads + v.participants),
    "owner lead": (SearchFilters(owner="粤", role="lead"), lambda v: "广东省" in v.leads),
    "owner participant": (SearchFilters(owner="廣東省", role="participant"), lambda v: "广东省" in v.participants),
    "owner hk": (SearchFilters(owner="港"), lambda v: "香港特别行政区" in v.leads + v.participants),
    "status": (SearchFilters(status="done"), lambda v: v.status == "done"),
    "status default": (SearchFilters(status="not_started"), lambda v: v.status == "not_started"),
    "tag": (SearchFilters(tag="交通"), lambda v: "交通" in v.tags),
    "due before": (SearchFilters(due_before=date(2021, 1, 1)),
                   lambda v: v.deadline.date is not None and v.deadline.date < date(2021, 1, 1)),
    "due after": (SearchFilters(due_after=date(2021, 1, 1)),
                  lambda v: v.deadline.date is not None and v.deadline.date > date(2021, 1, 1)),
    "overdue": (SearchFilters(overdue=True, today=date(2026, 1, 1)), lambda v: v.is_overdue(date(2026, 1, 1))),
    "combined": (SearchFilters(tag="交通", status="in_progress", owner="粤"),
                 lambda v: "交通" in v.tags and v.status == "in_progress" and "广东省" in v.leads + v.participants),
}


@pytest.mark.parametrize("case", list(CASES))
def test_filter_without_query_lists_in_reading_order(annotated: Library, engine: str, case: str) -> None:
    filters, keep = CASES[case]
    expected = [v.measure_id for v in _views(annotated) if keep(v)]
    assert expected, case
    assert annotated.search.matching_ids("", filters, engine=engine) == expected
    result = annotated.search.search("", filters, engine=engine, limit=None)
    assert result.total == len(expected)
    assert [h.measure_id for h in result.hits] == expected


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("query", ["发展", "合作 -港澳", "的", "交通 OR 生态"])
def test_filter_with_query(annotated: Library, engine: str, case: str, query: str) -> None:
    filters, keep = CASES[case]
    allowed = {v.measure_id for v in _views(annotated) if keep(v)}
    expected = [m for m in annotated.search.matching_ids(query, engine="scan") if m in allowed]
    assert annotated.search.matching_ids(query, filters, engine=engine) == expected
    result = annotated.search.search(query, filters, engine=engine, limit=3)
    assert result.total == len(expected)
    assert {h.measure_id for h in result.hits} <= set(expected)


def test_document_filter(big_lib: Library, engine: str) -> None:
    docs = big_lib.documents.list()
    target = docs[3]
    ids = big_lib.search.matching_ids("", SearchFilters(doc_id=target.doc_id), engine=engine)
    assert ids == big_lib.measures.ids(target.doc_id)
    hits = big_lib.search.matching_ids("的", SearchFilters(doc_id=target.doc_id[:6]), engine=engine)
    assert set(hits) <= set(ids) and hits
    with pytest.raises(NotFound):
        big_lib.search.search("的", SearchFilters(doc_id="nope"), engine=engine)


def test_unknown_owner_matches_nothing(annotated: Library, engine: str) -> None:
    assert annotated.search.search("", SearchFilters(owner="不存在的单位"), engine=engine).total == 0
    assert annotated.search.search("发展", SearchFilters(owner="不存在的单位"), engine=engine).total == 0
    assert annotated.search.matching_ids("发展", SearchFilters(owner="\ud800"), engine=engine) == []


def test_bad_filter_values(lib: Library, engine: str) -> None:
    with pytest.raises(InvalidValue):
        lib.search.search("发展", SearchFilters(status="finished"), engine=engine)
    with pytest.raises(InvalidValue):
        lib.search.search("发展", SearchFilters(owner="粤", role="boss"), engine=engine)
    with pytest.raises(InvalidValue):
        lib.search.search("发展", engine="lucene")
    with pytest.raises(InvalidValue):
        lib.search.search("发展", limit=-1, engine=engine)


def test_overdue_defaults_to_today(annotated: Library, engine: str) -> None:
    # 2020-06-30 and 2025-06-30 (delayed) are past; 2019-01-01 is ongoing; 2030 is done.
    today = date.today()
    expected = [v.measure_id for v in _views(annotated) if v.is_overdue(today)]
    assert annotated.search.matching_ids("", SearchFilters(overdue=True), engine=engine) == expected
