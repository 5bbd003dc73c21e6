"""Exchange speed and size: a fully annotated guideline (+ related agreements) sent between offices.

    .venv/bin/python bench/bench_exchange.py [--runs 3]

Office A annotates every measure (owners, deadline, status, a tag, three notes each), exports a
bundle (JSON and zip), office B — a fresh library without the related agreements — imports it
(documents travel), then imports it again (idempotent). Also the .xlsx 台账 round trip.
Medians over the runs.
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

from panprd_desktop.core.annotations import Edit  # noqa: E402
from panprd_desktop.core.exchange import Exchange  # noqa: E402
from panprd_desktop.core.exchange.xlsx_export import export_xlsx  # noqa: E402
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.core.packs import PackOptions  # noqa: E402

RELATED = ROOT.parent / "shared" / "corpus" / "related"
if not RELATED.exists():
    RELATED = ROOT / "tests" / "data" / "related"


def timed(fn):  # noqa: ANN001, ANN201
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def run_once(tmp: Path) -> dict[str, float]:
    a = Library(tmp / "a.sqlite3")
    a.import_files(sorted(RELATED.glob("*.md")))
    ea = Exchange(a)
    ea.set_office("秘书处")
    ids = a.measures.ids()
    a.annotate(ids, Edit(add_leads=("粤",), add_participants=("港", "澳"), deadline="2027年底前",
                         status="in_progress", add_tags=("督办",)), "甲")
    for k in range(3):
        for mid in ids:
            a.annotate([mid], Edit(note=f"第{k + 1}次进展：{mid} 已召开专题会议，落实分工，推进有关工作。"), "甲")
    out: dict[str, float] = {"measures": len(ids)}
    out["export_json_s"], summary = timed(lambda: ea.export_bundle(tmp / "a.json"))
    out["export_zip_s"], _ = timed(lambda: ea.export_bundle(tmp / "a.zip"))
    out["changes"] = summary["changes"]
    out["json_mb"] = (tmp / "a.json").stat().st_size / 1e6
    out["zip_mb"] = (tmp / "a.zip").stat().st_size / 1e6
    b = Library(tmp / "b.sqlite3")
    eb = Exchange(b)
    out["import_s"], result = timed(lambda: eb.import_file(tmp / "a.zip"))
    out["documents_added"] = result["documents_added"]
    out["reimport_s"], again = timed(lambda: eb.import_file(tmp / "a.zip"))
    assert again["applied"] == 0
    pack = a.packs.build(PackOptions())
    out["xlsx_export_s"], _ = timed(lambda: export_xlsx(a, pack, tmp / "t.xlsx", for_return=True, owner="粤"))
    out["xlsx_import_s"], _ = timed(lambda: ea.import_file(tmp / "t.xlsx"))
    a.close()
    b.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(run_once(Path(tmp)))
    for key in results[0]:
        value = statistics.median(r[key] for r in results)
        print(f"{key:16} {value:.3f}" if isinstance(value, float) and not value.is_integer() else f"{key:16} {value:g}")


if __name__ == "__main__":
    main()
