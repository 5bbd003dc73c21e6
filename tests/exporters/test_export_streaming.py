"""Exports stream (issue 13): memory does not grow with the pack, and streaming changes nothing.

The memory test runs each export in a fresh process and compares that process's peak RSS
during an export of N and of 4N measures (the pack itself is built before the baseline).
Before streaming, a .docx grew ~60 MB and a PDF ~20 MB per 1,000 measures.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from exporters_sample import guideline_pack, repeated

from exporters import wording as W
from exporters import write_docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from libreoffice import convert, needs_soffice  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


_CHILD = """
import gc, json, sys, tempfile
from pathlib import Path

def peak_kb():  # VmHWM starts afresh at exec; ru_maxrss would start at the parent's peak
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

sys.path[:0] = [{root!r}, {here!r}]
from exporters_sample import guideline_pack, repeated
from exporters import wording as W
from exporters import write_docx, write_pdf
fmt, n = sys.argv[1], int(sys.argv[2])
write = write_pdf if fmt == "pdf" else write_docx
with tempfile.TemporaryDirectory() as tmp:
    base = guideline_pack()
    write(repeated(base, 20), Path(tmp) / ("warm." + fmt))  # imports, fonts, caches
    pack = repeated(base, n)
    gc.collect()
    before = peak_kb()
    write(pack, Path(tmp) / ("pack." + fmt))
    after = peak_kb()
print(json.dumps({{"grew_kb": after - before}}))
"""


def _export_growth_mb(fmt: str, n: int) -> float:
    """How far the peak RSS of a fresh process rises while it exports ``n`` measures."""
    code = _CHILD.format(root=str(ROOT), here=str(HERE))
    done = subprocess.run([sys.executable, "-c", code, fmt, str(n)], capture_output=True, text=True, check=True,
                          timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])["grew_kb"] / 1024


@pytest.mark.skipif(sys.platform != "linux", reason="peak RSS is read from /proc/self/status (VmHWM)")
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_export_memory_does_not_grow_with_the_pack(fmt: str) -> None:
    small = _export_growth_mb(fmt, 400)
    large = _export_growth_mb(fmt, 1600)
    # Before streaming: +72 MB (.docx) and +25 MB (PDF) for the 1,200 extra measures.
    assert large - small < 6, f"{fmt}: peak grew {small:.1f} MB for 400 measures, {large:.1f} MB for 1,600"


def test_streamed_docx_is_whole_and_in_order(tmp_path: Path) -> None:
    """More measures than one chunk: every row and every detail paragraph, in order, once."""
    pack = repeated(guideline_pack(notes=1), 260)
    out = write_docx(pack, tmp_path / "pack.docx")
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "panprd" not in xml  # no marker or chunk element left behind
    doc = docx.Document(str(out))
    table = doc.tables[-1]
    numbers = [row.cells[0].text for row in table.rows if len(row._tr.tc_lst) > 1][1:]
    assert numbers == [str(i) for i in range(1, 261)]
    paragraphs = [p.text for p in doc.paragraphs]
    # Each group heading (一、… （第2轮）) once in the details, in order; every measure text.
    where = [paragraphs.index(heading) for heading, _ in W.headed_groups(pack)]
    assert where == sorted(where) and len(set(where)) == len(where)
    assert paragraphs.index("三、措施详情") < where[0]
    texts = {m.text for m in pack.measures}
    assert sum(p in texts for p in paragraphs) == len(pack.measures)


@needs_soffice
def test_streamed_docx_opens_in_libreoffice(tmp_path: Path) -> None:
    pack = repeated(guideline_pack(notes=1), 120)
    out = write_docx(pack, tmp_path / "pack.docx")
    pdf = convert(out, "pdf", tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = "".join(text.split())
    last = pack.measures[-1].text
    assert "".join(last.split())[:12] in squeezed


def test_streamed_table_lays_out_exactly_as_a_whole_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 分工表 drawn from rows made as the layout reaches them and from the whole list laid
    out up front: the very same PDF, byte for byte (page breaks, split rows, headers)."""
    from reportlab import rl_config
    from reportlab.platypus import SimpleDocTemplate

    from exporters import pdf_styles as S
    from exporters.fonts import PDF_HEI, register_pdf_fonts
    from exporters.pdf_grid import GridTable
    from exporters.pdf_table import division_table
    from exporters.pdf_text import TextBlock
    from exporters.progress import Ticker

    register_pdf_fonts()
    pack = repeated(guideline_pack(notes=2), 150)
    g = S.PORTRAIT

    def build(whole: bool) -> bytes:
        out = tmp_path / f"{whole}.pdf"
        doc = SimpleDocTemplate(str(out), pagesize=(g.width, g.height), leftMargin=g.left, rightMargin=g.right,
                                topMargin=g.top, bottomMargin=g.bottom, invariant=1)
        table = division_table(pack, doc.width, doc.height, Ticker(1000, None, None), None)
        if whole:
            assert table.more is not None
            table = GridTable(table.widths, table.header, list(table.more), frame_height=doc.height)
        heading = TextBlock([(W.HEADING_TABLE, PDF_HEI)], S.B_H1, outline=(W.HEADING_TABLE, 0))
        doc.build([heading, table])
        return re.sub(rb"panprd-\d+", b"panprd-#", out.read_bytes())  # bookmark keys count per process

    monkeypatch.setattr(rl_config, "invariant", 1)  # no timestamps or random ids: bytes comparable
    streamed, whole = build(False), build(True)
    assert streamed.count(b"/Type /Page\n") > 20
    assert streamed == whole


def test_spilled_pages_make_the_very_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages compressed to a temporary file as they are finished and the file written as it
    is formatted (exporters.pdf_stream) give the bytes reportlab's own canvas writes."""
    import functools
    import tempfile

    from reportlab import rl_config
    from reportlab.platypus import SimpleDocTemplate

    from exporters import pdf_styles as S
    from exporters.fonts import PDF_HEI, register_pdf_fonts
    from exporters.pdf_stream import SpillCanvas
    from exporters.pdf_table import division_table
    from exporters.pdf_text import TextBlock
    from exporters.pdf_writer import write_pdf as _  # noqa: F401 (sets the writer's reportlab options)
    from exporters.progress import Ticker

    register_pdf_fonts()
    pack = repeated(guideline_pack(notes=2), 80)
    g = S.PORTRAIT

    def build(spill: bool) -> bytes:
        out = tmp_path / f"{spill}.pdf"
        with out.open("wb") as fh, tempfile.TemporaryFile() as pages:
            doc = SimpleDocTemplate(fh, pagesize=(g.width, g.height), leftMargin=g.left, rightMargin=g.right,
                                    topMargin=g.top, bottomMargin=g.bottom, invariant=1)
            heading = TextBlock([(W.HEADING_TABLE, PDF_HEI)], S.B_H1, outline=(W.HEADING_TABLE, 0))
            table = division_table(pack, doc.width, doc.height, Ticker(1000, None, None), None)
            if spill:
                doc.build([heading, table], canvasmaker=functools.partial(SpillCanvas, spill=pages))
                assert pages.tell() > 0  # the page streams did go to the temporary file
            else:
                doc.build([heading, table])
        return re.sub(rb"panprd-\d+", b"panprd-#", out.read_bytes())

    monkeypatch.setattr(rl_config, "invariant", 1)  # no timestamps or random ids: bytes comparable
    spilled, plain = build(True), build(False)
    assert spilled.count(b"/Type /Page\n") > 10
    assert spilled == plain
