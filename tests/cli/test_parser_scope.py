"""The command line builds only the parser of the command it runs (issue 13: start-up time),
yet every help text and every usage error reads exactly as with all parsers built."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from panprd_desktop.cli import build_parser, main
from panprd_desktop.cli.scope import chosen_command


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


FULL = _commands(build_parser())


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # --help and usage errors end through argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_every_command_is_listed_by_panprd_help() -> None:
    code, out, _ = _run(["--help"])
    assert code == 0
    assert len(FULL) >= 19
    for name in FULL:
        assert name in out, name


@pytest.mark.parametrize("name", sorted(FULL))
def test_each_command_help_is_unchanged(name: str, tmp_path: Path) -> None:
    """``panprd CMD --help`` from the one-command parser equals the full parser's help."""
    expected = FULL[name].format_help()
    code, out, _ = _run(["--db", str(tmp_path / "lib.sqlite3"), name, "--help"])
    assert code == 0
    assert out == expected
    assert not (tmp_path / "lib.sqlite3").exists()  # help opens no library


@pytest.mark.parametrize("argv", [["serach", "港澳"], ["--db"], ["search", "--bogus"], ["bundle"],
                                  ["--db", "x.sqlite3", "resolve", "c1"]])
def test_usage_errors_read_as_with_every_parser(argv: list[str]) -> None:
    full = build_parser()
    err = io.StringIO()
    with redirect_stderr(err), pytest.raises(SystemExit):
        full.parse_args(argv)
    code, _, got = _run(argv)
    assert code == 2
    assert got == err.getvalue()


@pytest.mark.parametrize(("argv", "command"), [
    (["search", "港澳"], "search"),
    (["--db", "search", "docs"], "docs"),  # the library may be called "search"
    (["--db=lib.sqlite3", "--json", "--read-only", "bundle", "import", "f"], "bundle"),
    (["--rea", "search"], None),  # an abbreviated option: argparse decides, with every parser
    (["-h"], None), (["--version"], None), ([], None), (["--db"], None),
])
def test_the_command_is_found_only_behind_spelled_out_options(argv: list[str], command: str | None) -> None:
    assert chosen_command(argv) == command


def test_a_command_runs_with_its_parser_alone(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("search", "港澳", "--limit", "1", "--json")
    assert result.code == 0 and '"total"' in result.out
