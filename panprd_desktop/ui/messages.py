"""Core messages in the UI's language.

The core writes its errors in both languages, ``中文 (english)`` — e.g. ``无效的日期：2027-13-45
(no such date)`` — so the CLI serves everyone. The window shows one language: the Chinese part
in a Chinese UI, the English part (with the detail after "：") in an English one.
"""

from __future__ import annotations

import re

from panprd_desktop.ui.qt import QtCore

_BILINGUAL = re.compile(r"^(?P<zh>.*?)\s*\((?P<en>[A-Za-z][A-Za-z0-9 ,.'/_|-]*)\)\s*$", re.DOTALL)


def one_language(message: str, english: bool | None = None) -> str:
    """``message`` without the other language's half (unchanged when it is not bilingual)."""
    m = _BILINGUAL.match(message.strip())
    if m is None:
        return message
    if english is None:
        english = QtCore.QLocale().language() == QtCore.QLocale.Language.English
    zh, en = m.group("zh").strip(), m.group("en").strip()
    if not english:
        return zh
    detail = zh.split("：", 1)[1].strip() if "：" in zh else ""
    text = en[:1].upper() + en[1:]
    return f"{text}: {detail}" if detail else text


# An import warning: ``一、2 没有写明责任单位 (no owners named): 推进港口建设。`` — a label, the
# bilingual reason, then the measure's own words (data, shown as they are).
_WARNING = re.compile(r"^(?P<label>\S+) (?P<zh>[^()（）]+?) \((?P<en>[a-z][a-z ]*)\): (?P<text>.*)$", re.DOTALL)
_MORE = re.compile(r"^……另有 (?P<n>\d+) 条提示 \(\d+ more\)$")


def warning_text(warning: str, english: bool | None = None) -> str:
    """An import warning in one language (unchanged when it has no known bilingual form)."""
    if english is None:
        english = QtCore.QLocale().language() == QtCore.QLocale.Language.English
    if m := _MORE.match(warning):
        return f"… {m.group('n')} more" if english else f"……另有 {m.group('n')} 条提示"
    if m := _WARNING.match(warning):
        reason = m.group("en") if english else m.group("zh")
        return f"{m.group('label')} {reason}: {m.group('text')}" if english else \
            f"{m.group('label')} {reason}：{m.group('text')}"
    return one_language(warning, english)
