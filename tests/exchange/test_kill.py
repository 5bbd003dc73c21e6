"""kill -9 during an import: the library is as before or fully merged, never half."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panprd_desktop.core.annotations import Edit
from panprd_desktop.core.library import Library
from tests.conftest import REPO
from tests.exchange.conftest import copy_library, state


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_import_leaves_before_or_after(make_office, tmp_path: Path) -> None:
    a, b = make_office("秘书处"), make_office("广东省")
    ids = a[0].measures.ids()
    a[0].annotate(ids, Edit(status="in_progress", add_leads=("粤",), add_tags=("督办",), deadline="2027年底前"), "甲")
    for mid in ids:
        a[0].annotate([mid], Edit(note=f"{mid} 的进展情况" * 5), "甲")
    a[1].export_bundle(tmp_path / "big.json")
    b[0].close()
    pristine = tmp_path / "pristine.sqlite3"
    copy_library(b[0].path, pristine)
    with Library(pristine) as lib:
        before = state(lib)
    full = tmp_path / "full.sqlite3"
    copy_library(pristine, full)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "panprd_desktop", "--db"]
    started = time.monotonic()
    subprocess.run([*command, str(full), "bundle", "import", str(tmp_path / "big.json")], env=env, check=True,
                   capture_output=True)
    duration = time.monotonic() - started
    with Library(full) as lib:
        after = state(lib)
    assert after != before
    outcomes = set()
    for i in range(6):
        target = tmp_path / f"kill{i}.sqlite3"
        copy_library(pristine, target)
        proc = subprocess.Popen([*command, str(target), "bundle", "import", str(tmp_path / "big.json")], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * (0.4 + 0.14 * i))  # from start-up to past the commit
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Library(target) as lib:
            got = state(lib)
            assert lib.check() == []
        assert got in (before, after)
        outcomes.add("before" if got == before else "after")
    print("kill outcomes:", sorted(outcomes), f"import took {duration:.2f} s")
    assert "before" in outcomes  # at least one kill landed before the commit
