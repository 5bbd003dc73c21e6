"""Merging exchanged changes into this library: three-way per field, inside the caller's transaction.

For each incoming change (``before`` = its base, ``after`` = theirs) against our current value:

- scalars (status, deadline): theirs == ours → nothing to do; ours == base → take theirs; theirs ==
  base → nothing; otherwise a conflict: ours is kept and the disagreement recorded;
- sets (leads, participants, tags): what the change added is added, what it removed is removed
  (order kept, owner names resolved through the vocabulary); sets never conflict;
- notes: added once by their global id, removed by it (an undone note); never duplicated.

Whatever the outcome, the change id is remembered with the import's operation, so a second
import of the same change is "already". Applied changes are written to history under their
original id and origin, so they travel on to other offices unchanged.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from db import exchange as q
from panprd_desktop.core.exchange.changes import SET_FIELDS, Change
from panprd_desktop.core.provenance import SOURCE_AUTHOR

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library


@dataclass
class MergeResult:
    applied: int = 0
    already: int = 0
    unchanged: int = 0  # new to us, but we already had that value
    skipped: int = 0  # about a measure this library does not have
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    measure_ids: set[str] = field(default_factory=set)
    op_id: int | None = None


def same(field_name: str, a: Any, b: Any) -> bool:
    if field_name == "deadline" and isinstance(a, dict) and isinstance(b, dict):
        return a.get("text", "") == b.get("text", "")  # the date is derived from the text
    return bool(a == b)


def _source(ch: Change) -> str:
    """What a document stated (author 原文) stays the document's here too (``show`` says so)."""
    return "document" if ch.author == SOURCE_AUTHOR else "user"


