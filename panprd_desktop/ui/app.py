"""Start the GUI: ``python main.py [--db PATH] [--lang en]`` or ``panprd-desk``.

Opens the library (the core's default one unless ``--db``); if another instance holds it,
asks whether to open read-only or quit. ``PANPRD_STARTUP_PROBE=1`` (or ``--startup-probe``)
prints the seconds until the window is shown and quits: the start-up benchmark uses it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

_T0 = time.perf_counter()

from panprd_desktop.core import recovery  # noqa: E402
from panprd_desktop.core.errors import (  # noqa: E402
    DatabaseDamaged,
    LibraryLocked,
    LibraryMissing,
    PanprdError,
    ReadOnlyStorage,
)
from panprd_desktop.core.library import Library  # noqa: E402
from panprd_desktop.paths import default_db_path  # noqa: E402
from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets  # noqa: E402

PROBE_ENV = "PANPRD_STARTUP_PROBE"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="panprd-desk", description="PanPRD Desk")
    parser.add_argument("--db", type=Path, default=None, help="library file (default: the per-user library)")
    parser.add_argument("--lang", choices=("zh_CN", "zh_HK", "en"), default=None, help="UI language")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    return args


def open_library(path: Path | None, ask_locked: Callable[[str], str],
                 offer_restore: Callable[[Path, str], Path | None] | None = None) -> Library | None:
    """Open for writing; if locked, ask and open read-only or give up (None). A missing,
    empty or damaged library whose backups exist is offered a restore (``offer_restore``
    returns the chosen backup); declined, a damaged one opens read-only to read what is left."""
    from panprd_desktop.ui.dialogs.locked_dialog import READ_ONLY

    try:
        return Library(path, defer_backup=True)  # the window's worker writes the daily snapshot
    except LibraryLocked:
        if ask_locked(str(path or default_db_path())) != READ_ONLY:
            return None
        return Library(path, read_only=True)
    except ReadOnlyStorage:  # a read-only folder or disk: read what is there (the title says 只读)
        return Library(path, read_only=True)
    except (LibraryMissing, DatabaseDamaged) as exc:
        if offer_restore is None:
            raise
        real = path or default_db_path()
        chosen = offer_restore(real, str(exc))
        if chosen is not None:
            recovery.restore(real, chosen)
            return Library(path)
        if isinstance(exc, DatabaseDamaged):
            return Library(path, read_only=True)
        return None


def _font(app: QtWidgets.QApplication) -> None:
    """Prefer an installed CJK UI font so Chinese never falls back to boxes."""
    families = set(QtGui.QFontDatabase.families())
    for family in ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
                   "Source Han Sans SC", "AR PL UMing CN"):
        if family in families:
            font = app.font()
            font.setFamilies([family, *font.families()])
            app.setFont(font)
            return


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    probe = args.startup_probe or os.environ.get(PROBE_ENV) == "1"
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    app.setOrganizationName("PanPRD")
    app.setApplicationName("PanPRD Desk")
    from panprd_desktop.ui.i18n import install_translators
    from panprd_desktop.ui.settings import Settings

    settings = Settings()
    install_translators(app, args.lang or settings.language)
    _font(app)

    from panprd_desktop.ui.dialogs.locked_dialog import ask_locked

    try:
        from panprd_desktop.ui.dialogs.restore_dialog import choose_backup

        lib = open_library(args.db, ask_locked, lambda db, why: choose_backup(None, db, why))
    except PanprdError as exc:
        QtWidgets.QMessageBox.critical(None, "PanPRD Desk", str(exc))
        return 1
    if lib is None:
        return 0
    from panprd_desktop.ui.main_window import MainWindow

    try:
        window = MainWindow(lib, settings)
        window.show()
        if probe:
            def report() -> None:
                print(f"startup_seconds={time.perf_counter() - _T0:.3f}", flush=True)
                window.close()

            QtCore.QTimer.singleShot(0, report)
        return app.exec()
    finally:
        lib.close()
