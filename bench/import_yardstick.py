"""Import throughput against a plain read-split-insert, measured the same way (issue 13).

The yardstick (:func:`plain_import`) does what any import of these files must do and nothing
else: per file, read the bytes, decode them as UTF-8, split the text into its non-blank
lines (the paragraphs), and insert one row per paragraph — (id, document, position, text),
a text primary key and an index on (document, position), the shape of ``measures`` — in one
``BEGIN IMMEDIATE … COMMIT`` per file, into a table inside the same copy of the library,
through a connection with the library connection's own journal mode, synchronous level,
cache size and foreign-key setting (read from it, so the two follow each other). It does
not parse, label, hash, check for a known text, read owner brackets or keep the search
change log: that is the work the comparison is about.

A second yardstick (``unit="sentence"``) splits each paragraph at 。！？ as well — a plain
regular expression, not the parser — and so inserts as many rows as the import stores (5,992
for the 20 reports, where the import stores 5,320 measures and the paragraph yardstick 1,552
lines): the same plain read-split-insert, with the rows the library is made of. Both are
reported; the paragraph one is the stricter.

:func:`import_throughput` runs ``rounds`` rounds in one process. Each round makes a fresh
copy of the library (and its search index), then runs ``Library.import_files`` on the 20
files and both yardsticks on the same files into that copy, in rotating order (whichever runs
later finds the file grown and the page cache warm; each runs first in a third of the rounds).
It returns medians: chars/s of each, and the median of the per-round ratios (each ratio's
runs saw the same disk).
The first round's import also loads the parser modules (a once-per-process cost, reported
separately as ``first``).

This module touches neither ``sys.path`` nor the bench's other modules, so
bench_scale_ab.py can run it, unchanged, against another source tree's ``panprd_desktop``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import statistics
import time
from pathlib import Path

SCALE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "scale"
FILES = 20


def working_copy(db: Path, folder: Path) -> Path:
    """A copy of the library and its search index, through the backup API (a file copy could
    miss what is still in the -wal)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    out = folder / db.name
    for suffix in ("", ".fts5"):
        if not Path(str(db) + suffix).exists():
            continue
        src = sqlite3.connect(str(db) + suffix)
        dst = sqlite3.connect(str(out) + suffix)
        src.backup(dst)
        src.close()
        dst.close()
    return out


