"""All-or-nothing file writes with messages a user can act on.

The writer gets a temporary file in the target's own folder (so ``os.replace`` is a
rename on one file system, atomic on POSIX and Windows). Only when the new file is
complete and fsync'ed does it replace the target; on any failure the temporary file
is removed and an old target is left exactly as it was.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from exporters.errors import ExportCancelled, ExportError

# Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION when Word has the file open;
# ERROR_ACCESS_DENIED is also what os.replace gives for a target open in Word.
_WIN_LOCKED = {32, 33}
_WIN_DENIED = 5
# mkstemp creates 0600 files; an export is an ordinary document, so give it the mode a
# plain open() would (or keep the mode of the file it replaces). Read once: os.umask can
# only be read by setting it.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _message(exc: OSError, out: Path) -> ExportError:
    name = str(out)
    winerror = getattr(exc, "winerror", None)
    code = exc.errno
    if winerror in _WIN_LOCKED or (sys.platform == "win32" and winerror == _WIN_DENIED and out.exists()):
        return ExportError(
            f"无法写入 {name}：文件正被其他程序（如 Word、WPS）打开，请关闭后重试",
            reason="locked",
            path=out,
        )
    if code in (errno.EACCES, errno.EPERM):
        return ExportError(f"无法写入 {name}：没有写入权限（权限被拒绝）", reason="permission", path=out)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportError(f"无法写入 {name}：磁盘空间不足", reason="disk_full", path=out)
    if code == errno.EROFS:
        return ExportError(f"无法写入 {name}：所在磁盘为只读", reason="read_only_fs", path=out)
    if code == errno.ENAMETOOLONG:
        return ExportError(f"无法写入 {name}：文件名或路径过长", reason="name_too_long", path=out)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportError(f"无法写入 {name}：文件夹不存在", reason="missing_folder", path=out)
    if code == errno.EISDIR:
        return ExportError(f"无法写入 {name}：目标是一个文件夹", reason="is_directory", path=out)
    detail = exc.strerror or exc.__class__.__name__
    return ExportError(f"无法写入 {name}：{detail}", reason="unexpected", path=out)


def _check_target(out: Path) -> None:
    parent = out.parent
    if not parent.exists():
        raise ExportError(f"无法写入 {out}：文件夹 {parent} 不存在", reason="missing_folder", path=out)
    if not parent.is_dir():
        raise ExportError(f"无法写入 {out}：{parent} 不是文件夹", reason="missing_folder", path=out)
    if out.is_dir():
        raise ExportError(f"无法写入 {out}：目标是一个文件夹", reason="is_directory", path=out)
    if out.exists() and not out.is_file():  # a FIFO or a device must not be replaced by a file
        raise ExportError(f"无法写入 {out}：目标不是普通文件（管道或设备）", reason="not_regular", path=out)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open directories.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(out: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(fh)`` on a temporary file, then move it over ``out``.

    Raises ExportError (with a one-line message) for any failure, and lets
    ExportCancelled through; in both cases no temporary file remains.
    """
    out = Path(out)
    try:
        if out.is_symlink():  # write the file the link points to; keep the link (issue 12)
            out = out.resolve()
        _check_target(out)
    except OSError as exc:  # e.g. ENAMETOOLONG from stat(): say so, never a raw errno
        raise _message(exc, out) from exc
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{out.stem[:40]}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise _message(exc, out) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, out.stat().st_mode & 0o7777 if out.exists() else 0o666 & ~_UMASK)
        os.replace(tmp, out)
    except (ExportCancelled, ExportError):
        _remove(tmp)
        raise
    except OSError as exc:
        _remove(tmp)
        raise _message(exc, out) from exc
    except Exception as exc:  # a bug in a writer must still leave no half file behind
        _remove(tmp)
        raise ExportError(f"导出 {out} 失败：{type(exc).__name__}: {exc}".splitlines()[0], path=out) from exc
    except BaseException:  # KeyboardInterrupt etc.: clean up, then let it go on
        _remove(tmp)
        raise
    _fsync_dir(out.parent)
    return out


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # nothing more we can do; the name starts with ".~" so it is hidden
