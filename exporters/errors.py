"""The two exceptions an export can end with.

Callers (CLI, GUI worker) show ``str(error)`` as is: it is one line, in Chinese, and
names the file. ``reason`` is a stable code for callers that want their own wording
(e.g. a translated message in the GUI).
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export failed; nothing was written at the target (an old file is untouched)."""

    def __init__(self, message: str, *, reason: str = "unexpected", path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        # one of: permission, locked, disk_full, missing_folder, is_directory,
        # read_only_fs, name_too_long, unexpected
        self.reason = reason
        self.path = path


class ExportCancelled(Exception):
    """The user cancelled; no file (and no temporary file) was left behind.

    Deliberately not a subclass of ExportError: cancelling is not a failure and a
    caller's ``except ExportError`` must not show an error dialog for it.
    """

    def __init__(self, message: str = "导出已取消") -> None:
        super().__init__(message)
