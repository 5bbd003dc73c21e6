"""A process killed in the middle of writing an index leaves nothing a later search trips on."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from panprd_desktop.core.library import Library

REPO = Path(__file__).resolve().parents[2]

CRASH = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {repo!r})
    from panprd_desktop.core.annotations import Edit
    from panprd_desktop.core.library import Library
    lib = Library({db!r})
    engine = {engine!r}
    if {incremental!r}:
        lib.search.search("港澳", engine=engine)
        lib.annotate(lib.measures.ids()[:3], Edit(note="崩溃前的备注壬"))
        import panprd_desktop.core.search.documents as docs
        real = docs.load
        def dying(conn, ids):
            out = real(conn, ids)
            def crash():
                yield from out
                os._exit(3)
            return crash()
        docs.load = dying
        lib.search.search("港澳", engine=engine)
    else:
        lib.search.reindex(engine, progress=lambda done, total: os._exit(3))
    os._exit(0)
""")


@pytest.mark.parametrize("incremental", [False, True], ids=["rebuild", "catch-up"])
def test_killed_while_indexing(tmp_path: Path, engine: str, incremental: bool) -> None:
    db = tmp_path / "lib.sqlite3"
    with Library(db):
        pass
    script = CRASH.format(repo=str(REPO), db=str(db), engine=engine, incremental=incremental)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    with Library(db) as lib:
        for q in ("港澳", "的", "崩溃前的备注壬", "-港"):
            assert lib.search.matching_ids(q, engine=engine) == lib.search.matching_ids(q, engine="scan"), q
        assert lib.check() == []
