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

from panprd_desktop.core.parsing.numbering_patterns import classify
from panprd_desktop.core.parsing.repair import ends_paragraph

_DASHES = r"[-—–－―‐~～_]"
# ``— 12 —``, ``- 12 -``, ``－12－``: distinctive enough to remove wherever it stands alone.
DASHED_PAGE_NUMBER = re.compile(rf"^\s*{_DASHES}{{1,2}}\s*\d{{1,4}}\s*{_DASHES}{{1,2}}\s*$")
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


def strip_page_furniture(pages: list[list[str]]) -> list[str]:
    """All pages' lines in reading order, without page numbers and running headers/footers."""
    trimmed = [_trim_page_numbers(page) for page in pages]
    seen_on: dict[str, int] = {}
    for page in trimmed:
        for key in {_key(page[i]) for i in _edge_indexes(len(page))}:
            seen_on[key] = seen_on.get(key, 0) + 1
    threshold = max(2, int(_RUNNING_SHARE * len(trimmed) + 0.999))
    running = {k for k, n in seen_on.items() if n >= threshold and k}
    out: list[str] = []
    for page in trimmed:
        edges = _edge_indexes(len(page))
        kept = [ln for i, ln in enumerate(page) if not (i in edges and _key(ln) in running)]
        out.extend(_trim_page_numbers(kept))  # a page number under a running header
    return out


def strip_text_furniture(text: str) -> str:
    """The same for PDF-extracted .txt: pages split on form feeds; ``— N —`` lines anywhere.

    Text without form feeds has no known page edges, so only the distinctive dashed page
    numbers are removed from it (text that has none is returned unchanged).
    """
    if "\f" in text:
        return "\n".join(strip_page_furniture([page.splitlines() for page in text.split("\f")]))
    if not any(DASHED_PAGE_NUMBER.match(ln) for ln in text.splitlines()):
        return text
    return "\n".join(ln for ln in text.splitlines() if not DASHED_PAGE_NUMBER.match(ln))
