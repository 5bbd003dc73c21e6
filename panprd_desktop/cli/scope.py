"""Build only the parser of the command being run (issue 13: ``panprd search`` cold start).

Building every subcommand's options took 4–7 ms of each start — more than a search at 100k
measures. The command modules still register everything through the same ``register(sub)``;
when the command line names one command, :class:`OnlyCommand` builds that one and lets the
others' set-up fall through :class:`_Skipped`. Anything unusual before the command name
(``--help``, ``--version``, an abbreviated option) builds every parser, exactly as before.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (issue 13)
if TYPE_CHECKING:
    from typing import Any

_GLOBAL_FLAGS = frozenset({"--json", "--read-only"})


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, if the global options before it are spelled out in full."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_FLAGS or arg.startswith("--db="):
            i += 1
        elif arg == "--db":
            i += 2
        elif arg.startswith("-"):
            return None  # -h, --version, --rea (an abbreviation), --: argparse decides
        else:
            return arg
    return None


class _Skipped:
    """Stands in for a parser that is not built: every set-up call is accepted and ignored."""

    def __getattr__(self, name: str) -> Any:
        return self._ignore

    def _ignore(self, *args: Any, **kwargs: Any) -> _Skipped:
        return self


class OnlyCommand:
    """A stand-in for ``add_subparsers()``'s result that builds only the ``name`` command."""

    def __init__(self, sub: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
        self._sub = sub
        self._name = name
        self.built = False

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name != self._name:
            return _Skipped()
        self.built = True
        return self._sub.add_parser(name, **kwargs)

    def __getattr__(self, name: str) -> Any:  # anything else a register() may ask of the real one
        return getattr(self._sub, name)
