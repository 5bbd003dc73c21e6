"""``Exchange(lib)``: identity, bundle export and import, conflicts and their resolution."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import exchange as q
from db.connection import transaction
from panprd_desktop.core.errors import InvalidValue, NotFound
from panprd_desktop.core.exchange.bundle_file import Bundle, read_bundle, write_bundle
from panprd_desktop.core.exchange.changes import FIELDS, SCALAR_FIELDS, BundleRejected, Change
from panprd_desktop.core.exchange.documents import document_json, parse_document_json, store_document
from panprd_desktop.core.exchange.merge import Merger, MergeResult, same
from panprd_desktop.core.model import FIELD_LABELS, STATUSES, Changes

if TYPE_CHECKING:
    from panprd_desktop.core.library import Library

MAX_OFFICE = 100


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class _DryRun(Exception):
    """Raised inside the import transaction to roll a preview back."""


@dataclass(frozen=True)
class Identity:
    library: str
    office: str


class Exchange:
    def __init__(self, lib: Library) -> None:
        self._lib = lib

    # -- identity --------------------------------------------------------------------------
    def identity(self) -> Identity:
        with self._lib.lock:
            return Identity(q.meta_value(self._lib.conn, "library_id"), q.meta_value(self._lib.conn, "office"))

    def set_office(self, name: str) -> Identity:
        clean = " ".join(name.split())
        if not clean or len(clean) > MAX_OFFICE:
            raise InvalidValue(f"办公室名称须为 1–{MAX_OFFICE} 个字 (invalid office name)")
        with self._lib.lock, transaction(self._lib.conn):
            q.set_meta(self._lib.conn, "office", clean)
            # Changes made here before the office had a name are this office's too.
            q.name_unnamed_changes(self._lib.conn, q.meta_value(self._lib.conn, "library_id"), clean)
        return self.identity()

    def new_identity(self) -> Identity:
        """For a library made by copying another's file: two copies must not share an identity."""
        with self._lib.lock, transaction(self._lib.conn):
            q.set_meta(self._lib.conn, "library_id", uuid.uuid4().hex)
        return self.identity()

    def peers(self) -> list[dict[str, Any]]:
        with self._lib.lock:
            return [dict(r) for r in q.peers(self._lib.conn)]

    # -- export ----------------------------------------------------------------------------
    def export_bundle(self, out: Path, *, owner: str | None = None, to: str | None = None,
                      zipped: bool | None = None) -> dict[str, Any]:
        """Write the changes (all, or since what peer ``to`` is known to have; only measures of
        ``owner``) and the documents they refer to. Returns a summary."""
        lib, conn = self._lib, self._lib.conn
        with lib.lock:
            me = self.identity()
            since, exclude = 0, None
            if to:
                peer = q.find_peer(conn, to)
                if peer is None:
                    raise NotFound(f"没有与 {to!r} 交换过（panprd office 列出已知的办公室）(unknown peer)")
                since, exclude = int(peer["acked_seq"]), str(peer["library_id"])
            measure_ids = None
            if owner:
                found = lib.owners.find(owner)
                if found is None:
                    raise NotFound(f"没有名为 {owner!r} 的单位 (unknown owner)")
                measure_ids = q.measures_of_owner(conn, found.owner_id)
            changes = [c for r in q.history_since(conn, since, FIELDS, measure_ids)
                       if r["origin_library"] != exclude and (c := self._row_change(r)) is not None]
            doc_ids = sorted({c["measure"].split(".", 1)[0] for c in changes})
            documents = [document_json(conn, lib.documents, d) for d in doc_ids if q.document_row(conn, d)]
            content = {
                "origin": {"library": me.library, "office": me.office, "at": _now(), "seq": q.local_seq(conn)},
                "acks": q.received_seqs(conn), "scope": {"owner": owner, "since": since, "to": to},
                "documents": documents, "changes": changes,
            }
        out = Path(out)
        write_bundle(out, content, zipped=out.suffix.lower() == ".zip" if zipped is None else zipped)
        return {"path": str(out), "library": me.library, "office": me.office, "changes": len(changes),
                "documents": len(documents), "since": since}

    def _row_change(self, row: Any) -> dict[str, Any] | None:
        before, after = json.loads(row["before"]), json.loads(row["after"])
        has_alt = row["base"] is not None
        if row["field"] == "note":
            before, after = self._note_out(before), self._note_out(after)
            if before is None and after is None:
                return None  # a note from before notes had global ids, since deleted: nothing to say
        return Change(row["change_id"], row["measure_id"], row["field"], before, after, row["author"], row["at"],
                      row["origin_library"], row["origin_office"] or "",
                      json.loads(row["base"]) if has_alt else None, has_alt).as_json()

    def _note_out(self, value: Any) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            return None
        uid = value.get("uid") or q.note_uid_of(self._lib.conn, int(value.get("note_id", 0)))
        if uid is None:
            return None
        return {"uid": uid, "text": value["text"], "author": value["author"], "at": value["at"]}

    # -- import ----------------------------------------------------------------------------
    def import_file(self, path: Path, *, office: str | None = None, dry_run: bool = False) -> dict[str, Any]:
        """Merge a bundle (or a returned .xlsx 台账) in one transaction and one undo step.

        ``dry_run`` merges and rolls back: the summary the window shows before applying.
        """
        path = Path(path)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from panprd_desktop.core.exchange.xlsx_return import read_return

            bundle, warnings = read_return(self._lib, path, office)
            return {**self.merge_bundle(bundle, dry_run=dry_run, is_peer=False), "warnings": warnings}
        return {**self.merge_bundle(read_bundle(path), dry_run=dry_run), "warnings": []}

    def merge_bundle(self, bundle: Bundle, *, dry_run: bool = False, is_peer: bool = True) -> dict[str, Any]:
        lib, conn = self._lib, self._lib.conn
        me = self.identity()
        if bundle.library == me.library:
            raise BundleRejected(
                "交换包来自本资料库自身（若本库是复制来的文件，请先运行 panprd office --new-identity）")
        docs = [parse_document_json(d) for d in bundle.documents]  # all validated before any write
        at = _now()
        office = bundle.office or bundle.library[:8]
        result = MergeResult()
        added = 0
        try:
            with lib.lock, transaction(conn):
                for doc_id, digest, fields, doc in docs:
                    added += store_document(conn, lib.documents, doc_id, digest, fields, doc)
                result = Merger(lib, me.library).merge(bundle.changes, at, f"{office}（交换）",
                                                       f"导入交换包：来自 {office}")
                if is_peer:
                    # We now hold everything of theirs up to bundle.seq only if the bundle was complete
                    # for its range and that range joins what we already had (no gap).
                    have = q.received_seq(conn, bundle.library)
                    complete = not bundle.filtered and bundle.since <= have
                    q.note_peer(conn, bundle.library, bundle.office, bundle.seq if complete else have,
                                bundle.acks.get(me.library, 0), at)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return {"from": {"library": bundle.library, "office": bundle.office}, "changes": len(bundle.changes),
                "applied": result.applied, "already": result.already, "unchanged": result.unchanged,
                "skipped": result.skipped, "documents_added": added, "conflicts": result.conflicts,
                "dry_run": dry_run, "op_id": None if dry_run else result.op_id,
                "measure_ids": sorted(result.measure_ids)}

    @staticmethod
    def as_changes(summary: dict[str, Any]) -> Changes:
        """What an import changed, for the window's panels."""
        return Changes(frozenset(summary["measure_ids"]), documents=summary["documents_added"] > 0,
                       op_id=summary["op_id"])

    # -- conflicts -------------------------------------------------------------------------
    def conflicts(self) -> list[dict[str, Any]]:
        with self._lib.lock:
            return [self._conflict_json(r) for r in q.open_conflicts(self._lib.conn)]

    @staticmethod
    def _conflict_json(r: Any) -> dict[str, Any]:
        return {"conflict_id": r["conflict_id"], "measure_id": r["measure_id"], "field": r["field"],
                "base": json.loads(r["base"]), "ours": json.loads(r["ours"]), "theirs": json.loads(r["theirs"]),
                "theirs_author": r["theirs_author"], "theirs_at": r["theirs_at"], "theirs_office": r["theirs_office"]}

    def resolve(self, conflict_id: str, choice: str, value: str | None = None, author: str = "") -> dict[str, Any]:
        """Settle a conflict with ``ours``, ``theirs`` or ``value``: a change like any other, exported
        onward with the other side's value as a second base (``alt``), so the other side and third
        parties alike take it without a new conflict."""
        lib, conn = self._lib, self._lib.conn
        with lib.lock:
            rows = [r for r in q.conflict_by_id(conn, conflict_id) if r["state"] == "open"]
            if len(rows) != 1:
                raise NotFound(f"没有编号为 {conflict_id!r} 的未解决冲突 (unknown or settled conflict)")
            row = rows[0]
            mid, name = row["measure_id"], row["field"]
            ours = lib.annotations._field(mid, name)  # noqa: SLF001
            theirs = json.loads(row["theirs"])
            chosen = {"ours": ours, "theirs": theirs}.get(choice)
            if choice == "value":
                chosen = self._parse_value(name, value or "")
            elif chosen is None:
                raise InvalidValue("请选择 --ours、--theirs 或 --value (choose ours, theirs or a value)")
            who = author.strip() or q.meta_value(conn, "office") or "未署名"
            with transaction(conn):
                op_id = q.new_import_op(conn, _now(), who, f"解决冲突：{FIELD_LABELS.get(name, name)}")
                if not same(name, chosen, ours):
                    lib.annotations._write(mid, name, chosen)  # noqa: SLF001
                q.insert_history(conn, op_id, mid, _now(), who, name, ours, chosen, base=theirs, has_base=True)
                q.close_conflict(conn, row["conflict_id"], choice, op_id)
        return {"conflict_id": row["conflict_id"], "measure_id": mid, "field": name, "value": chosen,
                "op_id": op_id}

    @staticmethod
    def _parse_value(name: str, text: str) -> Any:
        from panprd_desktop.core.exchange.changes import deadline_value

        if name not in SCALAR_FIELDS:
            raise InvalidValue(f"字段 {name} 不能用 --value 设置")
        if name == "status":
            codes = {**{c: c for c in STATUSES}, **{label: c for c, label in STATUSES.items()}}
            if text.strip() not in codes:
                raise InvalidValue(f"无效的状态 {text!r}；可用：{'|'.join(STATUSES)} (invalid status)")
            return codes[text.strip()]
        try:
            return deadline_value(text)
        except BundleRejected as exc:
            raise InvalidValue(str(exc)) from None
