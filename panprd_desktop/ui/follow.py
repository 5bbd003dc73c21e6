"""A read-only window follows the writer: poll ``PRAGMA data_version`` every 2 s, refresh on change.

Polling a pragma is cheaper and more portable than watching the -wal file (Windows file-change
notifications on a file another process holds open are unreliable). The pragma is read on the
window's own read connection, so the poll never waits behind the worker's lock — and the first
reading, taken when the window opens, is always there to compare with.
"""

from __future__ import annotations

from collections.abc import Callable

from panprd_desktop.core.library import Library
from panprd_desktop.core.model import Changes
from panprd_desktop.core.observe import data_version
from panprd_desktop.ui.qt import QtCore

POLL_MS = 2000


class FollowWriter(QtCore.QObject):
    def __init__(self, lib: Library, changed: Callable[[Changes], None],
                 parent: QtCore.QObject | None = None, interval: int = POLL_MS) -> None:
        super().__init__(parent)
        self._lib = lib
        self._changed = changed
        self._version = self._read()
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(interval)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read(self) -> int:
        return data_version(self._lib)  # the window's read connection: quick, never behind the worker

    def poll(self) -> bool:
        """Refresh every panel when the writer committed since the last poll; True when it did."""
        version = self._read()
        if version == self._version:
            return False
        self._version = version
        self._changed(Changes(documents=True, extra={"external": True}))
        return True
