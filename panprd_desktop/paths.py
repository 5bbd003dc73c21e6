"""Where things live on disk: the default library and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "PanPRD Desk"
DB_ENV = "PANPRD_DB"


def default_db_path() -> Path:
    """``$PANPRD_DB`` if set, else the platform's per-user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library.sqlite3"


def bundled_guideline() -> Path:
    from importlib import resources  # on use: not part of a search's start-up

    return Path(str(resources.files("resources").joinpath("guideline-gf2016-18.txt")))


def user_cache_dir() -> Path:
    """The per-user cache folder, as ``platformdirs.user_cache_path(APP_NAME, appauthor=False)``
    names it (``~/.cache/PanPRD Desk``, ``%LOCALAPPDATA%\\PanPRD Desk\\Cache``).

    Worked out here on Linux and Windows because importing platformdirs costs ~4 ms (on
    Windows it loads ctypes) of every ``panprd search``, which reads its fold table from this
    folder (issue 13). Elsewhere, or without the variables, platformdirs decides; a test
    holds the two to the same answer.
    """
    if sys.platform.startswith("linux"):
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path(os.path.expanduser("~/.cache"))
        return base / APP_NAME
    local = os.environ.get("LOCALAPPDATA", "").strip() if sys.platform == "win32" else ""
    if local and os.path.isabs(local):
        return Path(os.path.normpath(local)) / APP_NAME / "Cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
