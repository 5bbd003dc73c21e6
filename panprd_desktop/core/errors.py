"""Errors the core raises for things a user did or a file contained.

Each carries a one-line message meant to be shown as is (CLI stderr, GUI message box).
Anything else escaping the core is a bug.
"""


class PanprdError(Exception):
    """Base class: a user-facing, one-line problem."""


class ImportRejected(PanprdError):
    """A file could not be imported (binary, empty, undecodable, corrupt .docx, ...)."""


class NotFound(PanprdError):
    """An unknown document or measure id."""


class InvalidValue(PanprdError):
    """A bad status, date, option value."""


class LibraryLocked(PanprdError):
    """Another process already has this library open for writing."""


class DatabaseDamaged(PanprdError):
    """The database file is not a PanPRD library or is corrupt."""


class QueryError(PanprdError):
    """A search query that cannot be understood (shown as a hint, never a crash)."""


class LibraryMissing(PanprdError):
    """The library file is missing or empty but verified backups of it exist: restore, not recreate."""


class LibraryTooNew(PanprdError):
    """The library was written by a newer PanPRD Desk (schema above what this version ships)."""


class StorageError(PanprdError):
    """The disk refused: full, read-only, no permission, name too long, not a regular file."""


class ReadOnlyStorage(StorageError):
    """The library (or its folder, or its disk) cannot be written: it can still be opened read-only."""
