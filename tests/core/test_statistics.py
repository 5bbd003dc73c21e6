"""Issue 13: planner statistics follow the library's growth.

A library analysed while it held the guideline alone said "measure_owners: 61 rows" long after
it held 100,000; the planner then scanned the whole table to find one section's owners (every
page of the 分工表, every section the reader showed). Library.refresh_statistics re-analyses the
tables whose statistics are 10× off, and a connection opened afterwards plans with an index.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from panprd_desktop.core.library import Library

PAGE = 60  # ids asked at once: a page of the 分工表, a section in the reader
OWNERS_OF = ("SELECT mo.measure_id, mo.role, o.name FROM measure_owners mo JOIN owners o USING (owner_id)"
             f" WHERE mo.measure_id IN ({','.join('?' * PAGE)}) ORDER BY mo.position")


def _plan(path: Path, ids: list[str]) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + OWNERS_OF, ids))
    finally:
        conn.close()


def test_stale_statistics_are_refreshed_and_owners_are_found_by_index(db_path: Path) -> None:
    with Library(db_path) as lib:
        owner = lib.conn.execute("SELECT owner_id FROM owners LIMIT 1").fetchone()[0]
        ids = [r[0] for r in lib.conn.execute("SELECT measure_id FROM measures")]
        lib.conn.executemany("INSERT OR IGNORE INTO measure_owners(measure_id, role, owner_id, position)"
                             " VALUES (?, 'lead', ?, 0)", [(m, owner) for m in ids[:60]])
        lib.conn.execute("ANALYZE")  # statistics of the small library (60 owner rows)
        assert lib.refresh_statistics() == []  # fresh: nothing to do
        lib.conn.execute("BEGIN")
        lib.conn.executemany(  # the library grows ~100× (what bulk imports and merges do)
            "INSERT INTO measures(measure_id, doc_id, section_id, position, label, text)"
            " SELECT ?, doc_id, section_id, position + ?, label, text FROM measures WHERE measure_id = ?",
            [(f"{m}.{k}", 1000 * (k + 1), m) for k in range(40) for m in ids])
        lib.conn.execute("INSERT OR IGNORE INTO measure_owners(measure_id, role, owner_id, position)"
                         " SELECT measure_id, 'lead', ?, 0 FROM measures", (owner,))
        lib.conn.execute("UPDATE document_counts SET measures = (SELECT COUNT(*) FROM measures m"
                         " WHERE m.doc_id = document_counts.doc_id)")  # as the importer keeps it
        lib.conn.execute("COMMIT")
        probe = ids[:PAGE]
        assert _plan(db_path, probe).startswith("SCAN mo")  # the stale numbers: a whole-table scan

        refreshed = lib.refresh_statistics()
        assert "measure_owners" in refreshed and "measures" in refreshed
        assert lib.refresh_statistics() == []  # done once

    assert "USING INDEX" in _plan(db_path, probe).split(" | ")[0]
    with Library(db_path) as lib:  # and what the query answers is unchanged
        assert {v.measure_id: v.leads for v in lib.measures.many(probe)}.keys() == set(probe)
