"""Where things live on disk: the default library and the bundled resources."""

from __future__ import annotations

import os
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
