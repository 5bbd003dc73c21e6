"""Owner and deadline brackets: ``1.加快…政策。（省发展改革委、公安厅，珠海市政府）``.

分工 and 重点工作 documents end each item with a bracket naming the units responsible and
sometimes a deadline. :func:`read_bracket` turns the bracket's content into
:class:`SourceFacts`; it returns None for brackets that are not about owners at all
(``（试行）``, ``（以下简称“规划”）``), so ordinary text is never mistaken for owners. The
bracket itself stays part of the item's text: this module only reads it.

Rules, as these documents write them:
- explicit marks (``牵头``/``牽頭``/``负责``/``負責`` → leads; ``配合``/``参与``/``參與``/``协助`` →
  participants) win; otherwise the document's convention applies (default and
  ``列在首位的为牵头单位``: the first unit leads, the rest take part; ``均为牵头单位``: all lead);
- a shared level prefix carries to abbreviated siblings (``省发展改革委、公安厅`` → 省公安厅) and a
  shared suffix to bare place names (``深圳、珠海市政府`` → 深圳市政府、珠海市政府);
- a deadline inside the bracket or in a bracket beside it (``2018年底前``, ``年内`` = the
  document's year, ``长期坚持``, ``持续推进``) fills the deadline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from functools import cache

from panprd_desktop.core.normalize import fold
from panprd_desktop.core.parsing.facts import SourceFacts
from panprd_desktop.core.parsing.folded_search import RawPhrases

# A trailing bracket (full- or half-width), optionally followed by the item's final stop.
_TRAILING = re.compile(r"[（(]([^（）()]{1,300})[）)]\s*[。；;.]?\s*$")
_AFTER = re.compile(r"([）)])\s*([^（）()。；;]{2,16})[。；;]?\s*$")
# Matched on the text as written (Simplified or Traditional), so offsets are the text's own.
_ROLE_TAIL = re.compile(
    r"(?:^|[。；;！？])\s*((?:牵头单位|牵头部门|责任单位|责任部门|主责单位|参与单位|配合单位|完成时限|完成时间|时间安排|"
    r"牽頭單位|牽頭部門|責任單位|責任部門|主責單位|參與單位|配合單位|完成時限|完成時間|時間安排)[:：][^。]*)。?$"
)
_LEAD_MARKS = ("牵头", "负责", "主责", "主办")  # folded forms: 牽頭 → 牵头, 負責 → 负责
_PART_MARKS = ("配合", "参与", "协助", "协办", "参加")
_ROLE_PREFIX = re.compile(
    r"^(牵头单位|牵头部门|责任单位|责任部门|主责单位|牵头|参与单位|配合单位|协办单位|参与|配合)[:：]"
)
_DEADLINE_PREFIX = re.compile(r"^(完成时限|完成時限|完成时间|完成時間|时间安排|時間安排|时限|時限)[:：]")
_DEADLINE = re.compile(
    r"^(?:(?:于|在)?\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:底|末|年底|上半年|下半年|第?[一二三四1-4]季度)?"
    r"(?:前|内|以前)?|\d{4}\s*[-—–~至]\s*\d{4}\s*年|年内|年底前|年底|上半年|下半年|长期坚持|持续推进|长期|持续)"
    r"(?:完成|建成|启动|实施|出台)?$"
)
# What a unit name ends with (folded), and the place levels whose prefix carries over.
_UNIT_END = re.compile(
    r"(委|厅|局|办|部|府|署|站|会|院|集团|公司|中心|室|处|行|所|政府|分署|海关|总站|银行|大学|学院|"
    r"管委会|办公室|机场|港|省|市|区|县|州|队|社|团|馆|协会|联合会|法院|检察院|委员会|旅游局|边检|司|单位|部门)$"
)
_LEVEL_PREFIX = re.compile(r"^(自治区|省|市|区|县)(?=.)")
_PLACE_SUFFIX = re.compile(r"^(.{2,4}?)((?:特别行政区|自治区|省|市|区|县|州).*)$")
_DEPARTMENT = re.compile(r"(厅|委|办|局)$")
_RANGE = re.compile(r"\d{4}\s*[-—–~至]\s*\d{4}")
_MAX_UNIT = 30
_NOT_UNIT = re.compile(r"\d{3,}|以下简称|下同|同上|试行|暂行|草案|修订|节选|摘要|征求意见|试点|含|包括|详见|附件|注")
# Role prefixes written without a separator once spaces are gone: 牵头单位：A参与单位：B
_INNER_ROLE = re.compile(
    r"(?<=[^；;，,])(?=(参与单位|配合单位|协办单位|完成时限|完成时间|时间安排|參與單位|配合單位|協辦單位|完成時限|完成時間|"
    r"時間安排)[:：])"
)
_YEAR_ONLY = re.compile(r"^(年内|年底前|年底|上半年|下半年)(完成|建成|启动|实施|出台)?$")


@cache
def _vocabulary() -> frozenset[str]:
    from panprd_desktop.core.owners import load_vocabulary  # plain JSON, no database

    return frozenset(fold(a) for name, _kind, aliases in load_vocabulary() for a in (name, *aliases))


def known_owner(name: str) -> bool:
    """``粤``, ``香港``, ``國家發展改革委``: a name or alias of the built-in vocabulary."""
    return fold(name) in _vocabulary()


class Convention(Enum):
    FIRST_LEADS = "first"  # 列在首位的为牵头单位 (and the default)
    ALL_LEAD = "all"  # 所列单位均为牵头单位 / 排名不分先后


_FIRST_SENTENCE = re.compile(r"(列在|排在|排列在|列于|位列)?(首位|第一位|第一个|首个)[^。]{0,8}(牵头|主责)")
_ALL_SENTENCE = re.compile(r"(均为|都是|均是|都为)(牵头|责任|主责)单位|不分先后|共同牵头")


@cache
def _all_sentence_as_written() -> RawPhrases:
    return RawPhrases(_ALL_SENTENCE.pattern)


def find_convention(text: str) -> Convention:
    """The document's stated rule for reading its owner lists (default: first unit leads)."""
    # Most documents state no rule: the text as written is asked first, and only one that
    # says 均为牵头单位 (or a Traditional/spaced form of it) is folded — folding 25,000
    # characters per document for nothing was a tenth of an import.
    if not _all_sentence_as_written().found(text):
        return Convention.FIRST_LEADS
    folded = fold(text)
    if _ALL_SENTENCE.search(folded) and not _FIRST_SENTENCE.search(folded):
        return Convention.ALL_LEAD
    return Convention.FIRST_LEADS


