"""``panprd search`` and ``panprd reindex``: a thin layer over ``lib.search``."""

from __future__ import annotations

import argparse
import sys

from panprd_desktop.cli.common import Context, add_json, emit_json
from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.search import ENGINES, SearchFilters
from panprd_desktop.core.vocab import STATUSES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="全文检索措施（原文、标题、备注、标签、单位）")
    p.add_argument("query", metavar="QUERY", nargs="?", default="",
                   help='检索词：空格分隔=且，"引号"=词组，-词=排除，A OR B=或')
    p.add_argument("--doc", metavar="DOC_ID", help="只在该文档中检索")
    p.add_argument("--owner", metavar="NAME", help="单位（名称或别名，如 粤、港）")
    p.add_argument("--role", default="any", choices=("lead", "participant", "any"), help="单位角色")
    p.add_argument("--status", metavar="S", help="|".join(STATUSES))
    p.add_argument("--tag", metavar="T")
    p.add_argument("--due-before", metavar="DATE", help="完成时限早于该日期")
    p.add_argument("--due-after", metavar="DATE", help="完成时限晚于该日期")
    p.add_argument("--overdue", action="store_true", help="已逾期（时限已过且未完成）")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="最多显示 N 条（默认 20；总数照算）")
    p.add_argument("--engine", choices=ENGINES, help="检索引擎（默认：资料库设置或 fts5）")
    add_json(p)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("reindex", help="从数据库重建检索索引")
    p.add_argument("--engine", choices=ENGINES, help="要重建的引擎（默认：当前引擎）")
    add_json(p)
    p.set_defaults(handler=cmd_reindex)


def _date(text: str | None):  # type: ignore[no-untyped-def]
    if not text:
        return None
    from panprd_desktop.core.deadlines import parse_date  # on use: its patterns compile at import

    return parse_date(text)


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise InvalidValue("--limit 不能为负数 (negative limit)")
    filters = SearchFilters(
        doc_id=args.doc, owner=args.owner, role=args.role, status=args.status, tag=args.tag,
        due_before=_date(args.due_before), due_after=_date(args.due_after), overdue=args.overdue,
    )
    result = ctx.library.search.search(args.query, filters, limit=args.limit, engine=args.engine)
    if args.json:
        emit_json({"total": result.total,
                   "hits": [{**h._asdict(), "matches": [list(m) for m in h.matches]} for h in result.hits]})
        return 0
    print(f"共 {result.total} 条 (total {result.total})")
    for h in result.hits:
        print(f"[{h.measure_id}] {h.label}  {h.snippet}")
    return 0


def cmd_reindex(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.library
    name = lib.search.engine_name(args.engine)
    interactive = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    count = lib.search.reindex(name, progress=progress)
    if interactive:
        print(file=sys.stderr)
    if args.json:
        emit_json({"engine": name, "measures": count})
    else:
        print(f"已重建 {name} 索引：{count} 条措施 (reindexed)")
    return 0
