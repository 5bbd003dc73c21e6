"""Owner and deadline brackets at the end of 分工 / 重点工作 items fill leads, participants
and deadlines — in Simplified, Traditional and half-width forms — and stay in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from panprd_desktop.core.parsing import parse_document
from panprd_desktop.core.parsing.brackets import Convention, facts_of

YUEGANG = Path(__file__).resolve().parents[1] / "data" / "formats" / "yuegang-2017-keywork.txt"


def _items(text: str) -> list[tuple[str, object]]:
    doc = parse_document(text)
    return [(m, s.facts.get(i)) for s in doc.sections for i, m in enumerate(s.measures)]


def test_real_notice_items_keep_their_brackets_and_owners() -> None:
    items = _items(YUEGANG.read_text(encoding="utf-8"))
    assert len(items) == 7  # the bracket is never a measure of its own
    text, facts = items[0]
    assert text.startswith("1.加快协商") and text.endswith("珠海出入境检验检疫局）")
    assert facts.leads == ("省发展改革委",)
    # 省发展改革委、公安厅 → 省公安厅: the shared prefix carries to the abbreviated siblings.
    assert facts.participants[:3] == ("省公安厅", "省交通运输厅", "省口岸办")
    assert "海关广东分署" in facts.participants and "珠海市政府" in facts.participants
    # 深圳、珠海市政府 → 深圳市政府、珠海市政府
    assert items[3][1].participants == ("省机场管理集团", "深圳市政府", "珠海市政府")
    assert items[2][1].leads == ("深圳市政府",) and items[2][1].participants == ("省交通运输厅", "省口岸办")


TRAD = """粵港合作2018年重點工作

一、跨界基礎設施

1.加快協商港珠澳大橋跨境交通安排。（省發展改革委牽頭，公安廳、交通運輸廳參與；2018年底前完成）

2.推進蓮塘口岸建設。（深圳市政府負責，省口岸辦配合）
"""

HALF = """泛珠合作重点工作

一、产业合作

1.共建产业园区。(广东省牵头,香港、澳门配合,2019年6月底前)