def trailing_brackets(text: str) -> list[str]:
    """The contents of the bracket(s) an item ends with, innermost-last order as written."""
    found: list[str] = []
    if "）" not in text and ")" not in text:  # both patterns need a closing bracket: skip the scans
        return found
    rest = text
    # （省商务厅）2018年底前完成。 — a deadline written just after the bracket.
    if (m := _AFTER.search(text)) and _is_deadline(m.group(2)):
        found.append(m.group(2))
        rest = text[: m.start(2)]
    for _ in range(2):  # （单位）（2018年底前）: a deadline bracket beside the owner bracket
        m = _TRAILING.search(rest)
        if not m:
            break
        found.insert(0, m.group(1).strip())
        rest = rest[: m.start()]
    return found


def _is_deadline(piece: str) -> bool:
    return bool(_DEADLINE.match(fold(_DEADLINE_PREFIX.sub("", piece)).replace(" ", "")))


def _deadline_text(piece: str, year: int | None) -> str:
    piece = _DEADLINE_PREFIX.sub("", piece).strip()
    if year and _YEAR_ONLY.match(fold(piece)):
        return f"{year}{piece}"  # 年内 means the document's own year
    return piece


def _role_of(piece: str) -> tuple[str, str | None]:
    """Strip an explicit mark: (``省发展改革委``, "lead") from ``省发展改革委牵头``."""
    folded = fold(piece)
    m = _ROLE_PREFIX.match(folded)
    if m:
        role = "participant" if m.group(1).startswith(("参与", "配合", "协办")) else "lead"
        return piece[m.end():].strip(), role
    for marks, role in ((_LEAD_MARKS, "lead"), (_PART_MARKS, "participant")):
        for mark in marks:
            for tail in (mark, mark + "单位", mark + "部门"):
                if folded.endswith(tail) and len(folded) > len(tail):
                    return piece[: len(piece) - len(tail)].strip(), role
    return piece, None


def _unit_kind(name: str, known: Callable[[str], bool]) -> str | None:
    """"clear" for a unit name (unit ending or vocabulary), "maybe" for a short bare name
    (``深圳`` before ``珠海市政府``), None for anything else."""
    folded = fold(name)
    if not folded or len(folded) > _MAX_UNIT or any(c in folded for c in "。“”\"《》：:"):
        return None
    if _NOT_UNIT.search(folded):
        return None
    if known(name) or _UNIT_END.search(folded):
        return "clear"
    return "maybe" if 2 <= len(folded) <= 4 else None


