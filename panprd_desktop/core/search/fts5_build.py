"""Building a complete FTS5 index file beside the live one — here, or in a process of its own.

:func:`build` reads a snapshot of the library through a read-only connection of its own and
writes a new index file; the engine swaps it in (fts5.FTS5Engine.rebuild). Folding and
tokenizing every measure is Python: on a thread it shares the interpreter lock with the
window, and every call Qt makes into our models (hundreds for one repaint of the contents
tree) waits its turn — at 300k measures a click during a rebuild stalled the window 40–50 ms
(issue 13). :func:`build_in_child` runs the same build in a separate Python process (``python
-m`` this module), reads its progress from a pipe, and kills it on Cancel: the window's
thread then shares nothing with the build but the disk.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from panprd_desktop.core.search import documents, fts5_counts
from panprd_desktop.core.search.documents import IndexDoc
from panprd_desktop.core.search.engine import Cancelled, Cancelled_, Progress

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docmap (rowid INTEGER PRIMARY KEY, measure_id TEXT NOT NULL UNIQUE,
                                   doc_id TEXT NOT NULL, ord INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS docmap_doc ON docmap(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, title, extra,
    tokenize = 'unicode61 remove_diacritics 0');
""" + fts5_counts.SCHEMA  # docmap counts its own rows (issue 13: see fts5_counts)

BATCH = 2000  # measures per insert (and per progress report and cancel check)


class _Tokens(dict[int, str]):
    """``str.translate`` table: each character → its token and a space."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        raw = 0x4E00 <= code <= 0x9FA5 or (ch.isascii() and ch.isalnum())
        token = f"{ch} " if raw else f"x{code:x} "
        self[code] = token
        return token


_TOKENS = _Tokens()


def tokens(folded: str) -> str:
    """The FTS5 column value for a folded string."""
    return folded.translate(_TOKENS)


def insert_docs(conn: sqlite3.Connection, docs: Iterable[IndexDoc], progress: Progress | None,
                cancelled: Cancelled | None, total: int) -> int:
    """Add ``docs`` to the index open on ``conn`` (inside the caller's transaction)."""
    next_id = conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM docmap").fetchone()[0]
    added = 0
    stream: Iterator[IndexDoc] = iter(docs)
    while batch := list(islice(stream, BATCH)):
        if cancelled is not None and cancelled():
            raise Cancelled_()
        rows = list(enumerate(batch, next_id))
        conn.executemany("INSERT INTO docmap(rowid, measure_id, doc_id, ord) VALUES (?, ?, ?, ?)",
                         [(rid, d.measure_id, d.doc_id, d.order) for rid, d in rows])
        conn.executemany("INSERT INTO fts(rowid, body, title, extra) VALUES (?, ?, ?, ?)",
                         [(rid, tokens(d.body), tokens(d.title), tokens(d.extra)) for rid, d in rows])
        next_id += len(batch)
        added += len(batch)
        if progress is not None:
            progress(added, total)
    return added


def build(library: Path, new: Path, version: str, progress: Progress | None = None,
          cancelled: Cancelled | None = None) -> int:
    """Write a complete index of ``library`` (one snapshot: the mark and the rows agree) to the
    file ``new``, which must not exist; returns the measures indexed. On any error ``new`` is
    left for the caller to remove."""
    src = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                          check_same_thread=False)
    try:
        src.execute("BEGIN")
        upto = documents.last_change(src)
        total = documents.measure_count(src)
        conn = sqlite3.connect(new, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a half-built file is thrown away, never read
            conn.executescript(SCHEMA)
            conn.execute("BEGIN")
            added = insert_docs(conn, documents.iter_all(src), progress, cancelled, total)
            conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                             [("version", version), ("mark", str(upto)), (fts5_counts.MEASURES_KEY, str(total))])
            conn.execute("COMMIT")
            conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        finally:
            conn.close()
    finally:
        src.close()
    return added


# -- in a process of its own ---------------------------------------------------------------------
def can_build_in_child() -> bool:
    """A child needs a Python that can import this package (not a frozen application)."""
    return not getattr(sys, "frozen", False) and bool(sys.executable)


def build_in_child(library: Path, new: Path, version: str, progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> int:
    """:func:`build` in a child process. Its progress arrives as ``added total`` lines; Cancel
    kills it (the caller removes ``new``, as after a cancel here). A child that fails raises
    RuntimeError with the last line it wrote to stderr."""
    package_root = str(Path(__file__).resolve().parents[3])  # the folder holding panprd_desktop/
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p))
    args = [sys.executable, "-m", __name__, str(library), str(new), version]
    # stderr to a file, not a pipe nobody reads until the end: a child that wrote more than a
    # pipe holds would wait for ever
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, env=env,
                                 creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # no console on Windows
        try:
            added = _follow(child, progress, cancelled)
            if child.wait() != 0:
                errors.seek(0)
                lines = errors.read().decode("utf-8", "replace").strip().splitlines()
                raise RuntimeError(f"search index build failed: {lines[-1] if lines else child.returncode}")
            return added
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
            if child.stdout is not None:
                child.stdout.close()


def _follow(child: subprocess.Popen[bytes], progress: Progress | None, cancelled: Cancelled | None) -> int:
    """Read the child's lines until it closes its output; returns the measures it reported."""
    added = 0
    assert child.stdout is not None
    for line in child.stdout:  # a line every BATCH measures, and one when done
        if cancelled is not None and cancelled():
            raise Cancelled_()
        fields = line.split()
        if len(fields) == 2 and progress is not None:
            added = int(fields[0])
            progress(added, int(fields[1]))
        elif len(fields) == 1:
            added = int(fields[0])
    if cancelled is not None and cancelled():
        raise Cancelled_()
    return added


def _main(argv: list[str]) -> int:
    library, new, version = Path(argv[0]), Path(argv[1]), argv[2]
    out = sys.stdout.buffer

    def report(added: int, total: int) -> None:
        out.write(f"{added} {total}\n".encode())
        out.flush()

    added = build(library, new, version, report)
    out.write(f"{added}\n".encode())
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
