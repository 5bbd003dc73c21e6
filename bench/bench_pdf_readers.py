"""Which PDF text reader keeps CJK text and reading order best: pypdfium2 or pdfminer.six?

    .venv/bin/python bench/bench_pdf_readers.py

Inputs, made here: the bundled guideline laid out by LibreOffice (GB/T 9704-like, with a running
header and ``— N —`` page numbers in the footer; skipped without ``soffice``), and a reportlab
notice with a header, page numbers and a sentence crossing a page. For each reader: seconds,
and how much of the source's text comes back in order (difflib ratio of all visible
characters, punctuation included: 1.000 = every character, in order, nothing extra; page
furniture counts as extra, so the ratio is also shown after our furniture removal).
Readers: PDFium in content-stream order (``pdfium``), PDFium with each visual line ordered by
x position as core/readers/pdf.py does (``pdfium+x``), and pdfminer.six's layout analysis.
"""

from __future__ import annotations

import difflib
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panprd_desktop.core.parsing.furniture import strip_page_furniture  # noqa: E402
from panprd_desktop.paths import bundled_guideline  # noqa: E402
from tests.core.pdf_fixtures import guideline_docx, text_pdf  # noqa: E402
from tests.libreoffice import convert  # noqa: E402

SPACE = re.compile(r"\s+")


def chars(text: str) -> str:
    """Every visible character, punctuation included (“” and — are where order goes wrong)."""
    return SPACE.sub("", text).replace(",", "，").replace("_{2.5}", "2.5")


def pdfium_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def ours_pages(path: Path) -> list[str]:
    from panprd_desktop.core.readers.pdf import pdf_pages

    return ["\n".join(lines) for lines in pdf_pages(path)]


def pdfminer_pages(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).split("\f")


def guideline_pdf(tmp: Path) -> tuple[Path, str] | None:
    if shutil.which("soffice") is None:
        return None
    text = bundled_guideline().read_text(encoding="utf-8")
    convert(guideline_docx(tmp / "guideline.docx", text), "pdf", tmp)
    return tmp / "guideline.pdf", text


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inputs: list[tuple[str, Path, str]] = []
        pages = [["广东省人民政府关于印发实施粤港合作框架协议", "2017年重点工作的通知", "一、跨界基础设施",
                  "1.加快协商港珠澳大桥跨境交通安排等通行政策。", "3.研究深化粤港跨境基础设施合作，推动粤港澳大湾"],
                 ["区城市群互联互通水平不断提升。", "4.完善粤港两地口岸通关安排，提高通关便利化水平。"]]
        inputs.append(("reportlab notice", text_pdf(tmp / "notice.pdf", pages), "".join(sum(pages, []))))
        made = guideline_pdf(tmp)
        if made:
            inputs.append(("LibreOffice guideline", made[0], made[1]))
        print(f"{'input':22} {'reader':10} {'seconds':>8} {'raw ratio':>9} {'after furniture':>15}")
        for label, path, source in inputs:
            for name, read in (("pdfium", pdfium_pages), ("pdfium+x", ours_pages), ("pdfminer", pdfminer_pages)):
                start = time.perf_counter()
                texts = read(path)
                elapsed = time.perf_counter() - start
                raw = difflib.SequenceMatcher(None, chars(source), chars("".join(texts)), autojunk=False).ratio()
                clean = "".join(strip_page_furniture([t.replace("\r", "").split("\n") for t in texts]))
                after = difflib.SequenceMatcher(None, chars(source), chars(clean), autojunk=False).ratio()
                print(f"{label:22} {name:10} {elapsed:8.3f} {raw:9.4f} {after:15.4f}", flush=True)


if __name__ == "__main__":
    main()
