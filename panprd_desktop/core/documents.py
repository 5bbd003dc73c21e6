"""Documents in the library: importing, listing, outlines, measure lookups."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.connection import transaction
from db.import_log import log_imported_document
from db.provenance import import_summary
from db.recovery_sql import record_counts
from panprd_desktop.core.errors import ImportRejected, NotFound
from panprd_desktop.core.model import DocId, DocumentInfo, ImportResult
from panprd_desktop.core.normalize import fold_compact
from panprd_desktop.core.provenance import store_facts
from panprd_desktop.core.storage_errors import damage_guard

if TYPE_CHECKING:  # parsing and the readers load only when a file is imported (CLI cold start)
    from panprd_desktop.core.parsing import ParsedDocument
    from panprd_desktop.core.parsing.facts import SourceFacts
    from panprd_desktop.core.readers import SourceText


def content_hash(doc: ParsedDocument) -> str:
    """Identity of a text: the same words in any encoding or layout hash the same."""
    pieces = [doc.title, doc.preamble, doc.closing]
    for part in doc.parts:
        pieces.append(part.title)
        for section in part.sections:
            pieces += [section.label, section.heading, *section.measures]
    folded = fold_compact("".join(pieces))  # one pass: the same as folding each piece
    import hashlib  # on use: only imports hash text (its import is ~2 ms of every start)

    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def measure_label(section_label: str, position: int, part_label: str = "") -> str:
    """``（十）3``; items directly under a ``一、`` part (no section label) are ``一、3``, so the
    ``1.`` of part 一 and the ``1.`` of part 二 are told apart in tables, results and packs."""
    return f"{section_label or part_label}{position}" if section_label or part_label else str(position)


class Documents:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    # -- import ---------------------------------------------------------------------------
    def parse_file(self, path: Path, check: Callable[[], None] | None = None) -> tuple[SourceText, ParsedDocument]:
        """Read and parse without touching the database (safe to run in a worker).

        ``check`` is called now and then while reading and parsing and may raise to cancel.
        """
        from panprd_desktop.core.parsing import parse_document
        from panprd_desktop.core.readers import read_source
        from panprd_desktop.core.readers.limits import check_measures

        source = read_source(path, check)
        if check:
            check()
        doc = source.parsed or parse_document(source.text, markdown=source.markdown, title_hint=source.title_hint,
                                              check=check)
        if check:
            check()  # a cancel that came while parsing is honoured before anything is stored
        doc.warnings.extend(source.warnings)
        check_measures(doc.measure_count, path.name)
        if doc.measure_count == 0:
            raise ImportRejected(f"{path.name}: 没有找到任何条文 (no text to import)")
        return source, doc

    def existing(self, digest: str) -> ImportResult | None:
        row = self._conn.execute("SELECT doc_id, title FROM documents WHERE content_hash = ?", (digest,)).fetchone()
        if row is None:
            return None
        info = self.info(DocId(row[0]))
        parts, owners, deadlines, warnings = import_summary(self._conn, info.doc_id)
        return ImportResult(info.doc_id, info.title, info.sections, info.measures, existing=True, parts=parts,
                            owners_from_text=owners, deadlines_from_text=deadlines, warnings=warnings)

    def store(self, source: SourceText, doc: ParsedDocument, source_name: str) -> ImportResult:
        """Insert one parsed document in one transaction (or report the identical one)."""
        with transaction(self._conn):
            return self.store_in_transaction(source, doc, source_name)

    def store_in_transaction(self, source: SourceText, doc: ParsedDocument, source_name: str) -> ImportResult:
        """:meth:`store` for a caller that already opened the transaction (first open)."""
        digest = content_hash(doc)
        found = self.existing(digest)
        if found:
            return found
        doc_id = DocId(digest[:8])
        if self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
            doc_id = DocId(digest[:16])
        position = self._conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM documents").fetchone()[0]
        self._conn.execute(
            "INSERT INTO documents(doc_id, title, doc_no, date, issuer, preamble, closing, remarks,"
            " source_name, encoding, content_hash, imported_at, position, addressee, warnings)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc_id, doc.title or source.title_hint, doc.doc_no,
                doc.date.isoformat() if doc.date else None, doc.issuer, doc.preamble, doc.closing,
                doc.remarks, source_name, source.encoding, digest,
                datetime.now().isoformat(timespec="seconds"), position,
                doc.addressee, json.dumps(doc.warnings, ensure_ascii=False),
            ),
        )
        facts = self._insert_body(doc_id, doc)
        log_imported_document(self._conn, doc_id)
        owners, deadlines = store_facts(self._conn, doc.title or source.title_hint, facts)
        record_counts(self._conn, doc_id, len(doc.parts), len(doc.sections), doc.measure_count)
        return ImportResult(doc_id, doc.title or source.title_hint, len(doc.sections), doc.measure_count,
                            parts=len(doc.parts), owners_from_text=owners, deadlines_from_text=deadlines,
                            warnings=tuple(doc.warnings))

    def _insert_body(self, doc_id: DocId, doc: ParsedDocument) -> list[tuple[str, SourceFacts]]:
        """Insert parts, sections and measures; returns what the document says per measure id."""
        facts: list[tuple[str, SourceFacts]] = []
        section_pos = 0
        for part_pos, part in enumerate(doc.parts, 1):
            part_id = self._conn.execute(
                "INSERT INTO parts(doc_id, number, label, title, position) VALUES (?,?,?,?,?)",
                (doc_id, part.number, part.label, part.title, part_pos),
            ).lastrowid
            for section in part.sections:
                section_pos += 1
                section_id = self._conn.execute(
                    "INSERT INTO sections(doc_id, part_id, number, label, heading, title, position)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (doc_id, part_id, section.number, section.label, section.heading, section.title, section_pos),
                ).lastrowid
                self._conn.executemany(
                    "INSERT INTO measures(measure_id, doc_id, section_id, position, label, text)"
                    " VALUES (?,?,?,?,?,?)",
                    [
                        (f"{doc_id}.{section_pos}.{k}", doc_id, section_id, k,
                         section.labels.get(k - 1) or measure_label(section.label, k, part.label), text)
                        for k, text in enumerate(section.measures, 1)
                    ],
                )
                facts += [(f"{doc_id}.{section_pos}.{i + 1}", f) for i, f in sorted(section.facts.items())
                          if 0 <= i < len(section.measures)]
        return facts

    # -- reading --------------------------------------------------------------------------
    def resolve_id(self, doc_id: str) -> DocId:
        """Accept a full id or an unambiguous prefix of one."""
        rows = self._conn.execute(
            "SELECT doc_id FROM documents WHERE doc_id = ? OR doc_id LIKE ? || '%' ESCAPE '\\'",
            (doc_id, doc_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")),
        ).fetchall()
        exact = [r[0] for r in rows if r[0] == doc_id]
        if exact:
            return DocId(exact[0])
        if len(rows) == 1 and doc_id:
            return DocId(rows[0][0])
        raise NotFound(f"没有编号为 {doc_id!r} 的文档 (unknown document id)")

    @damage_guard
    def list(self) -> list[DocumentInfo]:
        rows = self._conn.execute(
            "SELECT d.doc_id, d.title, d.doc_no, d.date,"
            " (SELECT COUNT(*) FROM sections s WHERE s.doc_id = d.doc_id),"
            " (SELECT COUNT(*) FROM measures m WHERE m.doc_id = d.doc_id)"
            " FROM documents d ORDER BY d.position"
        ).fetchall()
        return [
            DocumentInfo(DocId(r[0]), r[1], r[2], date.fromisoformat(r[3]) if r[3] else None, r[4], r[5])
            for r in rows
        ]

    def info(self, doc_id: DocId) -> DocumentInfo:
        for info in self.list():
            if info.doc_id == doc_id:
                return info
        raise NotFound(f"没有编号为 {doc_id!r} 的文档 (unknown document id)")

    @damage_guard
    def outline(self, doc_id: str) -> dict[str, Any]:
        """The document's whole structure as plain data (the CLI's ``outline --json``)."""
        did = self.resolve_id(doc_id)
        d = self._conn.execute("SELECT * FROM documents WHERE doc_id = ?", (did,)).fetchone()
        measures: dict[int, list[dict[str, str]]] = {}
        for r in self._conn.execute(
            "SELECT section_id, measure_id, label, text FROM measures WHERE doc_id = ? ORDER BY section_id, position",
            (did,),
        ):
            measures.setdefault(r[0], []).append({"measure_id": r[1], "label": r[2], "text": r[3]})
        sections: dict[int, list[dict[str, Any]]] = {}
        for r in self._conn.execute(
            "SELECT section_id, part_id, number, label, title, heading FROM sections"
            " WHERE doc_id = ? ORDER BY position",
            (did,),
        ):
            sections.setdefault(r[1], []).append(
                {"number": r[2], "label": r[3], "title": r[4], "heading": r[5], "measures": measures.get(r[0], [])}
            )
        parts = [
            {"number": r[1], "label": r[2], "title": r[3], "sections": sections.get(r[0], [])}
            for r in self._conn.execute(
                "SELECT part_id, number, label, title FROM parts WHERE doc_id = ? ORDER BY position", (did,)
            )
        ]
        return {
            "doc_id": did, "title": d["title"], "doc_no": d["doc_no"], "date": d["date"],
            "issuer": d["issuer"], "preamble": d["preamble"], "closing": d["closing"],
            "remarks": d["remarks"], "parts": parts,
            "masthead": {"issuer": d["issuer"], "doc_no": d["doc_no"], "date": d["date"],
                         "addressee": d["addressee"]},
            "warnings": json.loads(d["warnings"] or "[]"),  # what the import asked a person to review
        }
