"""Cold start and import throughput of two source trees, interleaved in one run (same load).

The Scale section's plain-insert baseline varies 2–22 M chars/s between runs (it is a few
commits, bound by the disk of the moment), so a before/after comparison is only fair when
both trees run alternately against the same libraries. Each round runs, per tree and in a
fresh process, the tree's own bench_scale.cold_start (median of 5) and this tree's
import_yardstick.import_throughput against the tree's package (the same yardstick for both);
the order of the trees alternates between rounds (a run slows the disk for the next).

    python bench/bench_scale_ab.py --before /tmp/base --after . --cache /tmp/bench-scale \
        --sizes 1000,10000,100000,300000 --rounds 3

``--before`` is an exported tree (``git archive <commit> | tar -x -C /tmp/base``) beside a
link to ../shared so its bench finds the corpus. Libraries come from ``--cache``
(bench_scale.library builds them); cold start runs on a copy made once per tree and size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HARNESS = str(Path(__file__).resolve().with_name("import_yardstick.py"))

CHILD = """
import json, sys
sys.path[:0] = [{repo!r} + '/bench', {repo!r}]
import importlib.util
from pathlib import Path
import bench_scale
# The import is measured by this (the after) tree's yardstick for both trees: the same harness,
# only the panprd_desktop it imports (the tree's, first on sys.path) differs.
spec = importlib.util.spec_from_file_location("import_yardstick", {harness!r})
yardstick = importlib.util.module_from_spec(spec)
spec.loader.exec_module(yardstick)
db = Path({db!r})
work = Path({work!r})
copy = work / 'cold' / db.name
if not copy.exists():
    yardstick.working_copy(db, copy.parent)
print(json.dumps({{"cold": bench_scale.cold_start(copy),
                  "import": yardstick.import_throughput(db, work / 'import', rounds={import_rounds})}}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--cache", required=True, help="folder of corpus-<size>.sqlite3 libraries")
    ap.add_argument("--work", default=None, help="scratch folder (default: <cache>/ab)")
    ap.add_argument("--sizes", default="1000,10000,100000,300000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--import-rounds", type=int, default=3, help="import rounds inside each child (fresh copies)")
    args = ap.parse_args()
    trees = {"before": str(Path(args.before).resolve()), "after": str(Path(args.after).resolve())}
    work = Path(args.work or Path(args.cache) / "ab")
    # bytecode caching on, as in an installed app
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print("| measures | tree | `panprd search` cold start (s) | `python -c pass` (s) | ratio |"
          " import, Library.import_files (M chars/s) | plain read-split-insert (M chars/s) | ratio |"
          " CPU ratio | first import of the process (M chars/s) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in [int(s) for s in args.sizes.split(",")]:
        rows: dict[str, list[dict[str, list[float]]]] = {name: [] for name in trees}
        db = str(Path(args.cache).resolve() / f"corpus-{size}.sqlite3")
        for k in range(args.rounds):
            # alternate which tree goes first: a run slows the disk for the next one
            for name, repo in (list(trees.items()) if k % 2 == 0 else list(trees.items())[::-1]):
                code = CHILD.format(repo=repo, db=db, work=str(work / f"{name}-{size}"), harness=HARNESS,
                                    import_rounds=args.import_rounds)
                proc = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True,
                                      env=env, check=True)
                rows[name].append(json.loads(proc.stdout.strip().splitlines()[-1]))
        for name, found in rows.items():
            med = statistics.median
            cold, bare = med(r["cold"][0] for r in found), med(r["cold"][1] for r in found)
            real, plain = med(r["import"]["real"] for r in found), med(r["import"]["plain"] for r in found)
            cold_x = med(r["cold"][0] / r["cold"][1] for r in found)
            import_x = med(r["import"]["ratio"] for r in found)
            first = med(r["import"]["first"] for r in found)
            cpu_x = med(r["import"]["cpu_ratio"] for r in found)
            print(f"| {size:,} | {name} | {cold:.3f} | {bare:.3f} | {cold_x:.1f}×"
                  f" | {real:.2f} | {plain:.2f} | {import_x:.1f}× | {cpu_x:.1f}× | {first:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
