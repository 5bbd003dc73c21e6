"""``panprd remove DOC_ID``: delete a document, after a backup that keeps its annotations."""

from __future__ import annotations

import argparse

from panprd_desktop.cli.common import Context, add_json, emit_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("remove", help="移除文档（先备份资料库，批注保留在备份中）")
    p.add_argument("doc_id", metavar="DOC_ID")
    add_json(p)
    p.set_defaults(handler=cmd_remove)


def cmd_remove(ctx: Context, args: argparse.Namespace) -> int:
    r = ctx.library.remove_document(args.doc_id)
    if args.json:
        emit_json({"doc_id": r.doc_id, "title": r.title, "measures": r.measures, "annotated": r.annotated,
                   "notes": r.notes, "backup": str(r.backup)})
    else:
        print(f"已移除 {r.doc_id}  {r.title}（{r.measures} 条措施，{r.annotated} 条有批注，{r.notes} 条备注）")
        print(f"移除前的备份：{r.backup}")
    return 0
