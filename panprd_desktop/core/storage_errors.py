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
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from panprd_desktop.core.errors import StorageError

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
            return StorageError(f"所在磁盘为只读，无法写入：{name}；可用 --read-only 只读打开 (read-only file system)")
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
    if code_name == "SQLITE_FULL" or "disk is full" in str(exc):
        return StorageError(f"磁盘空间不足，资料库未能写入（刚才的修改没有保存）：{name} (disk full)")
    if code_name.startswith("SQLITE_READONLY") or "readonly database" in str(exc):
        return StorageError(f"资料库文件或其所在文件夹为只读，不能修改：{name}；"
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
            return StorageError(f"资料库文件或其所在文件夹为只读：{name}；可用 --read-only 只读打开"
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

    translated = translate(exc, path or default_db_path())
    return str(translated) if translated is not None else f"{type(exc).__name__}: {exc}"
