"""Letting a long parse be cancelled: call ``check`` every few thousand items of a loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
Check = Callable[[], None] | None
EVERY = 2000  # items between checks: a few ms of work, so Cancel answers well within 0.5 s


def ticking(items: Iterable[T], check: Check, every: int = EVERY) -> Iterator[T]:
    """Yield ``items``, calling ``check`` (which may raise to cancel) every ``every`` items."""
    if check is None:
        yield from items
        return
    for count, item in enumerate(items, 1):
        if count % every == 0:
            check()
        yield item
