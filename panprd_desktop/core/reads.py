"""The window's own read connection: reads that never queue behind a write or a rebuild.

The library's main connection is shared by the worker (imports, edits, index builds) and
guarded by ``lib.lock``; a window read taking that lock waits for whatever the worker is
doing. In WAL mode a second connection reads the last committed state while a write is in
progress, so the window reads through this one (under its own, uncontended lock: the window
thread and the worker may both use it briefly).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from db.connection import connect
from panprd_desktop.core.measures import Measures


class ReadSide:
    """A lazily opened, read-only connection to the library with its own lock."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._measures: Measures | None = None
        self.lock = threading.RLock()

    @property
    def conn(self) -> sqlite3.Connection:
        with self.lock:
            if self._conn is None:
                self._conn = connect(self._path, read_only=True)
            return self._conn

    @property
    def measures(self) -> Measures:
        with self.lock:
            if self._measures is None:
                self._measures = Measures(self.conn)
            return self._measures

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
            self._conn = None
            self._measures = None
