"""Benchmark: the whole guideline as a briefing pack, in Word and PDF.

Every measure (~200) is annotated (lead, participants, deadline, status, tags) and has
three notes. Each format is written 5 times; the median counts. The first PDF run in a
process pays font registration (~0.15 s), so it is reported separately too.

    .venv/bin/python bench/bench_export.py            # print the table
    .venv/bin/python bench/bench_export.py --write    # also update bench/RESULTS.md
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

from exporters import write_docx, write_pdf  # noqa: E402
from exporters.pack import BriefingPack  # noqa: E402
from panprd_desktop.core.annotations import Edit  # noqa: E402
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.model import STATUSES  # noqa: E402
from panprd_desktop.core.packs import PackOptions  # noqa: E402

PARTIES = ["广东省", "福建省", "江西省", "湖南省", "广西壮族自治区", "海南省", "四川省", "贵州省", "云南省",
           "香港特别行政区", "澳门特别行政区"]


def guideline_pack(folder: Path, notes: int = 3) -> tuple[BriefingPack, float]:
    """The real bundled guideline in a real library, every measure annotated, ``notes`` notes each.

    Returns the pack and the time the core took to build it from the library."""
    statuses = list(STATUSES)
    with Library(folder / "bench.sqlite3") as lib:
        for i, mid in enumerate(lib.measures.ids()):
            lib.annotate([mid], Edit(
                set_leads=(PARTIES[i % 11],), set_participants=(PARTIES[(i + 3) % 11], "国家发展改革委"),
                deadline=f"{2025 + i % 3}年底前", status=statuses[i % 5], add_tags=("第十次联席会议",)), "秘书处")
            for k in range(notes):
                note = f"第{k + 1}次报送：已与{PARTIES[(i + k) % 11]}对接，按计划推进。"
                lib.annotate([mid], Edit(note=note), "陈晓")
        start = time.perf_counter()
        pack = lib.packs.build(PackOptions(meeting="泛珠三角区域合作行政首长联席会议", marking="内部资料"))
        return pack, time.perf_counter() - start

RUNS = 5
TARGETS = {"PDF": 3.0, "Word (.docx)": 2.0}
COMMAND = ".venv/bin/python bench/bench_export.py --write"
SECTION = "## Export"


def _time(write: Callable[[BriefingPack, Path], Path], pack: BriefingPack, out: Path) -> float:
    start = time.perf_counter()
    write(pack, out)
    return time.perf_counter() - start


def run() -> tuple[list[tuple[str, float, float, float, int, float]], int, float]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        pack, build_seconds = guideline_pack(Path(tmp))
        for name, write, suffix in (("PDF", write_pdf, ".pdf"), ("Word (.docx)", write_docx, ".docx")):
            out = Path(tmp) / f"pack{suffix}"
            times = [_time(write, pack, out) for _ in range(RUNS)]
            size = out.stat().st_size
            rows.append((name, times[0], statistics.median(times), max(times), size, TARGETS[name]))
    return rows, len(pack.measures), build_seconds


def table(rows: list[tuple[str, float, float, float, int, float]], measures: int, build: float) -> str:
    lines = [
        f"Whole bundled guideline in a real library: {measures} measures, each annotated (lead, participants,"
        f" deadline, status, tag) and with 3 notes; the core builds the pack in {build * 1000:.0f} ms; {RUNS}"
        f" runs per format; {platform.python_implementation()} {platform.python_version()}, {platform.machine()}.",
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
    rows, measures, build = run()
    body = table(rows, measures, build)
    print(body)
    if args.write:
        write_results(body)


if __name__ == "__main__":
    main()
