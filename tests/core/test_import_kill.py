"""kill -9 during a many-file import: each file is fully in or fully out (issue 13).

Storing stays one transaction per file (a failure in file 7 keeps files 1–6), and the
import logs each document for the search index inside that file's transaction (migration
0009): after a kill, the stored files are a prefix of the batch, each complete, and every
stored measure is in the search change log, itself or through its document (so the index
finds it).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from panprd_desktop.core.library import Library
from tests.conftest import GUIDELINE, REPO
from tests.exchange.conftest import copy_library

FILES = 24


def _batch(folder: Path) -> list[Path]:
    text = GUIDELINE.read_text(encoding="utf-8")
    files = []
    for k in range(FILES):
        path = folder / f"{k:02d}.txt"
        # a distinct title and closing line: another text each time, not a known one
        path.write_text(f"批量导入测试第{k}号文件\n\n{text}\n附：第{k}号复本。\n", encoding="utf-8")
        files.append(path)
    return files


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_a_batch_leaves_each_file_in_or_out(tmp_path: Path) -> None:
    files = _batch(tmp_path)
    pristine = tmp_path / "pristine.sqlite3"
    with Library(pristine) as lib:
        known = {r[0] for r in lib.conn.execute("SELECT doc_id FROM documents")}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "panprd_desktop", "--db"]
    full = tmp_path / "full.sqlite3"
    copy_library(pristine, full)
    started = time.monotonic()
    subprocess.run([*command, str(full), "import", *map(str, files)], env=env, check=True, capture_output=True)
    duration = time.monotonic() - started
    with Library(full) as lib:
        measures_per_doc = {r[0]: r[1] for r in lib.conn.execute(
            "SELECT d.source_name, COUNT(m.measure_id) FROM documents d JOIN measures m ON m.doc_id = d.doc_id"
            " WHERE d.doc_id NOT IN (SELECT value FROM json_each(?)) GROUP BY d.doc_id", (json.dumps(sorted(known)),))}
    assert sorted(measures_per_doc) == [p.name for p in files]
    stored_counts = set()
    for i in range(6):
        target = tmp_path / f"kill{i}.sqlite3"
        copy_library(pristine, target)
        proc = subprocess.Popen([*command, str(target), "import", *map(str, files)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * (0.5 + 0.08 * i))  # from start-up, through parsing, into storing
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Library(target) as lib:
            assert lib.check() == []
            conn = lib.conn
            got = {r[0]: r[1] for r in conn.execute(
                "SELECT d.source_name, COUNT(m.measure_id) FROM documents d LEFT JOIN measures m"
                " ON m.doc_id = d.doc_id GROUP BY d.doc_id")
                if r[0] in measures_per_doc}
            # per-file transactions, in order: the files stored are the first k, each complete
            assert sorted(got) == [p.name for p in files[:len(got)]]
            assert all(got[name] == measures_per_doc[name] for name in got)
            unlogged = conn.execute(
                "SELECT COUNT(*) FROM measures m WHERE NOT EXISTS (SELECT 1 FROM search_changes c"
                " WHERE (c.kind = 'measure' AND c.key = m.measure_id)"
                " OR (c.kind = 'document' AND c.key = m.doc_id))").fetchone()[0]
            assert unlogged == 0
            assert lib.search.count('"附：第0号复本"') == (1 if got else 0)
        stored_counts.add(len(got))
    print("files stored when killed:", sorted(stored_counts), f"import took {duration:.2f} s")
