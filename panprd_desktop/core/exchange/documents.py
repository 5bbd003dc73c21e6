"""Documents travelling in a bundle: their structure out, and back in under the same ids.

A document is sent as its parsed structure (title, parts, sections, measure texts and labels),
not as a file to parse again: the receiver rebuilds the ``ParsedDocument``, recomputes the
content hash the library identifies documents by, and refuses the document unless hash and id
match. Then it is stored by the library's own ``Documents.store_in_transaction`` (counts for
``check`` included), so measure ids match the sender's exactly. What the document states about
its measures (owners, deadlines, progress by 原文) travels as the sender's changes.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from db import exchange as q
from panprd_desktop.core.documents import Documents, content_hash, measure_label
from panprd_desktop.core.exchange.changes import BundleRejected, check_id
from panprd_desktop.core.normalize import is_storable
from panprd_desktop.core.parsing import ParsedDocument, ParsedPart, ParsedSection
from panprd_desktop.core.readers import SourceText

_DOC_FIELDS = ("title", "doc_no", "issuer", "preamble", "closing", "remarks", "source_name", "addressee")
MAX_DOC_TEXT = 2_000_000
MAX_PARTS = 500
MAX_SECTIONS = 2_000
MAX_MEASURES = 5_000


def document_json(conn: sqlite3.Connection, documents: Documents, doc_id: str) -> dict[str, Any]:
    """The document ``doc_id`` as plain data for a bundle."""
    row = q.document_row(conn, doc_id)
    outline = documents.outline(doc_id)
    parts = [
        {"number": p["number"], "label": p["label"], "title": p["title"],
         "sections": [{"number": s["number"], "label": s["label"], "heading": s["heading"],
                       "measures": [m["text"] for m in s["measures"]],
                       "labels": {str(k): m["label"] for k, m in enumerate(s["measures"])
                                  if m["label"] != measure_label(s["label"], k + 1, p["label"])}}
                      for s in p["sections"]]}
        for p in outline["parts"]
    ]
    return {"doc_id": doc_id, "content_hash": row["content_hash"], "date": row["date"],
            **{k: row[k] for k in _DOC_FIELDS}, "parts": parts}


def _text(value: Any, limit: int = MAX_DOC_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit or not is_storable(value):
        raise BundleRejected("交换包格式错误：文档内容无效 (invalid document)")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 100_000:
        raise BundleRejected("交换包格式错误：文档编号无效 (invalid document)")
    return value


def _list(value: Any, limit: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > limit:
        raise BundleRejected("交换包格式错误：文档结构无效 (invalid document)")
    return value


def parse_document_json(item: Any) -> tuple[str, str, dict[str, Any], ParsedDocument]:
    """(doc_id, hash, document fields, parsed document) of an untrusted document; hash verified."""
    if not isinstance(item, dict):
        raise BundleRejected("交换包格式错误：文档应为对象 (wrong type)")
    doc_id = check_id(item.get("doc_id"), "doc id")
    digest = check_id(item.get("content_hash"), "content hash")
    fields = {k: _text(item.get(k, "")) for k in _DOC_FIELDS}
    raw_date = item.get("date")
    try:
        doc_date = date.fromisoformat(raw_date) if raw_date is not None else None
    except (TypeError, ValueError):
        raise BundleRejected("交换包格式错误：文档日期无效 (invalid document date)") from None
    fields["date"] = doc_date.isoformat() if doc_date else None
    parts = []
    sections = measures = 0
    for p in _list(item.get("parts"), MAX_PARTS):
        if not isinstance(p, dict):
            raise BundleRejected("交换包格式错误：文档结构无效 (invalid document)")
        part = ParsedPart(_int(p.get("number")), _text(p.get("label"), 200), _text(p.get("title"), 2_000))
        for s in _list(p.get("sections"), MAX_SECTIONS):
            if not isinstance(s, dict):
                raise BundleRejected("交换包格式错误：文档结构无效 (invalid document)")
            texts = [_text(t) for t in _list(s.get("measures"), MAX_MEASURES)]
            labels = s.get("labels", {})
            if not isinstance(labels, dict) or len(labels) > len(texts):
                raise BundleRejected("交换包格式错误：文档结构无效 (invalid document)")
            section = ParsedSection(_int(s.get("number")), _text(s.get("label"), 200),
                                    _text(s.get("heading"), 20_000), texts)
            for key, label in labels.items():
                if not isinstance(key, str) or not key.isdigit() or int(key) >= len(texts):
                    raise BundleRejected("交换包格式错误：文档结构无效 (invalid document)")
                section.labels[int(key)] = _text(label, 200)
            part.sections.append(section)
            sections += 1
            measures += len(texts)
        parts.append(part)
    if sections > MAX_SECTIONS or measures > MAX_MEASURES:
        raise BundleRejected("交换包格式错误：文档过大 (document too large)")
    doc = ParsedDocument(title=fields["title"], doc_no=fields["doc_no"], date=doc_date, issuer=fields["issuer"],
                         preamble=fields["preamble"], closing=fields["closing"], remarks=fields["remarks"],
                         addressee=fields["addressee"], parts=parts)
    if content_hash(doc) != digest or doc_id not in (digest[:8], digest[:16]):
        raise BundleRejected(f"交换包中的文档 {doc_id} 与其校验值不符 (document hash mismatch)")
    return doc_id, digest, fields, doc


def store_document(conn: sqlite3.Connection, documents: Documents, doc_id: str, digest: str,
                   fields: dict[str, Any], doc: ParsedDocument) -> bool:
    """Insert a verified document inside the caller's transaction; False if already here."""
    if q.document_by_hash(conn, digest) is not None:
        return False
    stored = documents.store_in_transaction(SourceText("", False, "bundle", fields["title"]), doc,
                                            fields["source_name"] or "bundle")
    if stored.doc_id != doc_id:  # its short id is taken here by another text: ids would not match
        raise BundleRejected(f"文档编号 {doc_id} 已被另一份文档占用 (document id clash)")
    return True
