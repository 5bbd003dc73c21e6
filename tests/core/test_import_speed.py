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
from panprd_desktop.core.normalize import fold, fold_compact
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
