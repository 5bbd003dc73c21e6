"""Import got cheaper without changing what it stores (issue 13).

The content hash decides whether a file was already imported; hashing in one pass must give
exactly the digest every existing library holds, or re-importing a known text would add it
a second time.
"""

from __future__ import annotations

import hashlib

import pytest

from panprd_desktop.core.documents import content_hash
from panprd_desktop.core.library import Library
from panprd_desktop.core.normalize import fold, fold_compact, fold_table, translate_fold
from tests.conftest import GUIDELINE, related_files

TRICKY = [
    "", " ", "廣東省　ＡＢＣ 21 世紀", "Hong Kong  and\tMacao", "粤 港 澳\n大湾区", "\u200b港\u202e澳\u2069",
    "第一条 1 、 ２０２０年", "  leading and trailing  ", "Ａ　Ｂ", "x\u3000\u3000y", "（十）3\r\n措施",
]


@pytest.mark.parametrize("text", TRICKY)
def test_one_pass_fold_is_the_piecewise_fold_without_spaces(text: str) -> None:
    assert fold_compact(text) == fold(text).replace(" ", "")


@pytest.mark.parametrize("name", ["guideline", "related"])
def test_content_hash_unchanged_and_reimport_still_recognised(library: Library, name: str) -> None:
    source = GUIDELINE if name == "guideline" else related_files()[0]
    first = library.import_files([source])[0]
    _, doc = library.documents.parse_file(source)
    pieces = [doc.title, doc.preamble, doc.closing]
    for part in doc.parts:
        pieces.append(part.title)
        for section in part.sections:
            pieces += [section.label, section.heading, *section.measures]
    # The formula every library so far was hashed with: fold each piece, drop the spaces.
    old = hashlib.sha256("".join(fold(p) for p in pieces).replace(" ", "").encode("utf-8")).hexdigest()
    assert content_hash(doc) == old
    again = library.import_files([source])[0]
    assert again.existing and again.doc_id == first.doc_id


def _long_texts() -> list[str]:
    import random

    import opencc

    simplified = GUIDELINE.read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    rng = random.Random(13)
    keys = [chr(c) for c in sorted(fold_table())]
    sprinkled = list(simplified)
    for i in rng.sample(range(len(sprinkled)), 200):  # any folding character, anywhere
        sprinkled[i] = rng.choice(keys)
    chained = "⾨" + "門" * 10 + simplified  # a radical folds to 門, itself folding to 门
    return [simplified, traditional, simplified[:5000] + traditional[:5000], "".join(sprinkled), chained,
            simplified[:4095], simplified[:4096], "𠀀𪚥" * 3000 + simplified]


@pytest.mark.parametrize("case", range(8))
def test_long_texts_fold_exactly_as_character_by_character(case: int) -> None:
    # Long texts fold by replacing the few distinct folding characters a Simplified text holds;
    # whatever the text, the result is the one-character-at-a-time translation.
    text = _long_texts()[case]
    table = fold_table()
    assert translate_fold(text) == "".join(table.get(ord(ch), ch) for ch in text)
