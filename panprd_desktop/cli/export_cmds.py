"""``panprd export``: a briefing pack of a selection, as .docx or .pdf."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from panprd_desktop.cli.common import Context, add_json, emit_json
from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.vocab import STATUSES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="导出会议材料（分工表与详情）为 Word 或 PDF")
    fmt = p.add_mutually_exclusive_group(required=True)
    fmt.add_argument("--docx", metavar="OUT", help="写出 Word 文档")
    fmt.add_argument("--pdf", metavar="OUT", help="写出 PDF")
    # issue 10: the 分工表 as an .xlsx 台账, optionally for the parties to fill in and return
    fmt.add_argument("--xlsx", metavar="OUT", help="写出 Excel 台账（.xlsx）")
    p.add_argument("--for-return", action="store_true", help="台账供填报后回收（panprd bundle import 合并）")
    p.add_argument("--title")  # default: PackOptions.title (the packs module loads only for an export)
    p.add_argument("--meeting", default="", metavar="NAME", help="会议名称")
    p.add_argument("--meeting-date", default="", metavar="DATE", help="会议日期")
    p.add_argument("--prepared-by", default="", metavar="NAME", help="编制单位/人")
    p.add_argument("--marking", default="", metavar="TEXT", help="密级/标注，如“内部资料”")
    p.add_argument("--doc", metavar="DOC_ID")
    p.add_argument("--owner", metavar="NAME")
    p.add_argument("--role", choices=("lead", "participant", "any"), default="any")
    p.add_argument("--status", choices=tuple(STATUSES))
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--due-before", metavar="DATE")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--query", default="", metavar="Q")
    p.add_argument("--landscape-table", action="store_true", help="分工表使用横向页面")
    # What the handout shows (defaults are safe to hand out): notes yes; tags, note authors
    # and note dates no.
    p.add_argument("--no-notes", dest="notes", action="store_false", help="不印进展情况（工作记录）")
    p.add_argument("--tags", action="store_true", help="印出标签")
    p.add_argument("--authors", action="store_true", help="印出记录人")
    p.add_argument("--timestamps", action="store_true", help="印出记录日期")
    add_json(p)
    p.set_defaults(handler=cmd_export)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from panprd_desktop.core.deadlines import parse_date
    from panprd_desktop.core.packs import PackOptions
    from panprd_desktop.core.search import SearchFilters

    lib = ctx.library
    options = PackOptions(
        title=PackOptions.title if args.title is None else args.title,
        meeting=args.meeting, meeting_date=args.meeting_date,
        prepared_by=args.prepared_by, marking=args.marking, landscape_table=args.landscape_table,
        include_notes=args.notes, include_tags=args.tags, include_authors=args.authors,
        include_timestamps=args.timestamps,
    )
    filtered = any((args.owner, args.status, args.tag, args.due_before, args.overdue))
    doc_id = lib.documents.resolve_id(args.doc) if args.doc else None
    filters = None
    if filtered or (doc_id and args.query):
        filters = SearchFilters(
            doc_id=doc_id, owner=args.owner, role=args.role, status=args.status, tag=args.tag,
            due_before=parse_date(args.due_before) if args.due_before else None, overdue=args.overdue,
        )
        doc_id = None
    if args.for_return and not args.xlsx:  # issue 10
        raise InvalidValue("--for-return 只用于 --xlsx 台账 (only with --xlsx)")
    pack = lib.packs.build(options, query=args.query, filters=filters, doc_id=doc_id)
    if args.xlsx:  # issue 10
        from panprd_desktop.core.exchange.xlsx_export import export_xlsx

        fmt, written = "xlsx", export_xlsx(lib, pack, Path(args.xlsx), for_return=args.for_return,
                                           owner=args.owner or "")
    else:
        fmt, out = ("docx", args.docx) if args.docx else ("pdf", args.pdf)
        written = lib.packs.export(pack, Path(out), fmt)
    if args.json:
        emit_json({"path": str(written), "format": fmt, "measures": len(pack.measures), "scope": pack.scope})
    else:
        print(f"已导出 {len(pack.measures)} 条措施 → {written}", file=sys.stdout)
    return 0
