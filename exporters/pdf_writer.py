"""Briefing pack → PDF (reportlab), with the shipped fonts embedded."""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
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
    Spacer,
)

from exporters import pdf_styles as S
from exporters import wording as W
from exporters.atomic import atomic_write
from exporters.cjk_break import protect
from exporters.errors import ExportError
from exporters.fonts import PDF_BODY, PDF_BODY_BOLD, PDF_HEI, PDF_KAI, PDF_SONG, PDF_TITLE, register_pdf_fonts
from exporters.pack import BriefingPack, PackMeasure
from exporters.pdf_stream import SpillCanvas
from exporters.pdf_table import count_table, division_table
from exporters.pdf_text import BlockStyle, Span, TextBlock
from exporters.progress import CancelledFn, ProgressFn, Ticker
from exporters.text import one_line

# Compressed page streams stay binary: ASCII85 on top cost ~10% of the export time
# (pure Python here) and makes files a quarter larger; every PDF reader takes binary.
rl_config.useA85 = 0

_HEADER_CHARS = 40  # a longer title is cut in the running header (the cover has it whole)
_TITLE_CHARS = 20  # 二号 characters per title line in the 156 mm text block
# Flowables of the story kept ahead of the one being laid out: the story is a generator
# (memory bounded, issue 13); reportlab looks ahead only for keep-with-next chains (≤ 3).
_AHEAD = 32


def _p(text: str, style: BlockStyle, font: str = PDF_BODY, outline: int | None = None,
       protected: re.Pattern[str] | None = None) -> TextBlock:
    return TextBlock([(text, font)], style, protected=protected,
                     outline=(one_line(text), outline) if outline is not None else None)


class _Tick(TextBlock):
    """A paragraph whose laying-out counts as one progress step (see _Doc.afterFlowable)."""

    panprd_tick = True


class _Doc(BaseDocTemplate):
    def __init__(self, fh: BinaryIO, pack: BriefingPack, ticker: Ticker) -> None:
        self._pack = pack
        self._ticker = ticker
        self._more: Iterator[Flowable] = iter(())
        self._story: list[Flowable] = []
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
            canvas.showOutline()  # open the viewer's bookmark pane
            if running:
                self._running_header(canvas, g)
                self._page_number(canvas, g, doc.page)

        return PageTemplate(id=name, frames=[frame], onPage=decorate, pagesize=(g.width, g.height))

    def _running_header(self, canvas: Canvas, g: S.PageGeometry) -> None:
        para = _p(self._header, S.B_HEADER, PDF_SONG)
        para.wrap(g.frame_width, 40)
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
        # The top of the figures (the em box's ascent, 0.88 em) sits 7 mm under the block.
        y = g.bottom - 7 * mm - 0.88 * S.PAGE_NO_SIZE
        if page % 2:
            canvas.drawRightString(g.width - g.right - S.PAGE_NO_SIZE, y, text)
        else:
            canvas.drawString(g.left + S.PAGE_NO_SIZE, y, text)

    def build_from(self, story: Iterator[Flowable], canvasmaker: type[Canvas] | functools.partial[Canvas]) -> None:
        """Lay out ``story`` while it is being generated: only _AHEAD flowables exist at a time."""
        self._more = story
        self._story = []
        self._top_up(self._story)
        self.build(self._story, canvasmaker=canvasmaker)

    def _top_up(self, flowables: list[Flowable]) -> None:
        while len(flowables) < _AHEAD:
            nxt = next(self._more, None)
            if nxt is None:
                return
            flowables.append(nxt)

    def filterFlowables(self, flowables: list[Flowable]) -> None:  # noqa: N802 (reportlab hook name)
        # Called before each flowable is handled: the list never runs dry while the story
        # has more (build's loop ends on an empty list). Also called on reportlab's own
        # list of page-start actions, which must be left alone.
        if flowables is self._story:
            self._top_up(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab hook name)
        if getattr(flowable, "panprd_tick", False):
            self._ticker.tick()
        else:
            self._ticker.check()


def _cover(pack: BriefingPack) -> list[Flowable]:
    story: list[Flowable] = []
    marking = W.marking(pack)
    story.append(_p(marking, S.B_MARKING, PDF_HEI) if marking else Spacer(1, S.LEADING))
    title = "\n".join(W.title_lines(one_line(pack.title) or "工作材料", _TITLE_CHARS))
    story += [Spacer(1, 40 * mm), _p(title, S.B_TITLE, PDF_TITLE), Spacer(1, 20 * mm)]
    for label, value in W.cover_lines(pack):
        story.append(_p(f"{label}：{value}", S.B_COVER))
    return story


