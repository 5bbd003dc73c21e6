"""Build (once) and cache a library of 100,000+ real-text measures for the search benchmark.

    .venv/bin/python bench/corpus.py [--target 100000] [--force]

Texts come from ``../shared/corpus/scale/`` (read in place, never copied into the repo):
72 government work reports (JSON lines) and 684 State Council regulations (Markdown in a
tar.gz). Each is written to a scratch file under ``bench/out/src/`` and imported with the
project's own importer (``Library.import_files``), so parsing, repair and storage are the
real ones. Identical text is deduplicated by content hash, so when the real texts give too
few measures, the work reports are imported again with a marker line naming the copy.
The library is cached at ``bench/out/corpus.sqlite3`` (bench/out/ is gitignored).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panprd_desktop.core.library import Library  # noqa: E402

SCALE = ROOT.parent / "shared" / "corpus" / "scale"
OUT = ROOT / "bench" / "out"
DB = OUT / "corpus.sqlite3"
TARGET = 100_000


def _safe(name: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name)[:80]


def _sources(src: Path) -> list[Path]:
    """Write every real text to ``src`` once; returns (reports, regulations) file paths."""
    reports = src / "reports"
    regs = src / "regulations"
    reports.mkdir(parents=True, exist_ok=True)
    regs.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with open(SCALE / "government_work_reports.jsonl", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            item = json.loads(line)
            path = reports / f"{k:03d}-{_safe(item['title'])}.txt"
            path.write_text(f"{item['title']}\n\n{item['content']}", encoding="utf-8")
            paths.append(path)
    with tarfile.open(SCALE / "administrative-regulations.tar.gz") as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.endswith(".md"):
                continue
            data = tar.extractfile(member)
            if data is None:
                continue
            path = regs / _safe(Path(member.name).name)
            path.write_bytes(data.read())
            paths.append(path)
    return paths


def measure_count(lib: Library) -> int:
    return int(lib.conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0])


def build(target: int = TARGET, force: bool = False, quiet: bool = False, db: Path | None = None) -> Path:
    """The cached corpus library path, building it first if missing or too small.

    ``db`` names another cache file (bench_scale.py keeps one per size); the import stops
    once ``target`` measures are in, so a small library holds a prefix of the same texts."""
    DB = db or globals()["DB"]  # noqa: N806 - the module default, overridable per size
    if DB.exists() and not force:
        with Library(DB) as lib:
            if measure_count(lib) >= target:
                return DB
    for suffix in ("", "-wal", "-shm", ".writer", ".fts5", ".fts5-wal", ".fts5-shm"):
        Path(str(DB) + suffix).unlink(missing_ok=True)
    shutil.rmtree(Path(str(DB) + ".whoosh"), ignore_errors=True)
    started = time.perf_counter()
    src = DB.parent / f"src-{DB.stem}"
    shutil.rmtree(src, ignore_errors=True)
    paths = _sources(src)
    with Library(DB) as lib:
        skipped = 0
        for path in paths:
            if measure_count(lib) >= target:
                break
            try:
                lib.import_files([path])
            except Exception as exc:  # a text the parser rejects is reported, not fatal
                skipped += 1
                if not quiet:
                    print(f"skipped {path.name}: {exc}", file=sys.stderr)
        copy = 1
        reports = sorted((src / "reports").glob("*.txt"))
        while measure_count(lib) < target:
            copy += 1
            for path in reports:
                if measure_count(lib) >= target + 2000:
                    break
                variant = src / f"copy{copy}" / path.name
                variant.parent.mkdir(exist_ok=True)
                text = path.read_text(encoding="utf-8")
                title, _, body = text.partition("\n")
                variant.write_text(f"{title}（基准副本{copy}）\n{body}", encoding="utf-8")
                lib.import_files([variant])
        count = measure_count(lib)
    if not quiet:
        print(f"built {DB}: {count} measures from {len(paths)} texts (+{copy - 1} marked copies of the"
              f" reports, {skipped} skipped) in {time.perf_counter() - started:.1f} s")
    return DB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=int, default=TARGET)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    build(args.target, args.force)


if __name__ == "__main__":
    main()
