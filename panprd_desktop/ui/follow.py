"""A read-only window follows the writer: poll ``PRAGMA data_version`` every 2 s, refresh on change.

Polling a pragma is cheaper and more portable than watching the -wal file (Windows file-change
notifications on a file another process holds open are unreliable). The lock is only tried,
never waited for, so the poll cannot stall the window.
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

    def _read(self) -> int | None:
        if not self._lib.lock.acquire(blocking=False):  # busy: ask again at the next tick
            return None
        try:
            return data_version(self._lib)  # re-enters the (reentrant) lock
        finally:
            self._lib.lock.release()

    def poll(self) -> bool:
        """Refresh every panel when the writer committed since the last poll; True when it did."""
        version = self._read()
        if version is None or version == self._version:
            return False
        first = self._version is None
        self._version = version
        if first:
            return False
        self._changed(Changes(documents=True, extra={"external": True}))
        return True
