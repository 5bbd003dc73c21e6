"""Structure of agreements and work plans: headings are never measures, 节 sits inside 章,
article titles on their own line, and a huge document is parsed in linear time."""

from __future__ import annotations

import time

import pytest

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing import parse_document
from panprd_desktop.core.parsing.structure import MAX_MEASURES

AGREEMENT = """粤澳合作框架协议

第一章 总则

第一条 合作宗旨

为了深化粤澳合作，促进共同发展，制定本协议。

第二条 合作原则

坚持一国两制，互利共赢。

第二章 合作领域

第一节 产业合作

第三条 共建产业园区，推动产业协同发展。

第四条 支持中医药产业发展。

第二节 民生合作

第五条 推进社会保障衔接。
"""


def test_sections_nest_inside_chapters_and_article_titles_are_titles() -> None:
    doc = parse_document(AGREEMENT)
    assert [(p.label, p.title) for p in doc.parts] == [
        ("第一章", "总则"), ("第二章第一节", "合作领域·产业合作"), ("第二章第二节", "合作领域·民生合作"),
    ]
    first = doc.parts[0].sections[0]
    assert (first.label, first.heading) == ("第一条", "合作宗旨")
    assert first.measures == ["为了深化粤澳合作，促进共同发展，制定本协议。"]
    assert [s.label for s in doc.parts[1].sections] == ["第三条", "第四条"]
    every = [m for s in doc.sections for m in s.measures]
    assert "合作宗旨" not in every and "产业合作" not in every


def test_volumes_chapters_and_traditional_articles() -> None:
    text = ("基本法\n\n第一編 總則\n\n第一章 一般規定\n\n第一條 本法依據憲法制定。\n\n"
            "第二章 附則\n\n第二條 本法自公布之日起施行。\n")
    doc = parse_document(text)
    assert [p.label for p in doc.parts] == ["第一編第一章", "第一編第二章"]
    assert [s.label for s in doc.sections] == ["第一條", "第二條"]


def test_parts_with_items_and_circled_or_bracketed_numbers() -> None:
    text = ("分工方案\n\n一、交通\n\n（一）铁路\n\n（1）建设甲线。完成征地。（省交通运输厅）\n\n"
            "（2）建设乙线。\n\n（二）口岸\n\n①建设口岸。提升通关。\n")
    doc = parse_document(text)
    assert doc.sections[0].measures == ["（1）建设甲线。完成征地。（省交通运输厅）", "（2）建设乙线。"]
    assert doc.sections[1].measures == ["①建设口岸。提升通关。"]


def test_parsing_is_linear_and_cancellable() -> None:
    def text(n: int) -> str:
        return "规划\n\n" + "".join(f"第{i}条 推进第{i}项合作，加强交流。完善机制。\n\n" for i in range(1, n + 1))

    small, big = text(5_000), text(40_000)
    t0 = time.perf_counter()
    parse_document(small)
    t1 = time.perf_counter()
    doc = parse_document(big)
    t2 = time.perf_counter()
    assert len(doc.sections) == 40_000
    assert (t2 - t1) < 8 * 2 * (t1 - t0) + 0.5  # 8× the input, well under 16× the time

    calls = []

    class Cancelled(Exception):
        pass

    def check() -> None:
        calls.append(1)
        if len(calls) > 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        parse_document(big, check=check)


def test_too_many_measures_is_refused_with_one_line() -> None:
    text = "超长文件\n\n第一条 " + "推进，加强。" * (MAX_MEASURES + 5) + "\n"
    with pytest.raises(ImportRejected) as info:
        parse_document(text)
    assert "\n" not in str(info.value) and "200,000" in str(info.value)


def test_cancel_reaches_the_parser_through_import_files(library, tmp_path) -> None:
    """A 10 MB file: the import's check is called at least every 0.5 s, and raising from it
    stops the import with nothing stored."""
    from tests.conftest import db_snapshot

    f = tmp_path / "big.txt"
    para = "推进泛珠三角区域合作，加强基础设施互联互通，完善合作机制。"
    f.write_text("大文件\n\n" + "".join(f"第{i}条 {para}\n\n" for i in range(1, 120_000)), encoding="utf-8")
    before = db_snapshot(library.path)
    stamps: list[float] = []

    class Cancelled(Exception):
        pass

    def check() -> None:
        stamps.append(time.perf_counter())
        if len(stamps) == 40:
            raise Cancelled

    start = time.perf_counter()
    with pytest.raises(Cancelled):
        library.import_files([f], check=check)
    gaps = [b - a for a, b in zip([start, *stamps], stamps, strict=False)]
    assert max(gaps) < 0.5
    assert db_snapshot(library.path) == before


def test_word_heading_levels_make_parts_and_sections() -> None:
    """Heading 1 (``##``) is a part, Heading 2 (``###``) a section, as the .docx reader hands them."""
    md = ("# 分工方案\n\n## 一、交通\n\n### （一）铁路\n\n1.建设甲线。（省交通运输厅）\n\n2.建设乙线。（广铁集团）\n\n"
          "### （二）口岸\n\n推进口岸建设，加强合作。提高通关效率，方便旅客。\n\n## 二、产业\n\n### 园区\n\n"
          "1.共建园区。（省商务厅）\n")
    doc = parse_document(md, markdown=True)
    assert [(p.label, p.title) for p in doc.parts] == [("一、", "交通"), ("二、", "产业")]
    assert [(s.label, s.heading) for s in doc.sections] == [("（一）", "铁路"), ("（二）", "口岸"), ("", "园区")]
    assert doc.sections[0].measures == ["1.建设甲线。（省交通运输厅）", "2.建设乙线。（广铁集团）"]
    assert doc.sections[1].measures == ["推进口岸建设，加强合作。", "提高通关效率，方便旅客。"]
    assert doc.sections[2].facts[0].leads == ("省商务厅",)


def test_a_one_sentence_section_with_an_owner_bracket_keeps_its_text_in_the_measure() -> None:
    # Found in the day-long QA run: a work plan's （一）任务。（牵头单位） became a measure whose
    # whole text was the bracket, so the task itself was neither read in the table nor exported.
    doc = parse_document(
        "关于加强科技创新合作的意见\n\n一、总体要求\n\n"
        "（一）推动区域创新平台共建共享。（科技部、广东省负责）\n\n"
        "（二）支持香港建设国际创新科技中心。加快建设。（香港特别行政区）\n"
    )
    first, second = doc.sections
    assert first.measures == ["推动区域创新平台共建共享。（科技部、广东省负责）"]
    # A real title sentence followed by a body still makes a titled section.
    assert second.title == "支持香港建设国际创新科技中心"
    assert second.measures == ["加快建设。（香港特别行政区）"]
