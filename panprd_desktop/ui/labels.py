"""Shared wording and colours: statuses (colour AND text), history field names, owner lists."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from panprd_desktop.core.model import STATUSES
from panprd_desktop.ui.qt import QtCore, translate

# Colour pairs (background, text) chosen to stay readable; the status text is always shown too.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "not_started": ("#e8e8e8", "#333333"),
    "in_progress": ("#d6e9ff", "#0b4f9c"),
    "done": ("#d9f2dc", "#1d6b2a"),
    "delayed": ("#ffd9d6", "#a3180d"),
    "ongoing": ("#f3e6ff", "#5b2a86"),
}
OWNER_SEPARATORS = re.compile(r"[、，,;；\n]+")


def status_text(code: str) -> str:
    """The status label in the UI language (the core's Chinese label by default)."""
    return QtCore.QCoreApplication.translate("Status", STATUSES.get(code, code))


def _status_words() -> None:  # pragma: no cover - never called: literal texts for pyside6-lupdate
    translate("Status", "未启动"), translate("Status", "推进中"), translate("Status", "已完成")
    translate("Status", "滞后"), translate("Status", "长期推进")


def status_summary(statuses: Iterable[str]) -> str:
    """``已完成 3 · 推进中 2`` (the statuses present, in the core's order)."""
    counts = Counter(statuses)
    return " · ".join(f"{status_text(code)} {counts[code]}" for code in STATUSES if counts.get(code))


def split_owners(text: str) -> list[str]:
    return [p.strip() for p in OWNER_SEPARATORS.split(text) if p.strip()]


def join_names(names: Iterable[str]) -> str:
    return "、".join(names)


FIELD_NAMES = {
    "leads": "牵头单位", "participants": "参与单位", "deadline": "完成时限",
    "status": "状态", "tags": "标签", "note": "备注",
}


def field_text(name: str) -> str:
    return QtCore.QCoreApplication.translate("Field", FIELD_NAMES.get(name, name))


def _field_words() -> None:  # pragma: no cover - never called: literal texts for pyside6-lupdate
    translate("Field", "牵头单位"), translate("Field", "参与单位"), translate("Field", "完成时限")
    translate("Field", "状态"), translate("Field", "标签"), translate("Field", "备注")


def value_text(name: str, value: Any) -> str:
    """A history value as a person reads it."""
    if value is None:
        return "—"
    if name in ("leads", "participants", "tags"):
        return join_names(value) or "—"
    if name == "deadline":
        return (value.get("text") or "—") if isinstance(value, dict) else str(value)
    if name == "status":
        return status_text(str(value))
    if name == "note":
        return value.get("text", "") if isinstance(value, dict) else str(value)
    return str(value)
