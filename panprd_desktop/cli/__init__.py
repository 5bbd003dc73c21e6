"""The ``panprd`` command line: a thin layer that parses options, calls the core, prints.

Each command module registers its subcommands; errors from the core become one line on
stderr and a non-zero exit — never a traceback (set ``PANPRD_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

from panprd_desktop import __version__
from panprd_desktop.cli import exchange_cmds, export_cmds, library_cmds, recovery_cmds, remove_cmd, search_cmds
from panprd_desktop.cli.common import EXIT_ERROR, EXIT_INTERNAL, Context
from panprd_desktop.cli.scope import OnlyCommand, chosen_command
from panprd_desktop.core.errors import PanprdError


def _user_errors() -> tuple[type[Exception], ...]:
    """The errors said to the user in one line. The exporters are imported only by the
    commands that export (issue 13: ``panprd search`` starts without them), so an
    ``ExportError`` can only have been raised if its module is loaded."""
    export_errors = sys.modules.get("exporters.errors")
    return (PanprdError, export_errors.ExportError) if export_errors else (PanprdError,)


COMMAND_MODULES = (library_cmds, export_cmds, search_cmds, recovery_cmds, remove_cmd, exchange_cmds)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``panprd`` parser; given the command line, only the options of the command it runs
    are built (issue 13: start-up time — see :mod:`panprd_desktop.cli.scope`)."""
    command = None if argv is None else chosen_command(argv)
    if command is not None:
        parser, sub = _top_parser()
        only = OnlyCommand(sub, command)
        for module in COMMAND_MODULES:
            module.register(only)  # type: ignore[arg-type]  # a stand-in for sub: see cli.scope
        if only.built:
            return parser
    parser, sub = _top_parser()  # no command, or an unknown one: every parser, as argparse expects
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:  # type: ignore[type-arg]
    parser = argparse.ArgumentParser(
        prog="panprd", description="PanPRD Desk — 泛珠三角区域合作措施分工与督办（命令行）"
    )
    parser.add_argument("--version", action="version", version=f"panprd {__version__}")
    parser.add_argument("--db", metavar="PATH", help="资料库文件（默认：用户数据目录，或 $PANPRD_DB）")
    parser.add_argument("--json", action="store_true", dest="json_global", help="输出一个 JSON 文档")
    parser.add_argument("--read-only", action="store_true", dest="read_only",
                        help="只读打开资料库（另一窗口正在修改、或文件夹只读时也能读）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser, sub


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A message quoting mis-encoded input must print, not raise UnicodeEncodeError.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    args.json = bool(getattr(args, "json", False) or args.json_global)
    ctx = Context(args)
    try:
        return args.handler(ctx, args) or 0
    except _user_errors() as exc:
        print(f"panprd: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `panprd outline X | head`: the reader left, nothing to report
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("panprd: 已取消 (cancelled)", file=sys.stderr)
        return 130
    except (sqlite3.DatabaseError, OSError) as exc:
        if os.environ.get("PANPRD_DEBUG"):
            raise
        from panprd_desktop.core.storage_errors import describe  # issue 12: say what the disk said

        print(f"panprd: {describe(exc, ctx.db_path)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: a bug, reported in one line
        if os.environ.get("PANPRD_DEBUG"):
            raise
        print(f"panprd: 内部错误 (internal error) {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        ctx.close()
