"""Benchmark: the whole guideline as a briefing pack, in Word and PDF.

Every measure (~200) is annotated (lead, participants, deadline, status, tags) and has
three notes. Each format is written 5 times; the median counts. The first PDF run in a
process pays font registration (~0.15 s), so it is reported separately too.

    .venv/bin/python bench/bench_export.py            # print the table
    .venv/bin/python bench/bench_export.py --write    # also update bench/RESULTS.md

Also at scale (issue 13): 1,000, 5,000 and 20,000 measures, made by repeating the annotated
guideline's measures (real text, real annotations) as further rounds of groups; each size
and format in its own process so that peak memory (max RSS) is its own, reported beside the
same process's RSS just before the export (library, pack, fonts and writer loaded); and how
long Cancel takes to stop an export, pressed at several moments.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporters import write_docx, write_pdf  # noqa: E402
from exporters.pack import BriefingPack  # noqa: E402
from panprd_desktop.core.annotations import Edit  # noqa: E402
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.model import STATUSES  # noqa: E402
from panprd_desktop.core.packs import PackOptions  # noqa: E402
from tests.exporters.exporters_sample import rounds  # noqa: E402

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
SCALE_TARGETS = {("pdf", 5000): 30.0, ("docx", 5000): 20.0}
SIZES = (1000, 5000, 20000)


def scaled(pack: BriefingPack, n: int) -> BriefingPack:
    """``n`` measures: the pack's groups repeated as further rounds (第2轮 …) until n."""
    return replace(pack, groups=rounds(pack, n))


def peak_mb() -> float:
    """This process's peak RSS. Linux: VmHWM, which starts afresh at exec — ru_maxrss of a
    child starts at its parent's peak (the parent runs the cancel timings: 150–200 MB), which
    is what the rows before issue 13's streaming partly measured."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(fmt: str, n: int) -> dict[str, float]:
    """Run in a child process: build, write one format, report seconds and max RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        pack, _ = guideline_pack(Path(tmp))
        pack = scaled(pack, n)
        out = Path(tmp) / f"pack.{fmt}"
        if fmt == "pdf":  # what the export needs before it starts: the fonts, the writer
            from exporters.fonts import register_pdf_fonts
            from exporters.pdf_writer import write_pdf as _  # noqa: F401

            register_pdf_fonts()
        else:
            from exporters.docx_writer import write_docx as _  # noqa: F401, F811
        base = peak_mb()
        start = time.perf_counter()
        (write_pdf if fmt == "pdf" else write_docx)(pack, out)
        seconds = time.perf_counter() - start
        peak = peak_mb()  # before reading the file back
        pages = 0
        if fmt == "pdf":
            from pypdf import PdfReader

            pages = len(PdfReader(str(out)).pages)
        return {"seconds": seconds, "rss_mb": peak, "base_mb": base,
                "size_kb": out.stat().st_size / 1024, "pages": pages}


def cancel_latency(fmt: str, n: int, seconds: float) -> tuple[float, int]:
    """Worst time from pressing Cancel (a flag the writer polls) to the writer stopping,
    pressed at 25%, 50% and 95% of the export's time; and how many presses landed before
    the export finished (95% usually falls in the final save, which is the slowest to stop)."""
    worst, landed = 0.0, 0
    with tempfile.TemporaryDirectory() as tmp:
        pack, _ = guideline_pack(Path(tmp))
        pack = scaled(pack, n)
        for share in (0.25, 0.5, 0.95):
            delay = _cancel_once(pack, fmt, Path(tmp), share * seconds)
            if delay >= 0:
                landed += 1
                worst = max(worst, delay)
    return worst, landed


def _cancel_once(pack: BriefingPack, fmt: str, folder: Path, delay: float) -> float:
    from exporters.errors import ExportCancelled

    pressed: list[float] = []
    stopped: list[float] = []

    def run() -> None:
        try:
            (write_pdf if fmt == "pdf" else write_docx)(pack, folder / f"c.{fmt}", cancelled=lambda: bool(pressed))
        except ExportCancelled:
            stopped.append(time.perf_counter())

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(delay)
    pressed.append(time.perf_counter())
    thread.join()
    return stopped[0] - pressed[0] if stopped else -1.0


