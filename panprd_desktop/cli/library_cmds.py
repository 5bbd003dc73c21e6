"""Commands over documents, measures, owners and annotations."""

from __future__ import annotations

import argparse
from pathlib import Path

from panprd_desktop.cli.common import Context, add_json, emit_json
from panprd_desktop.core.vocab import STATUSES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:  # the model loads with the library, not with the parser (issue 13)
    from panprd_desktop.core.model import MeasureView


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="导入文档 (.txt/.md/.docx/.pdf/.xlsx)")
    p.add_argument("files", nargs="+", metavar="FILE")
    add_json(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("docs", help="列出文档")
    add_json(p)
    p.set_defaults(handler=cmd_docs)

    p = sub.add_parser("outline", help="文档结构与全部措施")
    p.add_argument("doc_id", metavar="DOC_ID")
    add_json(p)
    p.set_defaults(handler=cmd_outline)

    p = sub.add_parser("show", help="一条措施及其分工、备注、历史")
    p.add_argument("measure_id", metavar="MEASURE_ID")
    add_json(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("annotate", help="设置牵头/参与单位、完成时限、进展、标签、备注")
    p.add_argument("measure_id", metavar="MEASURE_ID")
    p.add_argument("--lead", action="append", default=[], metavar="NAME", help="牵头单位（可重复）")
    p.add_argument("--participant", action="append", default=[], metavar="NAME", help="参与单位（可重复）")
    p.add_argument("--deadline", metavar="TEXT", help="完成时限：日期或“2020年底前”“长期坚持”等")
    p.add_argument("--status", metavar="STATUS", help="|".join(STATUSES))
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--untag", action="append", default=[], metavar="TAG")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--author", default="", metavar="NAME")
    p.add_argument("--clear-owners", action="store_true", help="先清空牵头与参与单位")
    add_json(p)
    p.set_defaults(handler=cmd_annotate)

    for name, helptext, handler in (("undo", "撤销上一次修改", cmd_undo), ("redo", "重做", cmd_redo)):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--author", default="", metavar="NAME")
        add_json(p)
        p.set_defaults(handler=handler)

    p = sub.add_parser("owners", help="单位词表（含别名）")
    add_json(p)
    p.set_defaults(handler=cmd_owners)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    results = ctx.library.import_files([Path(f) for f in args.files])
    if args.json:
        emit_json([{k: v for k, v in asdict(r).items()} for r in results])
    else:
        for r in results:
            state = "已存在 (already in library)" if r.existing else "已导入"
            print(f"{r.doc_id}  {r.title}  {r.sections} 节 {r.measures} 条措施  {state}")
            if r.owners_from_text or r.deadlines_from_text:
                print(f"  原文写明责任单位 {r.owners_from_text} 条，完成时限 {r.deadlines_from_text} 条")
            for warning in r.warnings:
                print(f"  提示：{warning}")
    return 0


def cmd_docs(ctx: Context, args: argparse.Namespace) -> int:
    docs = ctx.library.documents.list()
    if args.json:
        from dataclasses import asdict

        emit_json([asdict(d) for d in docs])
    else:
        for d in docs:
            print(f"{d.doc_id}  {str(d.date or ''):10}  {d.doc_no:14}  {d.sections:3} 节 {d.measures:4} 条  {d.title}")
    return 0


def cmd_outline(ctx: Context, args: argparse.Namespace) -> int:
    outline = ctx.library.documents.outline(args.doc_id)
    if args.json:
        emit_json(outline)
        return 0
    print(outline["title"])
    masthead = outline["masthead"]
    for line in (masthead["doc_no"], "  ".join(x for x in (masthead["issuer"], masthead["date"] or "") if x),
                 f"主送：{masthead['addressee']}" if masthead["addressee"] else ""):
        if line:
            print(line)
    for part in outline["parts"]:
        if part["number"]:
            print(f"\n{part['label']}{part['title']}")
        for section in part["sections"]:
            repeats_part = part["number"] and not section["label"] and section["title"] == part["title"]
            if (section["label"] or section["title"]) and not repeats_part:  # 一、跨界基础设施 once
                print(f"  {section['label']}{section['title']}")
            for m in section["measures"]:
                print(f"    [{m['measure_id']}] {m['label']} {m['text']}")
    return 0


def measure_json(view: MeasureView) -> dict[str, Any]:
    return {
        "measure_id": view.measure_id,
        "doc_id": view.doc_id,
        "label": view.label,
        "text": view.text,
        "section": {"label": view.section_label, "title": view.section_title},
        "leads": list(view.leads),
        "participants": list(view.participants),
        "deadline": {"text": view.deadline.text, "date": view.deadline.date},
        "status": view.status,
        "tags": list(view.tags),
        "notes": [{"text": n.text, "author": n.author, "at": n.at, "source": n.source} for n in view.notes],
        "history": [
            {"at": h.at, "author": h.author, "field": h.field, "before": h.before, "after": h.after,
             "source": h.source, "office": h.office}  # office: where the change was made (exchange)
            for h in view.history
        ],
        # Where each value came from: "document" (stated by the imported text) or "user".
        "sources": dict(view.sources),
    }


def print_measure(view: MeasureView) -> None:
    print(f"[{view.measure_id}] {view.label}  {view.doc_title}")
    print(view.text)
    # Values the imported document stated (and nobody has changed since) are marked.
    mark = {name: "  [原文]" if source == "document" else "" for name, source in view.sources.items()}
    mark = {"leads": "", "participants": "", "deadline": "", "status": "", **mark}
    print(f"牵头单位：{'、'.join(view.leads) or '—'}{mark['leads']}")
    print(f"参与单位：{'、'.join(view.participants) or '—'}{mark['participants']}")
    deadline = view.deadline.text + (f"（{view.deadline.date}）" if view.deadline.date else "")
    print(f"完成时限：{deadline or '—'}{mark['deadline']}")
    print(f"进展：{view.status_label}{mark['status']}")
    print(f"标签：{'、'.join(view.tags) or '—'}")
    for n in view.notes:
        print(f"备注 {n.at:%Y-%m-%d %H:%M} {n.author}：{n.text}")
    if view.history:
        print(f"修改记录：{len(view.history)} 项")


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    view = ctx.library.measures.get(args.measure_id)
    if args.json:
        emit_json(measure_json(view))
    else:
        print_measure(view)
    return 0


def cmd_annotate(ctx: Context, args: argparse.Namespace) -> int:
    from panprd_desktop.core.annotations import Edit

    edit = Edit(
        add_leads=tuple(args.lead), add_participants=tuple(args.participant),
        clear_owners=args.clear_owners, deadline=args.deadline, status=args.status,
        add_tags=tuple(args.tag), remove_tags=tuple(args.untag), note=args.note,
    )
    ctx.library.annotate([args.measure_id], edit, args.author)
    view = ctx.library.measures.get(args.measure_id)
    if args.json:
        emit_json(measure_json(view))
    else:
        print_measure(view)
    return 0


def _replay(ctx: Context, args: argparse.Namespace, undo: bool) -> int:
    changes = ctx.library.undo(args.author) if undo else ctx.library.redo(args.author)
    if args.json:
        emit_json({"changed": sorted(changes.measure_ids)})
    elif changes.empty:
        print("没有可以" + ("撤销" if undo else "重做") + "的修改")
    else:
        print(("已撤销：" if undo else "已重做：") + "、".join(sorted(changes.measure_ids)))
    return 0


def cmd_undo(ctx: Context, args: argparse.Namespace) -> int:
    return _replay(ctx, args, undo=True)


def cmd_redo(ctx: Context, args: argparse.Namespace) -> int:
    return _replay(ctx, args, undo=False)


def cmd_owners(ctx: Context, args: argparse.Namespace) -> int:
    owners = ctx.library.owners.all()
    if args.json:
        emit_json([{"name": o.name, "kind": o.kind, "aliases": list(o.aliases)} for o in owners])
    else:
        for o in owners:
            print(f"{o.name}  [{o.kind}]  {'、'.join(o.aliases)}")
    return 0

