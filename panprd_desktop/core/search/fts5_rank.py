"""Top-N ranking for the fts5 engine without scoring every hit — a proven bound, same answer.

:func:`token_score` gives, per query term, at most 10 for a title match, a body density
``count × chars × 10 / (length + 20)`` that is always below 10 (non-overlapping occurrences
of a ``chars``-token term cover at most the body's ``length − 1`` tokens), and 0.5 for a
match in notes/tags/owners. So a hit whose title and extra columns contain none of the
terms scores strictly less than ``10 × terms`` (``10`` when no two terms share a character).
Those columns are short, so the hits where they match some term are found by FTS5 alone
(``{title extra} : "…"``) and few enough to score; if the N-th best of them already scores
at least that bound, no other hit can enter the top N or tie with it, and the answer is
exactly the one scoring every hit gives (same hits, same order, ties broken by index row as
before). Otherwise the caller scores every hit (issue 12: nothing hidden).
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterable

# Per term, a hit without a title or extra match scores its density alone: always < 10.
DENSITY_BOUND = 10.0
# Above this share of all hits, scoring the candidates first costs more than the bound saves
# (and a bound that then fails adds at most this share to scoring every hit).
MAX_CANDIDATE_SHARE = 0.4
# Up to this many hits, scoring them all (a few ms) is cheaper than counting candidates first.
SCORE_ALL_BELOW = 300

Scored = list[tuple[float, int]]  # (−score, index rowid), best first


def token_score(body: str, title: str, extra: str, terms: list[str]) -> float:
    """Title matches first, then phrase density — like :func:`.scan.score`, on token strings.

    ``terms`` are `` `` + tokens(term); a leading space anchors each at a token boundary."""
    body, title, extra = " " + body, " " + title, " " + extra
    section_title, _, doc_title = title.partition(" xa ")
    doc_title = " " + doc_title
    length = body.count(" ")
    value = 0.0
    for term in terms:
        chars = term.count(" ")
        if term in section_title:
            value += 10.0
        elif term in doc_title:
            value += 3.0
        value += body.count(term) * chars * 10.0 / (length + 20)
        if term in extra:
            value += 0.5
    return value


def best_of(rows: Iterable[tuple[int, str, str, str]], terms: list[str], limit: int | None) -> Scored:
    """Rows (rowid, body, title, extra) scored, best ``limit`` first (all when None)."""
    scored = ((-token_score(r[1], r[2], r[3], terms), r[0]) for r in rows)
    return sorted(scored) if limit is None else heapq.nsmallest(limit, scored)


def title_filter(phrases: list[str]) -> str:
    """FTS5 expression: the title or extra column contains any of the (quoted) phrases."""
    return "(" + " OR ".join("{title extra} : " + p for p in phrases) + ")"


def top_by_title_bound(conn: sqlite3.Connection, count_sql: str, rows_sql: str, params: list[object],
                       phrases: list[str], terms: list[str], limit: int, total: int,
                       score_all_below: int = SCORE_ALL_BELOW) -> Scored | None:
    """The exact top ``limit`` when the hits matching in title or extra prove it, else None.

    ``count_sql`` counts the engine's hits, ``rows_sql`` lists them as (rowid, body, title,
    extra); both take ``fts MATCH ?`` as their first parameter."""
    if total <= max(limit, score_all_below):
        return None
    narrowed = [f"({params[0]}) AND {title_filter(phrases)}", *params[1:]]
    count = conn.execute(count_sql, narrowed).fetchone()[0]
    if count < limit and count < total:
        return None  # too few to fill the page: the rest must be scored too
    if count < total and count > total * MAX_CANDIDATE_SHARE:
        return None
    best = best_of(conn.execute(rows_sql, narrowed), terms, limit)
    if count == total or -best[-1][0] >= density_bound(terms):
        return best
    return None


def density_bound(terms: list[str]) -> float:
    """What a hit can score from body density alone, summed over ``terms`` (token strings).

    Each term's occurrences are counted without overlap, so they cover at most the body's
    tokens: < 10 per term. When no two terms share a token, occurrences of different terms
    cover different tokens too, so the sum of all their densities is < 10 as well."""
    seen: set[str] = set()
    for term in terms:
        chars = set(term.split())
        if chars & seen:
            return DENSITY_BOUND * len(terms)
        seen |= chars
    return DENSITY_BOUND
