"""Values a document states about its measures, stored with their origin.

At import, what the parser or a table reader found (:class:`SourceFacts`: leads,
participants, deadline, progress, status) becomes ordinary annotations — editable like any value —
recorded in history with the author ``原文`` and ``source = 'document'``; progress becomes a
note by ``原文``. A value already present (a person's) is never overwritten. ``show`` then
says per field whether the current value is the document's or a person's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db import provenance as sql
from panprd_desktop.core.deadlines import parse_deadline
from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.model import Deadline
from panprd_desktop.core.owners import Owner, Owners

if TYPE_CHECKING:  # only a type here: reading a library must not load the parser (issue 13)
    from panprd_desktop.core.parsing.facts import SourceFacts

SOURCE_AUTHOR = "原文"
MAX_PROGRESS = 20_000
_MAX_DEADLINE = 100


def _deadline(text: str) -> dict[str, Any]:
    try:
        parsed = parse_deadline(text[:_MAX_DEADLINE])
    except InvalidValue:  # 2018年13月: kept as written, without a date
        parsed = Deadline(text[:_MAX_DEADLINE], None)
    return {"text": parsed.text, "date": parsed.date.isoformat() if parsed.date else None}


def store_facts(conn: sqlite3.Connection, doc_title: str, items: Sequence[tuple[str, SourceFacts]]) -> tuple[int, int]:
    """Write ``items`` (measure id, facts) inside the caller's transaction.

    Returns (measures given owners, measures given a deadline).
    """
    items = [(mid, f) for mid, f in items if not f.empty]
    if not items:
        return 0, 0
    owners = Owners(conn)
    cache: dict[str, Owner] = {}

    def resolve(name: str) -> Owner:  # the same few units recur on every item
        if name not in cache:
            cache[name] = owners.resolve(name)
        return cache[name]

    at = datetime.now().isoformat(timespec="seconds")
    op_id = sql.new_import_op(conn, at, SOURCE_AUTHOR, f"导入原文的分工与时限：{doc_title[:60]}")
    with_owners = with_deadline = 0
    for mid, facts in items:
        wrote_owner = False
        for field, role, names in (("leads", "lead", facts.leads), ("participants", "participant", facts.participants)):
            if not names or sql.has_owners(conn, mid, role):
                continue  # nothing stated, or a value is already there: never overwritten
            found = list({o.owner_id: o for o in (resolve(n) for n in names if n.strip())}.values())
            sql.add_owners(conn, mid, role, [o.owner_id for o in found])
            sql.record(conn, op_id, mid, at, SOURCE_AUTHOR, field, [], [o.name for o in found])
            wrote_owner = True
        with_owners += wrote_owner
        if facts.deadline.strip() and not sql.deadline_text(conn, mid):
            value = _deadline(facts.deadline.strip())
            sql.set_deadline(conn, mid, value["text"], value["date"], at)
            sql.record(conn, op_id, mid, at, SOURCE_AUTHOR, "deadline", {"text": "", "date": None}, value)
            with_deadline += 1
        before = sql.status(conn, mid) if facts.status else ""
        if facts.status and before == "not_started" and facts.status != before:
            # Only over the default: a status a person (or an earlier bundle) set stays.
            sql.set_status(conn, mid, facts.status, at)
            sql.record(conn, op_id, mid, at, SOURCE_AUTHOR, "status", before, facts.status)
        if facts.progress.strip():
            text = facts.progress.strip()[:MAX_PROGRESS]
            note_id = sql.add_note(conn, mid, text, SOURCE_AUTHOR, at)
            sql.record(conn, op_id, mid, at, SOURCE_AUTHOR, "note", None,
                       {"note_id": note_id, "text": text, "author": SOURCE_AUTHOR, "at": at})
    return with_owners, with_deadline


def value_sources(conn: sqlite3.Connection, measure_id: str, current: dict[str, Any]) -> dict[str, str | None]:
    """Per field (leads, participants, deadline, status): "document" when the current value is the one
    the document stated, "user" when a person set it, None when there is no value."""
    stated = sql.document_values(conn, [measure_id])
    out: dict[str, str | None] = {}
    for field, value in current.items():
        # the default status is no one's value: the document never states 未启动 (store_facts)
        empty = (not value or (isinstance(value, dict) and not value.get("text"))
                 or (field == "status" and value == "not_started"))
        if empty:
            out[field] = None
        elif (measure_id, field) in stated and stated[(measure_id, field)] == value:
            out[field] = sql.DOCUMENT
        else:
            out[field] = sql.USER
    return out
