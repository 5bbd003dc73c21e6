"""`panprd search` cold start of two source trees, as users start it, interleaved in one run.

bench_scale_ab.py times ``python -m panprd_desktop`` beside import throughput (minutes per
size); this times only the cold start, both ways a user starts it — ``python -m
panprd_desktop`` and the installed ``panprd`` console script (run with the tree first on
``PYTHONPATH``, so the script imports that tree) — with ``python -c pass`` in the same rounds:

    python bench/bench_cold_start.py --before /tmp/base --cache /tmp/bench-scale --rounds 15

Each tree searches its own copy of each library (bench_scale.working_copy; the first, untimed
run makes the day's backup and brings the index up to date, as a user's first search of the
day does). Every round runs each command once, in an order that reverses every round.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_scale  # noqa: E402 - beside this file


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True, help="a source tree (e.g. a `git archive` export)")
    ap.add_argument("--after", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--cache", required=True, type=Path, help="folder of corpus-<size>.sqlite3 libraries")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: <cache>/cold)")
    ap.add_argument("--sizes", default="1000,10000,100000,300000")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--query", default="港澳")
    args = ap.parse_args()
    script = shutil.which("panprd", path=str(Path(sys.executable).parent))
    if script is None:
        ap.error(f"no panprd console script beside {sys.executable}")
    trees = {"before": Path(args.before).resolve(), "after": Path(args.after).resolve()}
    work = args.work or args.cache / "cold"
    # bytecode caching on, as in an installed app; PYTHONPATH set per tree below
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    print("| measures | `python -c pass` (s) | tree | `python -m panprd_desktop` (s) | ratio |"
          " `panprd` script (s) | ratio |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    for size in [int(s) for s in args.sizes.split(",")]:
        db = args.cache.resolve() / f"corpus-{size}.sqlite3"
        runs: dict[str, tuple[list[str], Path, dict[str, str]]] = {"pass": ([sys.executable, "-c", "pass"], work, env)}
        for name, tree in trees.items():
            copy = bench_scale.working_copy(db, work / f"{name}-{size}")
            search = ["--db", str(copy), "search", args.query, "--limit", "5"]
            tree_env = {**env, "PYTHONPATH": str(tree)}
            runs[f"{name} -m"] = ([sys.executable, "-m", "panprd_desktop", *search], tree, tree_env)
            runs[f"{name} script"] = ([sys.executable, script, *search], tree, tree_env)
        for cmd, cwd, run_env in runs.values():  # untimed: the day's backup, the index caught up
            subprocess.run(cmd, cwd=cwd, env=run_env, check=True, capture_output=True)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for k in range(args.rounds):
            for name in (list(runs) if k % 2 == 0 else list(runs)[::-1]):
                cmd, cwd, run_env = runs[name]
                start = time.perf_counter()
                subprocess.run(cmd, cwd=cwd, env=run_env, check=True, capture_output=True)
                times[name].append(time.perf_counter() - start)
        med = {name: statistics.median(values) for name, values in times.items()}
        for name in trees:
            m, s = med[f"{name} -m"], med[f"{name} script"]
            print(f"| {size:,} | {med['pass']:.3f} | {name} | {m:.3f} | {m / med['pass']:.1f}×"
                  f" | {s:.3f} | {s / med['pass']:.1f}× |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
