"""Parsing speed on big inputs, and how often a cancel check is reached (issue 12/8).

    .venv/bin/python bench/bench_parse.py [--mb 5 25 49]

Builds a Markdown text of the requested size from the related agreements (tests/data/related)
repeated, parses it with a ``check`` that records when it was called, and prints the time,
the measures found (or the refusal over 200,000 measures) and the longest gap between checks
— the worst wait for Cancel.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panprd_desktop.core.errors import ImportRejected  # noqa: E402
from panprd_desktop.core.parsing import parse_document  # noqa: E402


def build(mb: float) -> str:
    files = sorted((ROOT / "tests" / "data" / "related").glob("*.md"))
    body = "\n\n".join(f.read_text(encoding="utf-8").split("<!-- INFO END -->")[-1] for f in files)
    reps = max(1, int(mb * 1024 * 1024 / len(body.encode())))
    return "# 大文件\n\n<!-- INFO END -->\n\n" + "\n\n".join([body] * reps)


def run(mb: float) -> None:
    text = build(mb)
    stamps = [time.perf_counter()]
    start = stamps[0]
    try:
        doc = parse_document(text, markdown=True, check=lambda: stamps.append(time.perf_counter()))
        outcome = f"{doc.measure_count} measures"
    except ImportRejected:
        outcome = "refused (over 200,000 measures)"
    stamps.append(time.perf_counter())
    gap = max(b - a for a, b in zip(stamps, stamps[1:], strict=False))
    size = len(text.encode()) / 1024 / 1024
    print(f"{size:5.1f} MB  {stamps[-1] - start:6.2f} s  {outcome:34}  {len(stamps) - 2:4} checks, "
          f"longest gap {gap:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, nargs="+", default=[5, 25, 49])
    for mb in parser.parse_args().mb:
        run(mb)


if __name__ == "__main__":
    main()
