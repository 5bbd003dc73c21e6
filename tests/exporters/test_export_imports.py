"""exporters must stay a leaf: no Qt, no core, no database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_exporters_import_no_qt_core_or_db() -> None:
    code = (
        "import sys\n"
        "import exporters, exporters.pdf_writer, exporters.docx_writer\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'panprd_desktop', 'db')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_public_api() -> None:
    from exporters import write_docx, write_pdf
    from exporters.errors import ExportCancelled, ExportError

    assert callable(write_docx) and callable(write_pdf)
    assert not issubclass(ExportCancelled, ExportError)
