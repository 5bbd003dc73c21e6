"""bench_scale.py's export timing (in child processes) and its Markdown report."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Scale"
EXPORT_TIMEOUT = 400

_EXPORT_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from panprd_desktop.core.library import Library
from panprd_desktop.core.packs import PackOptions
db, n, fmt, out = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
with Library(db) as lib:
    ids = lib.measures.ids()[:n]
    t = time.perf_counter()
    pack = lib.packs.build(PackOptions(), measure_ids=ids)
    lib.packs.export(pack, out, fmt)
    took = time.perf_counter() - t
try:
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
except ImportError:  # Windows
    peak = float("nan")
print(json.dumps({"seconds": took, "peak_mb": peak}))
"""


def export_rows(db: Path, folder: Path) -> list[tuple[int, str, str, str]]:
    """(measures, format, seconds, peak MB) for 200, 1,000 and 5,000 measures, each in a fresh process."""
    rows = []
    for n in (200, 1000, 5000):
        for fmt in ("docx", "pdf"):
            out = folder / f"export-{n}.{fmt}"
            try:
                proc = subprocess.run([sys.executable, "-c", _EXPORT_CHILD, str(ROOT), str(db), str(n), fmt, str(out)],
                                      capture_output=True, text=True, timeout=EXPORT_TIMEOUT, check=True)
                got = json.loads(proc.stdout.strip().splitlines()[-1])
                rows.append((n, fmt, f"{got['seconds']:.1f}", f"{got['peak_mb']:.0f}"))
            except subprocess.TimeoutExpired:
                rows.append((n, fmt, f"> {EXPORT_TIMEOUT} (stopped)", "—"))
            except subprocess.CalledProcessError as exc:
                rows.append((n, fmt, f"failed: {exc.stderr.strip().splitlines()[-1][:60]}", "—"))
            print("   export", rows[-1], flush=True)
    return rows


def _step(gui: list[dict[str, object]], name: str) -> dict[str, object]:
    return next((r for r in gui if str(r["step"]).startswith(name)), {})


def report(results: dict[int, dict[str, object]], exports: list[tuple[int, str, str, str]],
           exponent: Callable[[list[int], list[float]], float], command: str) -> str:
    sizes = sorted(results)
    counts = [int(results[s]["measures"]) for s in sizes]  # type: ignore[call-overload]
    head = "| | " + " | ".join(f"{c:,}" for c in counts) + " | growth exponent |"
    rule = "| --- |" + " ---: |" * (len(sizes) + 1)
    lines = [
        SECTION, "",
        f"Command: `.venv/bin/python {command}`", "",
        f"Libraries built from ../shared/corpus/scale/ by bench/corpus.py, a third of the measures annotated"
        f" by bulk SQL; the GUI steps run bench/scale_gui.py (the real window, QT_QPA_PLATFORM=offscreen) in a"
        f" fresh process on a copy; a stall is the longest gap of a 5 ms QTimer on the window thread (max / p99,"
        f" ms). Growth exponent: least-squares slope of log(cost) on log(measures). CPython"
        f" {platform.python_version()}, {platform.machine()}, 2 shared cores.", "",
        head, rule,
    ]

    def row(label: str, values: list[float], fmt: str = "{:.0f}", extra: list[str] | None = None) -> None:
        cells = extra or [fmt.format(v) for v in values]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {exponent(counts, values):.2f} |")

    gui = {s: results[s]["gui"] for s in sizes}
    row("launch → usable (s)", [float(_step(gui[s], "start-up").get("launch_s", 0)) for s in sizes],  # type: ignore[arg-type]
        "{:.2f}")
    for name in ("start-up", "open 分工表", "sort 分工表 by status", "sort 分工表 by 序号", "filter 分工表",
                 "clear filter", "open 期限提醒", "import one file", "reindex", "export 200"):
        steps = [_step(gui[s], name) for s in sizes]  # type: ignore[arg-type]
        values = [float(st.get("stall_ms", 0)) for st in steps]  # type: ignore[arg-type]
        cells = [f"{st.get('stall_ms', 0):.0f} / {st.get('p99_ms', 0):.0f}" for st in steps]
        row(f"stall: {name} (max / p99 ms)", values, extra=cells)
    steps = [_step(gui[s], "filter 分工表") for s in sizes]  # type: ignore[arg-type]
    row("filter keystroke → rows (s, incl. the typing pause)", [float(st.get("seconds", 0)) for st in steps], "{:.2f}")
    steps = [_step(gui[s], "click while reindexing") for s in sizes]  # type: ignore[arg-type]
    row("a click while the index rebuilds (ms)", [float(st.get("seconds", 0)) * 1000 for st in steps], "{:.1f}")
    steps = [_step(gui[s], "open 期限提醒") for s in sizes]  # type: ignore[arg-type]
    row("memory after opening 期限提醒 (MB RSS)", [float(st.get("rss_mb", 0)) for st in steps])
    for name in results[sizes[0]]["ids"]:  # type: ignore[attr-defined]
        cells, p95s = [], []
        for s in sizes:
            p50, p95 = results[s]["ids"][name]  # type: ignore[index]
            cells.append(f"{p50:.1f} / {p95:.1f}")
            p95s.append(p95)
        row(f"all matching ids in reading order, {name} (p50 / p95 ms)", p95s, extra=cells)
    imports = [results[s]["import"] for s in sizes]
    row("import throughput, Library.import_files (M chars/s)", [i["real"] for i in imports], "{:.2f}")  # type: ignore[index]
    row("import throughput, plain read-split-insert (M chars/s)", [i["plain"] for i in imports], "{:.2f}")  # type: ignore[index]
    row("import time ÷ plain read-split-insert time (median of rounds)", [i["ratio"] for i in imports], "{:.1f}")  # type: ignore[index]
    row("import CPU time ÷ plain CPU time (median of rounds)", [i["cpu_ratio"] for i in imports], "{:.1f}")  # type: ignore[index]
    row("import throughput, plain read-split-insert of sentences, as many rows as the import (M chars/s)",
        [i["same_rows"] for i in imports], "{:.2f}")  # type: ignore[index]
    row("import time ÷ sentence read-split-insert time (median of rounds)",
        [i["same_rows_ratio"] for i in imports], "{:.1f}")  # type: ignore[index]
    colds = [results[s]["cold"] for s in sizes]
    row("`panprd search` cold start (s)", [c[0] for c in colds], "{:.3f}")  # type: ignore[index]
    row("`python -c pass` (s)", [c[1] for c in colds], "{:.3f}")  # type: ignore[index]
    if exports:
        lines += ["", "Export of the first N measures of the 10k library (each in a fresh process; time includes"
                  " building the pack; peak RSS of that process):", "",
                  "| measures | format | seconds | peak RSS (MB) |", "| ---: | --- | ---: | ---: |"]
        lines += [f"| {n:,} | {fmt} | {sec} | {peak} |" for n, fmt, sec, peak in exports]
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    """Replace only the "## Scale" section of bench/RESULTS.md (others own the rest)."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = old.find(f"\n{SECTION}\n")
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + 1)
        new = old[: start + 1] + text + (old[end:] if end >= 0 else "")
    RESULTS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
