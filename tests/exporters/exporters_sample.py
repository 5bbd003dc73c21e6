"""Realistic briefing packs built from the bundled guideline, for tests and the benchmark.

Deliberately independent of panprd_desktop (written concurrently): a small parser here
repairs the page-break damage in the text and splits it into parts, sections and
sentence-sized measures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from exporters.pack import BriefingPack, PackGroup, PackMeasure, PackNote, PackSummary

GUIDELINE = Path(__file__).resolve().parents[2] / "resources" / "guideline-gf2016-18.txt"
DOC_TITLE = "国务院关于深化泛珠三角区域合作的指导意见"
_PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
_SECTION = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.*)$")
OWNERS = (
    "广东省", "福建省", "江西省", "湖南省", "广西壮族自治区", "海南省", "四川省", "贵州省", "云南省",
    "香港特别行政区", "澳门特别行政区", "国家发展改革委", "商务部", "交通运输部",
)  # fmt: skip
STATUSES = (
    ("not_started", "未启动"), ("in_progress", "进行中"), ("done", "已完成"),
    ("delayed", "滞后"), ("ongoing", "持续推进"),
)  # fmt: skip


def _repaired_lines() -> list[str]:
    """Join lines broken by page breaks: a line continues unless the previous one ended a
    sentence or the line itself starts a part or a section."""
    raw = [ln.strip() for ln in GUIDELINE.read_text(encoding="utf-8").splitlines()]
    lines: list[str] = []
    for ln in raw:
        if not ln:
            continue
        starts = bool(_PART.match(ln) or _SECTION.match(ln))
        if lines and not starts and not lines[-1].endswith(("。", "：", "；")):
            lines[-1] += ln
        else:
            lines.append(ln)
    return lines


def parse_guideline() -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    """[(part heading, [(section label, section title, [sentences])])]."""
    parts: list[tuple[str, list[tuple[str, str, list[str]]]]] = []
    for ln in _repaired_lines():
        if m := _PART.match(ln):
            parts.append((ln, []))
        elif (m := _SECTION.match(ln)) and parts:
            title, _, rest = m.group(2).partition("。")
            parts[-1][1].append((f"（{m.group(1)}）", title, [rest] if rest else []))
        elif parts and parts[-1][1]:
            parts[-1][1][-1][2].append(ln)
    out = []
    for heading, sections in parts:
        secs = []
        for label, title, chunks in sections:
            sentences = [s + "。" for s in re.split("。", "".join(chunks)) if s.strip()]
            secs.append((label, title, sentences))
        out.append((heading, secs))
    return out


def make_measure(i: int, label: str, section_label: str, section_title: str, text: str, notes: int) -> PackMeasure:
    status, status_label = STATUSES[i % len(STATUSES)]
    at = datetime(2024, 1, 5, 9, 30) + timedelta(days=i)
    return PackMeasure(
        measure_id=f"m{i:04d}",
        label=label,
        section_label=section_label,
        section_title=section_title,
        text=text,
        leads=(OWNERS[i % len(OWNERS)],),
        participants=(OWNERS[(i + 3) % len(OWNERS)], OWNERS[(i + 7) % len(OWNERS)]),
        deadline_text=("2020年底前", "长期坚持", "2026-06-30")[i % 3],
        deadline_date=date(2026, 6, 30) if i % 3 == 2 else None,
        status=status,
        status_label=status_label,
        tags=("交通", "港澳合作") if i % 2 else ("产业",),
        notes=tuple(
            PackNote(
                text=f"第{k + 1}次调度：{section_title}相关工作已召开协调会，明确责任分工。",
                author=f"联络员{k + 1}",
                at=at + timedelta(days=30 * k),
            )
            for k in range(notes)
        ),  # fmt: skip
        overdue=status == "delayed",
    )


def summarise(groups: tuple[PackGroup, ...]) -> PackSummary:
    measures = [m for g in groups for m in g.measures]
    by_status = Counter(m.status_label for m in measures)
    by_lead = Counter(m.leads[0] if m.leads else "（未指定）" for m in measures)
    return PackSummary(
        total=len(measures),
        by_status=tuple((label, by_status.get(label, 0)) for _, label in STATUSES),
        overdue=sum(m.overdue for m in measures),
        by_lead=tuple(by_lead.most_common()),
    )


def guideline_pack(max_per_section: int | None = None, notes: int = 3, **kw: object) -> BriefingPack:
    """Every section of the guideline; sentences become measures (all ~200 by default)."""
    groups = []
    i = 0
    for heading, sections in parse_guideline():
        measures = []
        for section_label, title, sentences in sections:
            for n, sentence in enumerate(sentences[:max_per_section], start=1):
                i += 1
                measures.append(make_measure(i, f"{section_label}{n}", section_label, title, sentence, notes))
        groups.append(PackGroup(DOC_TITLE, heading, tuple(measures)))
    return pack_of(tuple(groups), **kw)


def pack_of(groups: tuple[PackGroup, ...], **kw: object) -> BriefingPack:
    fields: dict[str, object] = {
        "title": "泛珠三角区域合作重点任务推进情况",
        "scope": "全部措施",
        "prepared_on": date(2024, 6, 1),
        "meeting": "泛珠三角区域合作行政首长联席会议",
        "meeting_date": "2024年6月20日",
        "prepared_by": "泛珠三角区域合作秘书处",
        "marking": "内部资料",
    }
    fields.update(kw)
    return BriefingPack(groups=groups, summary=summarise(groups), **fields)  # type: ignore[arg-type]


def rounds(pack: BriefingPack, n: int) -> tuple[PackGroup, ...]:
    """The pack's groups repeated as further rounds (第2轮 …) until they hold ``n`` measures."""
    groups = []
    count = 0
    rnd = 0
    while count < n:
        rnd += 1
        for g in pack.groups:
            ms = g.measures[: n - count]
            if not ms:
                break
            groups.append(replace(g, heading=f"{g.heading}（第{rnd}轮）",
                                  measures=tuple(replace(m, measure_id=f"{m.measure_id}-{rnd}") for m in ms)))
            count += len(ms)
    return tuple(groups)


def repeated(pack: BriefingPack, n: int) -> BriefingPack:
    """``n`` measures in :func:`rounds`, as the benchmark makes them, with their own summary."""
    return pack_of(rounds(pack, n))
