"""Switching the interface language without a restart.

The translators are swapped (:func:`~panprd_desktop.ui.i18n.install_translators` removes the
previous ones), then the window is rebuilt in the new language on the same open library — with
its geometry, tab and selected measures — and the old one closes. Rebuilding is simpler and
more complete than a retranslateUi in every panel: no string can be forgotten. Unsaved input
is asked about first (保存/放弃/取消), exactly as when closing.
"""

from __future__ import annotations

from typing import Any

from panprd_desktop.ui.i18n import install_translators
from panprd_desktop.ui.qt import QtWidgets

_windows: list[Any] = []  # the rebuilt windows (nothing else holds a reference to them)


def switch_language(window: Any, lang: str) -> Any | None:
    """Rebuild ``window`` in ``lang``; returns the new window, or None when the user cancelled."""
    from panprd_desktop.ui.main_window import MainWindow

    unsaved = [] if window.lib.read_only else window.inspector.unsaved()
    if unsaved:
        answer = window.dialogs.ask_unsaved(window, unsaved)
        if answer == "cancel":
            return None
        if answer == "save":
            window.inspector.save_unsaved()
        else:
            window.inspector.discard_unsaved()
    window.settings.language = lang
    window.save_settings()
    window.worker.wait()  # saved edits are written before the new window reads
    install_translators(QtWidgets.QApplication.instance(), lang)
    new = MainWindow(window.lib, window.settings, window.dialogs, today=window.today)
    new.setGeometry(window.geometry())
    new.center.setCurrentIndex(window.center.currentIndex())
    new.left.setCurrentIndex(window.left.currentIndex())
    selected = window.selected_ids()
    new.show()
    if selected:
        new.select_measures(selected, source="language")
    _windows[:] = [w for w in _windows if w is not window] + [new]
    window.close()
    return new
