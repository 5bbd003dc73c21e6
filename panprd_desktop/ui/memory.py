"""Keep full garbage collections short on a big library.

A full collection walks every container object the collector tracks, holding the interpreter
lock: with the contents tree of a 300k-measure library in memory that was a 150–270 ms freeze of
the window, several times per import or reindex (measured with gc.callbacks, bench/RESULTS.md).
``gc.freeze()`` moves everything alive now into a permanent generation that later collections
skip. Objects frozen are still freed by reference counting when dropped; only a reference cycle
among them would stay — the tree therefore has none (its nodes point to their parent weakly).
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Call after loading long-lived data (start-up, a reloaded tree)."""
    gc.collect(0)  # young garbage goes first rather than being frozen
    gc.freeze()
