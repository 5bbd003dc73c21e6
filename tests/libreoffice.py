"""LibreOffice headless for tests that need a file made or re-saved by it (skipped without it).

Each conversion gets its own user profile: two ``soffice`` processes sharing the default
profile (parallel test runs, or a desktop LibreOffice left open) make the second one exit 1.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def convert(src: Path, to: str, outdir: Path) -> Path:
    """``soffice --convert-to TO`` into ``outdir``; returns the converted file's path."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", to, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=300)
    return outdir / f"{src.stem}.{to.split(':')[0]}"
