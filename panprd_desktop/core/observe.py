"""Small read-only questions the window asks (kept out of the Library facade, a shared hot file).

- :func:`data_version`: has another connection committed since last asked? (a read-only window
  follows the writer with it)
- :func:`undated_deadlines`: measures whose deadline text names no date — the deadlines view's
  "无法识别" group (the dated groups come from the deadlines model).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.undated import undated_deadlines as _undated
from db.watch import data_version as _data_version
from panprd_desktop.core.library import Library


@dataclass(frozen=True)
class UndatedDeadline:
    measure_id: str
    label: str
    text: str  # the deadline as written, e.g. 下周三


def data_version(lib: Library) -> int:
    """Asked on the window's own read connection: never waits for the worker's lock (a first
    answer missed while the worker was busy would let the first change go unnoticed)."""
    with lib.reads.lock:
        return _data_version(lib.reads.conn)


def undated_deadlines(lib: Library, limit: int = 1000) -> list[UndatedDeadline]:
    """Open measures (not done/ongoing) whose deadline text yields no date, in reading order."""
    with lib.lock:
        return [UndatedDeadline(*row) for row in _undated(lib.conn, limit)]
