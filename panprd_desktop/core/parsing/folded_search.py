"""Asking whether ``fold(text)`` contains a Chinese phrase, without folding the text.

Folding a whole document's head and tail only to learn that it states no owner convention was
a tenth of an import. :class:`RawPhrases` answers the same question on the text as written:
``fold`` maps character for character and drops whitespace between Chinese characters, so
``fold(text)`` contains the phrase ``c1 c2 … cn`` exactly when ``text`` holds characters
folding to ``c1``, ``c2``, … ``cn`` in a row, with only characters that fold to whitespace
between them. The phrases are given as the folded pattern itself (Chinese characters,
groups and ``|``), so the two forms cannot drift apart.
"""

from __future__ import annotations

import re
from functools import cache

from panprd_desktop.core.normalize import fold_table


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def expand(pattern: str) -> list[str]:
    """``(均为|都是)(牵头|责任)单位|不分先后`` → every phrase it matches (literals, flat groups, ``|``)."""
    phrases: list[str] = []
    for branch in _split_top(pattern):
        found = [""]
        for piece in re.findall(r"\(([^()]*)\)|([^()|])", branch):
            options = piece[0].split("|") if piece[0] else [piece[1]]
            found = [f + o for f in found for o in options]
        phrases += found
    for phrase in phrases:
        if not phrase or not all(_is_han(ch) for ch in phrase):
            raise ValueError(f"only Chinese literals, groups and | are supported: {pattern!r}")
    return phrases


def _split_top(pattern: str) -> list[str]:
    depth, start, out = 0, 0, []
    for i, ch in enumerate(pattern):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


@cache
def _sources() -> dict[str, str]:
    """For each character something folds to, the characters that fold to it (other than itself)."""
    out: dict[str, str] = {}
    for code, target in fold_table().items():
        out[target] = out.get(target, "") + chr(code)
    return out


def _members(ch: str) -> str:
    """Every character that folds to ``ch``."""
    own = "" if ord(ch) in fold_table() else ch  # a character mapped to another never folds to itself
    members = own + _sources().get(ch, "")
    if not members:
        raise ValueError(f"nothing folds to {ch!r}")
    return members


def _class(ch: str) -> str:
    return "[" + re.escape(_members(ch)) + "]"


@cache
def _gap() -> str:
    """Any run of characters that fold to whitespace (dropped between Chinese characters)."""
    table = fold_table()
    # \s is every whitespace character; those the table maps to something else are excluded,
    # the invisible ones it maps to a space are added.
    excluded = [chr(c) for c, t in table.items() if chr(c).isspace() and not t.isspace()]
    added = [chr(c) for c, t in table.items() if t.isspace() and not chr(c).isspace()]
    unit = r"[\s" + re.escape("".join(added)) + "]"
    if excluded:
        unit = "(?![" + re.escape("".join(excluded)) + "])" + unit
    return "(?:" + unit + ")*"


class RawPhrases:
    """``RawPhrases(p).found(text)`` is ``re.search(p, fold(text)) is not None`` for a pattern
    ``p`` of Chinese phrases, at the cost of a scan for the phrases' first characters."""

    def __init__(self, folded_pattern: str) -> None:
        phrases = expand(folded_pattern)
        gap = _gap()
        # one class: a search for it is a tight C loop (no branch tried at every position)
        self._first = re.compile("[" + re.escape("".join(_members(c) for c in sorted({p[0] for p in phrases}))) + "]")
        self._whole = re.compile("|".join(gap.join(_class(ch) for ch in p) for p in phrases))

    def found(self, text: str) -> bool:
        match = self._whole.match
        return any(match(text, m.start()) for m in self._first.finditer(text))
