"""``panprd search`` starts quickly: it loads only what a search needs (issue 13).

A search from the command line used to load the parser, the exporters (python-docx,
reportlab), the exchange code and the table readers before printing a line — most of its
start-up time. These run the real command in a fresh process, as a user does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from panprd_desktop.core.library import Library

REPO = Path(__file__).resolve().parents[2]
# What a search never needs: loading any of these is start-up time the user waits for.
HEAVY = ("exporters", "panprd_desktop.core.parsing", "panprd_desktop.core.exchange", "panprd_desktop.core.readers",
         "docx", "reportlab", "openpyxl", "pypdfium2", "pdfplumber", "whoosh", "PySide6",
         # perf-2: the model's dataclasses and the managers a search does not use (the Library
         # builds them on first use), the briefing packs, the platform folders (the fold cache's
         # folder is worked out by paths.user_cache_dir) and strptime (backup names are parsed
         # by hand) — together ≈ 25 ms of a 100k library's cold start.
         "panprd_desktop.core.model", "panprd_desktop.core.packs", "panprd_desktop.core.annotations",
         "panprd_desktop.core.documents", "panprd_desktop.core.measures", "panprd_desktop.core.owners",
         "panprd_desktop.core.removal", "panprd_desktop.core.reads", "platformdirs", "_strptime",
         # the search's values and the backup records are named tuples: no dataclasses (with
         # inspect, ≈ 10 ms) and no class built by them (≈ 0.6 ms each)
         "dataclasses", "inspect",
         # TYPE_CHECKING is a plain constant on this path
         "typing")
# What the everyday search — on a library already opened today, so no daily backup to verify
# and its index built — does not load either: a text search prints no JSON.
EVERYDAY = (*HEAVY, "json", "panprd_desktop.core.deadlines")  # its patterns: only for --due-before/--due-after

PROBE = """
import sys
from panprd_desktop.cli import main
code = main(sys.argv[1:])
heavy = sorted({m for m in sys.modules for h in %r if m == h or m.startswith(h + ".")})
print(" ".join(["LOADED", *heavy]))
raise SystemExit(code)
"""


def run(*args: str, heavy: tuple[str, ...] = HEAVY) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE % (heavy,), *args], capture_output=True, text=True,
                          cwd=REPO, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_search_loads_no_exporter_parser_or_exchange(db_path: Path) -> None:
    Library(db_path).close()  # the guideline, imported once
    proc = run("--db", str(db_path), "search", "港澳", "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("共 ") and len(lines) == 4  # the total, two hits, the probe's line
    assert lines[-1] == "LOADED", lines[-1]


def test_everyday_search_loads_only_the_search(db_path: Path) -> None:
    Library(db_path).close()
    assert run("--db", str(db_path), "search", "港澳").returncode == 0  # today's backup, the index
    proc = run("--db", str(db_path), "search", "港澳", "--limit", "2", heavy=EVERYDAY)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "LOADED", proc.stdout.splitlines()[-1]


def test_export_error_still_one_line_after_lazy_loading(db_path: Path, tmp_path: Path) -> None:
    """The exporters load only for an export; their errors are still said in one line."""
    Library(db_path).close()
    out = tmp_path / "missing-folder" / "pack.pdf"
    proc = run("--db", str(db_path), "export", "--pdf", str(out), "--query", "港澳")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("panprd: ") and proc.stderr.count("\n") == 1
    assert not out.exists()
