"""The bundled guideline must come out right despite its PDF-extraction damage."""

from __future__ import annotations

import re

import pytest

from panprd_desktop.core.parsing import parse_document
from panprd_desktop.core.parsing.numerals import chinese_to_int
from tests.conftest import GUIDELINE


@pytest.fixture(scope="module")
def doc():
    return parse_document(GUIDELINE.read_text(encoding="utf-8"))


def test_metadata(doc) -> None:
    assert doc.title == "国务院关于深化泛珠三角区域合作的指导意见"
    assert doc.doc_no == "国发〔2016〕18号"
    assert doc.issuer == "国务院"
    assert doc.date.isoformat() == "2016-03-03"
    assert doc.preamble.startswith("各省、自治区、直辖市人民政府")
    assert doc.preamble.endswith("现提出以下指导意见。")
    assert doc.closing.startswith("深化泛珠三角区域合作，对于拓展区域发展空间")


def test_ten_parts_and_35_sections_in_order(doc) -> None:
    assert [p.number for p in doc.parts] == list(range(1, 11))
    assert [p.label for p in doc.parts][:3] == ["一、", "二、", "三、"]
    assert doc.parts[0].title == "总体要求"
    assert doc.parts[9].title == "创新和完善合作机制"
    sections = doc.sections
    assert [s.number for s in sections] == list(range(1, 36))
    for s in sections:
        assert re.fullmatch(r"（[一二三四五六七八九十]+）", s.label), s.label
        assert chinese_to_int(s.label[1:-1]) == s.number
        assert s.title and not s.title.endswith("。")
        assert s.measures, s.label
    tenth = sections[9]
    assert (tenth.label, tenth.title) == ("（十）", "建设现代化综合交通运输体系")
    assert sections[1].title == "基本原则"


def test_measures_are_sentences(doc) -> None:
    measures = [m for s in doc.sections for m in s.measures]
    assert 180 <= len(measures) <= 245
    assert all(m.endswith(("。", "。”")) for m in measures)
    # Closing paragraph, issuer and date are metadata, not measures.
    assert not any("具有重要意义" in m for m in measures)
    assert "国务院" not in measures


@pytest.mark.parametrize("term", ["要素自由流动", "汕头华侨经济文化合作试验区", "生态环境保护规划"])
def test_page_breaks_repaired(doc, term: str) -> None:
    hits = [m for s in doc.sections for m in s.measures if term in m]
    assert len(hits) == 1, term


def test_half_width_forms_and_markup(doc) -> None:
    labels = [s.label for s in doc.sections]
    assert "（四）" in labels and "（二十八）" in labels  # written "(四) " in the source
    text = "".join(m for s in doc.sections for m in s.measures)
    assert "PM2.5" in text and "PM_{" not in text
    assert "福建21世纪海上丝绸之路" in text
    assert ", " not in text and "，实施统一的市场准入制度" in text


def _folded(text: str) -> str:
    """The source with only the known extraction repairs undone."""
    text = re.sub(r"\s+", "", text).replace("PM_{2.5}", "PM2.5")
    return text.replace(",", "，").replace("(", "（").replace(")", "）")


def test_no_character_lost_added_or_moved(doc) -> None:
    rebuilt = [doc.title, doc.doc_no, doc.preamble]
    for part in doc.parts:
        rebuilt.append(part.label + part.title)
        for section in part.sections:
            rebuilt.append(section.label + section.heading)
            rebuilt.extend(section.measures)
    d = doc.date
    rebuilt += [doc.closing, doc.issuer, f"{d.year}年{d.month}月{d.day}日", doc.remarks]
    assert _folded("".join(rebuilt)) == _folded(GUIDELINE.read_text(encoding="utf-8"))
