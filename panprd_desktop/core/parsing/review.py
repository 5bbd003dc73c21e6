"""After parsing: read owner brackets into facts, and list what a person should review.

Warnings name items without owners (only in a document that names owners elsewhere, so an
agreement without any brackets is not flooded) and lines the parser could not place (an
unnumbered line among numbered items, e.g. a stray heading or a footnote).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from panprd_desktop.core.parsing.brackets import facts_of, find_convention
from panprd_desktop.core.parsing.items import item_number
from panprd_desktop.core.parsing.ticks import Check, ticking

if TYPE_CHECKING:
    from panprd_desktop.core.parsing.structure import ParsedDocument, ParsedSection

MAX_WARNINGS = 50
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DOC_NO_YEAR = re.compile(r"[〔\[［(（/]\s*((?:19|20)\d{2})")


def document_year(doc: ParsedDocument) -> int | None:
    """The year ``年内`` refers to: the document's date, else its title's or 文号's year."""
    if doc.date:
        return doc.date.year
    for text, pattern in ((doc.title, _YEAR), (doc.doc_no, _DOC_NO_YEAR)):
        if m := pattern.search(text):
            return int(m.group(1))
    return None


def label_of(section: ParsedSection, index: int, part_label: str = "") -> str:
    """The label the library stores for ``section.measures[index]`` (as documents.measure_label)."""
    if index in section.labels:
        return section.labels[index]
    prefix = section.label or part_label
    return f"{prefix}{index + 1}" if prefix else str(index + 1)


def attach_facts(doc: ParsedDocument, text: str, check: Check = None) -> None:
    """Fill ``section.facts`` from trailing brackets (facts already set, e.g. from table
    columns, win) and ``doc.warnings``."""
    convention = find_convention(text[:20_000] + "\n" + text[-5_000:])
    year = document_year(doc)
    named = False
    for section in ticking(doc.sections, check, every=500):
        for i, measure in enumerate(section.measures):
            if i in section.facts:
                named = True
                continue
            if not ("）" in measure or ")" in measure or "：" in measure or ":" in measure):
                continue  # facts_of needs a closing bracket or a colon (a C scan each): skip the call
            facts = facts_of(measure, year=year, convention=convention)
            if facts is not None:
                section.facts[i] = facts
                named = True
    warnings: list[str] = []
    part_of = {id(s): p.label for p in doc.parts for s in p.sections}
    for section in ticking(doc.sections, check, every=500):
        if not named and section.label:
            continue  # neither warning can apply: no owners named anywhere, a numbered section
        part_label = part_of.get(id(section), "")
        numbered = [item_number(m) is not None for m in section.measures]
        # counted once a section (it was counted again for every measure)
        mostly_numbered = sum(numbered) * 2 > len(numbered)
        for i, measure in enumerate(section.measures):
            facts = section.facts.get(i)
            if named and numbered[i] and (facts is None or not (facts.leads or facts.participants)):
                label = label_of(section, i, part_label)
                warnings.append(f"{label} 没有写明责任单位 (no owners named): {measure[:30]}")
            elif not section.label and not numbered[i] and mostly_numbered:
                label = label_of(section, i, part_label)
                warnings.append(f"{label} 未识别的行 (unrecognised line): {measure[:30]}")
    if len(warnings) > MAX_WARNINGS:
        rest = len(warnings) - MAX_WARNINGS
        warnings = warnings[:MAX_WARNINGS] + [f"……另有 {rest} 条提示 ({rest} more)"]
    doc.warnings.extend(warnings)