def report_files(folder: Path, count: int = FILES) -> list[Path]:
    """The first ``count`` government work reports as .txt, marked so that no library holds them."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    with open(SCALE / "government_work_reports.jsonl", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= count:
                break
            item = json.loads(line)
            path = folder / f"{k:03d}.txt"
            path.write_text(f"{item['title']}（吞吐测试）\n\n{item['content']}", encoding="utf-8")
            files.append(path)
    return files


def library_settings(conn: sqlite3.Connection) -> dict[str, object]:
    """The pragmas of a library connection that decide what a write costs."""
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "cache_size", "foreign_keys")}


def plain_connection(path: Path, settings: dict[str, object]) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for name, value in settings.items():
        conn.execute(f"PRAGMA {name} = {value}")
    conn.execute("DROP TABLE IF EXISTS plain_paragraphs")
    conn.execute("CREATE TABLE plain_paragraphs (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER NOT NULL,"
                 " text TEXT NOT NULL)")
    conn.execute("CREATE INDEX plain_paragraphs_doc ON plain_paragraphs(doc, position)")
    return conn


# A sentence runs to 。！？ (and any more of them), as the parser's split does; plain re, no parser.
_SENTENCE = re.compile(r"[^。！？]+[。！？]*")


def plain_import(conn: sqlite3.Connection, files: list[Path], unit: str = "paragraph") -> int:
    """The yardstick (see the module docstring); returns the rows inserted."""
    rows = 0
    for path in files:
        text = path.read_bytes().decode("utf-8")
        paragraphs = [p for p in text.split("\n") if p.strip()]
        if unit == "sentence":
            paragraphs = [s for p in paragraphs for s in _SENTENCE.findall(p.strip()) if s.strip()]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO plain_paragraphs VALUES (?, ?, ?, ?)",
                         [(f"{path.stem}.{i}", path.stem, i, p) for i, p in enumerate(paragraphs, 1)])
        conn.execute("COMMIT")
        rows += len(paragraphs)
    return rows


def import_throughput(db: Path, folder: Path, rounds: int = 6) -> dict[str, float]:
    """Medians over ``rounds``: M chars/s of Library.import_files (``real``) and of the
    yardstick (``plain``), the median per-round ratio plain/real (``ratio``), and the first
    round's import (``first``, which includes loading the parser), and the median ratio of
    their CPU times (``cpu_ratio``)."""
    from panprd_desktop.core.library import Library  # the tree under test (first on sys.path)

    files = report_files(folder / "src")
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    real: list[float] = []
    plain: list[float] = []
    cpu: list[float] = []
    same_rows: list[float] = []
    for k in range(rounds):
        lib_path = working_copy(db, folder / "lib")
        # Opening once first applies any pending migration (and its backup) before either
        # timed step; the sync keeps the copy's write-back out of both.
        with Library(lib_path, defer_backup=True) as lib:
            settings = library_settings(lib.conn)
        if hasattr(os, "sync"):
            os.sync()
        wall: dict[str, float] = {}
        work: dict[str, float] = {}
        steps = ("real", "plain", "sentence")
        for step in steps[k % 3:] + steps[:k % 3]:  # each step first, second and third in turn
            if step == "real":
                with Library(lib_path, defer_backup=True) as lib:
                    t, c = time.perf_counter(), time.process_time()
                    lib.import_files(files)
                    wall["real"], work["real"] = time.perf_counter() - t, time.process_time() - c
            else:
                conn = plain_connection(lib_path, settings)
                t, c = time.perf_counter(), time.process_time()
                plain_import(conn, files, "paragraph" if step == "plain" else "sentence")
                wall[step], work[step] = time.perf_counter() - t, time.process_time() - c
                conn.close()
        real.append(wall["real"])
        plain.append(wall["plain"])
        same_rows.append(wall["sentence"])
        cpu.append(work["real"] / max(work["plain"], 1e-6))
    shutil.rmtree(folder / "lib", ignore_errors=True)
    return {
        "real": chars / statistics.median(real) / 1e6,
        "plain": chars / statistics.median(plain) / 1e6,
        "ratio": statistics.median(r / p for r, p in zip(real, plain, strict=True)),
        # the yardstick that inserts as many rows as the import stores (sentences)
        "same_rows": chars / statistics.median(same_rows) / 1e6,
        "same_rows_ratio": statistics.median(r / p for r, p in zip(real, same_rows, strict=True)),
        "first": chars / real[0] / 1e6,
        # CPU seconds of the import ÷ of the yardstick: the work, without the waits for the
        # disk that both have (the wall-clock ratio falls towards 1 as commits get slower)
        "cpu_ratio": statistics.median(cpu),
        "chars": chars,
    }


def main() -> int:
    import argparse
    import math
    import sys

    ap = argparse.ArgumentParser(description="Import throughput against the plain read-split-insert, per size.")
    ap.add_argument("--cache", type=Path, required=True, help="folder of corpus-<size>.sqlite3 libraries")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: <cache>/yardstick)")
    ap.add_argument("--sizes", default="1000,10000,100000,300000")
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this tree's package, run as a script
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = {}
    for size in sizes:
        rows[size] = import_throughput(args.cache / f"corpus-{size}.sqlite3",
                                       (args.work or args.cache / "yardstick") / str(size), args.rounds)
        print(size, {k: round(v, 2) for k, v in rows[size].items()}, flush=True)

    def slope(values: list[float]) -> float:
        pts = [(math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True)]
        mx, my = sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
        den = sum((x - mx) ** 2 for x, _ in pts)
        return sum((x - mx) * (y - my) for x, y in pts) / den if den else float("nan")

    print("| | " + " | ".join(f"{s:,}" for s in sizes) + " | growth exponent |")
    print("| --- |" + " ---: |" * (len(sizes) + 1))
    for key, name in (("real", "import throughput, Library.import_files (M chars/s)"),
                      ("plain", "import throughput, plain read-split-insert (M chars/s)"),
                      ("ratio", "import time ÷ plain time (median of per-round ratios)"),
                      ("same_rows", "import throughput, plain read-split-insert of sentences (M chars/s)"),
                      ("same_rows_ratio", "import time ÷ sentence read-split-insert time (median)"),
                      ("cpu_ratio", "import CPU time ÷ plain CPU time (median)"),
                      ("first", "first import of the process, Library.import_files (M chars/s)")):
        values = [rows[s][key] for s in sizes]
        # the exponent of the time per character: throughput's slope, negated
        growth = slope(values) if key.endswith("ratio") else -slope(values)
        print(f"| {name} | " + " | ".join(f"{v:.2f}" for v in values) + f" | {growth:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
