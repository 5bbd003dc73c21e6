"""Atomic writes: the target is replaced only by a complete file; failures leave nothing."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from exporters import atomic
from exporters.atomic import atomic_write
from exporters.errors import ExportCancelled, ExportError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def _write(data: bytes) -> Callable[[BinaryIO], None]:
    def write(fh: BinaryIO) -> None:
        fh.write(data)

    return write


def test_writes_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    atomic_write(out, _write(b"one"))
    atomic_write(out, _write(b"two"))
    assert out.read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_new_file_gets_ordinary_permissions_and_a_replaced_file_keeps_its_own(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pdf"
    atomic_write(fresh, _write(b"x"))
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~atomic._UMASK  # not mkstemp's private 0600
    shared = tmp_path / "shared.pdf"
    shared.write_bytes(b"old")
    shared.chmod(0o664)
    atomic_write(shared, _write(b"new"))
    assert shared.stat().st_mode & 0o777 == 0o664


def test_failure_midway_keeps_old_file_and_removes_temp(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")

    def boom(fh: BinaryIO) -> None:
        fh.write(b"half")
        raise ValueError("All strings must be XML compatible")

    with pytest.raises(ExportError) as info:
        atomic_write(out, boom)
    assert "\n" not in str(info.value)
    assert out.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"

    def cancel(fh: BinaryIO) -> None:
        fh.write(b"half")
        raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        atomic_write(out, cancel)
    assert list(tmp_path.iterdir()) == []


def test_target_is_a_directory(tmp_path: Path) -> None:
    target = tmp_path / "pack.docx"
    target.mkdir()
    with pytest.raises(ExportError, match="文件夹") as info:
        atomic_write(target, _write(b"x"))
    assert info.value.reason == "is_directory"
    assert target.is_dir() and list(target.iterdir()) == []
    assert _leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不存在") as info:
        atomic_write(tmp_path / "nope" / "pack.pdf", _write(b"x"))
    assert info.value.reason == "missing_folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="权限") as info:
            atomic_write(out, _write(b"new"))
    finally:
        tmp_path.chmod(0o755)
    assert info.value.reason == "permission"
    assert out.read_bytes() == b"old"


def test_read_only_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CI runs as root, which ignores permissions: make mkstemp fail as it would."""
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(ExportError, match="权限") as info:
        atomic_write(out, _write(b"new"))
    assert info.value.reason == "permission"
    assert out.read_bytes() == b"old"


def test_disk_full(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")

    def full(fh: BinaryIO) -> None:
        fh.write(b"part")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="磁盘空间不足") as info:
        atomic_write(out, full)
    assert info.value.reason == "disk_full"
    assert out.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_target_open_in_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows os.replace fails with a sharing violation while Word has the file open."""
    out = tmp_path / "pack.docx"
    out.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        exc = PermissionError(errno.EACCES, "The process cannot access the file")
        exc.winerror = 32  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(ExportError, match="打开") as info:
        atomic_write(out, _write(b"new"))
    assert info.value.reason == "locked"
    assert out.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []
