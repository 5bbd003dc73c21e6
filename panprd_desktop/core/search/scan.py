"""The plain substring scan: every measure's folded text in memory, ``term in text``.

This is the definition of a correct answer — tests and the benchmark compare the real
engines against it. It is also a usable engine for small libraries (no files at all).
Ranking is shared with the whoosh engine: :func:`score`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from panprd_desktop.core.search import documents
from panprd_desktop.core.search.documents import SEP, IndexDoc
from panprd_desktop.core.search.engine import Cancelled, Engine, Progress, Ranked
from panprd_desktop.core.search.filters import FilterSQL, allowed_ids
from panprd_desktop.core.search.query import ParsedQuery

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library


def score(combined: str, terms: list[str]) -> float:
    """Title matches first, then phrase density in the measure's own text."""
    body, _, rest = combined.partition(SEP)
    section_title, _, rest = rest.partition(SEP)
    doc_title, _, extra = rest.partition(SEP)
    value = 0.0
    for term in terms:
        if term in section_title:
            value += 10.0
        elif term in doc_title:
            value += 3.0
        hits = body.count(term)
        value += hits * len(term) * 10.0 / (len(body) + 20)
        if term in extra:
            value += 0.5
    return value


def rank(hits: list[tuple[str, str]], query: ParsedQuery, limit: int | None) -> Ranked:
    """``hits`` are (measure_id, combined text) in reading order; best first, stable."""
    terms = query.highlight_terms()
    scored = [(mid, score(text, terms)) for mid, text in hits]
    scored.sort(key=lambda item: -item[1])
    return scored if limit is None else scored[:limit]


def _entry(doc: IndexDoc) -> tuple[str, tuple[str, str]]:
    return doc.measure_id, (doc.doc_id, doc.combined)


class ScanEngine(Engine):
    name = "scan"

    def __init__(self, lib: Library) -> None:
        super().__init__(lib)
        self._docs: dict[str, tuple[str, str]] = {}  # id → (doc_id, combined)
        self._mark = -1

    def sync(self) -> None:
        conn = self.lib.conn
        upto = documents.last_change(conn)
        if upto == self._mark:
            return
        dirty = None if self._mark < 0 else documents.dirty_since(conn, self._mark, upto, 2000)
        if dirty is None:
            self.rebuild()
            return
        for mid in dirty.measure_ids:
            self._docs.pop(mid, None)
        if dirty.doc_ids:
            for mid in [m for m, (d, _) in self._docs.items() if d in dirty.doc_ids]:
                del self._docs[mid]
        self._docs.update(_entry(d) for d in documents.load(conn, dirty.measure_ids))
        self._mark = upto

    def rebuild(self, progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                separate_process: bool = False) -> int:  # noqa: ARG002 - builds here (not beside)
        conn = self.lib.conn
        upto = documents.last_change(conn)
        self._docs = dict(_entry(d) for d in documents.iter_all(conn))
        self._mark = upto
        return len(self._docs)

    def _hits(self, query: ParsedQuery, fsql: FilterSQL) -> list[tuple[str, str]]:
        allowed = allowed_ids(self.lib, fsql)
        out = []
        for mid, (_, text) in self._docs.items():
            if allowed is not None and mid not in allowed:
                continue
            if query.matches(text):
                out.append((mid, text))
        return out

    def search(self, query: ParsedQuery, fsql: FilterSQL, limit: int | None) -> tuple[int, Ranked]:
        hits = self._hits(query, fsql)
        return len(hits), ([] if limit == 0 else rank(hits, query, limit))

    def ids(self, query: ParsedQuery, fsql: FilterSQL) -> set[str]:
        return {mid for mid, _ in self._hits(query, fsql)}
