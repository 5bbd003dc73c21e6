"""Progress reporting and cancellation, shared by both writers."""

from __future__ import annotations

from collections.abc import Callable

from exporters.errors import ExportCancelled

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


class Ticker:
    """Counts work steps; reports them and raises ExportCancelled when asked to stop.

    The writers call :meth:`tick` once per measure and per laid-out measure, so a
    GUI progress bar moves smoothly and cancelling takes effect within one measure.
    """

    def __init__(self, total: int, progress: ProgressFn | None, cancelled: CancelledFn | None) -> None:
        self.total = max(1, total)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()

    def tick(self, steps: int = 1) -> None:
        self.check()
        self.done = min(self.total, self.done + steps)
        if self._progress is not None:
            self._progress(self.done, self.total)

    def finish(self) -> None:
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)
