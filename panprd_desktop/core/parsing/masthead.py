"""Mastheads of official documents: 发文机关, 文号, a title over several lines, 主送, dates.

Two places are read. The head (:func:`read_head`): ``广东省人民政府文件`` / ``粤府函〔2017〕38号``
(before or after the title) / a title broken over lines / a date under the title / the 主送
line ``各地级以上市人民政府，…：``. And a notice that wraps the real text
(:func:`split_notice`): ``…现印发给你们…。 / 广东省人民政府 / 2017年3月2日 / 实施…重点工作 /
一、…`` — or a gazette ``第8/2011號行政長官公告`` whose signature and ``二零一一年…發佈`` come
before the agreement it publishes. The notice becomes the searchable preamble; nothing is
dropped except the masthead lines themselves, which become metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from panprd_desktop.core.parsing.numbering_patterns import classify
from panprd_desktop.core.parsing.numerals import DOC_NO, DOC_NO_PREFIX, parse_date_line
from panprd_desktop.core.parsing.repair import ends_paragraph

_HEAD_ZONE = 12  # a masthead is never further down than this many paragraphs
_TITLE_LINE_MAX = 40
_ISSUER_MARK = re.compile(r"^(.{2,30}?)(文件|公報|公报)$")
# 主送: a list of units ending with a colon (not a sentence such as 根据《…》的规定，…：).
_ADDRESSEE = re.compile(
    r"^(?!根据|依据|为了|按照)[^。！？《》]{2,200}"
    r"(政府|单位|單位|部门|部門|机构|機構|委员会|委員會|委|厅|廳|局|办|辦|院|署|会|會|市|省|区|區|县|縣|公司|集团|集團|同志)[：:]$"
)
# A title is complete once it names its kind of document.
_TITLE_END = re.compile(
    r"(通知|意见|意見|协议|協議|办法|辦法|规定|規定|决定|決定|方案|安排|规划|規劃|要点|要點|公告|通告|批复|批覆|"
    r"函|报告|報告|纲要|綱要|条例|條例|细则|細則|备忘录|備忘錄|重点工作|重點工作|分工|指导意见|指導意見|纪要|紀要|"
    r"公报|公報|声明|聲明|宣言|倡议|倡議|计划|計劃|章程|决议|決議|指引|通报|通報|台账|臺賬)(（[^（）]*）)?$"
)
_RULE_LINE = re.compile(r"^[-—─_＿=＝*＊·.\s]{3,}$")


@dataclass
class Masthead:
    title: str = ""
    doc_no: str = ""
    issuer: str = ""
    addressee: str = ""
    date: date | None = None
    gazette: bool = False  # 第8/2011號…公告: the title is the text it publishes


def _is_title_line(text: str) -> bool:
    return (
        0 < len(text) <= _TITLE_LINE_MAX
        and "。" not in text
        and classify(text) is None
        and (not ends_paragraph(text) or text.endswith(("）", ")")))
        and parse_date_line(text) is None
        and not _ADDRESSEE.match(text)
    )


def read_head(texts: list[str], *, have_title: bool) -> tuple[Masthead, int, list[int]]:
    """Read the masthead at the top of ``texts`` (raw lines, before page-break joining).

    Returns the masthead, the index of the first line after it, and the indexes of lines
    inside that range to keep as text (the 主送 line stays in the preamble).
    """
    head = Masthead()
    title: list[str] = []
    keep: list[int] = []
    i = 0
    while i < min(len(texts), _HEAD_ZONE):
        text = texts[i]
        if not head.doc_no and DOC_NO.match(text):
            head.doc_no = text
        elif not head.doc_no and (m := DOC_NO_PREFIX.match(text)) and not title:
            head.doc_no, head.gazette = m.group(1), True
            title.append(m.group(2))
        elif not title and not head.issuer and (m := _ISSUER_MARK.match(text)) and classify(text) is None:
            head.issuer = m.group(1)
        elif (title or have_title) and head.date is None and (found := parse_date_line(text)):
            head.date = found
        elif _RULE_LINE.match(text):
            pass
        elif not have_title and _is_title_line(text) and not (title and _TITLE_END.search("".join(title))):
            title.append(text)
        elif _ADDRESSEE.match(text) and (title or have_title or head.doc_no):
            head.addressee = text.rstrip("：:")
            keep.append(i)
            i += 1
            break
        else:
            break
        i += 1
    head.title = "".join(title)
    return head, i, keep


@dataclass
class Notice:
    """A wrapping notice: its text (for the preamble), signature and the wrapped text's title."""

    text: list[str]
    issuer: str
    date: date
    inner_title: str


def split_notice(texts: list[str]) -> tuple[Notice, int] | None:
    """Find a signature and date before the first numbered heading; None if there is none.

    Returns the notice and the index where the wrapped text's body starts.
    """
    first_numbered = next((k for k, t in enumerate(texts) if classify(t) is not None), None)
    if first_numbered is None:
        return None
    for j in range(first_numbered - 1, -1, -1):
        when = parse_date_line(texts[j])
        if when is None:
            continue
        issuer = ""
        before = texts[j - 1] if j > 0 else ""
        after = texts[j + 1] if j + 1 < first_numbered else ""
        if before and len(before) <= 30 and not ends_paragraph(before):
            issuer, notice = before, texts[: j - 1]
        elif after and len(after) <= 30 and not ends_paragraph(after) and j + 2 < first_numbered:
            issuer, notice = after, texts[:j]  # gazette: date, then 行政長官 崔世安, then the text
            j += 1
        else:
            notice = texts[:j]
        rest = [t for t in texts[j + 1 : first_numbered] if not _RULE_LINE.match(t)]
        inner = rest[-1] if rest and _is_title_line(rest[-1]) else ""
        notice = notice + rest  # the wrapped text's title stays searchable in the preamble
        return Notice(notice, " ".join(issuer.split()), when, inner), first_numbered
    return None
