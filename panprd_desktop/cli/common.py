"""What every command shares: opening the library once, printing text or JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from panprd_desktop.core.errors import LibraryLocked, ReadOnlyStorage

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from typing import Any

    from panprd_desktop.core.library import Library

EXIT_ERROR = 2
EXIT_INTERNAL = 70
# Commands that never write the library: they fall back to read-only when it is locked.
READ_COMMANDS = frozenset({"docs", "outline", "show", "search", "owners", "export", "check"})


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._library: Library | None = None

    @property
    def db_path(self) -> Path | None:
        return Path(self.args.db) if self.args.db else None

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = self._open(checks=True)
        return self._library

    def open_unchecked(self) -> Library:
        """The library without the on-open damage checks (for ``check``, which reports them)."""
        if self._library is None:
            self._library = self._open(checks=False)
        return self._library

    def _open(self, *, checks: bool) -> Library:
        from panprd_desktop.core.library import Library  # not at import: `panprd --help` stays quick

        read_only = bool(getattr(self.args, "read_only", False))
        try:
            return Library(self.db_path, read_only=read_only, checks=checks)
        except (LibraryLocked, ReadOnlyStorage):
            # The window has it open, or its folder is read-only: commands that only read
            # still work, read-only.
            if self.args.command in READ_COMMANDS and not getattr(self.args, "repair", False):
                return Library(self.db_path, read_only=True, checks=checks)
            raise

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 文档 (one JSON document on stdout)")


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(data: Any) -> None:
    import json  # on use: a search that prints text never needs it (issue 13)

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default))
    sys.stdout.write("\n")
