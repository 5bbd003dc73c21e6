"""Scale benchmark: 1k, 10k, 100k and 300k measure libraries, side by side with plain baselines.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,100000,300000] [--cache DIR]
                                          [--export] [--write]

Libraries are built once from ``../shared/corpus/scale/`` with the real importer
(bench/corpus.py) and cached in ``--cache`` (default ``bench/out/scale``); a third of their
measures are then annotated by bulk SQL (lead, deadline spread over 2019–2027, status), so
the deadline list and status sorts have real work. Per size this reports

* launch → usable and the longest window-thread stall (max and p99 of a 5 ms timer's gaps)
  for start-up, opening each tab, sorting, filtering, importing, reindexing and exporting
  (bench/scale_gui.py, in a fresh process on a copy of the library);
* all matching ids in reading order (p50/p95) against a substring scan and SQL ``LIKE``;
* import throughput against a plain read-split-insert (bench/import_yardstick.py says exactly
  what the yardstick does; medians of rounds on fresh copies, in one process);
* ``panprd search`` cold start against ``python -c pass``;
* with ``--export``: .docx/.pdf export of 200, 1,000 and 5,000 measures, time and peak RSS.

``--write`` replaces the "## Scale" section of bench/RESULTS.md; growth exponents are the
least-squares slope of log(cost) against log(measures).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
from import_yardstick import import_throughput, working_copy  # noqa: E402 - also used by bench_scale_ab

from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.normalize import fold  # noqa: E402

READING = ("SELECT m.measure_id FROM measures m JOIN sections s ON s.section_id = m.section_id"
           " JOIN documents d ON d.doc_id = m.doc_id")
ORDER = " ORDER BY d.position, s.position, m.position"
NAMED = ["港澳", "汕头", "生态补偿", "国家发展改革委", "合作", "粤港澳大湾区", "不存在的词语组合"]


def library(size: int, cache: Path) -> Path:
    """The cached, annotated library of ``size`` measures (built on first use)."""
    db = corpus.build(size, quiet=True, db=cache / f"corpus-{size}.sqlite3")
    with Library(db) as lib:
        conn = lib.conn
        if conn.execute("SELECT 1 FROM meta WHERE key = 'bench_annotated'").fetchone() is None:
            owners = [r[0] for r in conn.execute("SELECT owner_id FROM owners WHERE kind = 'party' ORDER BY owner_id")]
            statuses = ["not_started", "in_progress", "done", "delayed", "ongoing"]
            rows = conn.execute("SELECT rowid, measure_id FROM measures WHERE rowid % 3 = 0").fetchall()
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT OR REPLACE INTO annotations(measure_id, deadline_text, deadline_date, status, updated_at)"
                " VALUES (?, ?, ?, ?, '2026-01-01T00:00:00')",
                [(mid, "按期", f"{2019 + r % 9}-{1 + r % 12:02d}-{1 + r % 28:02d}", statuses[r % 5], )
                 for r, mid in rows])
            conn.executemany(
                "INSERT OR IGNORE INTO measure_owners(measure_id, role, owner_id, position) VALUES (?, 'lead', ?, 0)",
                [(mid, owners[r % len(owners)]) for r, mid in rows])
            conn.execute("INSERT INTO meta(key, value) VALUES ('bench_annotated', '1')")
            conn.execute("COMMIT")
        lib.search.count("泛珠")  # build the search index once, into the cache
    return db


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def import_file(folder: Path) -> Path:
    """A fresh document for the GUI's import step (a marked government work report)."""
    with open(corpus.SCALE / "government_work_reports.jsonl", encoding="utf-8") as fh:
        item = json.loads(fh.readline())
    path = folder / "import-me.txt"
    path.write_text(f"{item['title']}（规模测试导入 {time.time_ns()}）\n\n{item['content']}", encoding="utf-8")
    return path


def gui(db: Path, folder: Path) -> list[dict[str, object]]:
    lib = working_copy(db, folder)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "scale_gui.py"), str(lib), str(import_file(folder))],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    rows = []
    for line in proc.stdout:
        row = json.loads(line)
        if row["step"] == "start-up":
            row["launch_s"] = round(time.perf_counter() - start, 3)
        rows.append(row)
        print("   ", row, flush=True)
    proc.wait()
    return rows


