"""Opening a library database: pragmas, the single-writer lock, migrations, backups.

Writers are serialised with SQLite's own locking (no fcntl, works on Windows): the writer
holds an exclusive transaction on a tiny side file ``<db>.writer`` for as long as it is
open. A second process trying the same gets an immediate, clear refusal instead of a
"database is locked" error minutes later in the middle of someone's work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db.migrate import apply_migrations, pending_migrations


class WriterLockBusy(Exception):
    """Another connection already holds the writer lock for this database."""


class WriterLock:
    def __init__(self, db_path: Path) -> None:
        # Keyed on the real path: a symlink (or another spelling) of the same library must
        # meet the same lock, or two writers could interleave their edits and undo.
        real = Path(db_path).resolve()
        self.path = real.with_name(real.name + ".writer")
        self._conn: sqlite3.Connection | None = None

    def acquire(self) -> None:
        conn = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as exc:
            conn.close()
            # Only a lock held by someone else means "busy"; a full disk or a read-only
            # folder must surface as what it is, not as "open in another instance".
            if getattr(exc, "sqlite_errorname", "SQLITE_BUSY") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise WriterLockBusy(str(self.path)) from exc
            raise
        self._conn = conn

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode; callers group writes with :func:`transaction`."""
    if read_only:
        conn = _connect_read_only(path)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    # A 300k-measure library is ~300 MB: the 2 MB default page cache made every import and
    # aggregate re-read index pages from disk. Up to 64 MB, allocated only as pages are used.
    conn.execute("PRAGMA cache_size = -65536")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # Hand-typed annotations are precious: FULL makes a commit durable across power loss.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only, and readable even where SQLite may not create ``-shm`` (a read-only folder,
    a CD, a share without write access): then the file is opened as immutable, which is
    true there — nobody can write a file whose folder refuses its journal."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
            return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                   check_same_thread=False)
        raise


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write: BEGIN IMMEDIATE … COMMIT, ROLLBACK on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR): a second
        # ROLLBACK would replace the real error with "no transaction is active".
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


__all__ = [
    "WriterLock",
    "WriterLockBusy",
    "apply_migrations",
    "connect",
    "pending_migrations",
    "transaction",
]
