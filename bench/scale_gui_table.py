"""``bench_scale.py --gui-only --repeat N``: the GUI rows only, each the median of N runs.

Window-thread stalls are wall-clock gaps: on two cores shared with other work, one run's maximum
can double with nothing changed in the code. Each cell here is the median over N fresh runs of
that run's max (and of its p99), which is what bench/RESULTS.md quotes for the GUI rows.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import median

STEPS = ("start-up", "open 分工表", "sort 分工表 by status", "sort 分工表 by 序号", "filter 分工表",
         "clear filter", "open 期限提醒", "import one file", "reindex", "export 200")


def _step(run: list[dict[str, object]], name: str) -> dict[str, object]:
    return next((r for r in run if str(r["step"]).startswith(name)), {})


def _median(runs: list[list[dict[str, object]]], name: str, key: str) -> float:
    return median(float(_step(run, name).get(key, 0) or 0) for run in runs)  # type: ignore[arg-type]


def gui_table(results: dict[int, tuple[int, list[list[dict[str, object]]]]],
              exponent: Callable[[list[int], list[float]], float]) -> str:
    """``results``: size → (measures, the runs' JSON rows). Markdown, one row per step."""
    sizes = sorted(results)
    counts = [results[s][0] for s in sizes]
    runs = {s: results[s][1] for s in sizes}
    n = min(len(r) for r in runs.values())
    lines = [f"GUI steps, median of {n} runs per size (max / p99 ms: medians of each run's max and p99)", "",
             "| | " + " | ".join(f"{c:,}" for c in counts) + " | growth exponent |",
             "| --- |" + " ---: |" * (len(sizes) + 1)]

    def row(label: str, values: list[float], cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {exponent(counts, values):.2f} |")

    launch = [_median(runs[s], "start-up", "launch_s") for s in sizes]
    row("launch → usable (s)", launch, [f"{v:.2f}" for v in launch])
    for name in STEPS:
        top = [_median(runs[s], name, "stall_ms") for s in sizes]
        p99 = [_median(runs[s], name, "p99_ms") for s in sizes]
        row(f"stall: {name} (max / p99 ms)", top, [f"{a:.0f} / {b:.0f}" for a, b in zip(top, p99, strict=True)])
    keystroke = [_median(runs[s], "filter 分工表", "seconds") for s in sizes]
    row("filter keystroke → rows (s, incl. the 200 ms typing pause)", keystroke, [f"{v:.2f}" for v in keystroke])
    click = [1000 * _median(runs[s], "click while reindexing", "seconds") for s in sizes]
    row("a click while the index rebuilds (ms)", click, [f"{v:.1f}" for v in click])
    memory = [_median(runs[s], "open 期限提醒", "rss_mb") for s in sizes]
    row("memory after opening 期限提醒 (MB RSS)", memory, [f"{v:.0f}" for v in memory])
    return "\n".join(lines) + "\n"
