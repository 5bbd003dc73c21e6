"""Mastheads: 文号 before or after a title over several lines, 號 and 第8/2011號, 主送,
signature dates in Arabic and Chinese numerals, dates under the title, gazette notices
that wrap an agreement; the notice text stays searchable."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from panprd_desktop.core.parsing import parse_document

YUEGANG = Path(__file__).resolve().parents[1] / "data" / "formats" / "yuegang-2017-keywork.txt"


def test_real_notice_doc_no_first_title_over_two_lines() -> None:
    doc = parse_document(YUEGANG.read_text(encoding="utf-8"))
    assert doc.title == "广东省人民政府关于印发实施粤港合作框架协议2017年重点工作的通知"
    assert doc.doc_no == "粤府函〔2017〕38号"
    assert (doc.issuer, doc.date) == ("广东省人民政府", date(2017, 3, 2))
    assert doc.addressee == "各地级以上市人民政府，顺德区人民政府，省各有关单位"
    assert "现印发给你们" in doc.preamble and "实施《粤港合作框架协议》2017年重点工作" in doc.preamble
    assert [(p.label, p.title) for p in doc.parts] == [("一、", "跨界基础设施")]


TRAD_NOTICE = """廣東省人民政府文件

關於印發粵港合作
重點工作的通知

粵府函〔2018〕5號

各地級以上市人民政府，省政府各部門：

現將《重點工作》印發給你們，請認真貫徹執行。

廣東省人民政府

二〇一八年一月五日

一、跨界基礎設施

1.推進口岸建設。（省口岸辦）
"""


def test_traditional_masthead_doc_no_after_title_and_chinese_numeral_date() -> None:
    doc = parse_document(TRAD_NOTICE)
    assert doc.title == "關於印發粵港合作重點工作的通知"
    assert doc.doc_no == "粵府函〔2018〕5號"
    assert doc.issuer == "廣東省人民政府"
    assert doc.date == date(2018, 1, 5)
    assert doc.addressee == "各地級以上市人民政府，省政府各部門"
    assert "印發給你們" in doc.preamble
    assert doc.sections[0].measures == ["1.推進口岸建設。（省口岸辦）"]


GAZETTE = """第8/2011號行政長官公告

中華人民共和國澳門特別行政區與廣東省人民政府簽署了《粵澳合作框架協議》；

行政長官根據第3/1999號法律的規定，命令公佈上述協議的中文文本。

二零一一年四月二十七日發佈。

行政長官　崔世安

——————————

粵澳合作框架協議

第一章 總則

第一條 為推進粵澳更緊密合作，制定本協議。

第二條 合作堅持一國兩制。
"""


def test_gazette_notice_wrapping_an_agreement() -> None:
    doc = parse_document(GAZETTE)
    assert doc.doc_no == "第8/2011號"
    assert doc.title == "粵澳合作框架協議"
    assert doc.date == date(2011, 4, 27)
    assert doc.issuer == "行政長官崔世安"
    assert "命令公佈上述協議的中文文本" in doc.preamble
    assert [s.label for s in doc.sections] == ["第一條", "第二條"]
    assert doc.parts[0].title == "總則"


def test_date_under_the_title() -> None:
    doc = parse_document("粤港合作框架协议\n\n（2010年4月7日）\n\n第一章 总则\n\n第一条 为推进合作，制定本协议。\n")
    assert doc.title == "粤港合作框架协议" and doc.date == date(2010, 4, 7)
    assert doc.sections[0].measures == ["为推进合作，制定本协议。"]


def test_short_title_lines_join_until_the_document_kind() -> None:
    text = "关于印发\n泛珠合作\n要点的通知\n\n各有关单位：\n\n一、合作\n\n1.推进合作。（省发展改革委）\n"
    doc = parse_document(text)
    assert doc.title == "关于印发泛珠合作要点的通知" and doc.addressee == "各有关单位"


def test_notice_text_is_searchable(library, tmp_path: Path) -> None:
    f = tmp_path / "notice.txt"
    shutil.copy(YUEGANG, f)
    [result] = library.import_files([f])
    hits = library.search.matching_ids('"请径向省港澳办反映"')
    assert hits == [f"{result.doc_id}.1.1"]  # the preamble leads to its document's first measure


def test_signature_at_the_end_in_chinese_numerals() -> None:
    text = ("泛珠合作备忘录\n\n一、总体要求\n\n（一）指导思想。推进泛珠三角区域合作，深化内地与港澳合作。\n\n"
            "福建省人民政府\n\n二〇一七年三月二日\n")
    doc = parse_document(text)
    assert (doc.issuer, doc.date) == ("福建省人民政府", date(2017, 3, 2))
    assert all("福建省人民政府" not in m for s in doc.sections for m in s.measures)


def test_cli_outline_prints_the_masthead(cli, tmp_path: Path) -> None:
    f = tmp_path / "k.txt"
    shutil.copy(YUEGANG, f)
    doc_id = cli("import", "--json", str(f)).json[0]["doc_id"]
    out = cli("outline", doc_id).out.splitlines()
    assert out[:4] == ["广东省人民政府关于印发实施粤港合作框架协议2017年重点工作的通知", "粤府函〔2017〕38号",
                       "广东省人民政府  2017-03-02", "主送：各地级以上市人民政府，顺德区人民政府，省各有关单位"]


def test_notice_signature_wins_over_the_attachments_own() -> None:
    text = YUEGANG.read_text(encoding="utf-8") + "\n\n广东省港澳办\n\n2017年2月20日\n"
    doc = parse_document(text)
    assert (doc.issuer, doc.date) == ("广东省人民政府", date(2017, 3, 2))
    assert doc.remarks == "广东省港澳办\n2017年2月20日"
    assert doc.measure_count == 7


def test_items_under_a_part_are_found_by_the_parts_title(library, tmp_path: Path) -> None:
    f = tmp_path / "notice.txt"
    shutil.copy(YUEGANG, f)
    [result] = library.import_files([f])
    view = library.measures.get(f"{result.doc_id}.1.1")
    assert (view.part_label, view.section_title, view.label) == ("一、", "跨界基础设施", "一、1")  # not "1": 二、1
    assert len(library.search.matching_ids('"跨界基础设施"')) == 7
