"""whoosh engine: character uni- and bigrams, candidates verified against the folded text.

Each measure's folded text (all fields, items separated by newlines) is indexed as the set
of its single characters and character pairs. A 1- or 2-character term is one posting list
(exact); a longer term is the AND of its pairs, which finds every measure containing it
plus a few that merely contain the pairs — those are dropped by checking the stored folded
text. So the answers equal the substring scan's. The index is a folder beside the library
(``<db>.whoosh/``) with its version and high-water mark in ``panprd.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as windex
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.query import And, Every, NullQuery, Or, Query, Term

from panprd_desktop.core.normalize import is_storable
from panprd_desktop.core.search.documents import SEP, IndexDoc
from panprd_desktop.core.search.engine import (
    Cancelled,
    Cancelled_,
    IndexedEngine,
    Progress,
    Ranked,
)
from panprd_desktop.core.search.filters import FilterSQL, allowed_ids
from panprd_desktop.core.search.query import ParsedQuery
from panprd_desktop.core.search.scan import rank

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

STATE = "panprd.json"
RANK_BY_TEXT = 3000  # up to this many hits are ranked like the scan; beyond, by whoosh's BM25F


class GramTokenizer(Tokenizer):
    """Every distinct character and character pair of the (already folded) value."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False,  # type: ignore[override]
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode)
        grams = set(value)
        grams.update(value[i : i + 2] for i in range(len(value) - 1))
        grams.discard(SEP)
        for gram in grams:
            if SEP in gram:
                continue
            token.text = gram
            token.boost = 1.0
            token.stopped = False
            yield token


def _schema() -> Schema:
    return Schema(
        measure_id=ID(stored=True, unique=True, sortable=True),
        doc_id=ID(stored=True),
        grams=TEXT(analyzer=GramTokenizer(), phrase=False),
        folded=STORED(),
    )


def term_query(term: str) -> Query:
    """Candidates for ``term``: exact for 1–2 characters, a superset beyond."""
    if not is_storable(term):  # no stored text can contain one: match nothing
        return NullQuery
    if len(term) == 1:
        return Term("grams", term)
    pairs = list(dict.fromkeys(term[i : i + 2] for i in range(len(term) - 1)))
    return Term("grams", pairs[0]) if len(pairs) == 1 else And([Term("grams", p) for p in pairs])


def candidates_query(query: ParsedQuery) -> Query:
    clauses = [Or([term_query(t) for t in c.terms]) for c in query.positive]
    if not clauses:
        return Every()
    return clauses[0] if len(clauses) == 1 else And(clauses)


def needs_verify(query: ParsedQuery) -> bool:
    return bool(query.negative) or any(len(t) > 2 for c in query.positive for t in c.terms)


class WhooshEngine(IndexedEngine):
    name = "whoosh"

    def __init__(self, lib: Library) -> None:
        super().__init__(lib)
        self.path = index_dir(lib.path)
        self._ix: Any = None
        self._searcher: Any = None
        self._ids: list[str] | None = None  # docnum → measure_id for the current searcher

    # -- files ---------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _open(self) -> None:
        if self._ix is not None:
            return
        self._ix = windex.open_dir(str(self.path))
        self._searcher = self._ix.searcher()
        self._ids = None

    def close(self) -> None:
        if self._searcher is not None:
            with contextlib.suppress(Exception):  # closing a damaged index must not fail
                self._searcher.close()
        self._ix = self._searcher = self._ids = None

    def _reset(self) -> None:
        self.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        self._ix = windex.create_in(str(self.path), _schema())
        self._searcher = self._ix.searcher()

    # -- state ---------------------------------------------------------------------------
    def _state(self) -> tuple[str | None, int]:
        state = json.loads((self.path / STATE).read_text(encoding="utf-8"))
        return state.get("version"), int(state.get("mark", -1))

    def _indexed(self) -> int:
        return int(self._searcher.doc_count())

    def _save_state(self, mark: int) -> None:
        tmp = self.path / (STATE + ".tmp")
        tmp.write_text(json.dumps({"version": self.version(), "mark": mark}), encoding="utf-8")
        os.replace(tmp, self.path / STATE)

    def _write(self, removed_ids: Iterable[str], removed_docs: Iterable[str], docs: Iterable[IndexDoc],
               mark: int, *, fresh: bool, progress: Progress | None = None,
               cancelled: Cancelled | None = None, total: int = 0) -> int:
        writer = self._ix.writer(limitmb=128)
        added = 0
        try:
            if not fresh:
                for mid in removed_ids:
                    writer.delete_by_term("measure_id", mid)
                for doc_id in removed_docs:
                    writer.delete_by_term("doc_id", doc_id)
            stream = iter(docs)
            while batch := list(islice(stream, 2000)):
                if cancelled is not None and cancelled():
                    raise Cancelled_()
                for d in batch:
                    combined = d.combined
                    writer.add_document(measure_id=d.measure_id, doc_id=d.doc_id, grams=combined,
                                        folded=combined)
                added += len(batch)
                if progress is not None:
                    progress(added, total)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(optimize=fresh)
        self._save_state(mark)
        self._searcher = self._searcher.refresh()
        self._ids = None
        return added

    # -- queries -------------------------------------------------------------------------
    def _docnum_ids(self) -> list[str]:
        if self._ids is None:
            reader = self._searcher.reader()
            column = reader.column_reader("measure_id", translate=True)
            self._ids = [column[n] for n in range(reader.doc_count_all())]
        return self._ids

    def _matching(self, query: ParsedQuery, fsql: FilterSQL) -> tuple[list[int], dict[int, str]]:
        """Verified matching docnums (index order) and the folded texts loaded on the way."""
        searcher = self._searcher
        docnums = list(searcher.docs_for_query(candidates_query(query)))
        ids = self._docnum_ids()
        allowed = allowed_ids(self.lib, fsql)
        if allowed is not None:
            docnums = [n for n in docnums if ids[n] in allowed]
        texts: dict[int, str] = {}
        if needs_verify(query):
            kept = []
            for n in docnums:
                text = searcher.stored_fields(n)["folded"]
                if query.matches(text):
                    kept.append(n)
                    texts[n] = text
            docnums = kept
        return docnums, texts

    def search(self, query: ParsedQuery, fsql: FilterSQL, limit: int | None) -> tuple[int, Ranked]:
        if fsql.nothing:
            return 0, []
        docnums, texts = self._matching(query, fsql)
        if limit == 0 or not docnums:
            return len(docnums), []
        ids = self._docnum_ids()
        if limit is None or len(docnums) <= RANK_BY_TEXT:
            hits = [(ids[n], texts.get(n) or self._searcher.stored_fields(n)["folded"]) for n in docnums]
            return len(docnums), rank(hits, query, limit)
        results = self._searcher.search(candidates_query(query), limit=limit, filter=set(docnums))
        return len(docnums), [(ids[hit.docnum], float(hit.score)) for hit in results]

    def ids(self, query: ParsedQuery, fsql: FilterSQL) -> set[str]:
        if fsql.nothing:
            return set()
        docnums, _ = self._matching(query, fsql)
        ids = self._docnum_ids()
        return {ids[n] for n in docnums}


def index_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".whoosh")
