"""What the index holds for one measure, read from SQLite, and which measures changed.

A measure is indexed as three folded fields — its text (``body``), its section and document
titles (``title``) and its notes, tags and owner names (``extra``). The document's first
measure also carries the preamble (notice, 主送) and closing in ``extra``, so text outside
the measures is found and leads to its document. Items inside a field are
joined with ``SEP`` (a newline), which :func:`fold` never produces, so no term can match
across two items. The change log (migration 0002) says which measures to re-index.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Iterable, Iterator

from panprd_desktop.core.normalize import fold

SEP = "\n"
_RAW_SEP = "\x01"  # joins items in SQL; folded items never contain it, it becomes SEP

_SELECT = """
SELECT m.measure_id, m.doc_id, m.text, s.title, d.title,
  (SELECT group_concat(n.text, char(1)) FROM notes n WHERE n.measure_id = m.measure_id),
  (SELECT group_concat(t.tag, char(1)) FROM measure_tags t WHERE t.measure_id = m.measure_id),
  (SELECT group_concat(o.name, char(1)) FROM measure_owners mo JOIN owners o USING (owner_id)
    WHERE mo.measure_id = m.measure_id),
  d.position, s.position, m.position,
  CASE WHEN m.rowid = (SELECT MIN(f.rowid) FROM measures f WHERE f.doc_id = m.doc_id)
    THEN d.preamble || char(1) || d.closing END
FROM measures m
JOIN sections s ON s.section_id = m.section_id
JOIN documents d ON d.doc_id = m.doc_id
"""  # noqa: S608 - constant


class IndexDoc(namedtuple("IndexDoc", "measure_id doc_id body title extra order", defaults=(0,))):
    """One measure as the index sees it (all fields folded): ``measure_id``, ``doc_id``,
    ``body``, ``title``, ``extra`` (str) and ``order`` (int, 0 by default: reading order as
    one sortable integer, see :func:`reading_key`). A named tuple, not a dataclass: see
    the :mod:`panprd_desktop.core.search` docstring."""

    __slots__ = ()

    @property
    def combined(self) -> str:
        """All fields in one string — what the scan and the whoosh verification search."""
        return f"{self.body}{SEP}{self.title}{SEP}{self.extra}"


def _fold_items(raw: str | None) -> str:
    if not raw:
        return ""
    return SEP.join(fold(item) for item in raw.split(_RAW_SEP))


def reading_key(doc_position: int, section_position: int, measure_position: int) -> int:
    """Document, section and measure positions packed into one integer that sorts in reading
    order (21 bits each: far beyond any real document), so an index can hand back matching ids
    already in reading order instead of re-listing the library to order them."""
    return (doc_position << 42) | (min(section_position, 0x1FFFFF) << 21) | min(measure_position, 0x1FFFFF)


def _doc(row: sqlite3.Row | tuple) -> IndexDoc:  # type: ignore[type-arg]
    mid, doc_id, text, section_title, doc_title, notes, tags, owners, d_pos, s_pos, m_pos, front_matter = row
    title = f"{fold(section_title)}{SEP}{fold(doc_title)}"
    extra = SEP.join(x for x in (_fold_items(notes), _fold_items(tags), _fold_items(owners),
                                 _fold_items((front_matter or "").replace("\n", _RAW_SEP))) if x)
    return IndexDoc(mid, doc_id, fold(text), title, extra, reading_key(d_pos, s_pos, m_pos))


def iter_all(conn: sqlite3.Connection) -> Iterator[IndexDoc]:
    """Every measure, in table order (streams; constant memory)."""
    for row in conn.execute(_SELECT + " ORDER BY m.rowid"):
        yield _doc(row)


def load(conn: sqlite3.Connection, measure_ids: Iterable[str]) -> list[IndexDoc]:
    """The measures among ``measure_ids`` that still exist."""
    ids = list(dict.fromkeys(measure_ids))
    out: list[IndexDoc] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out += [_doc(r) for r in conn.execute(_SELECT + f" WHERE m.measure_id IN ({marks})", chunk)]
    return out


def measure_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0])


def last_change(conn: sqlite3.Connection) -> int:
    """The newest change-log sequence number (0 when the log is empty)."""
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM search_changes").fetchone()[0])


class Dirty(namedtuple("Dirty", "measure_ids doc_ids upto")):
    """Measures to re-index since a high-water mark: ``measure_ids`` and ``doc_ids``
    (frozensets of str; ``doc_ids`` may name deleted documents), ``upto`` (int)."""

    __slots__ = ()

    @property
    def empty(self) -> bool:
        return not (self.measure_ids or self.doc_ids)


def dirty_since(conn: sqlite3.Connection, mark: int, upto: int, limit: int) -> Dirty | None:
    """What changed in (mark, upto]; None when more than ``limit`` rows or measures (rebuild instead)."""
    rows = conn.execute(
        "SELECT kind, key FROM search_changes WHERE seq > ? AND seq <= ? LIMIT ?", (mark, upto, limit + 1)
    ).fetchall()
    if len(rows) > limit:
        return None
    measures: set[str] = set()
    docs: set[str] = set()
    sections: set[str] = set()
    owners: set[str] = set()
    for kind, key in rows:
        {"measure": measures, "document": docs, "section": sections, "owner": owners}[kind].add(key)
    for table, column, keys in (
        ("measures", "section_id", sections),
        ("measures", "doc_id", docs),
        ("measure_owners", "owner_id", owners),
    ):
        key_list = list(keys)
        for start in range(0, len(key_list), 500):
            chunk = key_list[start : start + 500]
            marks = ",".join("?" * len(chunk))
            measures.update(r[0] for r in conn.execute(
                f"SELECT measure_id FROM {table} WHERE {column} IN ({marks})", chunk))  # noqa: S608
            if len(measures) > limit:  # an imported document is one row for all its measures
                return None
    return Dirty(frozenset(measures), frozenset(docs), upto)