def _summary(pack: BriefingPack, width: float, height: float) -> list[Flowable]:
    story: list[Flowable] = [_p(W.HEADING_SUMMARY, S.B_H1, PDF_HEI, outline=0)]
    story += [_p(line, S.B_BODY) for line in W.summary_lines(pack)]
    if pack.summary.total:
        story += [Spacer(1, 4 * mm), count_table(("进展情况", "措施数"), W.status_rows(pack), width * 0.6, height)]
        if pack.summary.by_lead:
            story += [
                _p("按牵头单位统计：", S.B_BODY),
                count_table(("牵头单位", "措施数"), W.lead_rows(pack), width * 0.6, height),
            ]
    return story


def _fields(line: list[tuple[str, str]]) -> list[Span]:
    spans: list[Span] = []
    for i, (name, value) in enumerate(line):
        spans += [((W.FIELD_SEP if i else "") + name + "：", PDF_BODY_BOLD), (value, PDF_BODY)]
    return spans


def _measure(m: PackMeasure, pack: BriefingPack, protected: re.Pattern[str] | None) -> list[Flowable]:
    label = one_line(m.label)
    title = one_line(m.section_title)
    head: list[Span] = [(label, PDF_BODY_BOLD)] if label else []
    if title:
        head.append((("　" if label else "") + title, PDF_BODY))
    story: list[Flowable] = [
        _Tick(head or [("措施", PDF_BODY_BOLD)], S.B_H3, protected=protected),
        _p(W.measure_text(m), S.B_BODY, protected=protected),
    ]
    for line in W.detail_lines(m, pack):
        story.append(TextBlock(_fields(line), S.B_FIELD, protected=protected))
    if m.notes and pack.include_notes:
        story.append(TextBlock([(W.NOTES_LABEL + "：", PDF_BODY_BOLD)], S.B_FIELD))
        for note in m.notes:
            stamp, body = W.note_line(note, pack)
            spans: list[Span] = [(stamp + "　", PDF_BODY_BOLD)] if stamp else []
            story.append(TextBlock([*spans, (body, PDF_BODY)], S.B_BODY, protected=protected))
    return story


def _story(pack: BriefingPack, ticker: Ticker) -> Iterator[Flowable]:
    """The flowables of the pack in order, made as the layout reaches them."""
    protected = protect(W.owner_names(pack))
    yield from _cover(pack)
    yield from (NextPageTemplate("body"), PageBreak())
    yield from _summary(pack, S.PORTRAIT.frame_width, S.PORTRAIT.frame_height)
    if pack.is_empty:
        yield from (Spacer(1, 30 * mm), _p(W.EMPTY, S.B_EMPTY, PDF_HEI), Spacer(1, 8 * mm))
        yield _p(W.EMPTY_HINT.format(scope=one_line(pack.scope) or "全部措施"), S.B_BODY)
        return
    geometry = S.LANDSCAPE if pack.landscape_table else S.PORTRAIT
    if pack.landscape_table:
        yield from (NextPageTemplate("landscape"), PageBreak())
    else:
        yield CondPageBreak(60 * mm)
    yield _p(W.HEADING_TABLE, S.B_H1, PDF_HEI, outline=0)
    yield division_table(pack, geometry.frame_width, geometry.frame_height, ticker, protected)
    yield from (NextPageTemplate("body"), PageBreak(), _p(W.HEADING_DETAILS, S.B_H1, PDF_HEI, outline=0))
    for heading, group in W.headed_groups(pack):
        if heading:
            yield _p(heading, S.B_H2, PDF_KAI, outline=1, protected=protected)
        for m in group.measures:
            yield from _measure(m, pack, protected)


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
        # Finished pages wait in a temporary file, compressed, until the PDF is written.
        with tempfile.TemporaryFile() as spill:
            try:
                canvas = functools.partial(SpillCanvas, spill=spill, check=ticker.check)
                _Doc(fh, pack, ticker).build_from(_story(pack, ticker), canvas)
            except LayoutError as exc:  # table cells are clipped, so this should not happen
                detail = " ".join(str(exc).split())[:200]  # reportlab's message spans lines
                raise ExportError(f"导出 {out} 失败：有一项内容过长，无法排入一页（{detail}）",
                                  path=Path(out)) from exc

    atomic_write(Path(out), write)
    ticker.finish()
    return Path(out)
