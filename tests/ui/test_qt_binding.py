"""The Qt binding itself must survive a working day of signals.

PySide6 6.12.0 (on Python 3.11) drops one reference to ``True`` on every signal emission; a few
thousand clicks, keystrokes and timer ticks later the window aborts with "bool_dealloc". The
project excludes that release; this test notices if such a binding comes back.
"""

from __future__ import annotations

import sys

from panprd_desktop.ui.qt import QtCore


class _Emitter(QtCore.QObject):
    fired = QtCore.Signal()


def test_signal_emissions_do_not_leak_references_to_true(qtbot: object) -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.fired.emit()
    assert abs(sys.getrefcount(True) - before) < 50
