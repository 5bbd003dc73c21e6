"""Briefing pack → PDF (reportlab), with the shipped fonts embedded."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from exporters import pdf_styles as S
from exporters import wording as W
from exporters.atomic import atomic_write
from exporters.errors import ExportError
from exporters.fonts import (
    PDF_BODY,
    PDF_BODY_BOLD,
    PDF_HEI,
    PDF_KAI_BOLD,
    PDF_SONG,
    pdf_markup,
    register_pdf_fonts,
)
from exporters.pack import BriefingPack, PackMeasure
from exporters.pdf_para import Para as _Para
from exporters.pdf_table import count_table, division_table
from exporters.progress import CancelledFn, ProgressFn, Ticker
from exporters.text import one_line

_HEADER_CHARS = 40  # a longer title is cut in the running header (the cover has it whole)


def _p(text: str, style: ParagraphStyle, font: str = PDF_BODY) -> Paragraph:
    return _Para(pdf_markup(text, font), style)


class _Tick(_Para):
    """A paragraph whose laying-out counts as one progress step (see _Doc.afterFlowable)."""

    panprd_tick = True


class _StrokedTitle(Paragraph):
    """The title in the Song face, emboldened by stroking the outlines (text render
    mode 2), as Word does for bold 宋体: the shipped Song has no bold weight, and the
    GB/T 9704 title face (小标宋) is much heavier than a regular Ming."""

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        canvas.saveState()
        canvas.setLineWidth(S.TITLE_SIZE * 0.03)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas._code.append("2 Tr")  # text state persists across BT/ET until restoreState
        super().drawOn(canvas, x, y, _sW)
        canvas.restoreState()


class _Doc(BaseDocTemplate):
    def __init__(self, fh: BinaryIO, pack: BriefingPack, ticker: Ticker) -> None:
        self._pack = pack
        self._ticker = ticker
        title = one_line(pack.title)
        self._header = title if len(title) <= _HEADER_CHARS else title[:_HEADER_CHARS] + "…"
        super().__init__(
            fh,
            pagesize=(S.PORTRAIT.width, S.PORTRAIT.height),
            title=title,
            author=one_line(pack.prepared_by),
            subject=one_line(pack.scope),
            creator="PanPRD Desk",
            lang="zh-CN",
            # Otherwise the canvas starts in Helvetica and the PDF lists a font that is
            # never embedded (pdffonts: emb=no).
            initialFontName=PDF_SONG,
            initialFontSize=S.BODY_SIZE,
        )
        self.addPageTemplates(
            [
                self._template("cover", S.PORTRAIT, running=False),
                self._template("body", S.PORTRAIT, running=True),
                self._template("landscape", S.LANDSCAPE, running=True),
            ]
        )

    def _template(self, name: str, g: S.PageGeometry, running: bool) -> PageTemplate:
        frame = Frame(
            g.left, g.bottom, g.frame_width, g.frame_height, id=name, leftPadding=0, rightPadding=0,
            topPadding=0, bottomPadding=0,
        )  # fmt: skip

        def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
            if running:
                self._running_header(canvas, g)
                self._page_number(canvas, g, doc.page)

        return PageTemplate(id=name, frames=[frame], onPage=decorate, pagesize=(g.width, g.height))

    def _running_header(self, canvas: Canvas, g: S.PageGeometry) -> None:
        para = _p(self._header, S.HEADER, PDF_SONG)
        _, h = para.wrap(g.frame_width, 40)
        y = g.height - g.top + 6 * mm
        para.drawOn(canvas, g.left, y)
        canvas.setLineWidth(0.5)
        canvas.line(g.left, y - 2, g.width - g.right, y - 2)

    @staticmethod
    def _page_number(canvas: Canvas, g: S.PageGeometry, page: int) -> None:
        # GB/T 9704: "— N —", 7 mm under the text block; odd pages right, even left,
        # one character in from the edge of the text block.
        text = f"— {page} —"
        canvas.setFont(PDF_SONG, S.PAGE_NO_SIZE)
        y = g.bottom - 7 * mm - S.PAGE_NO_SIZE
        if page % 2:
            canvas.drawRightString(g.width - g.right - S.PAGE_NO_SIZE, y, text)
        else:
            canvas.drawString(g.left + S.PAGE_NO_SIZE, y, text)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab hook name)
        if getattr(flowable, "panprd_tick", False):
            self._ticker.tick()
        else:
            self._ticker.check()


def _cover(pack: BriefingPack) -> list[Flowable]:
    story: list[Flowable] = []
    marking = W.marking(pack)
    story.append(_p(marking, S.MARKING, PDF_HEI) if marking else Spacer(1, S.LEADING))
    story += [
        Spacer(1, 40 * mm),
        _StrokedTitle(pdf_markup(one_line(pack.title) or "工作材料", PDF_SONG), S.TITLE),
        Spacer(1, 20 * mm),
    ]
    for label, value in W.cover_lines(pack):
        story.append(_p(f"{label}：{value}", S.COVER_LINE))
    return story


def _summary(pack: BriefingPack, width: float) -> list[Flowable]:
    story: list[Flowable] = [_p(W.HEADING_SUMMARY, S.H1, PDF_HEI)]
    story += [_p(line, S.BODY) for line in W.summary_lines(pack)]
    if pack.summary.total:
        story += [Spacer(1, 4 * mm), count_table(("进展情况", "措施数"), W.status_rows(pack), width * 0.6)]
        if pack.summary.by_lead:
            story += [
                _p("按牵头单位统计：", S.BODY),
                count_table(("牵头单位", "措施数"), W.lead_rows(pack), width * 0.6),
            ]
    return story


def _measure(m: PackMeasure) -> list[Flowable]:
    story: list[Flowable] = [
        _Tick(pdf_markup(W.detail_heading(m), PDF_BODY_BOLD), S.H3),
        _p(W.measure_text(m), S.BODY),
    ]
    for line in W.detail_lines(m):
        parts = [f"<b>{pdf_markup(name, PDF_BODY_BOLD)}：</b>{pdf_markup(value, PDF_BODY)}" for name, value in line]
        story.append(_Para(W.FIELD_SEP.join(parts), S.FIELD))
    if m.notes:
        story.append(_Para(f"<b>{pdf_markup(W.NOTES_LABEL + '：', PDF_BODY_BOLD)}</b>", S.FIELD))
        for note in m.notes:
            who, body = W.note_line(note)
            story.append(_Para(f"<b>{pdf_markup(who, PDF_BODY_BOLD)}</b>　{pdf_markup(body, PDF_BODY)}", S.NOTE))
    return story


def _story(pack: BriefingPack, ticker: Ticker) -> list[Flowable]:
    story = _cover(pack)
    story += [NextPageTemplate("body"), PageBreak()]
    story += _summary(pack, S.PORTRAIT.frame_width)
    if pack.is_empty:
        story += [Spacer(1, 30 * mm), _p(W.EMPTY, S.EMPTY, PDF_HEI), Spacer(1, 8 * mm)]
        story.append(_p(W.EMPTY_HINT.format(scope=one_line(pack.scope) or "全部措施"), S.BODY))
        return story
    geometry = S.LANDSCAPE if pack.landscape_table else S.PORTRAIT
    if pack.landscape_table:
        story += [NextPageTemplate("landscape"), PageBreak()]
    else:
        story.append(CondPageBreak(60 * mm))
    story += [
        _p(W.HEADING_TABLE, S.H1, PDF_HEI),
        division_table(pack, geometry.frame_width, ticker),
    ]
    story += [NextPageTemplate("body"), PageBreak(), _p(W.HEADING_DETAILS, S.H1, PDF_HEI)]
    for heading, group in W.headed_groups(pack):
        if heading:
            story.append(_p(heading, S.H2, PDF_KAI_BOLD))
        for m in group.measures:
            story += _measure(m)
    return story


def write_pdf(
    pack: BriefingPack,
    out: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> Path:
    """Write ``pack`` as a PDF at ``out``, atomically. Returns ``out``.

    Raises ExportError (one-line message) on failure, ExportCancelled if ``cancelled()``
    turns true; in both cases ``out`` is untouched and no temporary file remains.
    """
    register_pdf_fonts()
    n = len(pack.measures)
    ticker = Ticker(2 * n + 1, progress, cancelled)
    ticker.check()

    def write(fh: BinaryIO) -> None:
        try:
            _Doc(fh, pack, ticker).build(_story(pack, ticker))
        except LayoutError as exc:  # table cells are clipped, so this should not happen
            detail = " ".join(str(exc).split())[:200]  # reportlab's message spans lines
            raise ExportError(f"导出 {out} 失败：有一项内容过长，无法排入一页（{detail}）", path=Path(out)) from exc

    atomic_write(Path(out), write)
    ticker.finish()
    return Path(out)
