"""Full-text search over measures: literal, exact, fast, with filters.

Stable API (the GUI and the briefing-pack builder call exactly this)::

    lib.search.search(query, filters=None, *, limit=20, engine=None) -> SearchResult
    lib.search.matching_ids(query, filters=None, *, engine=None) -> list[str]  # reading order
    lib.search.count(query, filters=None, *, engine=None) -> int
    lib.search.reindex(engine=None, progress=None, cancelled=None) -> int
    lib.search.check() -> list[str]
    lib.search.engine_name(engine=None) -> str;  lib.search.set_engine(name | None)

    SearchFilters(doc_id=None, owner=None, role='any', status=None, tag=None,
                  due_before=None, due_after=None, overdue=False, today=None)
    SearchResult(total, hits);  SearchHit(measure_id, doc_id, label, snippet, matches, score)

Semantics: a term of any length matches exactly the measures whose folded text (measure
text, section and document titles, notes, tags, lead and participating owner names)
contains it — see :mod:`.query` for ``"quoted terms"``, ``-exclusion`` and ``OR``. Query
and index are both folded with :func:`panprd_desktop.core.normalize.fold` (width, case,
Traditional → Simplified, stray spaces). An empty query with filters lists the filtered
measures in reading order. ``total`` counts every match regardless of ``limit``; hits are
ranked (title matches, then density) and carry a ~80-character snippet of the measure text
with ``matches`` — ``(start, end)`` offsets into the snippet for highlighting. Bad input
raises :class:`~panprd_desktop.core.errors.QueryError` (query) or ``InvalidValue``
(filters, engine); nothing else.

Engines (one interface, :class:`.engine.Engine`): ``fts5`` (default — SQLite FTS5, one
token per character, index file ``<db>.fts5``), ``whoosh`` (character uni/bigrams verified
against the folded text, index folder ``<db>.whoosh/``) and ``scan`` (plain substring scan,
the truth for tests and benchmarks). The library's choice is the meta key
``search_engine``. Indexes are derived data, fed by a change log that SQL triggers fill
(migration 0002) and rebuilt automatically when missing, stale, foreign or damaged.
Nothing here imports Qt; opening a library starts no engine.

The values (``SearchFilters``, ``SearchHit``, ``SearchResult``, parsed queries, index
records) are named tuples rather than dataclasses: immutable and compared by value all the
same, but the ``dataclasses`` module (with ``inspect``) and a dozen frozen dataclasses were
≈ 20 ms of ``panprd search``'s cold start (issue 13; tests/cli/test_cold_start.py keeps them
off that path). Fields are read by name as before; ``_asdict()`` gives a dict.
"""

from panprd_desktop.core.search.filters import SearchFilters
from panprd_desktop.core.search.service import (
    DEFAULT_ENGINE,
    ENGINES,
    Search,
    SearchHit,
    SearchResult,
)

__all__ = ["DEFAULT_ENGINE", "ENGINES", "Search", "SearchFilters", "SearchHit", "SearchResult"]
