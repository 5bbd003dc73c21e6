"""Verified, tiered backups with SQLite's online backup API (never a file copy of a live database).

A backup is taken only of a database that passes ``PRAGMA quick_check`` and the app's own
checks (text decodes, documents complete, history consistent), and the copy is checked
again before it gets its final name — so a damaged library never rotates good copies away.
Each copy is stamped with a new ``generation`` (see migration 0005): an index built for
the live library never takes a copied-back backup for itself.

Retention is tiered: the newest backup of each of the last 7 days with one, of the last 4
weeks and of the last 6 months, the newest verified one whatever its age, and safety
snapshots (before a migration, a restore or a removal) for 30 days. Times come from the file names,
so tests can simulate days by passing ``now``.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections import namedtuple
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from db.recovery_sql import (
    Summary,
    incomplete_documents,
    inconsistent_history,
    new_generation,
    summary,
    undecodable_text,
    unparsable_values,
)

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
SAFETY_DAYS = 30  # a pre-remove snapshot is the only copy of a removed document's annotations
SAFETY_REASONS = ("pre-migration", "pre-restore", "pre-remove")
DAMAGED = "damaged"  # suffix of a snapshot that failed verification (only safety snapshots)
_NAME = re.compile(r"-(\d{8}-\d{6})-([a-z-]+)\.sqlite3$")


class BackupRefused(Exception):
    """The database failed verification, so it was not backed up; ``problems`` say why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:3]))
        self.problems = problems


class Snapshot(namedtuple("Snapshot", "path taken reason")):
    """One backup file as its name describes it: ``path`` (Path), ``taken`` (datetime),
    ``reason`` (str). (A named tuple, not a dataclass: opening a library — every ``panprd search`` — loads this module,
    and ``dataclasses`` costs ≈ 10 ms there; issue 13.)"""

    __slots__ = ()

    @property
    def verified(self) -> bool:
        return not self.reason.endswith(DAMAGED)


class BackupInfo(namedtuple("BackupInfo", "path taken reason size counts problems")):
    """One backup, opened and checked now (for listing and choosing what to restore):
    ``path`` (Path), ``taken`` (datetime), ``reason`` (str), ``size`` (int), ``counts``
    (:class:`Summary` or None), ``problems`` (tuple of str). A named tuple, as :class:`Snapshot`."""

    __slots__ = ()

    @property
    def verified(self) -> bool:
        return not self.problems


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def snapshots(db_path: Path) -> list[Snapshot]:
    """Backups of ``db_path``, oldest first (by the time in their names)."""
    found = []
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    for path in folder.glob(f"{db_path.stem}-*.sqlite3"):
        m = _NAME.search(path.name)
        if m and path.name[: m.start()] == db_path.stem:
            with contextlib.suppress(ValueError):
                found.append(Snapshot(path, _taken(m.group(1)), m.group(2)))
    return sorted(found, key=lambda s: (s.taken, s.path.name))


def _taken(stamp: str) -> datetime:
    """``20260630-142501`` (as _NAME matched it) → its datetime; ValueError for no such time.

    Not ``datetime.strptime``: its first call imports _strptime and calendar, a few ms of every
    library opening's backup-due check (issue 13: ``panprd search`` cold start)."""
    return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
                    int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))


