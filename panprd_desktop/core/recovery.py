"""Never lose a library: guards on open, the full check, repair and restore.

Qt-free. ``Library`` calls the guards while opening; the CLI (``panprd backups``,
``restore``, ``check --repair``) and the window's restore dialog call the rest.

* A missing or 0-byte library whose backups exist is not silently recreated
  (:func:`refuse_missing`): the user is pointed at ``panprd restore latest``.
* A schema newer than this version ships is refused before anything is written
  (:func:`refuse_newer`).
* A side file ``<db>.running`` exists while a writer has the library open; finding it on
  open means the last session did not close cleanly, and the library is checked first.
* :func:`restore` copies a backup in through SQLite's backup API (never a file copy, so a
  stale ``-wal`` cannot corrupt it) after a safety snapshot of the current state, gives the
  library a new generation and rebuilds the search index.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections import namedtuple
from datetime import datetime
from pathlib import Path

from db.backup import BackupInfo, backup_dir, latest_verified, make_backup, snapshots, verify_file
from db.connection import WriterLock, WriterLockBusy
from db.migrate import migrations
from db.recovery_sql import new_generation
from panprd_desktop.core.errors import (
    DatabaseDamaged,
    LibraryLocked,
    LibraryMissing,
    LibraryTooNew,
    NotFound,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

RESTORE_HINT = "运行 panprd restore latest 从最新的已校验备份恢复 (run `panprd restore latest`)"


def shipped_version() -> int:
    return len(migrations())


def running_flag(db_path: Path) -> Path:
    """The side file present while a writer has the library open."""
    real = db_path.resolve()
    return real.with_name(real.name + ".running")


def is_empty(db_path: Path) -> bool:
    return not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0)


def refuse_missing(db_path: Path) -> None:
    """Raise :class:`LibraryMissing` if the library is gone or empty while backups exist."""
    if not is_empty(db_path):
        return
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # a fresh file whose content is still in the WAL: SQLite will read it
    if any(s.verified for s in snapshots(db_path)):
        state = "不存在" if not db_path.exists() else "是空文件"
        raise LibraryMissing(
            f"资料库{state}：{db_path}，但有它的备份；为免覆盖，未新建空资料库。{RESTORE_HINT}"
            f" (library missing or empty; run `panprd restore latest`)"
        )


def refuse_newer(db_path: Path) -> None:
    """Raise :class:`LibraryTooNew` if ``user_version`` is above what we ship. Read-only peek."""
    if is_empty(db_path) or not db_path.is_file():
        return
    version = _header_version(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    if version is not None and wal.exists() and wal.stat().st_size > 0:
        # The newest header may still be in the WAL: ask SQLite (a read-only connection).
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
    if version is not None and version > shipped_version():
        raise LibraryTooNew(
            f"此资料库由更新版本的 PanPRD Desk 创建（资料库版本 {version}，本程序支持到 {shipped_version()}），"
            f"请升级后再打开：{db_path} (this library requires a newer version of PanPRD Desk)"
        )


def _header_version(db_path: Path) -> int | None:
    """``user_version`` from the file header (bytes 60–63), read without opening SQLite, so
    nothing — not even a ``-shm`` file — is written beside a library we may refuse."""
    try:
        with db_path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[60:64], "big")


def damaged_message(db_path: Path, problems: list[str]) -> str:
    shown = "; ".join(problems[:3]) + (f"; … ({len(problems)} in all)" if len(problems) > 3 else "")
    return f"资料库已损坏：{db_path}（{shown}）。{RESTORE_HINT}"


class RestoreResult(namedtuple("RestoreResult", "source safety measures annotations")):
    """``source`` (Path), ``safety`` (Path or None: the snapshot of the state before the
    restore, None when there was none), ``measures``, ``annotations`` (int).
    (A named tuple, not a dataclass: opening a library — every ``panprd search`` — loads this module,
    and ``dataclasses`` costs ≈ 10 ms there; issue 13.)"""

    __slots__ = ()


def resolve_backup(db_path: Path, which: str | Path) -> BackupInfo:
    """``latest`` (the newest verified backup), a backup file, or a backup's name in the folder."""
    if str(which) == "latest":
        found = latest_verified(db_path)
        if found is None:
            raise NotFound(f"没有通过校验的备份：{backup_dir(db_path)} (no verified backup)")
        return found
    path = Path(which)
    if not path.exists() and (backup_dir(db_path) / path.name).exists():
        path = backup_dir(db_path) / path.name
    if not path.exists():
        raise NotFound(f"备份不存在：{path} (no such backup)")
    if not path.is_file():
        raise NotFound(f"不是备份文件：{path} (not a regular file)")
    problems, counts = verify_file(path)
    if problems:
        raise DatabaseDamaged(f"备份未通过校验，不能用来恢复：{path}（{'; '.join(problems[:3])}）")
    return BackupInfo(path, datetime.fromtimestamp(path.stat().st_mtime), "file", path.stat().st_size, counts, ())


