"""Repairs for text damaged by PDF extraction, applied once at import.

Each repair removes an artefact, never content: page-break line splits, subscript markup
(``PM_{2.5}``), half-width commas and stray spaces inside Chinese text. The fidelity test
checks that, apart from these, no character is lost, added or moved.
"""

from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〔〕【】—…"
_SUBSCRIPT = re.compile(r"_\{([^{}\n]{1,12})\}")
# A half-width comma/semicolon/colon written inside Chinese text, with its stray space.
_HALF_PUNCT = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}\w])\s*([,;:])\s*(?=[{_CJK}“（《])")
_FULL = {",": "，", ";": "；", ":": "："}
# Spaces next to a Chinese character or Chinese punctuation are never meaningful.
_SPACE_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \t\u3000]+|[ \t\u3000]+(?=[{_CJK}{_CJK_PUNCT}])"
)


def repair_line(line: str) -> str:
    """Repair one paragraph's worth of text.

    Each repair runs only on a line holding the character its pattern cannot match without
    (a substring test is a C scan; three regex passes over every line were a fifth of an
    import): the result is the same, most lines skip all three."""
    if "_{" in line:
        line = _SUBSCRIPT.sub(r"\1", line)
    if "," in line or ";" in line or ":" in line:
        line = _HALF_PUNCT.sub(lambda m: _FULL[m.group(1)], line)
    if " " in line or "\t" in line or "\u3000" in line:
        line = _SPACE_NEAR_CJK.sub("", line)
    return line.strip()


TERMINAL = "。！？；：”」』）)…"


def ends_paragraph(text: str) -> bool:
    """True when ``text`` ends like a finished paragraph rather than a page-broken one."""
    return bool(text) and text[-1] in TERMINAL
