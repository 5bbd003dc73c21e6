"""What the packs say, in one place, so the Word and PDF files read identically.

Everything here is plain text (already cleaned of illegal characters); each writer
does its own escaping and styling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from exporters.pack import BriefingPack, PackGroup, PackMeasure, PackNote
from exporters.text import clean, one_line

COLUMNS: tuple[str, ...] = ("序号", "重点任务", "牵头单位", "参与单位", "完成时限", "进展情况")
# Share of the text width per column when nothing better is known (Word's fallback);
# both writers size the columns from the content with column_chars().
COLUMN_SHARES: tuple[float, ...] = (0.07, 0.33, 0.12, 0.14, 0.15, 0.19)
LEAD_CHARS = 7  # 牵头单位 holds a 7-character unit name (广西壮族自治区) on one line

EMPTY = "无符合条件的措施"
EMPTY_HINT = "按所选条件（{scope}）未找到任何措施，本材料不含分工表和措施详情。"
HEADING_SUMMARY = "一、汇总"
HEADING_TABLE = "二、分工表"
HEADING_DETAILS = "三、措施详情"
NONE = "—"  # printed in an empty cell so a blank never looks like a lost value
UNASSIGNED = "（未指定）"
# The latest note in the table is cut here; the details section prints it whole.
TABLE_NOTE_LIMIT = 120
# The measure text in the table is cut here too, so one row always fits on a page
# (reportlab cannot split a row cleanly); the details section prints it whole.
TABLE_TEXT_LIMIT = 300
TABLE_TEXT_MORE = "……（全文见措施详情）"
CONT = "……"


def date_cn(value: date | datetime) -> str:
    """2024年5月1日, as Chinese official documents write dates."""
    return f"{value.year}年{value.month}月{value.day}日"


def note_stamp(note: PackNote) -> str:
    return date_cn(note.at)


NOT_REPORTED = "未填报"


def short_source(document_title: str) -> str:
    """The short name a document is cited by: 国务院关于深化泛珠三角区域合作的指导意见 → 指导意见."""
    title = one_line(document_title)
    tail = title.rsplit("的", 1)[-1] if "的" in title else title
    return tail if 2 <= len(tail) <= 10 else title


# Words common in pack titles: a title line should end after one, never inside one.
_TITLE_WORDS = frozenset((
    "泛珠", "三角", "区域", "合作", "行政", "首长", "联席", "会议", "重点", "任务", "分工", "进展", "情况", "汇报",
    "材料", "工作", "意见", "方案", "规划", "建设", "发展", "项目", "落实", "推进", "深化", "协调", "机制", "年度",
    "报告", "汇总",
    "珠江", "港澳", "粤港", "大湾",
))


def title_lines(title: str, per_line: int) -> list[str]:
    """A title broken into balanced lines (GB/T 9704: 回行时词意完整、排列对称).

    Lines are as even as possible, a break falls where a line may break (never inside a
    unit name, number or date) and preferably after 的/和/与/及/暨 or before 关于, and no
    line is a lone character."""
    from exporters.cjk_break import no_break_before

    title = one_line(title)
    if len(title) <= per_line:
        return [title]
    count = -(-len(title) // per_line)
    flags = no_break_before(title)
    lines: list[str] = []
    rest = title
    offset = 0
    for k in range(count, 1, -1):
        ideal = len(rest) / k
        best, score = None, 1e9
        for pos in range(2, min(len(rest) - 1, per_line) + 1):
            if flags[offset + pos]:
                continue
            bonus = -1.5 if rest[pos - 1] in "的和与及暨、，" or rest[pos:pos + 2] == "关于" else 0.0
            bonus += -1.0 if rest[pos - 2:pos] in _TITLE_WORDS else 0.0
            bonus += 3.0 if rest[pos - 1:pos + 1] in _TITLE_WORDS else 0.0
            cost = abs(pos - ideal) + bonus
            if len(rest) - pos > per_line * (k - 1):
                continue
            if cost < score:
                best, score = pos, cost
        if best is None:
            best = min(per_line, len(rest) - 2)
        lines.append(rest[:best])
        rest = rest[best:]
        offset += best
    lines.append(rest)
    return lines


def marking(pack: BriefingPack) -> str:
    """The classification mark printed top left ("内部资料"); a short mark by nature."""
    return clip(one_line(pack.marking), TABLE_SHORT_CHARS)


def cover_lines(pack: BriefingPack) -> list[tuple[str, str]]:
    """(label, value) pairs printed under the title; empty values are left out."""
    rows = [
        ("会议", one_line(pack.meeting)),
        ("会议日期", dates_cn(one_line(pack.meeting_date))),
        ("编制", one_line(pack.prepared_by)),
        ("编制日期", date_cn(pack.prepared_on)),
        ("范围", one_line(pack.scope) or "全部措施"),
    ]
    return [(k, v) for k, v in rows if v]


def summary_lines(pack: BriefingPack) -> list[str]:
    s = pack.summary
    parts = "、".join(f"{one_line(label)}{n}项" for label, n in s.by_status if n)
    first = f"本材料共收录措施{s.total}项"
    first += f"，其中{parts}。" if parts else "。"
    overdue = f"已逾期未完成{s.overdue}项。" if s.overdue else "目前无逾期未完成的措施。"
    return [first, overdue]


def status_rows(pack: BriefingPack) -> list[tuple[str, str]]:
    return [(clip(one_line(label), TABLE_NAME_CHARS), str(n)) for label, n in pack.summary.by_status]


def lead_rows(pack: BriefingPack) -> list[tuple[str, str]]:
    return [(clip(one_line(name), TABLE_NAME_CHARS) or UNASSIGNED, str(n)) for name, n in pack.summary.by_lead]


# Table cells are clipped so that one row always fits on a page: reportlab cannot
# split a row reliably (in-row splitting draws stray header rows and can loop for
# ever on a single over-tall cell). The details section prints everything in full.
TABLE_OWNERS_CHARS = 120
TABLE_SHORT_CHARS = 40  # deadline, status, note author
TABLE_NAME_CHARS = 100  # a name in the summary tables


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + CONT


def owners(names: tuple[str, ...], limit: int | None = None) -> str:
    """Owner names joined by "、"; with ``limit`` (characters) a long list is summarised."""
    clean_names = [n for n in (one_line(x) for x in names) if n]
    joined = "、".join(clean_names) or NONE
    if limit is None or len(joined) <= limit:
        return joined
    return f"{joined[:limit]}{CONT}等{len(clean_names)}个单位"


def measure_text(m: PackMeasure) -> str:
    return clean(m.text).strip() or NONE


def task_cell(m: PackMeasure) -> tuple[str, str]:
    """(label, text) for the 重点任务 column, e.g. ("（十）3", "…"); very long texts cut."""
    text = one_line(m.text) or NONE
    if len(text) > TABLE_TEXT_LIMIT:
        text = text[:TABLE_TEXT_LIMIT] + TABLE_TEXT_MORE
    return clip(one_line(m.label), TABLE_SHORT_CHARS), text


def detail_heading(m: PackMeasure) -> str:
    """ "（十）3　建设现代化综合交通运输体系": label and the section it belongs to."""
    return f"{one_line(m.label)}　{one_line(m.section_title)}".strip("　 ") or "措施"


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def dates_cn(text: str) -> str:
    """ISO dates in a handout read as Chinese documents write them: 2026年11月27日."""
    return _ISO.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


def deadline(m: PackMeasure) -> str:
    text = one_line(m.deadline_text)
    if text:
        return dates_cn(text)
    return date_cn(m.deadline_date) if m.deadline_date else NONE


def status(m: PackMeasure) -> str:
    label = one_line(m.status_label) or NONE
    if not m.reported and m.status == "not_started":
        label = NOT_REPORTED
    return f"{label}（已逾期）" if m.overdue else label


def _stamp(note: PackNote, pack: BriefingPack | None, author_limit: int | None = None) -> str:
    """The（date author）after a note, as far as the pack's options allow."""
    parts = []
    if pack is None or pack.include_timestamps:
        parts.append(note_stamp(note))
    if pack is None or pack.include_authors:
        who = one_line(note.author)
        parts.append(clip(who, author_limit) if author_limit else who)
    return "　".join(p for p in parts if p)


