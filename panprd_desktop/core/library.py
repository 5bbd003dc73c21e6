"""The one entry point: ``Library(path)`` — what the CLI, the GUI and the tests open.

It owns the connection and small managers: ``documents``, ``measures``, ``owners``,
``annotations``. Opening a library creates it if needed (platform data folder by default),
applies migrations (after a backup), seeds the owner vocabulary and loads the bundled
guideline on first use, and takes the single-writer lock unless opened read-only.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType

from db.backup import BackupRefused, backup_due, make_backup, verify_connection
from db.connection import WriterLock, WriterLockBusy, apply_migrations, connect, pending_migrations, transaction
from panprd_desktop.core import recovery
from panprd_desktop.core.errors import DatabaseDamaged, LibraryLocked, NotFound
from panprd_desktop.core.search import Search
from panprd_desktop.core.storage_errors import refuse_special, storage_errors
from panprd_desktop.paths import bundled_guideline, default_db_path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from typing import Any

    from panprd_desktop.core.annotations import Annotations, Edit
    from panprd_desktop.core.checks import RepairReport
    from panprd_desktop.core.documents import Documents
    from panprd_desktop.core.measures import Measures
    from panprd_desktop.core.model import Changes, ImportResult
    from panprd_desktop.core.owners import Owners
    from panprd_desktop.core.packs import Packs
    from panprd_desktop.core.reads import ReadSide
    from panprd_desktop.core.removal import RemovalResult


class Library:
    """An open PanPRD library. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False,
                 checks: bool = True, defer_backup: bool = False) -> None:
        """``checks=False`` skips the on-open damage checks (``panprd check`` opens that way
        to report and repair what the checks would refuse). ``defer_backup``: the GUI makes the
        daily snapshot (seconds at 300k measures) on its worker through :meth:`backup_if_due`."""
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self._checks = checks
        self._running: Path | None = None  # the clean-shutdown side file, while we write
        self._defer_backup = defer_backup
        # The GUI's worker and its thread share this connection; the lock serialises them.
        self.lock = threading.RLock()
        # The other managers are built on first use (see "managers" below).
        self._managers: dict[str, Any] = {}
        self._managers_lock = threading.RLock()
        self._writer = WriterLock(self.path)
        refuse_special(self.path)  # a FIFO would block the first read for ever
        if read_only:
            if not self.path.exists():
                raise NotFound(f"资料库不存在：{self.path} (no such library)")
            recovery.refuse_newer(self.path)
        else:
            with storage_errors(self.path):
                self.path.parent.mkdir(parents=True, exist_ok=True)
            recovery.refuse_newer(self.path)
            recovery.refuse_missing(self.path)
            try:
                with storage_errors(self.path):
                    self._writer.acquire()
            except WriterLockBusy:
                raise LibraryLocked(
                    f"资料库已被另一个 PanPRD Desk 打开：{self.path} (library is open in another instance;"
                    " close it or open read-only)"
                ) from None
        try:
            with storage_errors(self.path):
                self.conn = connect(self.path, read_only=read_only)
                self._prepare()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged header can change the encoding
            with contextlib.suppress(sqlite3.Error, AttributeError):
                self.conn.close()
            self._writer.release()
            raise DatabaseDamaged(f"不是有效的 PanPRD 资料库或文件已损坏：{self.path} ({exc})。"
                                  f"{recovery.RESTORE_HINT}") from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error, AttributeError):
                self.conn.close()
            self._writer.release()
            raise
        self.search = Search(self)  # engines start lazily, on the first search

    # -- managers -----------------------------------------------------------------------------
    # Built on first use, each once (a lock: the GUI's worker and window thread share the
    # library). Issue 13: `panprd search` loads only the search, not the model and the editing,
    # import and export code these pull in — most of a cold start.
    def _manager(self, name: str) -> Any:
        found = self._managers.get(name)
        if found is None:
            with self._managers_lock:
                found = self._managers.get(name)
                if found is None:
                    found = self._managers[name] = _MANAGERS[name](self)
        return found

    @property
    def owners(self) -> Owners:
        return self._manager("owners")  # type: ignore[no-any-return]

    @property
    def documents(self) -> Documents:
        return self._manager("documents")  # type: ignore[no-any-return]

    @property
    def measures(self) -> Measures:
        return self._manager("measures")  # type: ignore[no-any-return]

    @property
    def annotations(self) -> Annotations:
        return self._manager("annotations")  # type: ignore[no-any-return]

    @property
    def packs(self) -> Packs:
        return self._manager("packs")  # type: ignore[no-any-return]

    @property
    def reads(self) -> ReadSide:
        """The window's reads, through their own connection (issue 13; opened on first use)."""
        return self._manager("reads")  # type: ignore[no-any-return]

    # -- life cycle ---------------------------------------------------------------------------
    def _prepare(self) -> None:
        if self.read_only:
            if pending_migrations(self.conn):
                raise DatabaseDamaged(f"资料库版本过旧，请先以可写方式打开一次：{self.path}")
            return
        now = datetime.now()
        # Back up anything that already holds tables, whatever its user_version says.
        existed = self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] > 0
        self._running = recovery.running_flag(self.path)
        unclean = self._running.exists()
        if existed and unclean and self._checks:
            # The last writer did not close: check before anything is written or backed up.
            problems = verify_connection(self.conn)
            if problems:
                raise DatabaseDamaged(recovery.damaged_message(self.path, problems))
        self._running.touch()
        if existed and pending_migrations(self.conn):
            make_backup(self.conn, self.path, "pre-migration", now, verify=False)
        apply_migrations(self.conn)
        if self.conn.execute("SELECT value FROM meta WHERE key = 'initialized'").fetchone() is None:
            self._initialize()
        elif not self._defer_backup and backup_due(self.path, now) and self._checks:
            try:
                make_backup(self.conn, self.path, "daily", now)
            except BackupRefused as exc:  # never back a damaged library up over good copies
                raise DatabaseDamaged(recovery.damaged_message(self.path, exc.problems)) from None

    def refresh_statistics(self) -> list[str]:
        """Re-analyse (sampled, milliseconds) the tables whose planner statistics are 10× off
        their size — a library analysed when small scanned whole tables later (issue 13).
        Connections opened afterwards (the window's read side) plan with the new numbers."""
        from db.statistics import refresh_stale

        if self.read_only:
            return []
        with self.lock, contextlib.suppress(sqlite3.OperationalError):  # busy or read-only disk: next time
            return refresh_stale(self.conn)
        return []

    def backup_if_due(self) -> bool:
        """Write the daily snapshot if one is due (what opening does unless ``defer_backup``)."""
        now = datetime.now()
        if self.read_only or not self._checks or not backup_due(self.path, now):
            return False
        with self.lock:
            try:
                make_backup(self.conn, self.path, "daily", now)
            except BackupRefused as exc:  # never back a damaged library up over good copies
                raise DatabaseDamaged(recovery.damaged_message(self.path, exc.problems)) from None
        return True

    def _initialize(self) -> None:
        """First open: vocabulary, the initialized flag and the bundled guideline in one
        transaction — a first open killed anywhere leaves nothing or a complete library."""
        from panprd_desktop.core.documents import Documents
        from panprd_desktop.core.owners import seed_vocabulary

        documents = Documents(self.conn)
        source, parsed = documents.parse_file(bundled_guideline())
        with transaction(self.conn):
            seed_vocabulary(self.conn)
            self.conn.execute("INSERT INTO meta(key, value) VALUES ('initialized', ?)",
                              (datetime.now().isoformat(timespec="seconds"),))
            documents.store_in_transaction(source, parsed, "guideline-gf2016-18.txt")

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if getattr(self, "search", None) is not None:
            self.search.close()
        reads = getattr(self, "_managers", {}).get("reads")  # not built just to close it
        if reads is not None:
            reads.close()
        if conn is not None:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA optimize")
            conn.close()
            self.conn = None  # type: ignore[assignment]
            if self._running is not None:  # closed cleanly: no check needed next time
                self._running.unlink(missing_ok=True)
                self._running = None
        self._writer.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- use cases (the verbs the CLI and GUI call) --------------------------------------------
    def import_files(self, paths: Sequence[Path], progress: Callable[[int, int], None] | None = None,
                     check: Callable[[], None] | None = None) -> list[ImportResult]:
        """Import files: all are read and parsed first, so one bad file imports nothing.

        Parsing runs without the library lock (it can take a while for big files); ``check``
        may raise to cancel during it. Storing is quick, one transaction per file, and is
        not interrupted, so a cancel never leaves some files imported and others not.
        """
        paths = [Path(p) for p in paths]
        parsed = []
        for i, path in enumerate(paths):
            if check:
                check()
            if progress:
                progress(i, 2 * len(paths))
            parsed.append((path, *self.documents.parse_file(path, check)))
        results = []
        with self.lock, storage_errors(self.path):
            for i, (path, source, doc) in enumerate(parsed):
                results.append(self.documents.store(source, doc, path.name))
                if progress:
                    progress(len(paths) + i + 1, 2 * len(paths))
        return results

    def remove_document(self, doc_id: str) -> RemovalResult:
        """Delete a document after a backup of the library (whose path the result names)."""
        from panprd_desktop.core.removal import remove_document

        with self.lock:
            return remove_document(self.conn, self.path, self.documents.resolve_id(doc_id),
                                   read_only=self.read_only)

    def annotate(self, measure_ids: Sequence[str], edit: Edit, author: str = "") -> Changes:
        with self.lock, storage_errors(self.path):  # a busy or full disk said as such
            return self.annotations.annotate(list(measure_ids), edit, author)

    def undo(self, author: str = "") -> Changes:
        with self.lock, storage_errors(self.path):  # a busy or full disk said as such
            return self.annotations.undo(author)

    def redo(self, author: str = "") -> Changes:
        with self.lock, storage_errors(self.path):  # a busy or full disk said as such
            return self.annotations.redo(author)

    def check(self) -> list[str]:
        """Problems found in the database and the search index (empty when sound); see
        :mod:`panprd_desktop.core.checks` for what is checked beyond SQLite's pages."""
        from panprd_desktop.core.checks import check_library

        with self.lock:
            return check_library(self)

    def repair(self) -> RepairReport:
        """Rebuild what is derived; the report names what could not be fixed."""
        from panprd_desktop.core.checks import repair_library

        with self.lock:
            return repair_library(self)


def _owners(lib: Library) -> Owners:
    from panprd_desktop.core.owners import Owners

    return Owners(lib.conn)


def _documents(lib: Library) -> Documents:
    from panprd_desktop.core.documents import Documents

    return Documents(lib.conn)


def _measures(lib: Library) -> Measures:
    from panprd_desktop.core.measures import Measures

    return Measures(lib.conn)


def _annotations(lib: Library) -> Annotations:
    from panprd_desktop.core.annotations import Annotations

    return Annotations(lib.conn, lib.owners)


def _packs(lib: Library) -> Packs:
    from panprd_desktop.core.packs import Packs

    return Packs(lib)


def _reads(lib: Library) -> ReadSide:
    from panprd_desktop.core.reads import ReadSide

    return ReadSide(lib.path)


_MANAGERS: dict[str, Callable[[Library], Any]] = {
    "owners": _owners, "documents": _documents, "measures": _measures,
    "annotations": _annotations, "packs": _packs, "reads": _reads,
}