2.举办合作洽谈会。(粤,港,澳)
"""


def test_traditional_marks() -> None:
    (_, first), (_, second) = _items(TRAD)
    assert first.leads == ("省發展改革委",)
    assert first.participants == ("省公安廳", "省交通運輸廳")
    assert first.deadline == "2018年底前完成"
    assert (second.leads, second.participants) == (("深圳市政府",), ("省口岸辦",))


def test_half_width_brackets_and_vocabulary_short_names() -> None:
    (text, first), (_, second) = _items(HALF)
    assert text.startswith("1.共建产业园区。(广东省牵头") and text.endswith(",2019年6月底前)")
    assert (first.leads, first.participants, first.deadline) == (("广东省",), ("香港", "澳门"), "2019年6月底前")
    assert (second.leads, second.participants) == (("粤",), ("港", "澳"))


def test_explicit_role_prefixes_and_year_of_the_document() -> None:
    text = "2017年重点工作\n\n一、合作\n\n1.推进。（牵头单位：省商务厅；配合单位：海关广东分署；完成时限：年内）\n"
    [(_, facts)] = _items(text)
    assert facts.leads == ("省商务厅",) and facts.participants == ("海关广东分署",)
    assert facts.deadline == "2017年内"  # 年内 = the document's year


@pytest.mark.parametrize("deadline", ["长期坚持", "持续推进", "2018年底前"])
def test_deadline_in_a_bracket_beside_the_owners(deadline: str) -> None:
    facts = facts_of(f"1.推进合作。（深圳市政府）（{deadline}）")
    assert facts.leads == ("深圳市政府",) and facts.deadline == deadline


def test_stated_convention_all_listed_units_lead() -> None:
    text = ("重点工作分工\n\n所列单位均为牵头单位，排名不分先后。\n\n一、合作\n\n"
            "1.推进合作。（省发展改革委、商务厅）\n")
    [(_, facts)] = _items(text)
    assert facts.leads == ("省发展改革委", "省商务厅") and facts.participants == ()


def test_stated_convention_first_listed_leads() -> None:
    text = ("重点工作分工\n\n列在首位的为牵头单位。\n\n一、合作\n\n1.推进合作。（省商务厅、发展改革委）\n")
    [(_, facts)] = _items(text)
    assert facts.leads == ("省商务厅",) and facts.participants == ("省发展改革委",)
    assert facts_of("x（A局、B局）", convention=Convention.ALL_LEAD).leads == ("A局", "B局")


@pytest.mark.parametrize(
    "text",
    ["1.实施办法（试行）。", "1.编制规划（2016—2020年）。", "1.成立委员会（以下简称“委员会”）。",
     "1.按照《通知》要求办理（详见附件）。"],
)
def test_brackets_that_name_no_owners_are_only_text(text: str) -> None:
    assert facts_of(text) is None


def test_a_numbered_item_is_one_measure_however_many_sentences() -> None:
    text = "重点工作\n\n一、交通\n\n1.建设大桥。完善口岸。推进通关。（省交通运输厅）\n\n2.推进铁路。\n"
    doc = parse_document(text)
    [part] = doc.parts
    assert (part.label, part.title) == ("一、", "交通")  # the heading is never a measure
    assert part.sections[0].measures == ["1.建设大桥。完善口岸。推进通关。（省交通运输厅）", "2.推进铁路。"]
    assert any("2 没有写明责任单位" in w for w in doc.warnings)


def test_item_numbers_continue_across_parts_as_labels() -> None:
    text = ("重点工作\n\n一、交通\n\n1.甲。（省交通运输厅）\n\n2.乙。（省交通运输厅）\n\n"
            "二、产业\n\n3.丙。（省商务厅）\n")
    doc = parse_document(text)
    second = doc.parts[1].sections[0]
    assert second.labels == {0: "3"}


def test_unnumbered_paragraph_keeps_sentence_split_and_its_bracket() -> None:
    text = ("合作要点\n\n一、总体要求\n\n（一）加强合作。推进交通建设，完善路网。"
            "推进口岸通关，提高效率。（省口岸办）\n")
    doc = parse_document(text)
    section = doc.sections[0]
    assert section.measures == ["推进交通建设，完善路网。", "推进口岸通关，提高效率。（省口岸办）"]
    assert section.facts[len(section.measures) - 1].leads == ("省口岸办",)


def test_deadline_written_just_after_the_bracket() -> None:
    facts = facts_of("1.推进合作。（省商务厅，海关广东分署）2018年底前完成。")
    assert facts.leads == ("省商务厅",) and facts.participants == ("海关广东分署",)
    assert facts.deadline == "2018年底前完成"
    assert facts_of("1.推进合作（省商务厅）等工作。") is None  # text after it is not a deadline


def test_word_heading_styles_passed_as_markdown() -> None:
    """How the .docx reader hands over Title / Heading 1 paragraphs (``#`` / ``##``)."""
    md = ("# 关于印发泛珠合作重点工作的通知\n\n粤府函〔2019〕7号\n\n各有关单位：\n\n现印发给你们。\n\n"
          "## 一、跨界基础设施\n\n1.推进口岸建设。（省口岸办）\n\n2.推进铁路。（广铁集团）\n\n"
          "## 二、产业合作\n\n3.共建园区。（省商务厅）\n")
    doc = parse_document(md, markdown=True)
    assert (doc.title, doc.doc_no) == ("关于印发泛珠合作重点工作的通知", "粤府函〔2019〕7号")
    assert doc.addressee == "各有关单位"
    assert [(p.label, p.title) for p in doc.parts] == [("一、", "跨界基础设施"), ("二、", "产业合作")]
    second = doc.parts[1].sections[0]
    assert second.measures == ["3.共建园区。（省商务厅）"] and second.labels == {0: "3"}
    assert second.facts[0].leads == ("省商务厅",)


@pytest.mark.parametrize(
    ("text", "leads", "participants", "deadline"),
    [
        ("x（由省商务厅牵头）", ("省商务厅",), (), ""),
        ("x（省发展改革委牵头，省有关单位参与）", ("省发展改革委",), ("省有关单位",), ""),
        # Spaces between role prefixes are gone after repair: the prefixes still separate.
        ("x（牵头单位：省商务厅参与单位：省财政厅完成时限：2018年底）", ("省商务厅",), ("省财政厅",), "2018年底"),
        ("x（澳門特別行政區政府經濟財政司）", ("澳門特別行政區政府經濟財政司",), (), ""),
        ("x（粤、港）", ("粤",), ("港",), ""),
    ],
)
def test_more_bracket_forms(text: str, leads: tuple, participants: tuple, deadline: str) -> None:
    facts = facts_of(text)
    assert (facts.leads, facts.participants, facts.deadline) == (leads, participants, deadline)


@pytest.mark.parametrize("text", ["x（试点）", "x（试点、示范）", "x（注：略）", "x（见附件）"])
def test_short_words_in_brackets_are_not_owners(text: str) -> None:
    assert facts_of(text) is None


def test_owner_lines_under_an_item_join_it() -> None:
    text = ("重点工作分工\n\n一、交通\n\n1.加快协商通行政策。\n\n牵头单位：省发展改革委\n\n"
            "参与单位：省公安厅、交通运输厅\n\n完成时限：2018年底前\n\n2.推进铁路。\n\n責任單位：廣鐵集團\n")
    (first, f1), (second, f2) = _items(text)
    assert first == "1.加快协商通行政策。牵头单位：省发展改革委 参与单位：省公安厅、交通运输厅 完成时限：2018年底前"
    assert (f1.leads, f1.participants, f1.deadline) == (("省发展改革委",), ("省公安厅", "省交通运输厅"), "2018年底前")
    assert second == "2.推进铁路。責任單位：廣鐵集團" and f2.leads == ("廣鐵集團",)


def test_traditional_role_prefixes_and_deadline_lines() -> None:
    facts = facts_of("x（牽頭單位：省商務廳參與單位：省財政廳完成時限：2018年底前）")
    assert (facts.leads, facts.participants, facts.deadline) == (("省商務廳",), ("省財政廳",), "2018年底前")
    facts = facts_of("1.推進合作。 牽頭單位：省商務廳 完成時限：長期堅持")
    assert (facts.leads, facts.deadline) == (("省商務廳",), "長期堅持")


def test_bracket_wrapped_onto_its_own_line_joins_its_item() -> None:
    text = ("重点工作\n\n一、交通\n\n1.加快协商港珠澳大桥跨境交通安排等通行政策。\n\n"
            "（省发展改革委、公安厅，珠海市政府）\n\n2.推进铁路。（广铁集团）\n")
    (first, facts), (second, _) = _items(text)
    assert first == "1.加快协商港珠澳大桥跨境交通安排等通行政策。（省发展改革委、公安厅，珠海市政府）"
    assert facts.participants == ("省公安厅", "珠海市政府") and second == "2.推进铁路。（广铁集团）"
