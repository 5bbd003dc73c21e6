"""UI language: Simplified Chinese is the source; English and 繁體中文 (Hong Kong) ship as .qm files.

``resources/i18n/panprd_en.ts`` is made by ``pyside6-lupdate`` from the GUI sources and
compiled by ``pyside6-lrelease`` into ``panprd_en.qm`` (see resources/i18n/README.md).
"""

from __future__ import annotations

from importlib import resources

from panprd_desktop.ui.qt import QtCore

_INSTALLED: list[QtCore.QTranslator] = []


def i18n_dir() -> str:
    return str(resources.files("resources").joinpath("i18n"))


def install_translators(app: QtCore.QCoreApplication, lang: str) -> list[QtCore.QTranslator]:
    """Install our translation (English, 繁體中文) and Qt's own (standard buttons) for ``lang``."""
    for old in _INSTALLED:  # a language switch at run time replaces the previous translators
        app.removeTranslator(old)
    _INSTALLED.clear()
    installed: list[QtCore.QTranslator] = []
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    if lang in ("zh_HK", "zh_TW", "zh_MO"):
        for name, folder in (("panprd_zh_HK", i18n_dir()), ("qtbase_zh_TW", qt_dir)):
            translator = QtCore.QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                installed.append(translator)
        QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.Chinese, QtCore.QLocale.Country.HongKong))
    elif lang.startswith("en"):
        ours = QtCore.QTranslator(app)
        if ours.load("panprd_en", i18n_dir()):
            app.installTranslator(ours)
            installed.append(ours)
        QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.English))
    else:
        qt = QtCore.QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir) or qt.load("qt_zh_CN", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
        QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.Chinese, QtCore.QLocale.Country.China))
    _INSTALLED.extend(installed)
    return installed
