"""``lib.search``: the search facade the GUI, the CLI and the briefing-pack builder call.

Engines start lazily: opening a library costs nothing; the first search catches the index
up with the database (or builds it). Before every query the engine re-indexes what the
change log says changed, so a committed edit is searchable at once. If an index turns out
to be damaged mid-query it is rebuilt and the query retried; if even that fails, the plain
scan answers — search may get slower, never wrong.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable

from db.connection import transaction
from panprd_desktop.core.errors import InvalidValue, PanprdError
from panprd_desktop.core.search.engine import Cancelled, Cancelled_, Engine, Progress
from panprd_desktop.core.search.filters import FilterSQL, SearchFilters, build_filter
from panprd_desktop.core.search.query import ParsedQuery, parse_query
from panprd_desktop.core.search.snippets import make_snippet

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    import logging
    from typing import TypeVar

    from panprd_desktop.core.library import Library


def _log() -> logging.Logger:
    """This module's logger; ``logging`` is imported only when an engine fails (issue 13:
    it is a tenth of what `panprd search` used to import)."""
    import logging

    return logging.getLogger(__name__)


if TYPE_CHECKING:
    T = TypeVar("T")

ENGINES = ("fts5", "whoosh", "scan")
DEFAULT_ENGINE = "fts5"  # measured best: see bench/RESULTS.md, "## Search"
SETTING = "search_engine"  # meta key holding the user's choice


class SearchHit(namedtuple("SearchHit", "measure_id doc_id label snippet matches score", defaults=((), 0.0))):
    """One matching measure: ``measure_id``, ``doc_id``, ``label``, ``snippet`` (str),
    ``matches`` — a list of (start, end) offsets into ``snippet`` — and ``score`` (float).
    Immutable, compared by value, ``_asdict()`` for JSON: a named tuple, not a dataclass
    (see the :mod:`panprd_desktop.core.search` docstring)."""

    __slots__ = ()


class SearchResult(namedtuple("SearchResult", "total hits", defaults=((),))):
    """``total`` (int) counts every match, whatever the limit; ``hits`` (a list of
    :class:`SearchHit`) are the best, in order."""

    __slots__ = ()


_READING_ORDER = """
SELECT m.measure_id FROM measures m
JOIN sections s ON s.section_id = m.section_id JOIN documents d ON d.doc_id = m.doc_id
"""
_ORDER = " ORDER BY d.position, s.position, m.position"


class Search:
    """Search over one library; see the package docstring for the API contract."""

    def __init__(self, lib: Library) -> None:
        self._lib = lib
        self._engines: dict[str, Engine] = {}
        self.recoveries: list[str] = []  # each time a damaged index was rebuilt mid-query
        # Whether a full rebuild a search finds necessary runs in a child process (the window sets
        # it: see search/fts5_build). Should the child fail, the retry below builds here.
        self.builds_in_child = False

    # -- engines -------------------------------------------------------------------------
    def engine_name(self, engine: str | None = None) -> str:
        """The engine to use: ``engine`` if given, else the library's setting, else the default."""
        if engine is None:
            row = self._lib.conn.execute("SELECT value FROM meta WHERE key = ?", (SETTING,)).fetchone()
            engine = row[0] if row and row[0] in ENGINES else DEFAULT_ENGINE
        if engine not in ENGINES:
            raise InvalidValue(f"未知的检索引擎 {engine!r}；可用：{'|'.join(ENGINES)} (unknown search engine)")
        return engine

    def set_engine(self, engine: str | None) -> None:
        """Store the library's engine choice (None = back to the default)."""
        with self._lib.lock, transaction(self._lib.conn):
            if engine is None:
                self._lib.conn.execute("DELETE FROM meta WHERE key = ?", (SETTING,))
            else:
                self._lib.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                       (SETTING, self.engine_name(engine)))

    def _engine(self, name: str) -> Engine:
        if name not in self._engines:
            if name == "fts5":
                from panprd_desktop.core.search.fts5 import Fts5Engine
                self._engines[name] = Fts5Engine(self._lib)
            elif name == "whoosh":
                from panprd_desktop.core.search.whoosh_engine import WhooshEngine
                self._engines[name] = WhooshEngine(self._lib)
            else:
                from panprd_desktop.core.search.scan import ScanEngine
                self._engines[name] = ScanEngine(self._lib)
        return self._engines[name]

    def _run(self, name: str, action: Callable[[Engine], T]) -> T:
        """Sync the engine and run ``action``; a damaged index is rebuilt and retried once."""
        with self._lib.lock:
            engine = self._engine(name)
            for attempt in range(2):
                try:
                    engine.sync()
                    return action(engine)
                except PanprdError:
                    raise
                except Exception as exc:
                    _log().warning("search engine %s failed (%s: %s); rebuilding", name, type(exc).__name__, exc)
                    self.recoveries.append(f"{name}: {type(exc).__name__}: {exc}")
                    engine.close()
                    if attempt == 0:
                        try:
                            engine.rebuild()
                        except Exception as again:
                            _log().warning("rebuild of %s failed: %s", name, again)
            if name == "scan":  # pragma: no cover - the scan has no files to damage
                raise RuntimeError("search failed")
            _log().warning("search engine %s unusable; answering with the plain scan", name)
            return self._run("scan", action)

    # -- queries -------------------------------------------------------------------------
    def search(self, query: str, filters: SearchFilters | None = None, *, limit: int | None = 20,
               engine: str | None = None) -> SearchResult:
        """Ranked hits for ``query`` under ``filters``; an empty query lists the filter's measures."""
        parsed, fsql, name = self._prepare(query, filters, engine)
        if limit is not None and limit < 0:
            raise InvalidValue("limit 不能为负数 (negative limit)")
        if parsed.empty:
            ids = self._filtered_in_order(fsql)
            shown = ids if limit is None else ids[:limit]
            return SearchResult(len(ids), self._hits([(m, 0.0) for m in shown], parsed))
        total, ranked = self._run(name, lambda e: e.search(parsed, fsql, limit))
        return SearchResult(total, self._hits(ranked, parsed))

    def matching_ids(self, query: str, filters: SearchFilters | None = None, *,
                     engine: str | None = None) -> list[str]:
        """Every matching measure id in reading order (for exports and the GUI's tables)."""
        parsed, fsql, name = self._prepare(query, filters, engine)
        if parsed.empty:
            return self._filtered_in_order(fsql)
        ordered = self._run(name, lambda e: e.ids_in_order(parsed, fsql))
        if ordered is not None:  # the index keeps a reading-order key: no re-listing (issue 13)
            return ordered
        found = self._run(name, lambda e: e.ids(parsed, fsql))
        with self._lib.lock:
            return [r[0] for r in self._lib.conn.execute(_READING_ORDER + _ORDER) if r[0] in found]

    def count(self, query: str, filters: SearchFilters | None = None, *, engine: str | None = None) -> int:
        """How many measures match (no snippets, no ranking)."""
        return self.search(query, filters, limit=0, engine=engine).total

    def _prepare(self, query: str, filters: SearchFilters | None,
                 engine: str | None) -> tuple[ParsedQuery, FilterSQL, str]:
        parsed = parse_query(query)
        name = self.engine_name(engine)
        schema = "lib" if name == "fts5" else "main"
        with self._lib.lock:
            fsql = build_filter(self._lib, filters, schema)
        return parsed, fsql, name

    def _filtered_in_order(self, fsql: FilterSQL) -> list[str]:
        if fsql.nothing:
            return []
        where = fsql.where.replace("lib.", "main.")
        sql = _READING_ORDER + (f" WHERE {where}" if where else "") + _ORDER
        with self._lib.lock:
            return [r[0] for r in self._lib.conn.execute(sql, fsql.params)]

    def _hits(self, ranked: list[tuple[str, float]], parsed: ParsedQuery) -> list[SearchHit]:
        if not ranked:
            return []
        ids = [mid for mid, _ in ranked]
        rows: dict[str, tuple[str, str, str]] = {}
        with self._lib.lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for r in self._lib.conn.execute(
                    f"SELECT measure_id, doc_id, label, text FROM measures WHERE measure_id IN ({marks})", chunk
                ):
                    rows[r[0]] = (r[1], r[2], r[3])
        terms = parsed.highlight_terms()
        hits = []
        for mid, score in ranked:
            if mid not in rows:  # deleted between the query and now
                continue
            doc_id, label, text = rows[mid]
            snippet, matches = make_snippet(text, terms)
            hits.append(SearchHit(mid, doc_id, label, snippet, matches, round(score, 6)))
        return hits

    # -- maintenance ---------------------------------------------------------------------
    def reindex(self, engine: str | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None, *, separate_process: bool = False) -> int:
        """Rebuild an engine's index from SQLite; returns measures indexed (0 if cancelled).
        ``separate_process``: an index built beside the live one is built by a child process
        (the window asks for it: see search/fts5_build)."""
        with self._lib.lock:  # may run beside other jobs (its own worker lane): the connection is shared
            name = self.engine_name(engine)
            built = self._engine(name)
        if built.builds_beside:  # searches keep answering from the old index meanwhile (issue 13)
            try:
                return built.rebuild(progress, cancelled, separate_process=separate_process)
            except Cancelled_:
                return 0
        with self._lib.lock:
            try:
                return built.rebuild(progress, cancelled)
            except Cancelled_:
                return 0

    def check(self) -> list[str]:
        """Problems with the indexes on disk, as found — never modifies anything. A missing or
        merely behind index is fine: the next search builds or catches it up."""
        current = self.engine_name()
        problems: list[str] = []
        with self._lib.lock:
            for name in ("fts5", "whoosh"):
                try:
                    engine = self._engine(name)
                except ImportError:  # pragma: no cover - whoosh not installed
                    continue
                if name == current or engine.exists():
                    problems += engine.check()
        return [f"{p} — 运行 panprd reindex 重建 (run panprd reindex)" for p in problems]

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()
        self._engines.clear()
