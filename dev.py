#!/usr/bin/env python3
"""Set up and run PanPRD Desk from a fresh checkout: ``python3 dev.py app`` / ``python3 dev.py test``.

It creates ``.venv`` beside this file, installs the project into it, and — on Debian/Ubuntu —
first installs the system libraries Qt needs and the CJK fonts (with apt, via sudo when not
root). Works the same on Windows (``py dev.py app``), where no system packages are needed.
This is developer tooling; the application itself never shells out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Qt's runtime libraries (even offscreen), a CJK font so Chinese is not boxes, X for a real
# window, poppler for reading PDFs back in tests and for looking at them.
APT_PACKAGES = [
    "libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libxkbcommon-x11-0", "libglib2.0-0",
    "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
    "libxcb-xfixes0", "libcups2", "fonts-wqy-microhei", "poppler-utils", "xvfb", "xauth",
]


def _run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def ensure_system_packages() -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get") or os.environ.get("PANPRD_NO_APT"):
        return
    missing = [
        p for p in APT_PACKAGES
        if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout
        != "install ok installed"
    ]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    _run([*sudo, "apt-get", "update", "-qq"], env=env)
    try:
        _run([*install, *missing], env=env)
    except subprocess.CalledProcessError:
        # Debian 13 renamed some libraries (libglib2.0-0 → libglib2.0-0t64, ...): try each
        # package alone, then its t64 name, and go on with a warning rather than stop.
        for package in missing:
            for name in (package, f"{package}t64"):
                if subprocess.run([*install, name], env=env).returncode == 0:
                    break
            else:
                print(f"warning: could not install {package}", file=sys.stderr)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'app'}"
    newest = max(p.stat().st_mtime for p in [ROOT / "pyproject.toml", Path(__file__)])
    if not stamp.exists() or stamp.stat().st_mtime < newest:
        _run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"])
        _run([str(python), "-m", "pip", "install", "-q", "-e", f".[{extras}]" if extras else "."], cwd=ROOT)
        stamp.touch()
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test", "setup"):
        print(__doc__)
        print("usage: python3 dev.py app [--db PATH] | test [pytest args] | setup")
        return 2
    command, rest = argv[0], argv[1:]
    ensure_system_packages()
    python = ensure_venv("" if command == "app" else "test")
    if command == "app":
        return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT)
    if command == "test":
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
