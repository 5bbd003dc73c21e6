"""Recognise a document's numbering and build parts → sections → measures.

Guideline-style texts number parts ``一、`` and sections ``（一）``; agreements use ``第一章`` /
``第一条``, or only ``一、``, or ``1.``. We look at which styles occur and pick the section
style first (the most specific that is present); everything else numbered inside a
section (e.g. ``（一）`` items inside an article) is content.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.facts import SourceFacts
from panprd_desktop.core.parsing.items import is_owner_bracket, is_owner_line, item_number, measures_of
from panprd_desktop.core.parsing.masthead import split_notice
from panprd_desktop.core.parsing.numbering_patterns import Style, classify, is_short_title, is_title_heading
from panprd_desktop.core.parsing.numerals import chinese_to_int, normalize_label, parse_date_line
from panprd_desktop.core.parsing.paragraphs import Paragraph, split_paragraphs
from panprd_desktop.core.parsing.repair import ends_paragraph
from panprd_desktop.core.parsing.review import attach_facts
from panprd_desktop.core.parsing.sentences import split_sentences, split_title
from panprd_desktop.core.parsing.ticks import ticking

# More measures than this in one document is not a document a person can review: refused.
MAX_MEASURES = 200_000
Found = tuple[Style, str, str, str] | None

_REMARK = re.compile(r"^[（(][^（）()]{1,20}[）)]$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class ParsedSection:
    number: int
    label: str  # "（十）", "第三条", "1." ; "" for an unnumbered block
    heading: str  # the title sentence as written, e.g. "建设现代化综合交通运输体系。"
    measures: list[str] = field(default_factory=list)
    # What the document says about some of these measures, by 0-based index into ``measures``.
    facts: dict[int, SourceFacts] = field(default_factory=dict)
    # Labels as the document numbers its items (``8`` when part 二 continues at 8), by index;
    # a measure not named here is labelled by its position.
    labels: dict[int, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.heading.rstrip("。")


@dataclass
class ParsedPart:
    number: int  # 0 for a document without parts
    label: str
    title: str
    sections: list[ParsedSection] = field(default_factory=list)


@dataclass
class ParsedDocument:
    title: str
    doc_no: str = ""
    date: date | None = None
    issuer: str = ""
    preamble: str = ""
    closing: str = ""
    remarks: str = ""
    addressee: str = ""  # 主送 line, e.g. "各地级以上市人民政府，省政府各部门、各直属机构："
    parts: list[ParsedPart] = field(default_factory=list)
    # Things a person should review after the import (items without owners, unread lines).
    warnings: list[str] = field(default_factory=list)

    @property
    def sections(self) -> list[ParsedSection]:
        return [s for p in self.parts for s in p.sections]

    @property
    def measure_count(self) -> int:
        return sum(len(s.measures) for s in self.sections)


def _take_trailer(paras: list[Paragraph], doc: ParsedDocument, *, wrapped: bool = False) -> None:
    """Pop ``国务院 / 2016年3月3日 / （此件公开发布）`` off the end into metadata.

    In a text a notice wraps (``wrapped``), the notice's signature is the document's; the
    wrapped text's own signature is kept in the remarks.
    """
    while paras and _REMARK.match(paras[-1].text):
        doc.remarks = paras.pop().text + ("\n" + doc.remarks if doc.remarks else "")
    if paras and (when := parse_date_line(paras[-1].text)):
        date_line = paras.pop().text
        last = paras[-1].text if paras else ""
        issuer = ""
        if last and len(last) <= 20 and not ends_paragraph(last) and classify(last) is None:
            issuer = paras.pop().text
        if wrapped:
            signature = "\n".join(x for x in (issuer, date_line) if x)
            doc.remarks = signature + ("\n" + doc.remarks if doc.remarks else "")
        else:
            doc.date = when
            doc.issuer = issuer or doc.issuer


def _section_style(paras: list[Paragraph], found: list[Found]) -> Style | None:
    present = {c[0] for p, c in zip(paras, found, strict=True) if not p.heading and c}
    if Style.ARTICLE in present:
        return Style.ARTICLE
    if Style.ENUM_PAREN in present and any(
        is_title_heading(p.text) for p in paras if not p.heading
    ):
        return Style.ENUM_PAREN
    if Style.ENUM_PAREN in present:
        return Style.ENUM_PAREN
    arabic = [c[3] for p, c in zip(paras, found, strict=True) if not p.heading and c and c[0] is Style.ENUM_ARABIC]
    if Style.ENUM_CN in present:
        cn_lines = [p.text for p, c in zip(paras, found, strict=True)
                    if not p.heading and c and c[0] is Style.ENUM_CN]
        # 一、跨界基础设施 over 1. items: the 一、 lines are parts and the items are measures.
        if not (arabic and all(is_title_heading(t) for t in cn_lines)):
            return Style.ENUM_CN
    # 1. lines are sections only when they are headings; otherwise each is one item.
    if arabic and sum(is_short_title(rest) for rest in arabic) * 2 > len(arabic):
        return Style.ENUM_ARABIC
    return None


def _date_from_meta(lines: list[str], hint: str) -> date | None:
    if m := _ISO_DATE.search(hint):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for line in lines:
        if m := re.match(r"^(\d{4})年(\d{1,2})月(\d{1,2})日", line):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


class _Builder:
    def __init__(self, doc: ParsedDocument) -> None:
        self.doc = doc
        self.part: ParsedPart | None = None
        self.section: ParsedSection | None = None
        self.preamble: list[str] = []
        self.section_paragraphs = 0
        self.section_count = 0  # counted, not recomputed: parsing stays linear in the input
        self.measure_count = 0
        # Enclosing 编/章/节 as (rank, full label, full title), so 第一节 sits inside 第二章.
        self.outer: list[tuple[int, str, str]] = []

    def start_part(self, label: str, numeral: str, title: str) -> None:
        number = chinese_to_int(numeral) or len(self.doc.parts) + 1
        rank = _RANKS.get(_level(label))
        if rank is not None:
            # 第一节 inside 第二章 (inside 第一编): the enclosing headings' labels and titles lead
            # the part's, and an enclosing part left without sections of its own is dropped.
            self.outer = [o for o in self.outer if o[0] < rank]
            if self.outer:
                if self.part is not None and self.part.label == self.outer[-1][1] and not self.part.sections:
                    self.doc.parts.pop()
                number = len(self.doc.parts) + 1
            self.outer.append((rank, "".join(o[1] for o in self.outer) + label,
                               "·".join([o[2] for o in self.outer if o[2]] + ([title] if title else []))))
            label, title = self.outer[-1][1], self.outer[-1][2]
        self.part = ParsedPart(number, label, title)
        self.doc.parts.append(self.part)
        self.section = None

    def start_section(self, label: str, numeral: str, rest: str, with_title: bool, heading: str = "") -> None:
        if self.part is None:
            self.part = ParsedPart(0, "", "")
            self.doc.parts.append(self.part)
        self.section_count += 1
        number = self.section_count
        parsed = chinese_to_int(numeral)
        if parsed == number:
            number = parsed
        if heading:
            body = rest
        elif with_title and _is_article_title(rest):
            heading, body = rest, ""  # （一）铁路: a heading line, never a measure
        else:
            heading, body = split_title(rest) if with_title else ("", rest)
        self.section = ParsedSection(number, normalize_label(label), heading)
        self.part.sections.append(self.section)
        self.section_paragraphs = 0
        if body:
            self.add_body(body)

    def add_body(self, text: str) -> None:
        if self.section is None:
            if self.part is None:
                self.preamble.append(text)
                return
            # Items directly under 一、跨界基础设施: their section carries the part's title, so
            # it is shown and searched with them.
            heading = self.part.title if item_number(text) is not None else ""
            self.start_section("", "", text, with_title=False, heading=heading)
            return
        section = self.section
        if section.measures and (is_owner_line(text) or is_owner_bracket(text)):
            # The units of the item above, kept with it as a bracket would be (a space between
            # two such lines keeps them readable; search ignores it).
            last = section.measures[-1]
            section.measures[-1] = last + ("" if ends_paragraph(last) else " ") + text
            return
        number = item_number(text)
        # An item directly under a part is labelled as the document numbers it.
        if number is not None and not section.label and number != str(len(section.measures) + 1):
            section.labels[len(section.measures)] = number
        new = measures_of(text, numbered=number is not None)
        section.measures.extend(new)
        self.section_paragraphs += 1
        self.measure_count += len(new)
        if self.measure_count > MAX_MEASURES:
            raise ImportRejected(
                f"条文过多（超过 {MAX_MEASURES:,} 条），请拆分后再导入 (more than {MAX_MEASURES} measures)"
            )


def _is_article_title(rest: str) -> bool:
    """``合作宗旨`` in ``第一条 合作宗旨`` (not ``本安排所称生效判决:``, which leads into text)."""
    return is_short_title(rest) and not rest.endswith((":", "：")) and len(rest) <= 20


_RANKS = {"部分": 0, "编": 0, "編": 0, "章": 1, "节": 2, "節": 2}


def _level(label: str) -> str:
    for level in _RANKS:
        if label.endswith(level):
            return level
    return ""


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Parsing creates millions of small acyclic objects; the cyclic collector's full passes
    over them cost a third of the time on a 49 MB text and pause for up to half a second
    (longer than Cancel may wait). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_document(
    text: str, *, markdown: bool = False, title_hint: str = "", check: Callable[[], None] | None = None
) -> ParsedDocument:
    """Parse a whole document's text. Never raises on odd text: worst case, one section.

    Linear in the input. ``check`` is called every few thousand paragraphs and may raise to
    cancel; a document of more than :data:`MAX_MEASURES` measures raises ImportRejected.
    """
    with _no_cyclic_gc():
        return _parse(text, markdown, title_hint, check)


def _parse(text: str, markdown: bool, title_hint: str, check: Callable[[], None] | None) -> ParsedDocument:
    raw = split_paragraphs(text, markdown, check)
    head = raw.head
    doc = ParsedDocument(title=raw.title or title_hint, doc_no=raw.doc_no, issuer=head.issuer,
                         addressee=head.addressee, date=head.date)
    if check:
        check()
    paras = raw.paragraphs
    notice_text = _take_notice(paras, doc)
    _take_trailer(paras, doc, wrapped=bool(notice_text))
    doc.date = doc.date or _date_from_meta(raw.meta_lines, title_hint)
    found_all: list[Found] = [None if p.heading else classify(p.text) for p in ticking(paras, check)]
    style = _section_style(paras, found_all)
    closing_candidate = paras[-1].text if doc.issuer and paras and not notice_text else None
    b = _Builder(doc)
    b.preamble.extend(notice_text)
    # The shallowest heading level present makes parts; deeper ones (Word's Heading 2/3 under
    # Heading 1) make sections, except 第X节, which nests as a part inside its 章.
    part_level = min((p.level for p in paras if p.heading), default=0)
    for para, found in ticking(zip(paras, found_all, strict=True), check):
        if para.heading:
            m = classify(para.text)
            label, numeral, rest = (m[1], m[2], m[3]) if m else ("", "", para.text)
            if para.level > part_level and b.part is not None and (m is None or m[0] is not Style.CHAPTER):
                b.start_section(label, numeral, "", with_title=False, heading=rest or para.text)
            else:
                b.start_part(label, numeral, rest)
        elif found and found[0] is style is Style.ARTICLE and _is_article_title(found[3]):
            # 第一条 合作宗旨 on its own line: the article's title, its text follows.
            b.start_section(found[1], found[2], "", with_title=False, heading=found[3])
        elif found and found[0] is style:
            b.start_section(found[1], found[2], found[3], with_title=style is not Style.ARTICLE)
        elif found and found[0] in (Style.CHAPTER, Style.ENUM_CN) and is_title_heading(para.text):
            b.start_part(found[1], found[2], found[3])
        else:
            b.add_body(para.text)
    if (
        closing_candidate
        and b.section is not None
        and b.section_paragraphs > 1
        and b.section.measures
        and closing_candidate.endswith(b.section.measures[-1])
    ):
        tail = split_sentences(closing_candidate)
        del b.section.measures[-len(tail) :]
        b.section.labels = {k: v for k, v in b.section.labels.items() if k < len(b.section.measures)}
        doc.closing = closing_candidate
    doc.preamble = "\n".join(b.preamble)
    _ensure_sections(doc)
    attach_facts(doc, text, check)
    return doc


def _take_notice(paras: list[Paragraph], doc: ParsedDocument) -> list[str]:
    """A notice wrapping the real text (印发 notice, gazette): its lines, moved to the preamble."""
    found = split_notice([p.text for p in paras])
    if found is None:
        return []
    notice, start = found
    del paras[:start]
    doc.issuer = doc.issuer or notice.issuer
    doc.date = doc.date or notice.date
    if notice.inner_title and (not doc.title or doc.doc_no.startswith("第")):
        doc.title = notice.inner_title  # a gazette's title is the text it publishes
    return notice.text


def _ensure_sections(doc: ParsedDocument) -> None:
    """Every document gets at least one section with measures (the preamble, if all else fails)."""
    doc.parts = [p for p in doc.parts if p.sections or p.title]
    if doc.measure_count == 0 and doc.preamble:
        section = ParsedSection(1, "", "", split_sentences(doc.preamble.replace("\n", "")))
        doc.parts = [ParsedPart(0, "", "", [section])]
        doc.preamble = ""
