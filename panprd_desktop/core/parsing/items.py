"""Numbered items (``1.``, ``（1）``, ``①``) and how a paragraph becomes measures.

A numbered item is one task, however many sentences it has, so it is one measure. An
unnumbered paragraph is split into sentences as before — except that an owner bracket
after the last full stop (``…。（省发展改革委）``) stays with its sentence instead of
becoming a measure of its own.
"""

from __future__ import annotations

import re

from panprd_desktop.core.parsing.numerals import ENUM_ARABIC, ENUM_CIRCLED, ENUM_ITEM_PAREN
from panprd_desktop.core.parsing.sentences import split_sentences

_BRACKET_ONLY = re.compile(r"^[（(][^（）()]+[）)][。；;]?$")


def item_number(text: str) -> str | None:
    """``8`` for ``8.加快…``, ``（2）`` for ``（2）…``, ``③`` for ``③…``; None if not an item."""
    if m := ENUM_ARABIC.match(text):
        return m.group(2)
    if m := ENUM_ITEM_PAREN.match(text):
        return f"（{m.group(2)}）"
    if m := ENUM_CIRCLED.match(text):
        return m.group(2)
    return None


def measures_of(text: str, *, numbered: bool) -> list[str]:
    """The measures one paragraph holds: itself when numbered, else its sentences."""
    if numbered:
        return [text]
    parts = split_sentences(text)
    if len(parts) > 1 and _BRACKET_ONLY.match(parts[-1].strip()):
        parts[-2:] = [parts[-2] + parts[-1]]
    return parts