def run_scale() -> list[tuple[str, int, dict[str, float], tuple[float, int]]]:
    rows = []
    for fmt in ("pdf", "docx"):
        for n in SIZES:
            out = subprocess.run([sys.executable, __file__, "--one", fmt, str(n)], capture_output=True, text=True,
                                 check=True).stdout
            result = json.loads(out.strip().splitlines()[-1])
            rows.append((fmt, n, result, cancel_latency(fmt, n, result["seconds"])))
    return rows


def scale_table(rows: list[tuple[str, int, dict[str, float], tuple[float, int]]]) -> str:
    import math

    lines = [
        "",
        "At scale (issue 13): the annotated guideline's 193 measures repeated as further rounds of groups; one",
        "process per row. Before export = that process's RSS with the library, the pack, the fonts and the writer",
        "loaded; peak = its max RSS (the export's own memory is the difference). Cancel: worst delay from",
        "pressing Cancel to the writer stopping, pressed at 25% / 50% / 95% of the export's time (presses that",
        "landed before the export ended, of 3).",
        "Before (issue 13): PDF 17.7 s / 191 s, .docx 10.4 s / 125 s for 1,000 / 5,000. Before streaming, the",
        "export's own memory (peak RSS minus RSS before export, one process per run, same library and pack):",
        "PDF +27 / +108 MB, .docx +66 / +310 MB for 1,000 / 5,000 — PDF peak 133 / 216 MB, .docx 101 / 344 MB.",
        "(The earlier rows of this table, 189 / 223 MB and 318 / 370 MB, read ru_maxrss, which in a child",
        "process starts at its parent's peak; peaks are now read from VmHWM.)",
        "",
        "| format | measures | seconds | per 1,000 | before export | peak RSS | export's own | file | pages |"
        " cancel stops within | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for fmt, n, r, (cancel, landed) in rows:
        target = SCALE_TARGETS.get((fmt, n))
        tgt = f"≤ {target:.0f} s {'yes' if r['seconds'] <= target else 'NO'}" if target else "linear"
        pages = str(int(r["pages"])) if r["pages"] else ""
        lines.append(f"| {fmt} | {n:,} | {r['seconds']:.1f} | {r['seconds'] * 1000 / n:.2f} | {r['base_mb']:.0f} MB"
                     f" | {r['rss_mb']:.0f} MB | {r['rss_mb'] - r['base_mb']:+.0f} MB | {r['size_kb'] / 1024:.1f} MB"
                     f" | {pages} | {cancel * 1000:.0f} ms ({landed}/3) | {tgt} |")
    by = {(f, n): r for f, n, r, _ in rows}
    lo, hi = SIZES[0], SIZES[-1]
    for fmt in ("pdf", "docx"):
        a, b = by[(fmt, lo)], by[(fmt, hi)]
        k = math.log(b["seconds"] / a["seconds"]) / math.log(hi / lo)
        m = math.log(b["rss_mb"] / a["rss_mb"]) / math.log(hi / lo)
        lines.append(f"\n{fmt}: growth exponent between {lo:,} and {hi:,} measures: time {k:.2f} (1.00 = linear),"
                     f" peak RSS {m:.2f} (0.00 = flat); peak {a['rss_mb']:.0f} → {b['rss_mb']:.0f} MB"
                     f" ({b['rss_mb'] - a['rss_mb']:+.0f} MB for {hi - lo:,} more measures).")
    return "\n".join(lines)


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
    parser.add_argument("--one", nargs=2, metavar=("FMT", "N"), help=argparse.SUPPRESS)
    parser.add_argument("--no-scale", action="store_true", help="only the guideline, not 1,000 / 5,000")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    rows, measures, build = run()
    body = table(rows, measures, build)
    if not args.no_scale:
        body += "\n" + scale_table(run_scale())
    print(body)
    if args.write:
        write_results(body)


if __name__ == "__main__":
    main()
