"""Page furniture in text that came out of a PDF: page numbers, running headers and footers.

A PDF's text layer carries, on every page, things that are not the document: ``— 12 —`` page
numbers (GB/T 9704 style), ``第 3 页``, ``3/10``, bare numbers, and a running header or footer
(the issuer or the title repeated at the top or bottom of each page). Left in, they are spliced
into sentences and break phrases that cross a page. We remove them page by page, looking only
at the first and last lines of each page, so a number or a phrase inside the body is never
touched; the lines that remain are joined across pages later by the paragraph repair
(:func:`~panprd_desktop.core.parsing.paragraphs.join_page_breaks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from panprd_desktop.core.parsing.numbering_patterns import classify
from panprd_desktop.core.parsing.repair import ends_paragraph

_DASHES = r"[-—–－―‐~～_]"
# ``— 12 —``, ``- 12 -``, ``－12－``: distinctive enough to remove wherever it stands alone.
DASHED_PAGE_NUMBER = re.compile(rf"^\s*{_DASHES}{{1,2}}\s*\d{{1,4}}\s*{_DASHES}{{1,2}}\s*$")
# Its core anywhere in a text: without one, no line is a dashed page number (one C scan of
# the text instead of a match per line, which was most of reading a .txt).
_DASHED_NUMBER_ANYWHERE = re.compile(rf"{_DASHES}\s*\d{{1,4}}\s*{_DASHES}")
# Forms only trusted at a page's top or bottom: ``第 3 页``, ``第3页 共10页``, ``3/10``,
# ``Page 3 of 10``, ``3``.
_EDGE_PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    r"第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?"
    r"|共\s*\d{1,4}\s*[页頁]\s*[,，]?\s*第\s*\d{1,4}\s*[页頁]"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[\[(（]?\s*\d{1,4}\s*[\])）]?"
    rf"|{_DASHES}{{1,2}}\s*\d{{1,4}}\s*{_DASHES}{{1,2}}"
    r")\s*$",
    re.IGNORECASE,
)
EDGE_LINES = 2  # how many lines at a page's top and bottom may be furniture
_MAX_RUNNING = 40  # characters; a running header or footer is a short line
_RUNNING_SHARE = 0.4  # a line recurring at page edges on this share of pages is a running header


def is_page_number(line: str, at_edge: bool) -> bool:
    return bool(DASHED_PAGE_NUMBER.match(line) or (at_edge and _EDGE_PAGE_NUMBER.match(line)))


def _key(line: str) -> str:
    """Running headers differ only in their page number: compare them without digits or spaces.

    Only short, unnumbered lines that are not prose can be running headers: numbered items
    (``16.推进第16项…``) differing only in their numbers, or a sentence's last line, never are.
    """
    compact = re.sub(r"\s+", "", line)
    if len(compact) > _MAX_RUNNING or classify(compact) is not None or "，" in compact or ends_paragraph(compact):
        return ""
    return re.sub(r"\d+", "#", compact)


def _trim_page_numbers(lines: list[str]) -> list[str]:
    lines = [ln for ln in lines if ln.strip()]
    for _ in range(EDGE_LINES):
        if lines and is_page_number(lines[0], at_edge=True):
            lines.pop(0)
        if lines and is_page_number(lines[-1], at_edge=True):
            lines.pop()
    return [ln for ln in lines if not DASHED_PAGE_NUMBER.match(ln)]


def _edge_indexes(count: int) -> set[int]:
    return set(range(min(EDGE_LINES, count))) | set(range(max(0, count - EDGE_LINES), count))


def _running(trimmed: list[list[str]]) -> set[str]:
    seen_on: dict[str, int] = {}
    for page in trimmed:
        for key in {_key(page[i]) for i in _edge_indexes(len(page))}:
            seen_on[key] = seen_on.get(key, 0) + 1
    threshold = max(2, int(_RUNNING_SHARE * len(trimmed) + 0.999))
    return {k for k, n in seen_on.items() if n >= threshold and k}


def furniture_test(pages: list[list[str]]) -> Callable[[str], bool]:
    """A test for single lines taken from these pages (e.g. text around a table): is it furniture?"""
    running = _running([_trim_page_numbers(page) for page in pages])
    return lambda line: bool(DASHED_PAGE_NUMBER.match(line) or _EDGE_PAGE_NUMBER.match(line)
                             or (_key(line) and _key(line) in running))


def strip_page_furniture(pages: list[list[str]]) -> list[str]:
    """All pages' lines in reading order, without page numbers and running headers/footers."""
    trimmed = [_trim_page_numbers(page) for page in pages]
    running = _running(trimmed)
    out: list[str] = []
    for page in trimmed:
        out.extend(_trim_page_numbers(_drop_running(page, running)))  # a page number under a header
    return out


def _drop_running(page: list[str], running: set[str]) -> list[str]:
    """Drop at most one running line at the top and one at the bottom of a page.

    The first page often repeats its running header as the document's title just below it:
    the header goes, the title stays.
    """
    drop: set[int] = set()
    top = range(min(EDGE_LINES, len(page)))
    bottom = range(len(page) - 1, max(-1, len(page) - 1 - EDGE_LINES), -1)
    for zone in (top, bottom):
        for i in zone:
            if i not in drop and _key(page[i]) in running:
                drop.add(i)
                break
    return [ln for i, ln in enumerate(page) if i not in drop]


def strip_text_furniture(text: str) -> str:
    """The same for PDF-extracted .txt, whose pages end at form feeds or at ``— N —`` lines.

    Without form feeds, two or more dashed page numbers mark the page ends (text copied out
    of a PDF viewer keeps them); text with neither has no known page edges and is returned
    unchanged.
    """
    if "\f" in text:
        return "\n".join(strip_page_furniture([page.splitlines() for page in text.split("\f")]))
    if _DASHED_NUMBER_ANYWHERE.search(text) is None:
        return text
    lines = text.splitlines()
    ends = [i for i, ln in enumerate(lines) if DASHED_PAGE_NUMBER.match(ln)]
    if not ends:
        return text
    if len(ends) < 2:
        return "\n".join(ln for i, ln in enumerate(lines) if i not in ends)
    pages, start = [], 0
    for end in ends:
        pages.append(lines[start : end + 1])
        start = end + 1
    pages.append(lines[start:])
    return "\n".join(strip_page_furniture(pages))
