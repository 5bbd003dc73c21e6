"""PDF fixtures made here: reportlab text PDFs with page furniture, and a PDF without text."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO

HEADER = "粤港合作框架协议2017年重点工作"
FONT = "PanTestHei"


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(REPO / "resources" / "fonts" / "wqy-microhei.ttc"), subfontIndex=0))


def text_pdf(path: Path, pages: list[list[str]], *, header: str = HEADER,
             number: str = "— {n} —", footer: str = "") -> Path:
    """One page per list of lines, each with a running header on top and a page number below."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for n, lines in enumerate(pages, 1):
        c.setFont(FONT, 10)
        if header:
            c.drawCentredString(width / 2, height - 40, header)
        c.setFont(FONT, 14)
        y = height - 90
        for line in lines:
            c.drawString(72, y, line)
            y -= 24
        c.setFont(FONT, 10)
        if footer:
            c.drawCentredString(width / 2, 60, footer)
        if number:
            c.drawCentredString(width / 2, 40, number.format(n=n, total=len(pages)))
        c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scan': shapes only, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(30):
        c.rect(60, 800 - i * 25, 400, 12, fill=1)
    c.showPage()
    c.save()
    return path


def guideline_docx(path: Path, text: str) -> Path:
    """The guideline as a Word file with the title as running header and a ``— PAGE —`` footer:
    what LibreOffice prints from it is a PDF with real page furniture."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "国务院关于深化泛珠三角区域合作的指导意见"
    footer = d.sections[0].footer.paragraphs[0]
    footer.add_run("— ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" —")
    for line in text.splitlines():
        if line.strip():
            d.add_paragraph(line.strip())
    d.save(path)
    return path
