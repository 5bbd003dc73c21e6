"""Start-up benchmark: time from launching the app to a shown, usable main window.

Each run starts ``python main.py --db LIB`` in a fresh process with ``PANPRD_STARTUP_PROBE=1``:
the app prints ``startup_seconds=`` (since its first import) once the window is shown and the
event loop has run, then quits. We time from ``Popen`` to that line (interpreter start, imports,
opening the library, building every panel, first show) and report the median.

    python bench/bench_startup.py [--runs 7] [--platform offscreen|xcb] [--write]

``--write`` replaces the "## Startup" section of bench/RESULTS.md (other sections untouched).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "RESULTS.md"
TARGET = 1.5


def launch(db: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from Popen to the report, seconds the app itself reported)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "--db", str(db)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    inner = None
    for line in proc.stdout:
        if line.startswith("startup_seconds="):
            wall = time.perf_counter() - start
            inner = float(line.split("=", 1)[1])
            break
    proc.wait(timeout=60)
    if inner is None:
        raise SystemExit(f"the app did not report its start-up (exit code {proc.returncode})")
    return wall, inner


def write_section(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = old.find("## Startup")
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + 1)
        new = old[:start] + text + (old[end + 1:] if end >= 0 else "")
    RESULTS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM (xcb needs DISPLAY)")
    parser.add_argument("--write", action="store_true", help="update the Startup section of RESULTS.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PANPRD_STARTUP_PROBE="1", QT_QPA_PLATFORM=args.platform,
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"), PYTHONDONTWRITEBYTECODE="1")
        db = Path(tmp) / "library.sqlite3"
        first_wall, _ = launch(db, env)  # first run: creates the library, parses the guideline
        runs = [launch(db, env) for _ in range(args.runs)]
    walls = sorted(w for w, _ in runs)
    median = statistics.median(walls)
    inner = statistics.median(i for _, i in runs)
    verdict = "yes" if median <= TARGET else "NO"
    print(f"first run (creates the library): {first_wall:.2f} s")
    print(f"median of {args.runs}: {median:.2f} s (app-reported {inner:.2f} s), max {walls[-1]:.2f} s;"
          f" target ≤ {TARGET} s: {verdict}")
    if args.write:
        cmd = ".venv/bin/python bench/bench_startup.py --write"
        if args.platform != "offscreen":
            cmd = f"DISPLAY={os.environ.get('DISPLAY', '')} {cmd} --platform {args.platform}  # under Xvfb"
        write_section(
            "## Startup\n\n"
            f"Command: `{cmd}`\n\n"
            f"Launch `python main.py --db LIB` on the guideline library (193 measures) with"
            f" `PANPRD_STARTUP_PROBE=1`, which quits once the main window is shown; wall time from"
            f" process launch to that report. {args.runs} runs after one first run; QT_QPA_PLATFORM="
            f"{args.platform}; CPython {platform.python_version()}, {platform.machine()}.\n\n"
            "| measure | seconds | target | ok |\n| --- | ---: | ---: | --- |\n"
            f"| median launch → window shown | {median:.2f} | ≤ {TARGET} | {verdict} |\n"
            f"| slowest run | {walls[-1]:.2f} | | |\n"
            f"| inside the app (first import → shown) | {inner:.2f} | | |\n"
            f"| first run (creates the library, parses the guideline) | {first_wall:.2f} | | |\n"
        )
    return 0 if median <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
