"""Import speed: first open (schema + vocabulary + guideline), guideline parse, related agreements.

    .venv/bin/python bench/bench_import.py [--runs 5]

Medians over several runs, each into a fresh library in a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.paths import bundled_guideline  # noqa: E402

RELATED = ROOT.parent / "shared" / "corpus" / "related"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    related = sorted(RELATED.glob("*.md"))
    first_open, parse, store, related_all = [], [], [], []
    counts = (0, 0, 0)
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            lib = Library(Path(tmp) / "lib.sqlite3")
            first_open.append(time.perf_counter() - t)
            t = time.perf_counter()
            source, doc = lib.documents.parse_file(bundled_guideline())
            parse.append(time.perf_counter() - t)
            lib.conn.execute("DELETE FROM documents")
            t = time.perf_counter()
            lib.documents.store(source, doc, "guideline")
            store.append(time.perf_counter() - t)
            t = time.perf_counter()
            results = lib.import_files(related)
            related_all.append(time.perf_counter() - t)
            counts = (len(doc.sections), doc.measure_count, sum(r.measures for r in results))
            lib.close()
    ms = lambda xs: f"{statistics.median(xs) * 1000:.1f} ms"  # noqa: E731
    print(f"| what | median of {runs} |\n|---|---|")
    print(f"| first open: schema, vocabulary, guideline import | {ms(first_open)} |")
    print(f"| guideline read + parse ({counts[0]} sections, {counts[1]} measures) | {ms(parse)} |")
    print(f"| guideline store (one transaction) | {ms(store)} |")
    print(f"| all {len(related)} related agreements ({counts[2]} measures) | {ms(related_all)} |")


if __name__ == "__main__":
    main()
