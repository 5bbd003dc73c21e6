"""The owner vocabulary: the 9+2 parties and central departments, with aliases.

``粤``, ``广东`` and ``廣東`` all resolve to 广东省: aliases are stored folded (width, case,
Traditional → Simplified), so Traditional input matches without listing every form.
A name not in the vocabulary becomes a new owner — never silently dropped.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from panprd_desktop.core.errors import InvalidValue
from panprd_desktop.core.normalize import fold, is_storable


@dataclass(frozen=True)
class Owner:
    owner_id: int
    name: str
    kind: str  # party | central | custom
    aliases: tuple[str, ...] = ()


def load_vocabulary() -> list[tuple[str, str, list[str]]]:
    from importlib import resources  # on use: only the first open seeds the vocabulary

    data = json.loads(resources.files("resources").joinpath("owners.json").read_text(encoding="utf-8"))
    entries = [(e["name"], "party", e["aliases"]) for e in data["parties"]]
    entries += [(e["name"], "central", e["aliases"]) for e in data["central"]]
    return entries


def seed_vocabulary(conn: sqlite3.Connection) -> None:
    """Insert the built-in vocabulary (inside the caller's transaction); idempotent."""
    for position, (name, kind, aliases) in enumerate(load_vocabulary()):
        conn.execute(
            "INSERT OR IGNORE INTO owners(name, kind, position) VALUES (?, ?, ?)", (name, kind, position)
        )
        owner_id = conn.execute("SELECT owner_id FROM owners WHERE name = ?", (name,)).fetchone()[0]
        for alias in [name, *aliases]:
            conn.execute(
                "INSERT OR IGNORE INTO owner_aliases(folded, alias, owner_id) VALUES (?, ?, ?)",
                (fold(alias), alias, owner_id),
            )


class Owners:
    """Lookups and resolution against the library's owner table."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def find(self, name: str) -> Owner | None:
        """The owner ``name`` refers to (by name or alias, any script), or None."""
        key = fold(name.strip())
        if not is_storable(key):
            return None  # not storable, so not in the vocabulary either
        row = self._conn.execute(
            "SELECT o.owner_id, o.name, o.kind FROM owner_aliases a JOIN owners o USING (owner_id)"
            " WHERE a.folded = ?",
            (key,),
        ).fetchone()
        return Owner(row[0], row[1], row[2]) if row else None

    def resolve(self, name: str) -> Owner:
        """Find ``name``, or add it as a new custom owner (caller holds the transaction)."""
        clean = " ".join(name.split())
        if not clean:
            raise InvalidValue("单位名称不能为空 (empty owner name)")
        if len(clean) > 100:
            raise InvalidValue("单位名称过长（最多 100 字）(owner name too long)")
        found = self.find(clean)
        if found:
            return found
        position = self._conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM owners").fetchone()[0]
        cur = self._conn.execute(
            "INSERT INTO owners(name, kind, position) VALUES (?, 'custom', ?)", (clean, position)
        )
        owner_id = int(cur.lastrowid or 0)
        self._conn.execute(
            "INSERT INTO owner_aliases(folded, alias, owner_id) VALUES (?, ?, ?)",
            (fold(clean), clean, owner_id),
        )
        return Owner(owner_id, clean, "custom")

    def all(self) -> list[Owner]:
        """Every owner with its aliases, vocabulary order first, then those users added."""
        aliases: dict[int, list[str]] = {}
        for owner_id, alias in self._conn.execute(
            "SELECT owner_id, alias FROM owner_aliases ORDER BY rowid"
        ):
            aliases.setdefault(owner_id, []).append(alias)
        return [
            Owner(r[0], r[1], r[2], tuple(a for a in aliases.get(r[0], []) if a != r[1]))
            for r in self._conn.execute("SELECT owner_id, name, kind FROM owners ORDER BY position, owner_id")
        ]

    def complete(self, prefix: str, limit: int = 20) -> list[str]:
        """Owner names whose name or any alias starts with (or contains) ``prefix``."""
        key = fold(prefix.strip())
        if not key:
            return [o.name for o in self.all()][:limit]
        rows = self._conn.execute(
            "SELECT o.name, MIN(CASE WHEN instr(a.folded, ?) = 1 THEN 0 ELSE 1 END) AS rank"
            " FROM owner_aliases a JOIN owners o USING (owner_id)"
            " WHERE instr(a.folded, ?) > 0 GROUP BY o.owner_id ORDER BY rank, o.position LIMIT ?",
            (key, key, limit),
        ).fetchall()
        return [r[0] for r in rows]