def ids_latency(db: Path, queries: int) -> dict[str, tuple[float, float]]:
    """p50/p95 ms of every matching id in reading order: the index vs a scan vs LIKE."""
    out: dict[str, tuple[float, float]] = {}
    with Library(db) as lib:
        texts = [(r[0], fold(r[1])) for r in lib.conn.execute(READING.replace("m.measure_id", "m.measure_id, m.text")
                                                              + ORDER)]
        rng = random.Random(13)
        terms = list(NAMED)
        while len(terms) < queries:
            text = rng.choice(texts)[1]
            n = rng.randint(2, 4)
            if len(text) > n:
                k = rng.randrange(len(text) - n)
                terms.append(text[k:k + n])
        lib.search.matching_ids("泛珠")
        runs = {"index (lib.search.matching_ids)": [], "substring scan": [], "SQL LIKE": []}
        for i, term in enumerate(terms):
            query = '"' + term.replace('"', "") + '"'
            t = time.perf_counter()
            lib.search.matching_ids(query)
            runs["index (lib.search.matching_ids)"].append(time.perf_counter() - t)
            t = time.perf_counter()
            _ = [m for m, text in texts if term in text]
            runs["substring scan"].append(time.perf_counter() - t)
            if i < 30:
                t = time.perf_counter()
                lib.conn.execute(READING + " WHERE m.text LIKE ?" + ORDER, (f"%{term}%",)).fetchall()
                runs["SQL LIKE"].append(time.perf_counter() - t)
    for name, times in runs.items():
        out[name] = (statistics.median(times) * 1000, percentile(times, 0.95) * 1000)
    return out


def cold_start(db: Path, runs: int = 5) -> tuple[float, float]:
    """(median s of ``panprd search`` on the library, median s of ``python -c pass``)."""
    # bytecode caching on, as in an installed app (PYTHONDONTWRITEBYTECODE would recompile every module)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def timed(args: list[str]) -> float:
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT, env=env)
        return time.perf_counter() - t

    search = [sys.executable, "-m", "panprd_desktop", "--db", str(db), "search", "港澳", "--limit", "5"]
    timed(search)  # the fold-table cache and the OS file cache are warm from here on
    return (statistics.median(timed(search) for _ in range(runs)),
            statistics.median(timed([sys.executable, "-c", "pass"]) for _ in range(runs)))


def exponent(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) against log(size)."""
    pts = [(math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True) if v and v > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else float("nan")


def main() -> int:
    from scale_report import export_rows, report, write_section

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,300000")
    parser.add_argument("--cache", type=Path, default=ROOT / "bench" / "out" / "scale")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--export", action="store_true", help="also time exports of 200/1,000/5,000 measures")
    parser.add_argument("--write", action="store_true", help="update the Scale section of bench/RESULTS.md")
    parser.add_argument("--gui-only", action="store_true", help="only the window's steps (no ids, import, cold start)")
    parser.add_argument("--repeat", type=int, default=1, help="with --gui-only: runs per size, medians reported")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.gui_only:
        from scale_gui_table import gui_table

        runs: dict[int, tuple[int, list[list[dict[str, object]]]]] = {}
        for size in sizes:
            print(f"== {size} measures", flush=True)
            db = library(size, args.cache)
            with Library(db) as lib:
                count = corpus.measure_count(lib)
            runs[size] = (count, [gui(db, args.cache / f"work-{size}") for _ in range(max(1, args.repeat))])
        print(gui_table(runs, exponent))
        return 0
    results: dict[int, dict[str, object]] = {}
    for size in sizes:
        print(f"== {size} measures", flush=True)
        db = library(size, args.cache)
        with Library(db) as lib:
            count = corpus.measure_count(lib)
        work = args.cache / f"work-{size}"
        results[size] = {
            "measures": count,
            "gui": gui(db, work),
            "ids": ids_latency(db, args.queries),
            "import": import_throughput(db, work),
            "cold": cold_start(db),
        }
        print("   ", {k: v for k, v in results[size].items() if k != "gui"}, flush=True)
    exports = export_rows(library(sizes[min(1, len(sizes) - 1)], args.cache), args.cache) if args.export else []
    text = report(results, exports, exponent, " ".join(["bench/bench_scale.py", *sys.argv[1:]]))
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
