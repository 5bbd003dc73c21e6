"""Annotating measures: owners, deadline, status, tags, notes — every change in history.

One call of :meth:`Annotations.annotate` is one user action: one transaction, one row in
``operations`` and one ``history`` row per field it actually changed. Undo and redo live
here, in the core, by replaying a history row's ``before`` or ``after`` value.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.connection import transaction
from panprd_desktop.core.deadlines import parse_deadline
from panprd_desktop.core.errors import InvalidValue, NotFound
from panprd_desktop.core.model import FIELD_LABELS, STATUSES, Changes, UndoStep
from panprd_desktop.core.normalize import is_storable
from panprd_desktop.core.owners import Owners

MAX_NOTE = 20_000
MAX_TAG = 50


@dataclass(frozen=True)
class Edit:
    """What to change; ``None`` / empty means "leave as is"."""

    add_leads: tuple[str, ...] = ()
    add_participants: tuple[str, ...] = ()
    set_leads: tuple[str, ...] | None = None
    set_participants: tuple[str, ...] | None = None
    clear_owners: bool = False
    deadline: str | None = None  # "" clears the deadline
    status: str | None = None
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    set_tags: tuple[str, ...] | None = None
    note: str | None = None


def ensure_storable(text: str) -> None:
    """Refuse text SQLite cannot store: lone surrogates, e.g. from mis-encoded command lines."""
    if not is_storable(text):
        raise InvalidValue("输入含有无法识别的字符（编码错误），请检查输入法或终端编码 (undecodable characters)")


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _clean_tag(tag: str) -> str:
    tag = " ".join(tag.split()).lstrip("#")
    if not tag:
        raise InvalidValue("标签不能为空 (empty tag)")
    if len(tag) > MAX_TAG:
        raise InvalidValue(f"标签过长（最多 {MAX_TAG} 字）(tag too long)")
    return tag


def _merge(current: Sequence[str], added: Iterable[str]) -> list[str]:
    out = list(current)
    for item in added:
        if item not in out:
            out.append(item)
    return out


class Annotations:
    def __init__(self, conn: sqlite3.Connection, owners: Owners) -> None:
        self._conn = conn
        self._owners = owners

    # -- reading the current state ---------------------------------------------------------
    def owners_of(self, measure_id: str, role: str) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT o.name FROM measure_owners mo JOIN owners o USING (owner_id)"
                " WHERE mo.measure_id = ? AND mo.role = ? ORDER BY mo.position",
                (measure_id, role),
            )
        ]

    def tags_of(self, measure_id: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT tag FROM measure_tags WHERE measure_id = ? ORDER BY tag", (measure_id,))]

    def _annotation(self, measure_id: str) -> tuple[dict[str, Any], str]:
        row = self._conn.execute(
            "SELECT deadline_text, deadline_date, status FROM annotations WHERE measure_id = ?", (measure_id,)
        ).fetchone()
        if row is None:
            return {"text": "", "date": None}, "not_started"
        return {"text": row[0], "date": row[1]}, row[2]

    def _field(self, measure_id: str, name: str) -> Any:
        if name == "leads":
            return self.owners_of(measure_id, "lead")
        if name == "participants":
            return self.owners_of(measure_id, "participant")
        if name == "tags":
            return self.tags_of(measure_id)
        deadline, status = self._annotation(measure_id)
        return deadline if name == "deadline" else status

    # -- writing one field -------------------------------------------------------------------
    def _ensure_row(self, measure_id: str) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO annotations(measure_id, updated_at) VALUES (?, ?)", (measure_id, _now())
        )

    def _write(self, measure_id: str, name: str, value: Any) -> None:
        if name in ("leads", "participants"):
            role = "lead" if name == "leads" else "participant"
            self._conn.execute("DELETE FROM measure_owners WHERE measure_id = ? AND role = ?", (measure_id, role))
            for position, owner_name in enumerate(value):
                owner = self._owners.resolve(owner_name)
                self._conn.execute(
                    "INSERT OR IGNORE INTO measure_owners(measure_id, role, owner_id, position) VALUES (?,?,?,?)",
                    (measure_id, role, owner.owner_id, position),
                )
        elif name == "tags":
            self._conn.execute("DELETE FROM measure_tags WHERE measure_id = ?", (measure_id,))
            self._conn.executemany(
                "INSERT INTO measure_tags(measure_id, tag) VALUES (?, ?)", [(measure_id, t) for t in value]
            )
        elif name == "deadline":
            self._ensure_row(measure_id)
            self._conn.execute(
                "UPDATE annotations SET deadline_text = ?, deadline_date = ?, updated_at = ? WHERE measure_id = ?",
                (value["text"], value["date"], _now(), measure_id),
            )
        elif name == "status":
            self._ensure_row(measure_id)
            self._conn.execute(
                "UPDATE annotations SET status = ?, updated_at = ? WHERE measure_id = ?", (value, _now(), measure_id)
            )
        elif name == "note":
            if value is None:
                return
            # exchange (issue 10): the note keeps its global id across undo/redo (None: a new one).
            self._conn.execute(
                "INSERT OR REPLACE INTO notes(note_id, measure_id, text, author, at, note_uid) VALUES (?,?,?,?,?,?)",
                (value["note_id"], measure_id, value["text"], value["author"], value["at"], value.get("uid")),
            )
        else:  # pragma: no cover - history only ever holds the fields above
            raise ValueError(name)

    def _delete_note(self, value: dict[str, Any]) -> None:
        self._conn.execute("DELETE FROM notes WHERE note_id = ?", (value["note_id"],))

    # -- operations ------------------------------------------------------------------------
    def _new_op(self, author: str, summary: str, kind: str, target: int | None = None) -> int:
        return int(self._conn.execute(
            "INSERT INTO operations(at, author, summary, kind, target) VALUES (?,?,?,?,?)",
            (_now(), author, summary, kind, target),
        ).lastrowid or 0)

    def _record(self, op_id: int, measure_id: str, author: str, name: str, before: Any, after: Any) -> None:
        self._conn.execute(
            "INSERT INTO history(op_id, measure_id, at, author, field, before, after) VALUES (?,?,?,?,?,?,?)",
            (op_id, measure_id, _now(), author, name,
             json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False)),
        )

    def _planned(self, measure_id: str, edit: Edit, author: str) -> dict[str, tuple[Any, Any]]:
        """For each field the edit touches: (before, after)."""
        plan: dict[str, tuple[Any, Any]] = {}
        for name, add, replace in (
            ("leads", edit.add_leads, edit.set_leads),
            ("participants", edit.add_participants, edit.set_participants),
        ):
            before = self._field(measure_id, name)
            after = [] if edit.clear_owners else list(before)
            if replace is not None:
                after = []
                add = tuple(replace) + tuple(add)
            after = _merge(after, (self._owners.resolve(n).name for n in add))
            if after != before:
                plan[name] = (before, after)
        if edit.deadline is not None:
            before = self._field(measure_id, "deadline")
            parsed = parse_deadline(edit.deadline)
            after = {"text": parsed.text, "date": parsed.date.isoformat() if parsed.date else None}
            if after != before:
                plan["deadline"] = (before, after)
        if edit.status is not None:
            before = self._field(measure_id, "status")
            if before != edit.status:
                plan["status"] = (before, edit.status)
        if edit.set_tags is not None or edit.add_tags or edit.remove_tags:
            before = self._field(measure_id, "tags")
            base = [] if edit.set_tags is not None else list(before)
            removed = {_clean_tag(t) for t in edit.remove_tags}
            after = sorted(t for t in _merge(base, map(_clean_tag, (edit.set_tags or ()) + edit.add_tags))
                           if t not in removed)
            if after != before:
                plan["tags"] = (before, after)
        return plan

    def _validate(self, edit: Edit, author: str) -> None:
        texts = [author, edit.note or "", edit.deadline or "", *edit.add_leads, *edit.add_participants,
                 *(edit.set_leads or ()), *(edit.set_participants or ()), *edit.add_tags, *edit.remove_tags,
                 *(edit.set_tags or ())]
        for text in texts:
            ensure_storable(text)
        if edit.status is not None and edit.status not in STATUSES:
            raise InvalidValue(
                f"无效的状态 {edit.status!r}；可用：{'|'.join(STATUSES)} (invalid status)"
            )
        if edit.note is not None:
            if not edit.note.strip():
                raise InvalidValue("备注不能为空 (empty note)")
            if len(edit.note) > MAX_NOTE:
                raise InvalidValue(f"备注过长（最多 {MAX_NOTE} 字）(note too long)")
        if edit.deadline is not None:
            parse_deadline(edit.deadline)

    def check_measures(self, measure_ids: Sequence[str]) -> None:
        for mid in measure_ids:
            if not self._conn.execute("SELECT 1 FROM measures WHERE measure_id = ?", (mid,)).fetchone():
                raise NotFound(f"没有编号为 {mid!r} 的措施 (unknown measure id)")

    def annotate(self, measure_ids: Sequence[str], edit: Edit, author: str) -> Changes:
        """Apply ``edit`` to every measure in one transaction; a no-op records nothing."""
        if not measure_ids:
            return Changes()
        self._validate(edit, author)
        author = author.strip() or "未署名"
        with transaction(self._conn):
            self.check_measures(measure_ids)
            op_id: int | None = None
            changed: set[str] = set()
            owners_before = self._conn.execute("SELECT COUNT(*) FROM owners").fetchone()[0]
            for mid in measure_ids:
                plan = self._planned(mid, edit, author)
                if edit.note is not None:
                    plan["note"] = (None, None)
                if not plan:
                    continue
                if op_id is None:
                    op_id = self._start_edit(author, measure_ids, plan)
                for name, (before, after) in plan.items():
                    if name == "note":
                        after = self._add_note(mid, edit.note or "", author)
                    else:
                        self._write(mid, name, after)
                    self._record(op_id, mid, author, name, before, after)
                changed.add(mid)
            owners_after = self._conn.execute("SELECT COUNT(*) FROM owners").fetchone()[0]
        return Changes(frozenset(changed), owners=owners_after != owners_before, op_id=op_id)

    def _start_edit(self, author: str, measure_ids: Sequence[str], plan: dict[str, Any]) -> int:
        # A new edit makes everything that was undone unreachable for redo.
        self._conn.execute("UPDATE operations SET state = 'dropped' WHERE kind = 'edit' AND state = 'undone'")
        fields = "、".join(FIELD_LABELS[f] for f in plan)
        return self._new_op(author, f"{self._target_words(measure_ids)}：{fields}", "edit")

    def _target_words(self, measure_ids: Sequence[str]) -> str:
        if len(measure_ids) != 1:
            return f"{len(measure_ids)} 条措施"
        row = self._conn.execute("SELECT label FROM measures WHERE measure_id = ?", (measure_ids[0],)).fetchone()
        return row[0] if row else measure_ids[0]

    def _add_note(self, measure_id: str, text: str, author: str) -> dict[str, Any]:
        at = _now()
        import uuid  # on use: its import (platform probing) slows every start (issue 13)

        uid = uuid.uuid4().hex  # exchange (issue 10): a global id, so the note is never duplicated
        note_id = self._conn.execute(
            "INSERT INTO notes(measure_id, text, author, at, note_uid) VALUES (?,?,?,?,?)",
            (measure_id, text, author, at, uid),
        ).lastrowid
        return {"note_id": note_id, "uid": uid, "text": text, "author": author, "at": at}

    # -- undo / redo ----------------------------------------------------------------------
    def undo_target(self) -> UndoStep | None:
        """The edit :meth:`undo` would reverse, or None."""
        return self._step("SELECT op_id, summary FROM operations WHERE kind = 'edit' AND state = 'done'"
                          " ORDER BY op_id DESC LIMIT 1")

    def redo_target(self) -> UndoStep | None:
        """The edit :meth:`redo` would reapply (the last one undone), or None."""
        return self._step("SELECT op_id, summary FROM operations WHERE kind = 'edit' AND state = 'undone'"
                          " ORDER BY op_id ASC LIMIT 1")

    def _step(self, sql: str) -> UndoStep | None:
        row = self._conn.execute(sql).fetchone()
        if row is None:
            return None
        rows = self._conn.execute(
            "SELECT DISTINCT measure_id, field FROM history WHERE op_id = ? ORDER BY history_id", (row[0],)
        ).fetchall()
        measures = list(dict.fromkeys(r[0] for r in rows))
        fields = tuple(dict.fromkeys(r[1] for r in rows))
        return UndoStep(row[0], row[1], self._target_words(measures), fields)

    def undo(self, author: str = "") -> Changes:
        return self._replay(self.undo_target(), author, undo=True)

    def redo(self, author: str = "") -> Changes:
        return self._replay(self.redo_target(), author, undo=False)

    def _replay(self, target: UndoStep | None, author: str, *, undo: bool) -> Changes:
        if target is None:
            return Changes()
        op_id, summary = target.op_id, target.summary
        author = author.strip() or "未署名"
        with transaction(self._conn):
            rows = self._conn.execute(
                "SELECT measure_id, field, before, after FROM history WHERE op_id = ? ORDER BY history_id"
                + (" DESC" if undo else ""),
                (op_id,),
            ).fetchall()
            new_op = self._new_op(author, ("撤销：" if undo else "重做：") + summary,
                                  "undo" if undo else "redo", op_id)
            for mid, name, before_json, after_json in rows:
                before, after = json.loads(before_json), json.loads(after_json)
                old, new = (after, before) if undo else (before, after)
                if name == "note" and new is None:
                    self._delete_note(old)
                else:
                    self._write(mid, name, new)
                self._record(new_op, mid, author, name, old, new)
            self._conn.execute(
                "UPDATE operations SET state = ? WHERE op_id = ?", ("undone" if undo else "done", op_id)
            )
        return Changes(frozenset(r[0] for r in rows), op_id=new_op)


def iso_to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
