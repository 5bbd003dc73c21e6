"""A reportlab canvas whose finished pages leave memory, and whose file is written as it is made.

reportlab keeps every page's content stream (uncompressed, ~12 KB a page) until ``save``,
then builds the whole file as one list of byte strings and joins it: memory grows with the
pack (issue 13). Here each page's stream is compressed as soon as the page is finished and
moved to a temporary file; at save the streams are read back one at a time, and the file
is written straight to its handle instead of being collected first. The bytes are the ones
reportlab would have written.

Page objects are made light too (_LightPage): their unset entries become class attributes
and, once written, they keep only the name they are registered under. What still grows is
reportlab's cross-reference bookkeeping, about 1 KB a page (+16 MB for 20,000 measures).

reportlab internals used, all checked: a page's ``Contents`` may be set before formatting
(``PDFPage.check_format`` keeps it); ``PDFDocument.format`` collects its output in a PDFFile
stored as ``document.__accum__``, adding through its ``write`` (if that changes, the file is
still right, only collected in memory as before); ``PDFDocument.Reference`` needs nothing of
an object registered before but its ``__InternalName__``. tests/exporters compare the
output byte for byte with the unstreamed layout.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

_ACCUM = "__accum__"  # where PDFDocument.format keeps its output collector


class _SpilledStream(pdfdoc.PDFObject):
    """A page's content stream, already compressed, waiting in the spill file."""

    __RefOnly__ = 1  # a top-level object, referenced from its page (as PDFStream)

    def __init__(self, canvas: SpillCanvas, offset: int, length: int, compressed: bool) -> None:
        self._canvas = canvas
        self._offset = offset
        self._length = length
        self._compressed = compressed

    def format(self, document: Any) -> bytes:
        self._canvas.check()  # writing the file takes seconds for thousands of pages: Cancel works here too
        spill = self._canvas.spill
        spill.seek(self._offset)
        content = document.encrypt.encode(spill.read(self._length))
        # As PDFStream.format: the dictionary lists the filter, then the length.
        entries: dict[str, Any] = {}
        if self._compressed:
            entries["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        entries["Length"] = len(content)
        head = pdfdoc.format(pdfdoc.PDFDictionary(entries), document)
        _forget(self)  # formatted once; only the name it is registered under is needed later
        return head + b"\nstream\n" + content + b"endstream\n"


class _LightPage(pdfdoc.PDFPage):
    """A page object that holds little while it waits for the save, and nothing after.

    A PDFPage sets some 25 optional entries to None on each instance (~1.5 KB a page);
    here they are class attributes. Once formatted, only the name it is referenced by
    stays: later references (the page tree, bookmarks) need nothing else."""

    # Read (never written) when the page is formatted; a page that used none keeps none.
    _colorsUsed: dict[str, Any] = {}  # noqa: RUF012
    _shadingUsed: dict[str, Any] = {}  # noqa: RUF012

    def format(self, document: Any) -> bytes:
        out = pdfdoc.PDFPage.format(self, document)
        _forget(self)
        return out


for _entry in pdfdoc.PDFPage.__NoDefault__:
    setattr(_LightPage, _entry, None)
_NAME = "__InternalName__"  # the name PDFDocument.Reference registers an object under


def _forget(obj: pdfdoc.PDFObject) -> None:
    """Drop everything but the name ``obj`` is registered under (PDFDocument.Reference
    checks it when the object is referred to again, e.g. a page from the page tree)."""
    name = obj.__dict__.get(_NAME)
    obj.__dict__ = {_NAME: name} if name is not None else {}


# Every page carries an empty transition dictionary (written as /Trans << >>): one shared.
_NO_TRANSITION = pdfdoc.PDFDictionary({})


def _lighten(page: pdfdoc.PDFPage) -> None:
    """Make ``page`` a _LightPage holding only the entries that are set."""
    if type(page) is not pdfdoc.PDFPage:
        return
    page.__class__ = _LightPage
    kept = {}
    for key, value in page.__dict__.items():
        if value is None and key in _OPTIONAL:
            continue  # the class attribute says None
        if key in _EMPTY_OK and not value:
            continue  # an empty list or dict reads as None / the class's {} when formatted
        if key == "Trans" and isinstance(value, pdfdoc.PDFDictionary) and not value.dict:
            value = _NO_TRANSITION
        kept[key] = value
    page.__dict__ = kept  # a new dict: a dict does not shrink when entries are deleted


_OPTIONAL = frozenset(pdfdoc.PDFPage.__NoDefault__)
_EMPTY_OK = frozenset(("Annots", "_colorsUsed", "_shadingUsed"))


class SpillCanvas(Canvas):
    """A Canvas that moves each finished page's stream to ``spill`` (a binary temporary file)
    and writes the PDF to its file handle as it is formatted."""

    def __init__(self, filename: BinaryIO, *args: Any, spill: BinaryIO, check: Callable[[], None] = lambda: None,
                 **kwargs: Any) -> None:
        super().__init__(filename, *args, **kwargs)
        self.spill = spill
        self.check = check  # raises ExportCancelled when the user cancelled
        if hasattr(filename, "write") and type(self._doc) is pdfdoc.PDFDocument:
            self._doc.__class__ = _StreamingDocument
            self._doc.out = filename

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        super().showPage()
        page = self._doc.Pages.pages[-1]
        stream = page.stream
        if not stream or page.Contents or rl_config.useA85:
            return  # (ASCII85 on top: reportlab's own path; exporters.pdf_writer turns it off)
        data = stream.encode("utf8") if isinstance(stream, str) else bytes(stream)
        compressed = bool(page.compression)
        if compressed:  # PDFStreamFilterZCompress
            data = zlib.compress(data)
        offset = self.spill.seek(0, io.SEEK_END)
        self.spill.write(data)
        page.Contents = _SpilledStream(self, offset, len(data), compressed)
        page.stream = None
        _lighten(page)


class _StreamingDocument(pdfdoc.PDFDocument):
    """A PDFDocument whose output goes straight to ``out`` while it is formatted.

    ``PDFDocument.format`` makes a PDFFile collector and stores it as ``self.__accum__``;
    this property catches that moment, writes what the collector holds (the file header)
    and points its ``write`` at the file handle. ``format`` then returns only what was
    collected since — nothing — and ``SaveToFile`` writes that."""

    out: BinaryIO

    @property
    def __accum__(self) -> Any:  # noqa: N802 (reportlab's mangled name)
        return self.__dict__[_ACCUM]

    @__accum__.setter
    def __accum__(self, collector: Any) -> None:  # noqa: N802
        self.__dict__[_ACCUM] = collector
        strings = getattr(collector, "strings", None)
        if not isinstance(strings, list) or not callable(getattr(collector, "write", None)):
            return  # reportlab changed: keep its in-memory collection
        for chunk in strings:
            self.out.write(chunk)
        strings.clear()
        collector.write = self.out.write

    @__accum__.deleter
    def __accum__(self) -> None:  # noqa: N802
        self.__dict__.pop(_ACCUM, None)
