"""The one interface every search engine implements, and the catch-up logic they share.

An engine answers literal queries (:class:`ParsedQuery`) under a filter (:class:`FilterSQL`).
Indexed engines keep a high-water mark — the last change-log row they have indexed — and
before each query re-index only the measures changed since (:meth:`IndexedEngine.sync`).
A missing, stale, foreign or damaged index is rebuilt from SQLite; the database is never
written by an engine.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable

from db.recovery_sql import change_nonce, generation
from panprd_desktop.core.search import documents
from panprd_desktop.core.search.documents import IndexDoc
from panprd_desktop.core.search.filters import FilterSQL
from panprd_desktop.core.search.query import ParsedQuery

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Ranked = list[tuple[str, float]]

# Bump when what the index holds changes: every index is rebuilt (2: bidi folded; 3: fts5 reading order).
INDEX_VERSION = "3"


class Cancelled_(Exception):  # noqa: N801 - internal signal, never escapes the package
    """A rebuild was cancelled by its caller."""


class Engine(ABC):
    """A search engine over one library."""

    name = "engine"

    def __init__(self, lib: Library) -> None:
        self.lib = lib

    def sync(self) -> None:
        """Bring the index up to date with the database (cheap when nothing changed)."""
        return None

    @abstractmethod
    def search(self, query: ParsedQuery, fsql: FilterSQL, limit: int | None) -> tuple[int, Ranked]:
        """(total, ranked hits — best first, at most ``limit``) for a non-empty query."""

    @abstractmethod
    def ids(self, query: ParsedQuery, fsql: FilterSQL) -> set[str]:
        """Every measure id matching a non-empty query and the filter."""

    def ids_in_order(self, query: ParsedQuery, fsql: FilterSQL) -> list[str] | None:
        """Every matching id already in reading order, when the index can give that cheaply
        (None: the caller orders :meth:`ids` itself)."""
        return None

    # True: rebuild(progress, cancelled, separate_process=…) builds a new index beside the live
    # one without the lock (in a child process when asked)
    builds_beside = False

    def rebuild(self, progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                separate_process: bool = False) -> int:  # noqa: ARG002 - builds here (not beside)
        """Re-index everything; returns the number of measures indexed."""
        return documents.measure_count(self.lib.conn)

    def check(self) -> list[str]:
        """Problems with the index (empty when it agrees with the database)."""
        return []

    def close(self) -> None:
        """Release files and connections."""
        return None


class IndexedEngine(Engine):
    """An engine with an on-disk index fed from the change log."""

    def __init__(self, lib: Library) -> None:
        super().__init__(lib)
        self._verified = False  # counted against the database since opening
        self._identity: str | None = None

    # -- what each index implements ------------------------------------------------------
    @abstractmethod
    def _open(self) -> None:
        """Open the existing index (raise anything if it is unusable)."""

    @abstractmethod
    def _state(self) -> tuple[str | None, int]:
        """(index version, high-water mark)."""

    @abstractmethod
    def _indexed(self) -> int:
        """How many measures the index holds."""

    @abstractmethod
    def _reset(self) -> None:
        """Throw the index away and create an empty one."""

    @abstractmethod
    def _write(self, removed_ids: Iterable[str], removed_docs: Iterable[str], docs: Iterable[IndexDoc],
               mark: int, *, fresh: bool, progress: Progress | None = None,
               cancelled: Cancelled | None = None, total: int = 0) -> int:
        """Remove, then add ``docs``, then store ``mark`` — one commit. Returns docs added."""

    # -- shared ---------------------------------------------------------------------------
    def version(self) -> str:
        """What a matching index records: the index format, which library and which copy of
        its history (generation, replaced by every restore) it belongs to, and the change-log
        nonce at the database's newest change — the mark an index stores with it."""
        return self.version_at(documents.last_change(self.lib.conn))

    def version_at(self, mark: int) -> str:
        """:meth:`version` as it was when the database's change log ended at ``mark``. A copy
        rolled back and edited since has other random nonces there, so it never matches."""
        if self._identity is None:
            row = self.lib.conn.execute("SELECT value FROM meta WHERE key = 'initialized'").fetchone()
            self._identity = f"{INDEX_VERSION}:{row[0] if row else ''}:{generation(self.lib.conn)}"
        return f"{self._identity}:{change_nonce(self.lib.conn, mark)}"

    def _catch_up_limit(self, total: int) -> int:
        return max(2000, total // 5)

    def sync(self) -> None:
        conn = self.lib.conn
        upto = documents.last_change(conn)
        try:
            self._open()
            version, mark = self._state()
            if mark > upto or version != self.version_at(mark):
                raise LookupError("index of another library or version")
            if not self._verified and mark == upto and not self._rows_agree():
                raise LookupError("index and database disagree")
        except Exception:  # missing, damaged, foreign or stale: it is derived data, rebuild it
            self.rebuild(separate_process=self.lib.search.builds_in_child)
            return
        self._verified = True
        if mark == upto:
            return
        dirty = documents.dirty_since(conn, mark, upto, self._catch_up_limit(documents.measure_count(conn)))
        if dirty is None:
            self.rebuild(separate_process=self.lib.search.builds_in_child)
            return
        ids = set(dirty.measure_ids)
        self._write(ids, dirty.doc_ids, documents.load(conn, ids), upto, fresh=False)

    def _rows_agree(self) -> bool:
        """Whether the index holds as many measures as the database — asked once a process,
        when the marks match (issue 12: an index that lost rows must not answer)."""
        return self._indexed() == documents.measure_count(self.lib.conn)

    def rebuild(self, progress: Progress | None = None, cancelled: Cancelled | None = None, *,
                separate_process: bool = False) -> int:  # noqa: ARG002 - builds here (not beside)
        conn = self.lib.conn
        upto = documents.last_change(conn)
        total = documents.measure_count(conn)
        self._reset()
        added = self._write((), (), documents.iter_all(conn), upto, fresh=True, progress=progress,
                            cancelled=cancelled, total=total)
        self._verified = True
        return added

    def exists(self) -> bool:
        """Whether an index is on disk at all (a missing one is built on first use)."""
        return True

    def check(self) -> list[str]:
        if not self.exists():
            return []
        try:
            self._open()
            version, mark = self._state()
            indexed = self._indexed()
        except Exception as exc:
            return [f"search index ({self.name}) unreadable: {type(exc).__name__}: {exc}"]
        problems = []
        upto = documents.last_change(self.lib.conn)
        if mark <= upto and version != self.version_at(mark):
            problems.append(f"search index ({self.name}) was built for another library, version or"
                            f" copy of its history ({version!r}, expected {self.version_at(mark)!r})")
        if mark > upto:
            problems.append(f"search index ({self.name}) is ahead of the database (foreign index)")
        elif mark == upto and indexed != documents.measure_count(self.lib.conn):
            problems.append(f"search index ({self.name}) holds {indexed} measures, the database "
                            f"{documents.measure_count(self.lib.conn)}")
        return problems
