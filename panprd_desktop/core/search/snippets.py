"""Snippets: about 80 characters of a measure's own text around the first match.

Matching happens on folded text; :func:`fold_with_offsets` maps each folded character back
to the original, so the returned ``matches`` are ``(start, end)`` offsets into the snippet
string itself — ready for the GUI to highlight — even when the user typed Traditional
characters or the text has stray spaces.
"""

from __future__ import annotations

from collections.abc import Sequence

from panprd_desktop.core.normalize import fold_with_offsets

SNIPPET = 80
ELLIPSIS = "…"


def _occurrences(folded: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of ``terms`` in ``folded``; longer terms win."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def make_snippet(text: str, terms: Sequence[str], width: int = SNIPPET) -> tuple[str, list[tuple[int, int]]]:
    """(snippet, matches) for ``text``; ``terms`` are folded. No match → the text's opening."""
    folded, offsets = fold_with_offsets(text)
    spans = [
        (offsets[s], offsets[e - 1] + 1) for s, e in _occurrences(folded, terms) if e - 1 < len(offsets)
    ]
    if not spans:
        cut = text[:width]
        return cut + (ELLIPSIS if len(text) > width else ""), []
    first_start, first_end = spans[0]
    lead = max(0, (width - (first_end - first_start)) // 3)
    start = max(0, min(first_start - lead, len(text) - width))
    end = min(len(text), start + width)
    if first_end > end:  # a very long match: show its beginning
        start, end = first_start, first_start + width
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    snippet = prefix + text[start:end] + suffix
    shift = len(prefix) - start
    matches = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    ]
    return snippet, matches
