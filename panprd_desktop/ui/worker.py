"""The one background worker: a single-thread QThreadPool running jobs one after another.

A job is a plain function ``fn(ctx) -> result``; it reports progress and checks for
cancellation through ``ctx``. Results and errors come back to the GUI thread through a
signals object (napari's ``QRunnable`` + signals pattern). Errors arrive as one readable
line: the core's :class:`PanprdError` and the exporters' errors carry their own message;
anything else is logged with its traceback and shown as a short "unexpected error".
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from exporters.errors import ExportCancelled, ExportError
from panprd_desktop.core.errors import PanprdError
from panprd_desktop.ui.qt import QtCore, Signal, translate

log = logging.getLogger(__name__)

# The window thread and the worker share the GIL. Every Qt call from the window thread lets the
# GIL go and must take it back; while a job runs Python (parsing an import, building a tree, an
# export) the window waits up to the switch interval for it, at every such call — a layout or a
# paint makes hundreds. Python's default 5 ms turned that into 50–200 ms window stalls; 0.1 ms
# bounds each wait. The worker pays only while the window thread is busy too (an idle window
# does not ask for the GIL) (issue 13, measured by bench/scale_gui.py).
GIL_SWITCH_SECONDS = 0.0001


class Cancelled(Exception):
    """Raised inside a job by :meth:`JobContext.check` once the user asked to stop."""


class JobContext:
    """Handed to a running job: progress reporting and the cancel flag."""

    def __init__(self, signals: JobSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(int(done), int(total))


class JobSignals(QtCore.QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()


class Job(QtCore.QRunnable):
    def __init__(self, label: str, fn: Callable[[JobContext], Any], *, long: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.label = label
        self.long = long
        self.fn = fn
        self.signals = JobSignals()
        self.ctx = JobContext(self.signals)

    def run(self) -> None:
        try:
            result = self.fn(self.ctx)
        except (Cancelled, ExportCancelled):
            self.signals.cancelled.emit()
        except (PanprdError, ExportError) as exc:
            self.signals.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        except Exception as exc:  # a bug: keep the app alive, log the traceback, show one line
            log.exception("job %r failed", self.label)
            self.signals.failed.emit(translate("Worker", "意外错误：{0}").format(f"{type(exc).__name__}: {exc}"))
        else:
            self.signals.finished.emit(result)
        finally:
            self.signals.ended.emit()


class Worker(QtCore.QObject):
    """Runs jobs one at a time off the GUI thread; reports the long ones for a progress bar."""

    longStarted = Signal(str)  # label of a long, cancellable job
    longProgress = Signal(int, int)
    longEnded = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > GIL_SWITCH_SECONDS:
            sys.setswitchinterval(GIL_SWITCH_SECONDS)
        self._pool = QtCore.QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # Index rebuilds run in a lane of their own: they build beside the live index without
        # the library lock, so searches and reads queued meanwhile never wait for them (issue 13).
        self._side = QtCore.QThreadPool(self)
        self._side.setMaxThreadCount(1)
        self._jobs: set[Job] = set()
        self.current_long: Job | None = None

    def submit(self, label: str, fn: Callable[[JobContext], Any], *,
               done: Callable[[Any], None] | None = None,
               failed: Callable[[str], None] | None = None,
               cancelled: Callable[[], None] | None = None,
               long: bool = False, side: bool = False) -> Job:
        job = Job(label, fn, long=long)
        if done is not None:
            job.signals.finished.connect(done)
        if failed is not None:
            job.signals.failed.connect(failed)
        if cancelled is not None:
            job.signals.cancelled.connect(cancelled)
        if long:
            job.signals.progress.connect(self.longProgress)
            self.current_long = job
            self.longStarted.emit(label)
        job.signals.ended.connect(lambda: self._ended(job))
        self._jobs.add(job)
        (self._side if side else self._pool).start(job)
        return job

    def _ended(self, job: Job) -> None:
        self._jobs.discard(job)
        if job is self.current_long:
            self.current_long = None
            self.longEnded.emit()

    def cancel_long(self) -> None:
        if self.current_long is not None:
            self.current_long.ctx.cancel()

    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job ran (used on close and in tests)."""
        side = self._side.waitForDone(msecs)
        return self._pool.waitForDone(msecs) and side