def _safety_snapshot(db_path: Path, now: datetime) -> Path | None:
    """Keep the current state before it is overwritten, damaged or not."""
    if is_empty(db_path):
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return make_backup(conn, db_path, "pre-restore", now, verify=False)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        # Not even SQLite can read it: keep the raw bytes (file and WAL) for a specialist.
        folder = backup_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-pre-restore-damaged.sqlite3"
        shutil.copyfile(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return target


def _remove_database_files(db_path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def _copy_in(source: Path, db_path: Path) -> None:
    """Backup API from ``source`` into ``db_path`` (in place if it is a sound database)."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        sound = False
        if not is_empty(db_path):
            with contextlib.suppress(sqlite3.DatabaseError):
                probe = sqlite3.connect(db_path)
                try:
                    sound = probe.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                finally:
                    probe.close()
        if not sound:
            _remove_database_files(db_path)
        dest = sqlite3.connect(db_path, isolation_level=None)
        try:
            try:
                src.backup(dest)
            except sqlite3.OperationalError:
                # e.g. a WAL destination with another page size: start from an empty file
                # (the current state is already in the safety snapshot).
                dest.close()
                _remove_database_files(db_path)
                dest = sqlite3.connect(db_path, isolation_level=None)
                src.backup(dest)
            dest.execute("BEGIN IMMEDIATE")
            new_generation(dest)  # every index built before this moment is now foreign
            dest.execute("COMMIT")
            dest.execute("PRAGMA journal_mode = WAL")
            dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dest.close()
    finally:
        src.close()


def restore(db_path: Path, which: str | Path, now: datetime | None = None) -> RestoreResult:
    """Replace the library with a verified backup; see the module docstring."""
    from db.recovery_sql import summary
    from panprd_desktop.core.library import Library  # the facade rebuilds the index after

    now = now or datetime.now()
    chosen = resolve_backup(db_path, which)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = WriterLock(db_path)
    try:
        lock.acquire()
    except WriterLockBusy:
        raise LibraryLocked(f"资料库正在被使用，关闭 PanPRD Desk 后再恢复：{db_path}"
                            " (library is open; close it first)") from None
    try:
        staged = _stage(db_path, chosen.path, now)
        try:
            safety = _safety_snapshot(db_path, now)
            _copy_in(staged, db_path)
        finally:
            staged.unlink(missing_ok=True)
        running_flag(db_path).unlink(missing_ok=True)
    finally:
        lock.release()
    with Library(db_path) as lib:
        lib.search.reindex()
        counts = summary(lib.conn)
    return RestoreResult(chosen.path, safety, counts.measures, counts.annotations)


def _stage(db_path: Path, backup: Path, now: datetime) -> Path:
    """Copy the chosen backup aside first: the safety snapshot's rotation must not be able to
    delete the very file being restored."""
    staged = backup_dir(db_path) / f".restoring-{now:%Y%m%d-%H%M%S}.sqlite3"
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(staged)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return staged


def backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first, verified now (for the window's list)."""
    from db.backup import list_backups

    return list_backups(db_path)


def restore_into(lib: Library, which: str | Path, now: datetime | None = None) -> RestoreResult:
    """:func:`restore` for a library this process has open for writing (the window): the
    backup is copied into the open connection under the library's lock, so no other
    writer can slip in between, and the search engines start afresh on the new generation."""
    from db.connection import transaction
    from db.recovery_sql import summary

    if lib.read_only:
        raise LibraryLocked(f"资料库以只读方式打开，不能恢复：{lib.path} (opened read-only)")
    now = now or datetime.now()
    chosen = resolve_backup(lib.path, which)
    with lib.lock:
        staged = _stage(lib.path, chosen.path, now)
        try:
            safety = _safety_snapshot(lib.path, now)
            lib.search.close()  # drop engines and their cached identity before the swap
            src = sqlite3.connect(f"{staged.resolve().as_uri()}?mode=ro", uri=True)
            try:
                src.backup(lib.conn)
            except sqlite3.Error as exc:  # the open library is unchanged: the backup API is atomic
                raise DatabaseDamaged(f"无法在窗口中恢复（{exc}）；请关闭 PanPRD Desk 后运行"
                                      f" panprd restore {chosen.path} (restore failed)") from None
            finally:
                src.close()
        finally:
            staged.unlink(missing_ok=True)
        with transaction(lib.conn):
            new_generation(lib.conn)
        lib.search.reindex()
        counts = summary(lib.conn)
    return RestoreResult(chosen.path, safety, counts.measures, counts.annotations)
