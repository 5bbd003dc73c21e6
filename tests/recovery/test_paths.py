"""Real paths: a symlink meets the same writer lock; exports write through links and refuse
special files; the disk's refusals are said plainly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from exporters.atomic import atomic_write
from exporters.errors import ExportError
from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.errors import LibraryLocked
from panprd_desktop.core.library import Library
from tests.conftest import REPO

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and chmod as on POSIX")


@posix_only
def test_a_symlink_to_the_library_meets_the_writer_lock(db_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "link.sqlite3"
    link.parent.mkdir()
    link.symlink_to(db_path)
    with Library(db_path) as lib:
        lib.annotate(lib.measures.ids()[:1], Edit(note="第一位的备注"))
        with pytest.raises(LibraryLocked):
            Library(link)
        with Library(link, read_only=True) as ro:
            assert ro.search.search("第一位的备注", engine="scan").total == 1


@posix_only
def test_export_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    atomic_write(link, lambda fh: fh.write(b"new"))
    assert link.is_symlink() and real.read_bytes() == b"new"


@posix_only
def test_export_refuses_special_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null"), tmp_path):
        with pytest.raises(ExportError) as caught:
            atomic_write(target, lambda fh: fh.write(b"x"))
        assert "\n" not in str(caught.value)
    assert fifo.exists() and not fifo.is_file()
    with pytest.raises(ExportError) as caught:
        atomic_write(tmp_path / ("长" * 200 + ".pdf"), lambda fh: fh.write(b"x"))
    assert "过长" in str(caught.value)


def _as_nobody(script: str) -> subprocess.CompletedProcess[str]:
    """Run python as an unprivileged user when we are root (root ignores permission bits)."""
    cmd = [sys.executable, "-c", script]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO), "HOME": "/tmp"})


@posix_only
def test_a_library_in_a_read_only_folder_can_be_read_and_is_not_called_locked(tmp_path: Path) -> None:
    import shutil

    if shutil.which("setpriv") is None and os.geteuid() == 0:
        pytest.skip("needs setpriv to drop root")
    if _as_nobody("import panprd_desktop").returncode != 0:  # e.g. a clone under a 0700 temp folder
        pytest.skip("this checkout is not readable by an unprivileged user")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="panprd-ro-"))  # pytest's tmp is private to root
    base.chmod(0o755)
    folder = base / "ro"
    folder.mkdir()
    db = folder / "lib.sqlite3"
    with Library(db) as lib:
        lib.annotate(lib.measures.ids()[:1], Edit(note="只读文件夹里的备注"))
    for p in folder.iterdir():
        p.chmod(0o644)
    folder.chmod(0o555)
    try:
        cli = "from panprd_desktop.cli import main; import sys; sys.exit(main(sys.argv[1:]))"
        read = _as_nobody(f"import sys; sys.argv = ['x', '--db', {str(db)!r}, '--read-only', 'search',"
                          f" '只读文件夹里的备注']\n{cli}")
        assert read.returncode == 0, read.stderr
        assert "共 1 条" in read.stdout
        docs = _as_nobody(f"import sys; sys.argv = ['x', '--db', {str(db)!r}, 'docs']\n{cli}")
        assert docs.returncode == 0, docs.stderr  # a read command falls back to read-only
        write = _as_nobody(f"import sys; sys.argv = ['x', '--db', {str(db)!r}, 'undo']\n{cli}")
        assert write.returncode == 2
        assert write.stderr.count("\n") == 1
        assert "只读" in write.stderr and "另一个" not in write.stderr, write.stderr
        window = _as_nobody("from panprd_desktop.ui.app import open_library\n"
                            f"lib = open_library(__import__('pathlib').Path({str(db)!r}), lambda p: 'quit', None)\n"
                            "print(lib.read_only, len(lib.documents.list()))")
        assert window.returncode == 0, window.stderr
        assert window.stdout.split() == ["True", "1"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


DISK_FULL = """
import sys
from panprd_desktop.cli import main
sys.exit(main(["--db", sys.argv[1], "annotate", sys.argv[2], "--note", "满" * 200000]))
"""


@posix_only
def test_disk_full_is_said_as_disk_full(tmp_path: Path) -> None:
    """A 3 MB tmpfs (root only): fill it, then write. The message says the disk is full."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        db = mount / "lib.sqlite3"
        with Library(db) as lib:
            mid = lib.measures.ids()[0]
        filler = mount / "filler"
        with filler.open("wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        notes = []
        for _ in range(3):  # the WAL may absorb the first write; a few will not fit
            proc = subprocess.run([sys.executable, "-c", DISK_FULL, str(db), mid], capture_output=True, text=True,
                                  cwd=REPO, timeout=120)
            notes.append((proc.returncode, proc.stderr))
            if proc.returncode:
                break
        code, err = notes[-1]
        assert code == 2, notes
        assert err.count("\n") == 1 and "磁盘空间不足" in err, err
        assert "另一个" not in err and "no transaction" not in err
        # A new library on the full disk: not "opened by another instance".
        other = subprocess.run([sys.executable, "-m", "panprd_desktop", "--db", str(mount / "new.sqlite3"), "docs"],
                               capture_output=True, text=True, cwd=REPO, timeout=120)
        assert other.returncode == 2 and "磁盘空间不足" in other.stderr and "另一个" not in other.stderr, other.stderr
        # An import that does not fit: the disk is full, not "cannot rollback".
        source = tmp_path / "big.md"
        source.write_text("# 大文件\n\n" + "\n".join(f"## 第{i}节 标题\n\n1. 措施{'内容' * 300}。" for i in range(300)),
                          encoding="utf-8")
        imported = subprocess.run([sys.executable, "-m", "panprd_desktop", "--db", str(db), "import", str(source)],
                                  capture_output=True, text=True, cwd=REPO, timeout=120)
        assert imported.returncode == 2, imported.stdout
        assert "磁盘空间不足" in imported.stderr and "rollback" not in imported.stderr, imported.stderr
        filler.unlink()
        with Library(db) as lib:
            assert lib.check() == []
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


HOLD = """
import sys, time
from panprd_desktop.core.library import Library
lib = Library(sys.argv[1])
print("holding", flush=True)
time.sleep(60)
"""


def test_reads_work_while_another_process_holds_the_writer_lock(db_path: Path, cli) -> None:
    with Library(db_path) as lib:
        lib.annotate(lib.measures.ids()[:1], Edit(note="窗口里写的备注"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], cwd=REPO, stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for args in (("search", "窗口里写的备注"), ("--read-only", "search", "窗口里写的备注"), ("docs",)):
            done = cli(*args)
            assert done.code == 0, (args, done.err)
        assert "共 1 条" in cli("search", "窗口里写的备注").out
        done = cli("annotate", "x", "--note", "写不进去")
        assert done.code == 2 and "另一个" in done.err
    finally:
        holder.kill()
        holder.wait(timeout=30)


@posix_only
def test_import_of_special_files_says_what_they_are(db_path: Path, tmp_path: Path, cli) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    for target, expected in ((fifo, "FIFO"), (Path("/dev/zero"), "device"), (folder, "folder"),
                             (tmp_path / "missing.txt", "no such file")):
        done = cli("import", str(target))
        assert done.code == 2, target
        assert done.err.count("\n") == 1 and expected in done.err, done.err


def test_a_too_long_library_name_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from panprd_desktop.cli import main

    code = main(["--db", str(tmp_path / ("库" * 120 + ".sqlite3")), "docs"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "过长" in err, err


@posix_only
def test_a_library_path_that_is_a_folder_or_fifo_is_said(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    for target, expected in ((fifo, "FIFO"), (folder, "folder")):
        done = subprocess.run([sys.executable, "-m", "panprd_desktop", "--db", str(target), "docs"],
                              capture_output=True, text=True, cwd=REPO, timeout=60)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr
