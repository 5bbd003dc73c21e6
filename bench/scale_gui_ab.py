"""Window-thread stalls of two trees side by side: ``python bench/scale_gui_ab.py BEFORE_TREE
--cache DIR [--sizes 1000,...] [--rounds 3]`` (BEFORE_TREE: e.g. ``git archive <commit> | tar -x``).

Stalls are wall-clock gaps, and on two shared cores one run's maximum can double with nothing
changed. So the two trees run alternately (the order switching each round), each in a fresh
process on a fresh copy of the same cached library (bench_scale.library), and the table gives
per size and step the median over the rounds of each run's max: ``before → after``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import import_file, library, working_copy  # noqa: E402
from scale_gui_table import STEPS, _step  # noqa: E402


def run(tree: Path, db: Path, folder: Path) -> list[dict[str, object]]:
    lib = working_copy(db, folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    out = subprocess.run([sys.executable, str(tree / "bench" / "scale_gui.py"), str(lib), str(import_file(folder))],
                         cwd=tree, env=env, capture_output=True, text=True, check=False).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--sizes", default="1000,10000,100000,300000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": ROOT}
    sizes = [int(s) for s in args.sizes.split(",")]
    runs: dict[tuple[str, int], list[list[dict[str, object]]]] = {}
    for size in sizes:
        db = library(size, args.cache)
        for r in range(args.rounds):
            for name in (("before", "after") if r % 2 == 0 else ("after", "before")):
                rows = run(trees[name], db, args.cache / f"ab-{size}")
                runs.setdefault((name, size), []).append(rows)
                print(name, size, {str(x["step"])[:24]: round(float(x.get("stall_ms", 0)))  # type: ignore[arg-type]
                                   for x in rows if "stall_ms" in x}, flush=True)

    def cell(name: str, size: int, step: str) -> float:
        return median(float(_step(rows, step).get("stall_ms", 0) or 0) for rows in runs[(name, size)])  # type: ignore[arg-type]

    print("\n| max stall, ms (median of each run's max) | "
          + " | ".join(f"{s:,}: before → after" for s in sizes) + " |")
    print("| --- |" + " ---: |" * len(sizes))
    for step in STEPS:
        print(f"| {step} | " + " | ".join(f"{cell('before', s, step):.0f} → {cell('after', s, step):.0f}"
                                         for s in sizes) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
