"""Briefing packs as Word (.docx) and PDF files.

Plain data in (:class:`exporters.pack.BriefingPack`), a file out. Nothing here imports
Qt, the core or the database. Both writers write atomically: on failure or cancel the
target is untouched and no temporary file is left.

    from exporters import write_docx, write_pdf
    from exporters.errors import ExportError, ExportCancelled
"""

from __future__ import annotations

from pathlib import Path

from exporters.errors import ExportCancelled, ExportError
from exporters.pack import BriefingPack, PackGroup, PackMeasure, PackNote, PackSummary
from exporters.progress import CancelledFn, ProgressFn

__all__ = [
    "BriefingPack",
    "ExportCancelled",
    "ExportError",
    "PackGroup",
    "PackMeasure",
    "PackNote",
    "PackSummary",
    "write_docx",
    "write_pdf",
]


def write_docx(
    pack: BriefingPack,
    out: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """Write ``pack`` as a Word document at ``out``; see exporters.docx_writer."""
    # Imported here so that importing the package (e.g. at GUI start) does not load
    # python-docx and reportlab, which take ~0.3 s together.
    from exporters.docx_writer import write_docx as _write

    return _write(pack, Path(out), progress, cancelled)


def write_pdf(
    pack: BriefingPack,
    out: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """Write ``pack`` as a PDF with embedded fonts at ``out``; see exporters.pdf_writer."""
    from exporters.pdf_writer import write_pdf as _write

    return _write(pack, Path(out), progress, cancelled)
