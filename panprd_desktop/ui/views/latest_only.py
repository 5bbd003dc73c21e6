"""Debounced, newest-wins requests for views that query as the user types."""

from __future__ import annotations

from collections.abc import Callable

from panprd_desktop.ui.qt import QtCore


class LatestOnly(QtCore.QObject):
    """Calls ``run`` once typing pauses, and keeps only the newest request's answer.

    Each request takes a ticket; an answer carrying an older ticket is dropped, so a slow
    early search finishing late can never overwrite a newer one (or a cleared list).
    """

    def __init__(self, interval_ms: int, run: Callable[[], None], parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(run)
        self._ticket = 0
        self._busy = False

    def schedule(self) -> None:
        """(Re)start the pause timer."""
        self._timer.start()

    def ticket(self) -> int:
        """Start a request now; pass the ticket back to :meth:`accept` with its answer."""
        self._timer.stop()
        self._ticket += 1
        self._busy = True
        return self._ticket

    def settle(self) -> None:
        """Nothing to ask (e.g. the box was cleared): answers still in flight are dropped."""
        self.ticket()
        self._busy = False

    def accept(self, ticket: int) -> bool:
        """True when this answer belongs to the newest request."""
        if ticket != self._ticket:
            return False
        self._busy = False
        return True

    def pending(self) -> bool:
        """True while a request waits for the pause or for its answer."""
        return self._timer.isActive() or self._busy