def latest_note(m: PackMeasure, limit: int | None = TABLE_NOTE_LIMIT, pack: BriefingPack | None = None) -> str:
    if not m.notes or (pack is not None and not pack.include_notes):
        return ""
    note = m.notes[-1]
    text = one_line(note.text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + CONT
    stamp = _stamp(note, pack, TABLE_SHORT_CHARS if limit is not None else None)
    return f"{text}（{stamp}）" if stamp else text


def note_line(note: PackNote, pack: BriefingPack | None = None) -> tuple[str, str]:
    """(who and when, text) for the details section; "" when the options hide both."""
    return _stamp(note, pack), clean(note.text).strip()


def detail_lines(m: PackMeasure, pack: BriefingPack | None = None) -> list[list[tuple[str, str]]]:
    """The annotation of a measure as lines of (label, value) pairs, joined by "；"."""
    second = [("完成时限", deadline(m)), ("状态", status(m))]
    if pack is None or pack.include_tags:
        tags = "、".join(t for t in (one_line(x) for x in m.tags) if t)
        second.append(("标签", tags or NONE))
    return [[("牵头单位", owners(m.leads)), ("参与单位", owners(m.participants))], second]


def owner_names(pack: BriefingPack) -> tuple[str, ...]:
    """Every unit named in the pack: words the line breakers must not break."""
    names: set[str] = set()
    for m in pack.measures:
        names.update(one_line(n) for n in m.leads)
        names.update(one_line(n) for n in m.participants)
    return tuple(sorted(n for n in names if 1 < len(n) <= 30))


NOTES_LABEL = "进展情况"
FIELD_SEP = "；"


def headed_groups(pack: BriefingPack) -> Iterator[tuple[str, PackGroup]]:
    """Each non-empty group with its heading text, as both the table and the details print it."""
    several = len({g.document_title for g in pack.groups if g.measures}) > 1
    for group in pack.groups:
        if group.measures:
            yield group_heading(group.document_title, group.heading, several), group


def group_heading(document_title: str, heading: str, several_documents: bool) -> str:
    """The group's source, cited: ``指导意见 四、推进重大基础设施一体化建设``.

    The document's own part number is printed after the document's short name, so it
    never reads as one of the pack's outline numbers (一、汇总 …)."""
    heading = one_line(heading)
    doc = one_line(document_title)
    source = doc if several_documents and len(short_source(doc)) < 2 else short_source(doc)
    if source and heading:
        return clip(f"{source} {heading}", 100)
    return clip(heading or doc, 100)
