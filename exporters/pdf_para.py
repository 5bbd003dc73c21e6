"""A reportlab Paragraph that does not put stray spaces into text split over pages.

When a paragraph runs over a page break, reportlab rebuilds the rest from the laid-out
lines and joins the lines with spaces. With per-character (CJK) wrapping, lines often
break inside a run of Latin letters or digits (a URL, a document number), so the
remainder gains a visible space (and the text layer a wrong one) at every old line
end. A space is right only where the line broke at a word boundary of Latin text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _processed_frags, _split_blParaSimple


def _latin_boundary(prev: str, nxt: str) -> bool:
    """Did the line break at a space between two Latin words?"""
    a, b = prev[-1:], nxt[:1]
    return " " in prev and a.isascii() and a.isalnum() and b.isascii() and b.isalnum()


def _rejoin(words: list[str]) -> str:
    out = words[0]
    for prev, word in zip(words, words[1:], strict=False):
        out += (" " if _latin_boundary(prev, word) else "") + word
    return out


def _split_simple(blPara: Any, start: int, stop: int) -> list[Any]:
    frags = _split_blParaSimple(blPara, start, stop)
    words = getattr(frags[0], "words", None)
    if words and len(words) > 1 and all(isinstance(w, str) for w in words):
        frags[0].words = [_rejoin(words)]
    return frags


def _split_hard(blPara: Any, start: int, stop: int) -> list[Any]:
    """reportlab's _split_blParaHard, adding the line-end space only where it belongs."""
    out: list[Any] = []
    lines = blPara.lines[start:stop]
    for n, line in enumerate(lines):
        out.extend(line.words)
        if n == len(lines) - 1:
            break
        i = len(out) - 1
        while i >= 0 and hasattr(out[i], "cbDefn") and not getattr(out[i].cbDefn, "width", 0):
            i -= 1
        if i < 0:
            continue
        last = out[i]
        line_text = "".join(getattr(w, "text", "") for w in line.words)
        following = "".join(getattr(w, "text", "") for w in lines[n + 1].words)
        if not last.text:
            last.text = " "
        elif last.text[-1] != " " and _latin_boundary(line_text, following):
            last.text += " "
    return out


class Para(Paragraph):
    def _get_split_blParaFunc(self) -> Callable[..., Any]:  # noqa: N802 (reportlab hook)
        if self.blPara.kind == 0:
            return _split_simple
        if not _processed_frags(self.frags):
            return _split_hard
        return super()._get_split_blParaFunc()
