"""What the window remembers between runs (QSettings): geometry, splitters, filters, author, language."""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui.qt import QtCore

ORG = "PanPRD"
APP = "PanPRD Desk"


class Settings:
    """A thin typed wrapper so keys are spelled in one place."""

    def __init__(self, qsettings: QtCore.QSettings | None = None) -> None:
        self._s = qsettings or QtCore.QSettings(QtCore.QSettings.Format.IniFormat,
                                                QtCore.QSettings.Scope.UserScope, ORG, APP)

    # -- generic ------------------------------------------------------------------------------
    def value(self, key: str, default: Any = None) -> Any:
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()

    # -- typed --------------------------------------------------------------------------------
    @property
    def author(self) -> str:
        return str(self._s.value("user/author", "") or "")

    @author.setter
    def author(self, name: str) -> None:
        self._s.setValue("user/author", name.strip())

    @property
    def language(self) -> str:
        return str(self._s.value("ui/language", "zh_CN") or "zh_CN")

    @language.setter
    def language(self, lang: str) -> None:
        self._s.setValue("ui/language", lang)

    def bytes_value(self, key: str) -> QtCore.QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QtCore.QByteArray) else None

    def filters(self, panel: str) -> dict[str, Any]:
        value = self._s.value(f"filters/{panel}")
        return dict(value) if isinstance(value, dict) else {}

    def set_filters(self, panel: str, state: dict[str, Any]) -> None:
        self._s.setValue(f"filters/{panel}", state)
