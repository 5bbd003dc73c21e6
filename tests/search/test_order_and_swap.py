"""Issue 13: matching ids come from the index already in reading order, and a rebuild is built
beside the live index — searches keep answering (no library lock held) until it is swapped in."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from tests.search.conftest import related_paths

QUERIES = ("港澳", "的", "合作", "-港", "粤港澳 OR 福建", "不存在的词语")


def _reading_order_truth(lib: Library, query: str) -> list[str]:
    found = set(lib.search.matching_ids(query, engine="scan"))
    return [m for m in lib.measures.ids() if m in found]


def test_ids_stay_in_reading_order_after_edits_and_imports(lib: Library) -> None:
    lib.search.count("港澳")  # the index exists
    ids = lib.measures.ids()
    # re-indexing an early measure gives it a new index row; its place in reading order stays
    lib.annotate(ids[:2] + ids[-3:], Edit(note="港澳合作备注", set_leads=("粤",)), "测试")
    lib.import_files(related_paths()[:3])
    for query in QUERIES:
        assert lib.search.matching_ids(query) == _reading_order_truth(lib, query), query


def test_ids_in_reading_order_under_a_filter(lib: Library) -> None:
    from panprd_desktop.core.search.filters import SearchFilters

    ids = lib.measures.ids()
    lib.annotate(ids[5:40:3], Edit(status="delayed"), "测试")
    filters = SearchFilters(status="delayed")
    expected = [m for m in ids[5:40:3] if m in set(lib.search.matching_ids("的", engine="scan"))]
    assert lib.search.matching_ids("的", filters) == expected


# Both ways of building: on the calling thread, and in a child process (what the window asks for).
BOTH = pytest.mark.parametrize("child", [False, True], ids=["thread", "child process"])


@BOTH
def test_rebuild_builds_beside_without_the_library_lock(lib: Library, child: bool) -> None:
    index = lib.path.with_name(lib.path.name + ".fts5")
    before = lib.search.matching_ids("港澳")
    assert index.exists()
    seen: dict[str, object] = {}

    def progress(done: int, total: int) -> None:
        if seen:
            return
        seen["building"] = sorted(p.name for p in index.parent.glob(index.name + ".new-*"))
        answers: list[list[str]] = []
        other = threading.Thread(target=lambda: answers.append(lib.search.matching_ids("港澳")))
        other.start()
        other.join(timeout=30)  # a rebuild holding the library lock would block this search
        seen["answered"] = answers

    assert lib.search.reindex(progress=progress, separate_process=child) == len(lib.measures.ids())
    assert seen["building"], "the new index is written to a file of its own"
    assert seen["answered"] == [before], "the old index kept answering during the rebuild"
    assert not list(index.parent.glob(index.name + ".new-*"))  # swapped in, nothing left over
    assert lib.search.matching_ids("港澳") == before
    assert lib.check() == []


@BOTH
def test_a_cancelled_rebuild_leaves_the_live_index_as_it_was(lib: Library, child: bool) -> None:
    before = lib.search.matching_ids("合作")
    index = lib.path.with_name(lib.path.name + ".fts5")
    stamp = index.stat().st_mtime_ns
    assert lib.search.reindex(cancelled=lambda: True, separate_process=child) == 0
    assert index.stat().st_mtime_ns == stamp
    assert not list(index.parent.glob(index.name + ".new-*"))
    assert lib.search.matching_ids("合作") == before


@BOTH
def test_changes_during_a_rebuild_are_found_after_the_swap(tmp_path: Path, child: bool) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.search.count("港澳")
        mid = lib.measures.ids()[7]
        done = []

        def progress(_done: int, _total: int) -> None:
            if not done:  # committed while the new index is being built from an older snapshot
                done.append(lib.annotate([mid], Edit(note="重建期间的备注癸"), "测试"))

        lib.search.reindex(progress=progress, separate_process=child)
        assert lib.search.matching_ids("重建期间的备注癸") == [mid]



def test_a_child_build_cancelled_midway_stops_the_child_and_leaves_the_index(lib: Library) -> None:
    before = lib.search.matching_ids("合作")
    index = lib.path.with_name(lib.path.name + ".fts5")
    stamp = index.stat().st_mtime_ns
    calls: list[int] = []

    def cancelled() -> bool:  # asked before the child's first line is read: Cancel while it builds
        calls.append(1)
        return True

    assert lib.search.reindex(cancelled=cancelled, separate_process=True) == 0
    assert calls
    assert index.stat().st_mtime_ns == stamp
    assert not list(index.parent.glob(index.name + ".new-*"))
    assert lib.search.matching_ids("合作") == before
    if Path("/proc").is_dir():  # and the child is gone (Linux: no process runs the build any more)
        running = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _runs_build(p)]
        assert running == []


def _runs_build(proc: Path) -> bool:
    try:
        return b"fts5_build" in (proc / "cmdline").read_bytes()
    except OSError:
        return False


def _failing_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stderr: str) -> None:
    """Make the child process a shell script that writes ``stderr`` (shell commands) and fails."""
    broken = tmp_path / "python"
    broken.write_text(f"#!/bin/sh\n{stderr}\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(broken))


def _remove_index(lib: Library) -> None:
    lib.search.close()
    index = lib.path.with_name(lib.path.name + ".fts5")
    for leftover in index.parent.glob(index.name + "*"):
        leftover.unlink()


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in child is a shell script")
def test_a_child_that_fails_says_why_and_the_live_index_still_answers(
        lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = lib.search.matching_ids("港澳")
    # more than a pipe holds before the error line: the parent must not wait for ever
    _failing_python(tmp_path, monkeypatch, "head -c 200000 /dev/zero | tr '\\000' w >&2\necho >&2\n"
                    "echo 'sqlite3.OperationalError: disk I/O error' >&2")
    with pytest.raises(RuntimeError, match="disk I/O error"):
        lib.search.reindex(separate_process=True)
    index = lib.path.with_name(lib.path.name + ".fts5")
    assert not list(index.parent.glob(index.name + ".new-*"))
    assert lib.search.matching_ids("港澳") == before


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in child is a shell script")
def test_a_search_that_must_rebuild_asks_a_child_when_told_and_still_answers_if_it_fails(
        lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The window sets builds_in_child: a missing index is built by a child process. A child that
    # fails is recorded, and the retry builds on this thread: the search still answers.
    truth = lib.search.matching_ids("港澳", engine="scan")
    _remove_index(lib)
    _failing_python(tmp_path, monkeypatch, "echo 'child could not start' >&2")
    lib.search.builds_in_child = True
    assert lib.search.matching_ids("港澳") == truth
    assert any("child could not start" in r for r in lib.search.recoveries)
    monkeypatch.undo()
    _remove_index(lib)
    assert lib.search.matching_ids("合作") == lib.search.matching_ids("合作", engine="scan")  # a real child
    assert lib.check() == []
