"""Disk and file errors translated into one line that says what happened.

SQLite and the OS report a full disk, a read-only folder or a FIFO in many ways
(``SQLITE_FULL``, ``SQLITE_READONLY_*``, ``SQLITE_CANTOPEN``, ``ENOSPC``, ``EROFS``,
``ENAMETOOLONG`` …); users need "the disk is full", not "database is locked" or
"cannot rollback - no transaction is active". Qt-free; the CLI and the window show
:class:`StorageError` messages as they are.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from panprd_desktop.core.errors import DatabaseDamaged, PanprdError, ReadOnlyStorage, StorageError

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from typing import Any, TypeVar

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM}


def _disk_full(path: Path) -> bool:
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def _read_only(path: Path) -> bool:
    """The file or its folder cannot be written by us (or the file system is read-only)."""
    target = path if path.exists() else path.parent
    with contextlib.suppress(OSError):
        if not os.access(target, os.W_OK):
            return True
        if path.exists() and not os.access(path.parent, os.W_OK):
            return True  # SQLite needs to create -wal/-shm beside the file
    return False


def special_file(path: Path) -> str | None:
    """'folder', 'FIFO', 'device' … when ``path`` exists and is not a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "文件夹 (a folder)"
    if stat.S_ISFIFO(mode):
        return "管道 (a FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备 (a device)"
    return "特殊文件 (a special file)"


def translate(exc: BaseException, path: Path) -> StorageError | None:
    """The user-facing error for ``exc`` touching ``path``, or None if it is not a storage problem."""
    if isinstance(exc, OSError) and exc.filename:
        path = Path(exc.filename)  # the file the OS named, which may not be the library
    name = str(path)
    if isinstance(exc, OSError):
        code = exc.errno
        if code in _FULL:
            return StorageError(f"磁盘空间不足，无法写入：{name} (disk full)")
        if code == errno.EROFS:
            return ReadOnlyStorage(f"所在磁盘为只读，无法写入：{name}；可用 --read-only 只读打开"
                                   " (read-only file system)")
        if code in _DENIED:
            return StorageError(f"没有权限访问：{name} (permission denied)")
        if code == errno.ENAMETOOLONG:
            return StorageError(f"文件名或路径过长：{name} (name too long)")
        if code in (errno.ENOTDIR, errno.EISDIR):
            return StorageError(f"路径中有一项不是文件夹，或目标是文件夹：{name} (not a directory / is a directory)")
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    code_name = getattr(exc, "sqlite_errorname", "") or ""
    if code_name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc):
        # Another program (a sync tool, a DB browser, a backup) holds a write lock on the file
        # for longer than the busy timeout: nothing was written, and trying again later works.
        return StorageError(f"资料库文件正被其他程序占用，刚才的修改没有保存，请稍后重试：{name}"
                            f" (library busy, another program is writing to it, nothing was saved, try again)")
    if code_name == "SQLITE_FULL" or "disk is full" in str(exc):
        return StorageError(f"磁盘空间不足，资料库未能写入（刚才的修改没有保存）：{name} (disk full)")
    if code_name.startswith("SQLITE_READONLY") or "readonly database" in str(exc):
        return ReadOnlyStorage(f"资料库文件或其所在文件夹为只读，不能修改：{name}；"
                            f"可用 --read-only 只读打开 (read-only file or folder)")
    if code_name == "SQLITE_PERM":
        return StorageError(f"没有权限访问资料库：{name} (permission denied)")
    if code_name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in str(exc):
        kind = special_file(path)
        if kind:
            return StorageError(f"资料库路径不是普通文件，而是{kind}：{name} (not a regular file)")
        if len(path.name.encode("utf-8", "surrogateescape")) > 255:
            return StorageError(f"文件名过长：{name} (name too long)")
        if _disk_full(path):
            return StorageError(f"磁盘空间不足，无法打开资料库：{name} (disk full)")
        if _read_only(path):
            return ReadOnlyStorage(f"资料库文件或其所在文件夹为只读：{name}；可用 --read-only 只读打开"
                                f" (read-only file or folder)")
        if not path.parent.exists():
            return StorageError(f"文件夹不存在：{path.parent} (no such folder)")
        return StorageError(f"无法打开资料库文件：{name} (cannot open)")
    if code_name == "SQLITE_IOERR" or code_name.startswith("SQLITE_IOERR_"):
        if _disk_full(path):
            return StorageError(f"磁盘空间不足，资料库未能写入：{name} (disk full)")
        return StorageError(f"读写资料库时出错（磁盘或文件系统）：{name} ({exc})")
    return None


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Re-raise storage failures under ``path`` as :class:`StorageError`; others pass."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        translated = translate(exc, path)
        if translated is None:
            raise
        raise translated from exc


def describe(exc: BaseException, path: Path | None) -> str:
    """One line for any storage exception (the CLI's last resort)."""
    from panprd_desktop.paths import default_db_path

    translated = damage(exc, path or default_db_path()) or translate(exc, path or default_db_path())
    return str(translated) if translated is not None else f"{type(exc).__name__}: {exc}"


def damage(exc: BaseException, path: Path) -> DatabaseDamaged | None:
    """A read that failed because the library is damaged (malformed pages, text that does
    not decode) — said as such, with what to do, instead of an internal error."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    text = str(exc)
    name = getattr(exc, "sqlite_errorname", "") or ""
    if "Could not decode to UTF-8" in text or name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") \
            or "malformed" in text or "not a database" in text:
        detail = text.splitlines()[0][:120]
        return DatabaseDamaged(f"资料库已损坏，读取失败：{path}（{detail}）。运行 panprd check 查看，"
                               f"或 panprd restore latest 从备份恢复 (library damaged)")
    return None


if TYPE_CHECKING:
    F = TypeVar("F", bound=Callable[..., Any])


def damage_guard(method: F) -> F:
    """Wrap a core read so a damaged row (malformed page, text that does not decode, a date
    or JSON value the reader cannot parse) raises :class:`DatabaseDamaged` — a message the
    window and the CLI show — instead of an internal error that kills the caller."""

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError) as exc:
            if isinstance(exc, PanprdError):
                raise
            if isinstance(exc, sqlite3.DatabaseError) and damage(exc, Path("?")) is None:
                raise
            detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
            raise DatabaseDamaged(f"资料库已损坏，读取失败（{detail}）。运行 panprd check 查看，"
                                  f"或从备份恢复：panprd restore latest (library damaged)") from exc

    return guarded  # type: ignore[return-value]


def not_a_readable_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (None when it can be tried): missing, a folder,
    a FIFO or device (reading those would block or never end), a name too long."""
    try:
        exists = path.exists()
    except OSError as exc:
        translated = translate(exc, path)
        return str(translated) if translated else f"无法访问 ({exc.strerror})"
    if not exists:
        return "文件不存在 (no such file)"
    kind = special_file(path)
    if kind:
        return f"不是普通文件，而是{kind} (not a regular file)"
    return None


def refuse_special(path: Path) -> None:
    """Raise :class:`StorageError` if the library path is a folder, FIFO or device."""
    kind = special_file(path)
    if kind:
        raise StorageError(f"资料库路径不是普通文件，而是{kind}：{path} (not a regular file)")
