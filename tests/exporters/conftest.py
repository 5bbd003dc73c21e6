"""Fixtures for the exporter tests: realistic, hostile and empty briefing packs."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exporters_sample import DOC_TITLE, guideline_pack, make_measure, pack_of  # noqa: E402

from exporters.pack import BriefingPack, PackGroup, PackNote  # noqa: E402

SHANTOU = "汕头华侨经济文化合作试验区"
LONG_LATIN = "https://example.org/" + "a1b2c3d4e5" * 300  # 3020 characters, no space
LONG_CHINESE = "泛珠三角区域合作" * 375  # 3000 characters, no punctuation
NASTY_TEXTS = (
    "加强<b>粗体</b>标记 & 符号 <img src=x> 与 ]]> 结尾",
    "控制字符\x00在此\x0b与\x0c以及\ufffe都应去掉",
    LONG_LATIN,
    LONG_CHINESE,
)


@pytest.fixture(scope="session")
def sample_pack() -> BriefingPack:
    """All 35 sections of the guideline, two measures each (plus the Shantou platform)."""
    pack = guideline_pack(max_per_section=2)
    if not any(SHANTOU in m.text for m in pack.measures):
        full = [m for m in guideline_pack(notes=1).measures if SHANTOU in m.text]
        last = pack.groups[-1]
        groups = (*pack.groups[:-1], replace(last, measures=(*last.measures, *full)))
        pack = pack_of(groups)
    return pack


@pytest.fixture(scope="session")
def nasty_pack() -> BriefingPack:
    """Markup, control characters and very long unbroken strings everywhere a user types."""
    notes = tuple(
        PackNote(text=t, author="<script>作者&</script>", at=datetime(2024, 3, i + 1, 10, 0))
        for i, t in enumerate(NASTY_TEXTS)
    )
    measures = []
    for i, text in enumerate(NASTY_TEXTS):
        m = make_measure(i, f"（{i + 1}）1", f"（{i + 1}）", "标题<i>斜体</i>&", text, notes=0)
        measures.append(
            replace(m, notes=notes, leads=("<b>广东省</b>",), participants=("A&B\x00", "堃喆公司"), tags=("<tag>",))
        )
    # and one measure with nothing filled in at all
    bare = replace(make_measure(9, "", "", "", "", notes=0), leads=(), participants=(), tags=(), deadline_text="",
                   deadline_date=None, status_label="", overdue=False)  # fmt: skip
    measures.append(bare)
    group = PackGroup(DOC_TITLE, "一、<u>测试</u>&", tuple(measures))
    return pack_of(
        (group,),
        title="标题<b>加粗</b>&\x0b测试",
        scope="牵头单位：<广东省>；状态：滞后&",
        marking="内部资料<br/>",
        prepared_by="秘书处\x00&",
    )


@pytest.fixture(scope="session")
def empty_pack() -> BriefingPack:
    return pack_of((PackGroup(DOC_TITLE, "一、总体要求", ()),), scope="牵头单位：不存在的单位；状态：滞后")