class Merger:
    def __init__(self, lib: Library, library_id: str) -> None:
        self._lib = lib
        self._conn: sqlite3.Connection = lib.conn
        self._library_id = library_id

    def merge(self, changes: tuple[Change, ...] | list[Change], at: str, author: str, summary: str) -> MergeResult:
        result = MergeResult()
        for ch in changes:
            if q.is_known(self._conn, ch.change_id, self._library_id):
                result.already += 1
                continue
            if not q.measure_exists(self._conn, ch.measure_id):
                result.skipped += 1
                continue
            if result.op_id is None:
                result.op_id = q.new_import_op(self._conn, at, author, summary)
            outcome = self._merge_one(ch, result.op_id)
            q.mark_known(self._conn, ch.change_id, result.op_id)
            if outcome == "applied":
                result.applied += 1
                result.measure_ids.add(ch.measure_id)
            elif outcome == "unchanged":
                result.unchanged += 1
            else:
                result.conflicts.append(outcome)
        if result.op_id is not None:
            q.set_op_summary(self._conn, result.op_id, f"{summary}（{result.applied} 项变更）")
        # One conflict per field: report each once, in its latest form, and only if still open (a
        # later change in the same bundle, e.g. the sender's resolution, may have settled it).
        latest = {c["conflict_id"]: c for c in result.conflicts}
        still_open = {r["conflict_id"] for r in q.open_conflicts(self._conn)}
        result.conflicts = [c for cid, c in latest.items() if cid in still_open]
        return result

    # -- one change -------------------------------------------------------------------------
    def _current(self, measure_id: str, name: str) -> Any:
        return self._lib.annotations._field(measure_id, name)  # noqa: SLF001 - the one reader of fields

    def _write(self, measure_id: str, name: str, value: Any) -> None:
        self._lib.annotations._write(measure_id, name, value)  # noqa: SLF001 - the one writer of fields

    def _canon_names(self, names: list[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            found = self._lib.owners.find(name)
            canon = found.name if found else " ".join(name.split())
            if canon not in out:
                out.append(canon)
        return out

    def _owner_order(self, name: str) -> tuple[int, int, str]:
        """The vocabulary's order (the same in every library); owners added by hand by name."""
        return q.owner_sort_key(self._conn, name)

    def _merge_one(self, ch: Change, op_id: int) -> Any:
        if ch.field == "note":
            return self._merge_note(ch, op_id)
        ours = self._current(ch.measure_id, ch.field)
        if ch.field in SET_FIELDS:
            return self._merge_set(ch, ours, op_id)
        base, theirs = ch.before, ch.after
        if same(ch.field, theirs, ours):
            self._settle(ch, ours, op_id)
            return "unchanged"
        if same(ch.field, ours, base) or (ch.has_alt and same(ch.field, ours, ch.alt)):
            self._apply(ch, ours, theirs, op_id)
            return "applied"
        if same(ch.field, theirs, base):
            return "unchanged"
        conflict_id = q.upsert_conflict(self._conn, uuid.uuid4().hex[:10], ch.measure_id, ch.field, base, ours,
                                        theirs, ch.origin(), op_id)
        return {"conflict_id": conflict_id, "measure_id": ch.measure_id, "field": ch.field, "base": base,
                "ours": ours, "theirs": theirs, "theirs_author": ch.author, "theirs_at": ch.at,
                "theirs_office": ch.office}

    def _merge_set(self, ch: Change, ours: list[str], op_id: int) -> str:
        canon = self._canon_names if ch.field != "tags" else (lambda v: list(dict.fromkeys(v)))
        before, after = canon(ch.before), canon(ch.after)
        if ours == before:  # changed on their side only: their list as they ordered it
            new = after
        elif ours == after:  # the same list reached on both sides (e.g. both imported the document)
            return "unchanged"
        else:  # both sides changed it: add and remove, then one order every library agrees on
            removed = [x for x in before if x not in after]
            added = [x for x in after if x not in before]
            new = [x for x in ours if x not in removed] + [x for x in added if x not in ours]
            new = sorted(new) if ch.field == "tags" else sorted(new, key=self._owner_order)
        if ch.field == "tags":
            new = sorted(new)
        if new == ours:
            return "unchanged"
        self._apply(ch, ours, new, op_id)
        return "applied"

    def _apply(self, ch: Change, ours: Any, new: Any, op_id: int) -> None:
        self._write(ch.measure_id, ch.field, new)
        q.insert_history(self._conn, op_id, ch.measure_id, ch.at, ch.author, ch.field, ours, new,
                         change_id=ch.change_id, origin_library=ch.library, origin_office=ch.office,
                         base=ch.alt, has_base=ch.has_alt,  # relayed resolutions keep their alt base
                         source=_source(ch))
        self._settle(ch, new, op_id)

    def _settle(self, ch: Change, value: Any, op_id: int) -> None:
        """The field now holds ``value`` and ``ch``'s library holds it too: an open conflict with
        that library (or one whose theirs we now hold) is settled — e.g. it resolved our way."""
        conflict = q.open_conflict(self._conn, ch.measure_id, ch.field)
        if conflict is not None and (conflict["theirs_library"] == ch.library
                                     or same(ch.field, json.loads(conflict["theirs"]), value)):
            q.close_conflict(self._conn, conflict["conflict_id"], "peer", op_id)

    def _merge_note(self, ch: Change, op_id: int) -> str:
        if ch.after is not None:
            note = ch.after
            if q.note_by_uid(self._conn, note["uid"]) is not None:
                return "unchanged"
            if note["author"] == SOURCE_AUTHOR and q.same_note_text(self._conn, ch.measure_id, note["text"],
                                                                    SOURCE_AUTHOR):
                return "unchanged"  # the document's own progress, stored here too when it was imported
            note_id = q.insert_note(self._conn, ch.measure_id, note["uid"], note["text"], note["author"],
                                    note["at"], _source(ch))
            stored = {"note_id": note_id, **note}
            q.insert_history(self._conn, op_id, ch.measure_id, ch.at, ch.author, "note", None, stored,
                             change_id=ch.change_id, origin_library=ch.library, origin_office=ch.office,
                             source=_source(ch))
            return "applied"
        existing = q.note_by_uid(self._conn, ch.before["uid"])
        if existing is None:
            return "unchanged"
        q.delete_note(self._conn, existing["note_id"])
        existing.pop("measure_id")
        q.insert_history(self._conn, op_id, ch.measure_id, ch.at, ch.author, "note", existing, None,
                         change_id=ch.change_id, origin_library=ch.library, origin_office=ch.office)
        return "applied"