def _carry(run: list[str], prefix: str, known: Callable[[str], bool]) -> tuple[list[str], str]:
    """Shared prefixes and suffixes, as these documents abbreviate; returns the prefix in force.

    A level prefix (``省``) carries within a ``、`` run to any abbreviated unit, and on to the
    next ``，`` group only for department names (…厅/委/办/局), never to a vocabulary name.
    """
    out = list(run)
    # 深圳、珠海市政府 → 深圳市政府、珠海市政府: bare places before a place+suffix name.
    if len(out) > 1 and (m := _PLACE_SUFFIX.match(out[-1])):
        suffix = m.group(2)
        for i in range(len(out) - 1):
            if 2 <= len(out[i]) <= 4 and not _UNIT_END.search(fold(out[i])):
                out[i] += suffix
    in_run = False
    for i, name in enumerate(out):
        m = _LEVEL_PREFIX.match(name)
        if m:
            prefix, in_run = m.group(1), True
            continue
        folded = fold(name)
        if not prefix or _PLACE_SUFFIX.match(name) or len(folded) > 8:
            continue
        if (in_run and _UNIT_END.search(folded)) or (
            len(folded) <= 6 and _DEPARTMENT.search(folded) and not known(name)
        ):
            out[i] = prefix + name
    return out, prefix


def read_bracket(
    contents: list[str], *, year: int | None = None, convention: Convention = Convention.FIRST_LEADS,
    is_known: Callable[[str], bool] | None = None,
) -> SourceFacts | None:
    """Facts from the bracket contents an item ends with, or None if they name no owners.

    ``is_known`` (optional ``Callable[[str], bool]``) says a name is in the owner vocabulary,
    so that ``粤``/``香港`` count as units although they have no unit ending.
    """
    known = is_known or known_owner
    deadline = ""
    prefix = ""
    clear = False
    groups: list[tuple[list[str], str | None]] = []
    for content in contents:
        for clause in re.split(r"[，,；;]", _INNER_ROLE.sub("；", content)):
            clause = clause.strip()
            if not clause:
                continue
            if _is_deadline(clause):
                deadline = deadline or _deadline_text(clause, year)
                continue
            names, role = _role_of(clause)
            if names.startswith(("由", "请")) and len(names) > 3:  # （由省商务厅牵头）
                names = names[1:]
            run = [n.strip() for n in re.split(r"[、/／]", names) if n.strip()]
            kinds = [_unit_kind(n, known) for n in run]
            if not run or None in kinds:
                return None
            clear = clear or "clear" in kinds
            run, prefix = _carry(run, prefix, known)
            groups.append((run, role))
    if groups and not clear and not any(role for _run, role in groups):
        return None  # （试点、示范）: short words, none of them a unit
    if not groups:  # a deadline alone; a period such as （2016—2020年） is a title's, not one
        return SourceFacts(deadline=deadline) if deadline and not _RANGE.search(deadline) else None
    return _assign(groups, convention, deadline)


def _assign(groups: list[tuple[list[str], str | None]], convention: Convention, deadline: str) -> SourceFacts:
    leads: list[str] = []
    participants: list[str] = []
    explicit = any(role for _run, role in groups)
    for run, role in groups:
        for name in run:
            if explicit:
                target = leads if role == "lead" else participants
            elif convention is Convention.ALL_LEAD or not leads:
                target = leads
            else:
                target = participants
            if name not in leads and name not in participants:
                target.append(name)
    return SourceFacts(tuple(leads), tuple(participants), deadline)


def facts_of(
    text: str, *, year: int | None = None, convention: Convention = Convention.FIRST_LEADS,
    is_known: Callable[[str], bool] | None = None,
) -> SourceFacts | None:
    """What the trailing bracket(s) of ``text`` say, or None."""
    contents = trailing_brackets(text)
    if not contents and ("：" in text or ":" in text) and (m := _ROLE_TAIL.search(text)):
        contents = [text[m.start(1):]]  # …。牵头单位：省商务厅；参与单位：省财政厅
    if not contents:
        return None
    facts = read_bracket(contents, year=year, convention=convention, is_known=is_known)
    if facts is None and len(contents) == 2:  # only the last bracket is about owners
        facts = read_bracket(contents[1:], year=year, convention=convention, is_known=is_known)
    return facts
