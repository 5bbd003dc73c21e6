"""Benchmark: the whole guideline as a briefing pack, in Word and PDF.

Every measure (~200) is annotated (lead, participants, deadline, status, tags) and has
three notes. Each format is written 5 times; the median counts. The first PDF run in a
process pays font registration (~0.15 s), so it is reported separately too.

    /work/venv/bin/python bench/bench_export.py            # print the table
    /work/venv/bin/python bench/bench_export.py --write    # also update bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "exporters"))

from exporters_sample import guideline_pack  # noqa: E402

from exporters import write_docx, write_pdf  # noqa: E402
from exporters.pack import BriefingPack  # noqa: E402

RUNS = 5
TARGETS = {"PDF": 3.0, "Word (.docx)": 2.0}
COMMAND = "/work/venv/bin/python bench/bench_export.py --write"
SECTION = "## Export"


def _time(write: Callable[[BriefingPack, Path], Path], pack: BriefingPack, out: Path) -> float:
    start = time.perf_counter()
    write(pack, out)
    return time.perf_counter() - start


def run() -> list[tuple[str, float, float, float, int, float]]:
    pack = guideline_pack(notes=3)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, write, suffix in (("PDF", write_pdf, ".pdf"), ("Word (.docx)", write_docx, ".docx")):
            out = Path(tmp) / f"pack{suffix}"
            times = [_time(write, pack, out) for _ in range(RUNS)]
            size = out.stat().st_size
            rows.append((name, times[0], statistics.median(times), max(times), size, TARGETS[name]))
    return rows


def table(rows: list[tuple[str, float, float, float, int, float]], measures: int) -> str:
    lines = [
        f"Whole guideline: {measures} measures, each annotated and with 3 notes; {RUNS} runs per format; "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}.",
        "",
        "| format | first run (s) | median (s) | max (s) | file size | target | ok |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, first, median, worst, size, target in rows:
        ok = "yes" if median <= target else "NO"
        lines.append(
            f"| {name} | {first:.2f} | {median:.2f} | {worst:.2f} | {size / 1024:.0f} KB | ≤ {target:.0f} s | {ok} |"
        )
    return "\n".join(lines)


def write_results(body: str) -> None:
    """Replace only the "## Export" section of bench/RESULTS.md (others own the rest)."""
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    section = f"{SECTION}\n\nCommand: `{COMMAND}`\n\n{body}\n"
    start = text.find(f"\n{SECTION}\n")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[: start + 1] + section + (text[end:] if end != -1 else "")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the Export section of bench/RESULTS.md")
    args = parser.parse_args()
    rows = run()
    body = table(rows, len(guideline_pack(notes=3).measures))
    print(body)
    if args.write:
        write_results(body)


if __name__ == "__main__":
    main()
