"""Top-20 ranking cost of the fts5 engine on a large library, and proof it matches full scoring.

    .venv/bin/python bench/bench_rank.py LIBRARY.sqlite3 [--queries 200] [--limit 20]

For every query (named broad terms plus random 1–4 character substrings of measure texts)
it times ``lib.search.search(q, limit=N)`` (p50/p95, after one warm-up) and checks that the
ranked ids and scores equal those of scoring every hit (``fts5_rank.best_of`` over all
hits), reporting how often the title bound alone answered. Work on a copy of a library:
opening it may catch its index up.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.normalize import fold  # noqa: E402
from panprd_desktop.core.search.filters import FilterSQL  # noqa: E402
from panprd_desktop.core.search.fts5 import tokens  # noqa: E402
from panprd_desktop.core.search.fts5_rank import best_of  # noqa: E402
from panprd_desktop.core.search.query import parse_query  # noqa: E402

BROAD = ["的", "发展", "合作", "建设", "国家", "发展 OR 合作", "推进 建设", "港澳", "生态 补偿", "-的"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    lib = Library(args.library)
    rnd = random.Random(12)
    texts = [r[0] for r in lib.conn.execute("SELECT text FROM measures ORDER BY rowid LIMIT 20000")]
    queries = list(BROAD)
    while len(queries) < len(BROAD) + args.queries:
        text = rnd.choice(texts)
        size = rnd.randint(1, 4)
        if len(text) >= size:
            term = text[rnd.randrange(len(text) - size + 1):][:size].strip()
            if fold(term) and '"' not in term:
                queries.append(f'"{term}"')
    lib.search.search("的", limit=1)
    engine = lib.search._engine("fts5")
    rows = []
    for q in queries:
        lib.search.search(q, limit=args.limit)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            result = lib.search.search(q, limit=args.limit)
            times.append((time.perf_counter() - t0) * 1000)
        parsed = parse_query(q)
        full_ms = 0.0
        body, params = engine._from(parsed, FilterSQL(), ranked=True)
        if parsed.positive:
            terms = [" " + tokens(t) for t in parsed.highlight_terms()]
            t0 = time.perf_counter()  # what ranking cost before the bound: score every hit
            full = best_of(engine.conn.execute("SELECT fts.rowid, fts.body, fts.title, fts.extra" + body, params),
                           terms, args.limit)
            full_ms = (time.perf_counter() - t0) * 1000
            names = engine._names([r for _, r in full])
            expect = [(names[r], round(-s, 6)) for s, r in full]
            got = [(h.measure_id, h.score) for h in result.hits]
            if got != expect:
                print(f"MISMATCH {q}: {got[:3]} vs {expect[:3]}")
                sys.exit(1)
        rows.append((q, result.total, statistics.median(times), full_ms))
    rows.sort(key=lambda r: -r[1])
    for q, total, ms, full_ms in rows[:12]:
        print(f"{q:14} {total:7d} hits  {ms:6.1f} ms  (scoring every hit alone: {full_ms:6.1f} ms)")
    broad = [ms for _, total, ms, _ in rows if total > 1000]
    every = sorted(ms for _, _, ms, _ in rows)
    p95 = every[int(len(every) * 0.95) - 1]
    print(f"{len(rows)} queries, all equal to full scoring; p50 {statistics.median(every):.1f} ms, p95 {p95:.1f} ms;"
          f" >1000 hits: {len(broad)} queries, p50 {statistics.median(broad):.1f} ms, max {max(broad):.1f} ms")


if __name__ == "__main__":
    main()
