"""Parsing a search box string into folded literal terms.

The language is deliberately small and forgiving — anything a user can type is either a
query or a clear :class:`QueryError`, never a crash:

- ``港澳 汕头``: every term must match (spaces separate terms);
- ``"Hong Kong"``: quotes make one term of text containing spaces; an unclosed quote runs
  to the end of the string;
- ``-广西``: the measure must not contain the term;
- ``港澳 OR 粤港澳``: either term (``OR`` binds tighter than the implicit AND, so
  ``生态 补偿 OR 保护`` means ``生态 AND (补偿 OR 保护)``); ``AND`` between terms is
  accepted and changes nothing.

Every other character — ``*``, ``:``, ``(``, full-width punctuation, emoji — is literal.
Terms are folded with :func:`~panprd_desktop.core.normalize.fold`, exactly like the index.
"""

from __future__ import annotations

from collections import namedtuple

from panprd_desktop.core.errors import QueryError
from panprd_desktop.core.normalize import fold

MAX_QUERY = 2000  # characters; a pasted paragraph fits, a pasted document does not
MAX_TERMS = 32

_QUOTES = {'"': '"', "\u201c": "\u201d", "\u201d": "\u201d", "\uff02": "\uff02"}


class Clause(namedtuple("Clause", "terms negative", defaults=(False,))):
    """One AND-ed condition: any of ``terms`` (tuple of folded str) present, or — if
    ``negative`` (bool, default False) — absent. (Named tuples here, not dataclasses: see
    the :mod:`panprd_desktop.core.search` docstring.)"""

    __slots__ = ()


class ParsedQuery(namedtuple("ParsedQuery", "clauses", defaults=((),))):
    """``clauses``: a tuple of :class:`Clause`, all of which must hold."""

    __slots__ = ()

    @property
    def empty(self) -> bool:
        return not self.clauses

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negative)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negative)

    def highlight_terms(self) -> list[str]:
        """Folded terms worth highlighting in a snippet, longest first."""
        terms = {t for c in self.positive for t in c.terms}
        return sorted(terms, key=len, reverse=True)

    def matches(self, folded: str) -> bool:
        """Truth for one document's folded text (the scan engine and verification use this)."""
        for clause in self.clauses:
            found = any(t in folded for t in clause.terms)
            if found == clause.negative:
                return False
        return True


_Token = namedtuple("_Token", "text quoted negative", defaults=(False,))  # str, bool, bool


def _lex(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace() or ch == "\u3000":
            i += 1
            continue
        negative = False
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            negative = True
            i += 1
            ch = query[i]
        if ch in _QUOTES:
            close = _QUOTES[ch]
            end = query.find(close, i + 1)
            if close != ch and end < 0:
                end = query.find(ch, i + 1)
            if end < 0:
                end = n
            tokens.append(_Token(query[i + 1 : end], True, negative))
            i = end + 1
            continue
        start = i
        while i < n and not (query[i].isspace() or query[i] == "\u3000"):
            i += 1
        tokens.append(_Token(query[start:i], False, negative))
    return tokens


def parse_query(query: str) -> ParsedQuery:
    """Parse ``query``; raises :class:`QueryError` with a message meant for the user."""
    if not isinstance(query, str):
        raise QueryError("检索词必须是文本 (query must be text)")
    if len(query) > MAX_QUERY:
        raise QueryError(f"检索词过长（最多 {MAX_QUERY} 字）(query too long)")
    groups: list[list[_Token]] = []
    pending_or = False
    tokens = _lex(query)
    for k, tok in enumerate(tokens):
        operator = not tok.quoted and not tok.negative and tok.text in ("OR", "AND", "|")
        has_next = k + 1 < len(tokens)
        if operator and groups and has_next:
            pending_or = tok.text in ("OR", "|")
            continue
        if pending_or and groups:
            groups[-1].append(tok)
        else:
            groups.append([tok])
        pending_or = False
    clauses: list[Clause] = []
    for group in groups:
        terms = tuple(dict.fromkeys(t for t in (fold(tok.text) for tok in group) if t))
        if not terms:
            continue
        negative = any(tok.negative for tok in group)
        if negative and len(group) > 1:
            raise QueryError("排除词（-）不能与 OR 连用 (a -term cannot be part of an OR)")
        clauses.append(Clause(terms, negative))
    if len(clauses) > MAX_TERMS or sum(len(c.terms) for c in clauses) > MAX_TERMS:
        raise QueryError(f"检索词过多（最多 {MAX_TERMS} 个）(too many terms)")
    return ParsedQuery(tuple(clauses))
