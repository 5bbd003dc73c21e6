"""SQLite FTS5 engine: one token per character, phrase queries, exact by construction.

The index is its own SQLite file beside the library (``<db>.fts5``), so it can be deleted
or rebuilt at any time without touching the user's data. Each folded character becomes one
token: CJK ideographs and ASCII letters/digits as themselves, every other character as an
``x<hex>`` token (so ``PM2.5`` keeps its dot and emoji are searchable). A term is then the
FTS5 phrase of its characters, which matches exactly the texts whose folded form contains
it — no trigram ``LIKE`` (broken for 1–2 characters on SQLite 3.40), no segmentation.
Field items are separated by a newline token no query can contain.

Filters are joined into the same SQL statement through the library database attached
read-only as schema ``lib``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from panprd_desktop.core.search import documents, fts5_build, fts5_counts
from panprd_desktop.core.search.documents import IndexDoc
from panprd_desktop.core.search.engine import (
    Cancelled,
    IndexedEngine,
    Progress,
    Ranked,
)
from panprd_desktop.core.search.filters import FilterSQL
from panprd_desktop.core.search.fts5_build import SCHEMA as _SCHEMA
from panprd_desktop.core.search.fts5_build import tokens as tokens  # re-exported
from panprd_desktop.core.search.fts5_rank import best_of, top_by_title_bound
from panprd_desktop.core.search.fts5_rank import token_score as token_score  # re-exported
from panprd_desktop.core.search.query import ParsedQuery

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

def phrase(term: str) -> str:
    return '"' + tokens(term).strip() + '"'


def match_expression(query: ParsedQuery) -> tuple[str | None, str | None]:
    """(FTS5 expression for the positive clauses, expression for the excluded terms)."""
    pos = " AND ".join("(" + " OR ".join(phrase(t) for t in c.terms) + ")" for c in query.positive)
    neg = " OR ".join(phrase(t) for c in query.negative for t in c.terms)
    return pos or None, neg or None


class Fts5Engine(IndexedEngine):
    name = "fts5"

    def __init__(self, lib: Library) -> None:
        super().__init__(lib)
        self.path = index_path(lib.path)
        self._conn: sqlite3.Connection | None = None

    # -- files ---------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=5)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # derived data: rebuilt if ever lost
            conn.execute("PRAGMA cache_size = -32000")
            uri = f"{self.lib.path.resolve().as_uri()}?mode=ro"
            conn.execute("ATTACH DATABASE ? AS lib", (uri,))
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        if self._conn is not None:
            return
        if not self.path.exists():
            raise FileNotFoundError(self.path)
        conn = self._connect()
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM main.sqlite_master")}
            if not {"meta", "docmap", "fts"} <= names:
                raise sqlite3.DatabaseError("search index tables missing")
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def exists(self) -> bool:
        return self.path.exists()

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _reset(self) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        conn = self._connect()
        conn.executescript(_SCHEMA)
        self._conn = conn

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._open()
        assert self._conn is not None
        return self._conn

    # -- state ---------------------------------------------------------------------------
    def _state(self) -> tuple[str | None, int]:
        meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        return meta.get("version"), int(meta.get("mark", -1))

    def _indexed(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM docmap").fetchone()[0])

    def _rows_agree(self) -> bool:
        counted = fts5_counts.stored(self.conn)
        if counted is not None:  # two stored numbers instead of counting ≈ 600k index entries at 300k
            return counted[0] == counted[1]
        measures = documents.measure_count(self.lib.conn)
        if self._indexed() != measures:
            return False
        with contextlib.suppress(sqlite3.Error):  # an index folder we cannot write: count every time
            fts5_counts.start(self.conn, measures)  # written before the counts: counted from now on
        return True

    def _write(self, removed_ids: Iterable[str], removed_docs: Iterable[str], docs: Iterable[IndexDoc],
               mark: int, *, fresh: bool, progress: Progress | None = None,
               cancelled: Cancelled | None = None, total: int = 0) -> int:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not fresh:
                self._remove(list(removed_ids), list(removed_docs))
            added = self._insert(docs, progress, cancelled, total)
            measures = documents.measure_count(self.lib.conn)  # at ``mark``: the caller holds the lock
            conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                             [("version", self.version()), ("mark", str(mark)),
                              (fts5_counts.MEASURES_KEY, str(measures))])
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        if fresh:
            conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
            conn.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")  # the index only, never lib
        return added

    def _remove(self, ids: list[str], doc_ids: list[str]) -> None:
        conn = self.conn
        for column, keys in (("measure_id", ids), ("doc_id", doc_ids)):
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                where = f"{column} IN ({marks})"
                conn.execute(f"DELETE FROM fts WHERE rowid IN (SELECT rowid FROM docmap WHERE {where})", chunk)
                conn.execute(f"DELETE FROM docmap WHERE {where}", chunk)

    def _insert(self, docs: Iterable[IndexDoc], progress: Progress | None, cancelled: Cancelled | None,
                total: int) -> int:
        return fts5_build.insert_docs(self.conn, docs, progress, cancelled, total)

    # -- queries -------------------------------------------------------------------------
    def _from(self, query: ParsedQuery, fsql: FilterSQL, ranked: bool = False) -> tuple[str, list[object]]:
        """FROM … WHERE … selecting matching docmap rows ``d`` (and ``fts`` when positive)."""
        pos, neg = match_expression(query)
        params: list[object] = []
        if pos:
            joined = fsql.where or not ranked
            sql = " FROM fts JOIN docmap d ON d.rowid = fts.rowid" if joined else " FROM fts"
            match = pos if neg is None else f"({pos}) NOT ({neg})"
            where = ["fts MATCH ?"]
            params.append(match)
        else:
            sql = " FROM docmap d"
            where = ["d.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)"]
            params.append(neg)
        if fsql.where:
            sql += " JOIN lib.measures m ON m.measure_id = d.measure_id"
            where.append(f"({fsql.where})")
            params.extend(fsql.params)
        return sql + " WHERE " + " AND ".join(where), params

    def search(self, query: ParsedQuery, fsql: FilterSQL, limit: int | None) -> tuple[int, Ranked]:
        if fsql.nothing:
            return 0, []
        body, params = self._from(query, fsql, ranked=True)
        conn = self.conn
        if query.positive and not fsql.where:
            total = conn.execute("SELECT COUNT(*) FROM fts WHERE fts MATCH ?", params[:1]).fetchone()[0]
        else:
            total = conn.execute("SELECT COUNT(*)" + body, params).fetchone()[0]
        if limit == 0 or total == 0:
            return int(total), []
        if not query.positive:  # only exclusions: nothing to rank by, keep index order
            sql = "SELECT d.measure_id" + body + " ORDER BY d.rowid"
            sql += f" LIMIT {int(limit)}" if limit is not None else ""
            return int(total), [(r[0], 0.0) for r in conn.execute(sql, params)]
        # Rank in Python on the indexed token strings (bm25 would re-count every phrase's
        # documents for its IDF — as slow as the count itself). Every hit is considered: a cap
        # on the rows ranked once returned fewer hits than asked for and could hide the best.
        # For a page, the title-matching hits usually prove the answer alone (fts5_rank).
        # The stored columns come straight from FTS5's content table (the documented shadow
        # table ``fts_content``: id, then c0.. in column order) — a third cheaper than reading
        # them through the virtual table.
        rows = "SELECT fts.rowid, c.c0, c.c1, c.c2" + body.replace(
            " WHERE ", " JOIN fts_content c ON c.id = fts.rowid WHERE ", 1)
        folded = query.highlight_terms()
        terms = [" " + tokens(t) for t in folded]
        best = None
        if limit is not None:
            best = top_by_title_bound(conn, "SELECT COUNT(*)" + body, rows, params, [phrase(t) for t in folded],
                                      terms, limit, int(total))
        if best is None:
            best = best_of(conn.execute(rows, params), terms, limit)
        names = self._names([rowid for _, rowid in best])
        return int(total), [(names[rowid], -negative) for negative, rowid in best]

    def _names(self, rowids: list[int]) -> dict[int, str]:
        names: dict[int, str] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            names.update(self.conn.execute(f"SELECT rowid, measure_id FROM docmap WHERE rowid IN ({marks})", chunk))
        return names

    def ids(self, query: ParsedQuery, fsql: FilterSQL) -> set[str]:
        if fsql.nothing:
            return set()
        body, params = self._from(query, fsql)
        return {r[0] for r in self.conn.execute("SELECT d.measure_id" + body, params)}

    def ids_in_order(self, query: ParsedQuery, fsql: FilterSQL) -> list[str] | None:
        """Matching ids sorted by the reading-order key stored with each (no re-listing)."""
        if fsql.nothing:
            return []
        body, params = self._from(query, fsql)
        return [r[0] for r in self.conn.execute("SELECT d.measure_id" + body + " ORDER BY d.ord", params)]

    # -- rebuilding beside the live index ------------------------------------------------
    builds_beside = True

    def rebuild(self, progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                separate_process: bool = False) -> int:
        """Build a complete new index in ``<index>.new`` from a snapshot of the library read through
        a connection of its own, then swap it in under the library lock. Until the swap, searches
        keep answering from the old index (and catch it up as usual); a crash or a cancel leaves
        the old index untouched. Changes committed during the build are after the new index's
        mark, so the next search catches them up. ``separate_process``: build in a child process
        (the window's choice, see fts5_build) when this Python can start one."""
        with self.lib.lock:  # the library's own connection is shared: use it under its lock only
            version = self.version()
        _sweep_stale_builds(self.path)
        # A name of its own: a rebuild the first search starts and one the user asked for may overlap.
        new = self.path.with_name(f"{self.path.name}.new-{os.getpid()}-{threading.get_ident()}")
        _unlink_all(new)
        build = (fts5_build.build_in_child if separate_process and fts5_build.can_build_in_child()
                 else fts5_build.build)
        try:
            added = build(self.lib.path, new, version, progress, cancelled)
        except BaseException:
            _unlink_all(new)
            raise
        with self.lib.lock:  # a search in progress finishes on the old index first
            self.close()
            try:
                _unlink_all(self.path, main=False)
                os.replace(new, self.path)  # on Windows this fails while another process has it open
            except OSError:
                _unlink_all(new)
                raise
            self._verified = True
        return added

    def check(self) -> list[str]:
        problems = super().check()
        if not problems and self.exists():
            try:
                self.conn.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
                counted = fts5_counts.stored(self.conn)
                if counted is not None and counted[0] != self._indexed():
                    problems.append(f"search index (fts5) counts {counted[0]} rows but holds {self._indexed()}")
            except sqlite3.Error as exc:
                problems.append(f"search index (fts5) damaged: {exc}")
        return problems


STALE_BUILD_SECONDS = 600  # a build in progress writes its file continuously


def _sweep_stale_builds(path: Path) -> None:
    """Remove half-built indexes a killed process left behind (untouched for ten minutes)."""
    now = time.time()
    for leftover in path.parent.glob(f"{glob.escape(path.name)}.new-*"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_BUILD_SECONDS:
                leftover.unlink()


def _unlink_all(path: Path, main: bool = True) -> None:
    for suffix in ("", "-wal", "-shm", "-journal") if main else ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def index_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".fts5")
