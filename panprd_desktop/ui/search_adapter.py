"""What the GUI needs from the core's search beyond ``lib.search``: highlight terms, and types."""

from __future__ import annotations

from panprd_desktop.core.errors import PanprdError
from panprd_desktop.core.search import SearchFilters
from panprd_desktop.core.search.query import parse_query

__all__ = ["SearchFilters", "query_terms"]


def query_terms(query: str) -> list[str]:
    """The terms of ``query`` worth highlighting in the reader (none for a bad query)."""
    try:
        return parse_query(query).highlight_terms()
    except PanprdError:
        return []
