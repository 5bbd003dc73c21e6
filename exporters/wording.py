"""What the packs say, in one place, so the Word and PDF files read identically.

Everything here is plain text (already cleaned of illegal characters); each writer
does its own escaping and styling.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from exporters.pack import BriefingPack, PackGroup, PackMeasure, PackNote
from exporters.text import clean, one_line

COLUMNS: tuple[str, ...] = ("序号", "重点任务", "牵头单位", "参与单位", "完成时限", "进展情况")
# Share of the text width per column; 重点任务 carries the long text. 完成时限 is just wide
# enough for "2026-06-30" or "2020年底前" on one line at 10.5 pt in portrait.
COLUMN_SHARES: tuple[float, ...] = (0.07, 0.33, 0.12, 0.14, 0.15, 0.19)

EMPTY = "无符合条件的措施"
EMPTY_HINT = "按所选条件（{scope}）未找到任何措施，本材料不含分工表和措施详情。"
HEADING_SUMMARY = "一、总体情况"
HEADING_TABLE = "二、重点任务分工表"
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
    return f"{note.at:%Y-%m-%d}"


def marking(pack: BriefingPack) -> str:
    """The classification mark printed top left ("内部资料"); a short mark by nature."""
    return clip(one_line(pack.marking), TABLE_SHORT_CHARS)


def cover_lines(pack: BriefingPack) -> list[tuple[str, str]]:
    """(label, value) pairs printed under the title; empty values are left out."""
    rows = [
        ("会议", one_line(pack.meeting)),
        ("会议日期", one_line(pack.meeting_date)),
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


def deadline(m: PackMeasure) -> str:
    return one_line(m.deadline_text) or (m.deadline_date.isoformat() if m.deadline_date else NONE)


def status(m: PackMeasure) -> str:
    label = one_line(m.status_label) or NONE
    return f"{label}（已逾期）" if m.overdue else label


def latest_note(m: PackMeasure, limit: int | None = TABLE_NOTE_LIMIT) -> str:
    if not m.notes:
        return ""
    note = m.notes[-1]
    text = one_line(note.text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + CONT
    who = clip(one_line(note.author), TABLE_SHORT_CHARS) if limit is not None else one_line(note.author)
    stamp = f"{note_stamp(note)} {who}".strip()
    return f"{text}（{stamp}）"


def note_line(note: PackNote) -> tuple[str, str]:
    """(who and when, text) for the details section."""
    who = one_line(note.author) or UNASSIGNED
    return f"{note_stamp(note)}　{who}", clean(note.text).strip()


def detail_lines(m: PackMeasure) -> list[list[tuple[str, str]]]:
    """The annotation of a measure as lines of (label, value) pairs, joined by "；"."""
    tags = "、".join(t for t in (one_line(x) for x in m.tags) if t)
    return [
        [("牵头单位", owners(m.leads)), ("参与单位", owners(m.participants))],
        [("完成时限", deadline(m)), ("进展情况", status(m)), ("标签", tags or NONE)],
    ]


NOTES_LABEL = "工作记录"
FIELD_SEP = "；"


def headed_groups(pack: BriefingPack) -> Iterator[tuple[str, PackGroup]]:
    """Each non-empty group with its heading text, as both the table and the details print it."""
    several = len({g.document_title for g in pack.groups if g.measures}) > 1
    for group in pack.groups:
        if group.measures:
            yield group_heading(group.document_title, group.heading, several), group


def group_heading(document_title: str, heading: str, several_documents: bool) -> str:
    """The full-width row text; names the document when the pack spans several."""
    heading = one_line(heading)
    doc = one_line(document_title)
    if several_documents and doc:
        return clip(f"{doc}　{heading}".strip(), 100)
    return clip(heading or doc, 100)
