"""``panprd backups``, ``panprd restore`` and ``panprd check [--repair]``."""

from __future__ import annotations

import argparse

from panprd_desktop.cli.common import EXIT_ERROR, Context, add_json, emit_json
from panprd_desktop.paths import default_db_path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:  # backups and recovery load only for these commands (issue 13: search start-up)
    from db.backup import BackupInfo


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backups", help="列出备份（时间、大小、措施数、标注数、是否通过校验）")
    add_json(p)
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="从备份恢复资料库（先为当前状态留一份安全快照）")
    p.add_argument("backup", metavar="BACKUP|latest", help="备份文件，或 latest = 最新的已校验备份")
    add_json(p)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("check", help="检查资料库（文本、文档完整性、历史、检索索引）是否完好")
    p.add_argument("--repair", action="store_true", help="重建可重建的部分（检索索引），并报告无法修复的问题")
    add_json(p)
    p.set_defaults(handler=cmd_check)


def _backup_json(b: BackupInfo) -> dict[str, object]:
    counts = b.counts
    return {
        "path": str(b.path), "time": b.taken.isoformat(timespec="seconds"), "reason": b.reason,
        "size": b.size, "documents": counts.documents if counts else None,
        "measures": counts.measures if counts else None,
        "annotations": counts.annotations if counts else None,
        "notes": counts.notes if counts else None,
        "verified": b.verified, "problems": list(b.problems),
    }


def cmd_backups(ctx: Context, args: argparse.Namespace) -> int:
    from db.backup import list_backups

    backups = list_backups(ctx.db_path or default_db_path())
    if args.json:
        emit_json([_backup_json(b) for b in backups])
        return 0
    if not backups:
        print("没有备份 (no backups)")
    for b in backups:
        counts = f"{b.counts.measures} 条措施 {b.counts.annotations} 条标注" if b.counts else "—"
        state = "已校验 (verified)" if b.verified else f"未通过校验 (damaged: {'; '.join(b.problems[:2])})"
        print(f"{b.taken:%Y-%m-%d %H:%M:%S}  {b.size / 1_048_576:7.1f} MB  {counts}  {b.reason}  {state}"
              f"  {b.path.name}")
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from panprd_desktop.core.recovery import restore

    result = restore(ctx.db_path or default_db_path(), args.backup)
    if args.json:
        emit_json({"restored_from": str(result.source), "safety_snapshot": str(result.safety or ""),
                   "measures": result.measures, "annotations": result.annotations})
    else:
        print(f"已从 {result.source.name} 恢复：{result.measures} 条措施，{result.annotations} 条标注 (restored)")
        if result.safety:
            print(f"恢复前的状态已另存为安全快照：{result.safety} (safety snapshot)")
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    lib = ctx.open_unchecked()
    if args.repair:
        report = lib.repair()
        if args.json:
            emit_json({"ok": not report.remaining, "repaired": report.repaired, "problems": report.remaining})
        else:
            for line in report.repaired:
                print(f"已修复 (repaired): {line}")
            for line in report.remaining:
                print(f"无法修复 (cannot fix): {line}")
            if not report.remaining:
                print("资料库完好 (ok)")
        return EXIT_ERROR if report.remaining else 0
    problems = lib.check()
    if args.json:
        emit_json({"ok": not problems, "problems": problems})
    elif problems:
        for p in problems:
            print(p)
    else:
        print("资料库完好 (ok)")
    return EXIT_ERROR if problems else 0
