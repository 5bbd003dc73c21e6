"""From raw text to a clean list of paragraphs, with document metadata pulled out.

Handles the two shapes we receive: plain text extracted from PDFs (blank-line separated,
with page breaks splitting paragraphs) and the Markdown of the LawRefBook collection
(``# title``, metadata lines, ``<!-- INFO END -->``, ``##`` headings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from panprd_desktop.core.parsing.items import OWNER_LINE
from panprd_desktop.core.parsing.masthead import Masthead, read_head
from panprd_desktop.core.parsing.numbering_patterns import is_heading_line, is_title_heading
from panprd_desktop.core.parsing.numerals import DOC_NO, parse_date_line
from panprd_desktop.core.parsing.repair import ends_paragraph, repair_line
from panprd_desktop.core.parsing.ticks import Check, ticking

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# A page-broken paragraph is a long line cut mid-sentence; short unfinished lines
# (issuer names, headings, signatures) are paragraphs of their own.
_MIN_BROKEN_LINE = 15
_CHUNK = 1 << 20  # characters split into lines between two cancel checks


@dataclass
class Paragraph:
    text: str
    heading: bool = False  # a Markdown heading: a part/chapter title whatever its wording
    level: int = 0  # its number of ``#`` (Word: ## Heading 1, ### Heading 2, …)


@dataclass
class RawDocument:
    title: str = ""
    doc_no: str = ""
    meta_lines: list[str] = field(default_factory=list)
    head: Masthead = field(default_factory=Masthead)
    paragraphs: list[Paragraph] = field(default_factory=list)


def _lines(text: str, check: Check) -> Iterator[str]:
    """``text.splitlines()``, a megabyte at a time so that a cancel check is never far off."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", min(start + _CHUNK, size))
        end = size if end < 0 else end + 1
        if check:
            check()
        yield from text[start:end].splitlines()
        start = end


def _split_markdown(text: str, check: Check = None) -> RawDocument:
    raw = RawDocument()
    head, sep, body = text.partition("<!-- INFO END -->")
    if not sep:
        head, body = "", text
    for line in head.splitlines():
        line = line.strip()
        m = _MD_HEADING.match(line)
        if m and not raw.title:
            raw.title = m.group(2).strip()
        elif line:
            raw.meta_lines.append(line)
    if check:
        check()
    body = _COMMENT.sub("", body)
    for line in ticking(_lines(body, check), check):
        line = line.strip()
        if not line:
            continue
        m = _MD_HEADING.match(line)
        if m and len(m.group(1)) == 1 and not raw.title:
            raw.title = repair_line(m.group(2))
        elif m:
            raw.paragraphs.append(Paragraph(repair_line(m.group(2)), heading=True, level=len(m.group(1))))
        else:
            raw.paragraphs.append(Paragraph(repair_line(line)))
    return raw


def _split_plain(text: str, check: Check = None) -> RawDocument:
    raw = RawDocument()
    for line in ticking(_lines(text, check), check):
        line = repair_line(line)
        if line:
            raw.paragraphs.append(Paragraph(line))
    return raw


def _is_standalone(text: str) -> bool:
    return (is_heading_line(text) or parse_date_line(text) is not None or bool(DOC_NO.match(text))
            or bool(OWNER_LINE.match(text)))


def join_page_breaks(paragraphs: list[Paragraph], check: Check = None) -> list[Paragraph]:
    """Join a paragraph cut by a page break with its continuation."""
    out: list[Paragraph] = []
    for para in ticking(paragraphs, check):
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.heading
            and not para.heading
            and len(prev.text) >= _MIN_BROKEN_LINE
            and not ends_paragraph(prev.text)
            and not _is_standalone(para.text)
            and not is_title_heading(prev.text)
        ):
            prev.text += para.text
        else:
            out.append(Paragraph(para.text, para.heading, para.level))
    return out


def split_paragraphs(text: str, markdown: bool, check: Check = None) -> RawDocument:
    """Split ``text`` into repaired paragraphs; the first lines become title and number."""
    raw = _split_markdown(text, check) if markdown else _split_plain(text, check)
    head, start, keep = read_head([p.text for p in raw.paragraphs], have_title=bool(raw.title))
    if start and (head.title or head.doc_no or head.addressee or head.issuer or head.date):
        raw.head = head
        raw.title = raw.title or head.title
        raw.doc_no = head.doc_no
        raw.paragraphs = [raw.paragraphs[k] for k in keep] + raw.paragraphs[start:]
    raw.paragraphs = join_page_breaks(raw.paragraphs, check)
    if not raw.title and raw.paragraphs and not _is_standalone(raw.paragraphs[0].text):
        first = raw.paragraphs[0].text
        if len(first) <= 60 and not ends_paragraph(first):
            raw.title = raw.paragraphs.pop(0).text
    if raw.paragraphs and DOC_NO.match(raw.paragraphs[0].text):
        raw.doc_no = raw.paragraphs.pop(0).text
    return raw
