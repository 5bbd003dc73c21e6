"""The Word pack as a word processor lays it out (LibreOffice headless; skipped without it)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from exporters import write_docx
from exporters.pack import BriefingPack

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice (soffice) or poppler not installed")


@pytest.fixture(scope="module")
def laid_out(sample_pack: BriefingPack, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("soffice")
    docx = write_docx(sample_pack, folder / "pack.docx")
    profile = folder / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile.as_posix()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(folder / "pack.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def test_header_row_repeats_and_the_number_column_never_wraps(laid_out: list[str]) -> None:
    table_pages = [p for p in laid_out if re.search(r"序号\s+重点任务", p)]
    assert len(table_pages) >= 3  # the header row is repeated on every page of the 分工表
    assert not any(re.search(r"^\s*序\s*$", p, re.M) for p in laid_out)  # 序/号 never split


def test_page_numbers_follow_the_cover(laid_out: list[str]) -> None:
    pages = [p for p in laid_out if p.strip()]
    assert re.search(r"—\s*2\s*—", pages[1])
    assert not re.search(r"—\s*\d+\s*—", pages[0])

