"""Splitting a paragraph into measures (its sentences)."""

from __future__ import annotations

import re

# A sentence ends at 。！？ (plus any closing quotes or brackets right after it).
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』）)]*|[^。！？]+$")
# A paragraph that opens with a short run-in heading ("政府引导、统筹推进。") keeps it with
# the sentence it introduces, instead of making the heading a measure of its own.
_RUN_IN_HEADING_MAX = 12
# What may follow a one-sentence task without being a body of its own: an owner or remark
# bracket such as （科技部、广东省负责）. Taking the sentence as a title would leave the measure
# with nothing but the bracket.
_ONLY_BRACKET = re.compile(r"^\s*[（(][^（）()]*[）)][。；;]?\s*$")


def split_sentences(paragraph: str) -> list[str]:
    """``A。B。C`` → ``["A。", "B。", "C"]``; nothing is dropped or reordered."""
    parts = [s for s in _SENTENCE.findall(paragraph) if s.strip()]
    if len(parts) > 1 and len(parts[0]) <= _RUN_IN_HEADING_MAX and "，" not in parts[0]:
        parts[0:2] = [parts[0] + parts[1]]
    return parts


def split_title(rest: str) -> tuple[str, str]:
    """``建设…体系。强化…`` → (``建设…体系。``, ``强化…``) when the first sentence is a title."""
    m = re.match(r"^([^。，；：！？]{1,30}。)(.*)$", rest, re.S)
    if m and not _ONLY_BRACKET.match(m.group(2)):
        return m.group(1), m.group(2)
    return "", rest
