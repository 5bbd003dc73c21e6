"""Making user text safe for Word XML and reportlab markup.

Notes are typed or pasted by users (from PDFs, e-mails, WeChat), so they can hold NULs,
vertical tabs from Word, lone surrogates, and 3000-character URLs. Both writers pass
every user string through :func:`clean` first.
"""

from __future__ import annotations

import re

# Everything XML 1.0 forbids (lxml/python-docx raise ValueError on these), plus C1
# controls and DEL which are legal but print as garbage. \t \n \r are handled below.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# A run of characters with no break opportunity for Word: not whitespace, not CJK
# (Word breaks between CJK characters by itself).
_UNBROKEN = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]{%d,}")

ZWSP = "\u200b"


def clean(text: str) -> str:
    """Drop XML-illegal and control characters; normalise newlines; tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _ILLEGAL.sub("", text)


def one_line(text: str) -> str:
    """Clean and fold newlines into spaces (table cells, headers, the cover)."""
    return " ".join(clean(text).split("\n")).strip()


def escape_markup(text: str) -> str:
    """Escape for reportlab's Paragraph, which parses its text as XML-ish markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def soft_breaks(text: str, every: int = 20) -> str:
    """Insert zero-width spaces into long unbroken Latin runs so Word can wrap them.

    Without them a 3000-character URL in a fixed-width table cell either overflows or
    is broken wherever the application likes; with them it wraps cleanly.
    """
    pattern = re.compile(_UNBROKEN.pattern % (every + 1))

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return ZWSP.join(run[i : i + every] for i in range(0, len(run), every))

    return pattern.sub(split, text)


def strip_soft_breaks(text: str) -> str:
    return text.replace(ZWSP, "")