def verify_connection(conn: sqlite3.Connection, *, full: bool = False, schema: bool = True) -> list[str]:
    """Problems that would break the app: SQLite's pages (quick_check, or integrity_check
    when ``full``), text that does not decode, incomplete documents, broken history.
    ``schema=False`` skips what assumes the current schema (a pre-migration snapshot)."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        problems = [f"sqlite: {r[0]}" for r in conn.execute(f"PRAGMA {pragma}") if r[0] != "ok"]
        if problems:
            return problems
        problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")][:20]
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not schema:
            return problems + undecodable_text(conn)
        if {"documents", "measures", "meta"} - names:
            return [*problems, "not a PanPRD library (tables missing)"]
        problems += undecodable_text(conn)
        if not problems:  # parsing needs text that decodes
            problems += unparsable_values(conn)
        if "document_counts" in names:
            problems += incomplete_documents(conn)
        problems += inconsistent_history(conn)
    except sqlite3.DatabaseError as exc:
        problems = [f"sqlite: {exc}"]
    except UnicodeDecodeError as exc:  # the schema's own text (a table or column name) is damaged
        problems = [f"sqlite: schema text is not valid UTF-8 ({exc})"]
    return problems


def verify_file(path: Path) -> tuple[list[str], Summary | None]:
    """(problems, counts) of a database file, opened read-only."""
    if not path.is_file() or path.stat().st_size == 0:
        return ["empty or missing file"], None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"sqlite: {exc}"], None
    try:
        problems = verify_connection(conn)
        counts = None
        if not problems:
            try:
                counts = summary(conn)
            except sqlite3.DatabaseError as exc:
                problems.append(f"sqlite: {exc}")
        return problems, counts
    finally:
        conn.close()


def make_backup(conn: sqlite3.Connection, db_path: Path, reason: str, now: datetime, *,
                verify: bool = True) -> Path:
    """Write a checked snapshot beside the database, then apply the retention tiers.

    With ``verify`` (every routine backup) a database that fails the checks raises
    :class:`BackupRefused` and nothing is written or rotated. Safety snapshots pass
    ``verify=False``: the current state is kept whatever it is, named ``…-damaged`` if bad.
    """
    if verify:
        problems = verify_connection(conn)
        if problems:
            raise BackupRefused(problems)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = f"{now:%Y%m%d-%H%M%S}"
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    partial = folder / f"{db_path.stem}-{stamp}-{reason}.partial"
    dest = sqlite3.connect(partial, isolation_level=None)
    try:
        conn.backup(dest)
        with contextlib.suppress(sqlite3.OperationalError):  # no meta table: not ours, keep as is
            dest.execute("BEGIN")
            new_generation(dest)
            dest.execute("COMMIT")
        copy_problems = verify_connection(dest, schema=verify)
    except BaseException:
        dest.close()
        partial.unlink(missing_ok=True)
        raise
    dest.close()
    if copy_problems:
        if verify:
            partial.unlink(missing_ok=True)
            raise BackupRefused(copy_problems)
        target = folder / f"{db_path.stem}-{stamp}-{reason}-{DAMAGED}.sqlite3"
    partial.replace(target)
    rotate(db_path, now)
    return target


def keep(snaps: Iterable[Snapshot], now: datetime) -> set[Path]:
    """Which backups the retention tiers keep."""
    newest_first = sorted(snaps, key=lambda s: (s.taken, s.path.name), reverse=True)
    kept: set[Path] = set()
    good = [s for s in newest_first if s.verified]
    if good:
        kept.add(good[0].path)
    for key, count in ((lambda t: t.date(), KEEP_DAILY),
                       (lambda t: tuple(t.isocalendar()[:2]), KEEP_WEEKLY),
                       (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for s in good:
            bucket = key(s.taken)
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(bucket)
            kept.add(s.path)
    for s in newest_first:
        if s.reason.startswith(SAFETY_REASONS) and now - s.taken <= timedelta(days=SAFETY_DAYS):
            kept.add(s.path)
    return kept


def rotate(db_path: Path, now: datetime) -> list[Path]:
    """Delete the backups the tiers do not keep; returns what was deleted."""
    snaps = snapshots(db_path)
    kept = keep(snaps, now)
    removed = []
    for s in snaps:
        if s.path not in kept:
            s.path.unlink(missing_ok=True)
            removed.append(s.path)
    return removed


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup, newest first, each opened and verified now."""
    out = []
    for s in reversed(snapshots(db_path)):
        problems, counts = verify_file(s.path)
        out.append(BackupInfo(s.path, s.taken, s.reason, s.path.stat().st_size, counts, tuple(problems)))
    return out


def latest_verified(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes verification now (None if there is none)."""
    for s in reversed(snapshots(db_path)):
        if not s.verified:
            continue
        problems, counts = verify_file(s.path)
        if not problems:
            return BackupInfo(s.path, s.taken, s.reason, s.path.stat().st_size, counts, ())
    return None


def latest_backup(db_path: Path) -> datetime | None:
    snaps = snapshots(db_path)
    return snaps[-1].taken if snaps else None


def backup_due(db_path: Path, now: datetime) -> bool:
    last = latest_backup(db_path)
    return last is None or now - last >= timedelta(days=1) or last > now
