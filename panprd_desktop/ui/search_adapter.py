"""Searching through the core, with a stop-gap while ``lib.search`` is being written.

When the core offers ``lib.search`` (``panprd_desktop.core.search``), every call goes
there. Until then a plain substring scan over the measures (folded like the core folds
text) answers the same calls, so the window is usable; it disappears with the core engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import MeasureView
from panprd_desktop.core.normalize import fold

try:  # the core's own types, once they exist
    from panprd_desktop.core.search import SearchFilters, SearchHit, SearchResult
except ImportError:  # pragma: no cover - only until the search engine lands

    @dataclass(frozen=True)
    class SearchFilters:  # type: ignore[no-redef]
        doc_id: str | None = None
        owner: str | None = None
        role: str = "any"
        status: str | None = None
        tag: str | None = None
        due_before: date | None = None
        due_after: date | None = None
        overdue: bool = False

    @dataclass(frozen=True)
    class SearchHit:  # type: ignore[no-redef]
        measure_id: str
        doc_id: str
        label: str
        snippet: str
        matches: list[tuple[int, int]] = field(default_factory=list)
        score: float = 0.0

    @dataclass(frozen=True)
    class SearchResult:  # type: ignore[no-redef]
        total: int
        hits: list[Any] = field(default_factory=list)

__all__ = ["SearchFilters", "SearchHit", "SearchResult", "search", "matching_ids", "query_terms"]


def query_terms(query: str) -> list[str]:
    """The words of a query, for highlighting (quotes, operators and field prefixes dropped)."""
    terms = []
    for raw in query.replace('"', " ").replace("“", " ").replace("”", " ").split():
        if raw.upper() in ("AND", "OR", "NOT") or raw.startswith("-"):
            continue
        terms.append(raw.split(":", 1)[-1] if ":" in raw else raw)
    return [t for t in terms if t]


def search(lib: Library, query: str, filters: Any, limit: int = 20) -> Any:
    engine = getattr(lib, "search", None)
    if engine is not None:
        with lib.lock:
            return engine.search(query, filters=filters, limit=limit)
    hits = _scan(lib, query, filters)
    return SearchResult(len(hits), [_hit(v, query) for v in hits[:limit]])


def matching_ids(lib: Library, query: str, filters: Any) -> list[str]:
    engine = getattr(lib, "search", None)
    if engine is not None:
        with lib.lock:
            return list(engine.matching_ids(query, filters))
    return [v.measure_id for v in _scan(lib, query, filters)]


# -- the stop-gap scan ---------------------------------------------------------------------------
def _passes(v: MeasureView, f: Any, today: date) -> bool:
    if f is None:
        return True
    if f.doc_id and v.doc_id != f.doc_id:
        return False
    if f.owner:
        pool = {"lead": v.leads, "participant": v.participants}.get(f.role, v.leads + v.participants)
        if fold(f.owner) not in {fold(o) for o in pool}:
            return False
    if f.status and v.status != f.status:
        return False
    if f.tag and f.tag not in v.tags:
        return False
    d = v.deadline.date
    if f.due_before and (d is None or d > f.due_before):
        return False
    if f.due_after and (d is None or d < f.due_after):
        return False
    return not (f.overdue and not v.is_overdue(today))


def _scan(lib: Library, query: str, filters: Any) -> list[MeasureView]:
    terms = [fold(t) for t in query_terms(query)]
    with lib.lock:
        views = lib.measures.many(lib.measures.ids())
    today = date.today()
    return [v for v in views if _passes(v, filters, today) and all(t in fold(v.text) for t in terms)]


def _hit(v: MeasureView, query: str) -> Any:
    folded = fold(v.text)
    matches = []
    for term in (fold(t) for t in query_terms(query)):
        start = folded.find(term)
        if start >= 0:
            matches.append((start, start + len(term)))
    first = min((s for s, _ in matches), default=0)
    lo = max(0, first - 30)
    snippet = ("…" if lo else "") + v.text[lo:lo + 120]
    shift = 1 if lo else 0
    shifted = [(s - lo + shift, e - lo + shift) for s, e in matches if e - lo <= 120]
    return SearchHit(v.measure_id, v.doc_id, v.label, snippet, shifted, float(len(matches)))
