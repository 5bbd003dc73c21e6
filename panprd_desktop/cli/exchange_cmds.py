"""Exchange between offices: ``office``, ``bundle export|import``, ``conflicts``, ``resolve``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from panprd_desktop.cli.common import Context, add_json, emit_json
from panprd_desktop.core.vocab import FIELD_LABELS, STATUSES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from typing import Any

    from panprd_desktop.core.exchange import Exchange


def _exchange(ctx: Context) -> Exchange:
    # Imported on use: `panprd search` must not pay for the exchange machinery (issue 13).
    from panprd_desktop.core.exchange import Exchange

    return Exchange(ctx.library)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("office", help="本资料库的办公室名称与标识（交换用）")
    p.add_argument("name", nargs="?", metavar="NAME", help="设置办公室名称，如“广东省发展改革委”")
    p.add_argument("--new-identity", action="store_true", help="复制来的资料库文件：换一个新的资料库标识")
    add_json(p)
    p.set_defaults(handler=cmd_office)

    bundle = sub.add_parser("bundle", help="交换包：导出本库的修改，导入其他办公室的修改或回收的台账")
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="export|import", required=True)
    p = bsub.add_parser("export", help="写出交换包（.json；以 .zip 结尾则压缩）")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--owner", metavar="NAME", help="只含该单位牵头或参与的措施")
    p.add_argument("--to", metavar="OFFICE", help="只含对方尚未收到的修改（按已知的交换记录）")
    add_json(p)
    p.set_defaults(handler=cmd_bundle_export)
    p = bsub.add_parser("import", help="合并交换包或回收的 .xlsx 台账")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--office", metavar="NAME", help="回收台账的填报单位（.xlsx）")
    p.add_argument("--dry-run", action="store_true", help="只报告将会发生什么，不修改资料库")
    add_json(p)
    p.set_defaults(handler=cmd_bundle_import)

    p = sub.add_parser("conflicts", help="列出未解决的冲突")
    add_json(p)
    p.set_defaults(handler=cmd_conflicts)

    p = sub.add_parser("resolve", help="解决一个冲突")
    p.add_argument("conflict_id", metavar="CONFLICT_ID")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--ours", action="store_const", const="ours", dest="choice", help="保留本库的值")
    choice.add_argument("--theirs", action="store_const", const="theirs", dest="choice", help="采用对方的值")
    choice.add_argument("--value", metavar="TEXT", help="另定一个值")
    p.add_argument("--author", default="", metavar="NAME")
    add_json(p)
    p.set_defaults(handler=cmd_resolve)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("text") or "（空）")
    if isinstance(value, list):
        return "、".join(value) or "（空）"
    if value in (None, ""):
        return "（空）"
    return STATUSES.get(str(value), str(value))  # a status reads as 推进中, not in_progress


def cmd_office(ctx: Context, args: argparse.Namespace) -> int:
    ex = _exchange(ctx)
    if args.new_identity:
        ex.new_identity()
    ident = ex.set_office(args.name) if args.name else ex.identity()
    peers = ex.peers()
    if args.json:
        emit_json({"library": ident.library, "office": ident.office, "peers": peers})
    else:
        print(f"办公室：{ident.office or '（未设置）'}  资料库标识：{ident.library}")
        for p in peers:
            print(f"  已交换：{p['office'] or '（未命名）'}  {p['library_id']}  最近 {p['last_seen_at']}")
    return 0


def cmd_bundle_export(ctx: Context, args: argparse.Namespace) -> int:
    summary = _exchange(ctx).export_bundle(Path(args.out), owner=args.owner, to=args.to)
    if args.json:
        emit_json(summary)
    else:
        print(f"已导出 {summary['changes']} 项修改、{summary['documents']} 份文档 → {summary['path']}")
    return 0


def cmd_bundle_import(ctx: Context, args: argparse.Namespace) -> int:
    exchange = _exchange(ctx)
    try:
        summary = exchange.import_file(Path(args.file), office=args.office, dry_run=args.dry_run)
    except _party_needed():
        if not sys.stdin.isatty():
            raise
        office = input("这份台账由哪个单位填报？").strip()  # asked, as a person at a terminal expects
        summary = exchange.import_file(Path(args.file), office=office or None, dry_run=args.dry_run)
    summary.pop("measure_ids", None)
    if args.json:
        emit_json(summary)
        return 0
    src = summary["from"]
    verb = "将合并" if args.dry_run else "已合并"
    print(f"{verb}来自 {src['office'] or src['library']} 的交换包：{summary['applied']} 项修改，"
          f"{summary['already']} 项此前已收到，新文档 {summary['documents_added']} 份，"
          f"冲突 {len(summary['conflicts'])} 项")
    for w in summary.get("warnings", []):
        print(f"  注意：{w}")
    for c in summary["conflicts"]:
        print(f"  冲突 {c['conflict_id']}  {c['measure_id']}  {FIELD_LABELS.get(c['field'], c['field'])}："
              f"本库 {_show(c['ours'])} / 对方 {_show(c['theirs'])}")
    return 0


def cmd_conflicts(ctx: Context, args: argparse.Namespace) -> int:
    conflicts = _exchange(ctx).conflicts()
    if args.json:
        emit_json(conflicts)
    elif not conflicts:
        print("没有未解决的冲突")
    else:
        for c in conflicts:
            print(f"{c['conflict_id']}  {c['measure_id']}  {FIELD_LABELS.get(c['field'], c['field'])}："
                  f"原值 {_show(c['base'])} / 本库 {_show(c['ours'])} / {c['theirs_office']} {_show(c['theirs'])}"
                  f"（{c['theirs_author']} {c['theirs_at']}）")
    return 0


def cmd_resolve(ctx: Context, args: argparse.Namespace) -> int:
    choice = args.choice or "value"
    result = _exchange(ctx).resolve(args.conflict_id, choice, args.value, args.author)
    if args.json:
        emit_json(result)
    else:
        print(f"冲突 {result['conflict_id']} 已解决：{FIELD_LABELS.get(result['field'], result['field'])} = "
              f"{_show(result['value'])}")
    return 0


def _party_needed() -> type[Exception]:
    from panprd_desktop.core.exchange.changes import PartyNeeded

    return PartyNeeded
