"""``panprd check``: what the app needs, not only SQLite's pages; ``--repair`` for the derived.

SQLite's ``integrity_check`` passes a flipped byte inside text, which then breaks every
read of that row — so the check also decodes every TEXT value, compares each document with
the counts stored when it was imported, looks at history and annotations, and compares
the search index with the database row by row. Repair rebuilds what is derived (the search
indexes) and names what it cannot fix, with the restore command that can.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.backup import verify_connection
from db.migrate import pending_migrations
from panprd_desktop.core.recovery import RESTORE_HINT
from panprd_desktop.core.search import documents as index_docs
from panprd_desktop.core.search.fts5 import index_path, tokens

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

GUIDELINE_SOURCE = "guideline-gf2016-18.txt"


@dataclass
class RepairReport:
    repaired: list[str] = field(default_factory=list)
    remaining: list[str] = field(default_factory=list)


def check_library(lib: Library) -> list[str]:
    """Every problem found (empty when the library is sound). Never writes."""
    conn = lib.conn
    problems = verify_connection(conn, full=True)
    if any(p.startswith("sqlite:") for p in problems):
        return problems  # pages are damaged: what follows would only repeat it
    if pending_migrations(conn):
        return [*problems, "schema is not up to date"]
    with contextlib.suppress(sqlite3.Error):
        initialized = conn.execute("SELECT 1 FROM meta WHERE key = 'initialized'").fetchone()
        guideline = conn.execute("SELECT 1 FROM documents WHERE source_name = ?", (GUIDELINE_SOURCE,)).fetchone()
        # `panprd remove` may delete it on purpose; its delete is in the change log (a document
        # row naming a document no longer there: imports log document rows too).
        removed = conn.execute("SELECT 1 FROM search_changes c WHERE kind = 'document' AND NOT EXISTS"
                               " (SELECT 1 FROM documents d WHERE d.doc_id = c.key) LIMIT 1").fetchone()
        if initialized and not guideline and not removed:
            problems.append("the bundled guideline (国发〔2016〕18号) is missing")
    if problems:
        return problems
    problems += lib.search.check()
    problems += fts5_differences(lib)
    return problems


def fts5_differences(lib: Library, limit: int = 5) -> list[str]:
    """Measures whose fts5 index entry differs from what the database says (index current only)."""
    path = index_path(lib.path)
    if not path.exists():
        return []
    try:
        idx = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"search index (fts5) unreadable: {exc}"]
    try:
        meta = dict(idx.execute("SELECT key, value FROM meta").fetchall())
        if int(meta.get("mark", -1)) != index_docs.last_change(lib.conn):
            return []  # behind: the next search catches it up (search.check reports the rest)
        indexed = {r[0]: (r[1], r[2], r[3]) for r in idx.execute(
            "SELECT d.measure_id, f.body, f.title, f.extra FROM docmap d JOIN fts f ON f.rowid = d.rowid")}
    except sqlite3.Error as exc:
        return [f"search index (fts5) unreadable: {exc}"]
    finally:
        idx.close()
    differing, missing = [], []
    for doc in index_docs.iter_all(lib.conn):
        have = indexed.pop(doc.measure_id, None)
        if have is None:
            missing.append(doc.measure_id)
        elif have != (tokens(doc.body), tokens(doc.title), tokens(doc.extra)):
            differing.append(doc.measure_id)
    problems = []
    for label, ids in (("missing from", missing), ("different in", differing), ("only in", sorted(indexed))):
        if ids:
            shown = ", ".join(ids[:limit]) + (" …" if len(ids) > limit else "")
            problems.append(f"search index (fts5): {len(ids)} measures {label} the index ({shown})"
                            " — 运行 panprd reindex 重建 (run panprd reindex)")
    return problems


def repair_library(lib: Library) -> RepairReport:
    """Rebuild every search index that exists (and the current one); report what is left."""
    report = RepairReport()
    before = check_library(lib)
    if any(p.startswith("sqlite:") for p in before):
        report.remaining = [*before, RESTORE_HINT]
        return report
    names = {lib.search.engine_name()}
    if index_path(lib.path).exists():
        names.add("fts5")
    if lib.path.with_name(lib.path.name + ".whoosh").exists():
        names.add("whoosh")
    failed = []
    for name in sorted(names):
        try:
            count = lib.search.reindex(name)
        except sqlite3.Error as exc:  # e.g. text that does not decode: the index cannot be built
            failed.append(f"the {name} search index could not be rebuilt: {exc}")
            continue
        report.repaired.append(f"rebuilt the {name} search index ({count} measures)")
    after = failed + check_library(lib)
    if after:
        report.remaining = [*after, RESTORE_HINT]
    return report
