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
