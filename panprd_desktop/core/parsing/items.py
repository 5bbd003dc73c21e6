"""Numbered items (``1.``, ``（1）``, ``①``) and how a paragraph becomes measures.

A numbered item is one task, however many sentences it has, so it is one measure. An
unnumbered paragraph is split into sentences as before — except that an owner bracket
after the last full stop (``…。（省发展改革委）``) stays with its sentence instead of
becoming a measure of its own, and a line of its own that only names the units
(``牵头单位：…；参与单位：…``, ``完成时限：…``) joins the item above it.
"""

from __future__ import annotations

import re
from functools import cache

from panprd_desktop.core.normalize import fold, translate_fold
from panprd_desktop.core.parsing.brackets import facts_of
from panprd_desktop.core.parsing.folded_search import folding_to
from panprd_desktop.core.parsing.numerals import ENUM_ARABIC, ENUM_CIRCLED, ENUM_ITEM_PAREN
from panprd_desktop.core.parsing.sentences import split_sentences

_BRACKET_ONLY = re.compile(r"^[（(][^（）()]+[）)][。；;]?$")
# 牵头单位：省发展改革委；参与单位：省公安厅 / 完成时限：2018年底 on the line after an item.
OWNER_LINE = re.compile(
    r"^(牵头单位|牵头部门|责任单位|责任部门|主责单位|牽頭單位|牽頭部門|責任單位|責任部門|"
    r"参与单位|配合单位|协办单位|參與單位|配合單位|完成时限|完成時限|完成时间|時間安排|时间安排)[:：]"
)


# Folding is character for character and only ever drops whitespace, so the fold of a head
# of a text is a head of the text's fold: folding 24 characters decides OWNER_LINE (whose
# longest match is 5 characters) unless the head was mostly whitespace.
_OWNER_HEAD = 24
_OWNER_MATCH_MAX = 5


@cache
def _owner_openers() -> frozenset[str]:
    """Every character that folds to the first character of an OWNER_LINE name."""
    names = re.match(r"\^\((.*)\)\[", OWNER_LINE.pattern, re.S)
    assert names is not None
    return frozenset(folding_to({name[0] for name in names.group(1).split("|")}))


def is_owner_line(text: str) -> bool:
    """``OWNER_LINE.match(fold(text))``, folding only the head of ``text`` (it ran on every
    paragraph, folding whole paragraphs)."""
    first = text[:1]
    # the fold starts with the fold of the first character unless that folds to whitespace
    if not first or (first not in _owner_openers() and not translate_fold(first).isspace()):
        return False
    head = fold(text[:_OWNER_HEAD])
    if len(head) < _OWNER_MATCH_MAX and len(text) > _OWNER_HEAD:
        head = fold(text)
    return OWNER_LINE.match(head) is not None


def is_owner_bracket(text: str) -> bool:
    """A paragraph that is only an owner bracket — the end of an item wrapped onto its own
    line by PDF extraction (``…政策。`` / ``（省发展改革委、公安厅）``)."""
    return bool(_BRACKET_ONLY.match(text)) and facts_of(text) is not None


def item_number(text: str) -> str | None:
    """``8`` for ``8.加快…``, ``（2）`` for ``（2）…``, ``③`` for ``③…``; None if not an item."""
    first = text[:1]
    # Every pattern opens with a decimal digit (\d is Unicode Nd, which isdecimal() tests), a
    # bracket or a circled number: other paragraphs — most — skip the three regexes.
    if not first or not (first.isdecimal() or first in "（(" or "\u2460" <= first <= "\u2473"):
        return None
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
