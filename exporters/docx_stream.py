"""A .docx whose body is streamed: python-docx builds it, lxml never holds it whole.

python-docx keeps the whole document as one lxml tree until ``save``, which serialises it
again as one string: 370 MB peak for 5,000 measures, growing with the pack (issue 13).
Here python-docx still builds everything (styles, sections, headers and footers, each
paragraph and table row), but the long runs — the 分工表's rows and the details — are
moved out of the tree every few dozen measures, serialised to a temporary file and
dropped. A marker element stands where they belong; at save, ``word/document.xml`` is
written into the zip in streaming mode with the chunks spliced in at the markers. The
bytes are the same python-docx would have written for the whole tree.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from typing import BinaryIO

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

_MARKER = qn("w:panprdSpill")
_CHUNK = qn("w:panprdChunk")
# How a marker reads in python-docx's serialisation (the w prefix is declared on the root).
_MARKER_BYTES = re.compile(rb"<w:panprdSpill>(\d+)</w:panprdSpill>")
DOCUMENT_XML = "word/document.xml"
_COPY = 1 << 20  # bytes copied from the spill file at a time


class BodySpill:
    """Chunks of body XML kept in a temporary file until the document is saved."""

    def __init__(self) -> None:
        self._file: BinaryIO = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        self._chunks: list[list[tuple[int, int]]] = []

    def marker(self) -> etree._Element:
        """A new marker element; insert it where the chunks flushed to it belong."""
        element = etree.Element(_MARKER)
        element.text = str(len(self._chunks))
        self._chunks.append([])
        return element

    def flush(self, marker: etree._Element, elements: Iterable[etree._Element]) -> None:
        """Move ``elements`` (in document order, following what was flushed before) out of
        the tree into the temporary file, at ``marker``."""
        # Declared on the chunk container, the root's namespaces are not repeated on every
        # element serialised out of it, exactly as in the whole document.
        container = etree.Element(_CHUNK, nsmap=marker.getroottree().getroot().nsmap)
        for element in list(elements):
            container.append(element)  # lxml moves it out of the document
        if not len(container):
            return
        data = etree.tostring(container, encoding="UTF-8")
        body = memoryview(data)[data.index(b">") + 1: data.rindex(b"</")]
        offset = self._file.seek(0, io.SEEK_END)
        self._file.write(body)
        self._chunks[int(marker.text or 0)].append((offset, len(body)))

    def save(self, doc: Document, fh: BinaryIO, check: Callable[[], None] = lambda: None) -> None:
        """Save ``doc`` (holding only markers where the chunks go) as a .docx to ``fh``;
        ``check`` is called between chunks (it raises to cancel)."""
        small = io.BytesIO()
        doc.save(small)
        with zipfile.ZipFile(small) as src, zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                out = zipfile.ZipInfo(info.filename, info.date_time)
                out.compress_type = zipfile.ZIP_DEFLATED
                out.external_attr = info.external_attr
                if info.filename != DOCUMENT_XML:
                    dst.writestr(out, src.read(info))
                    continue
                xml = src.read(info)
                with dst.open(out, "w") as stream:
                    pos = 0
                    for found in _MARKER_BYTES.finditer(xml):
                        stream.write(xml[pos:found.start()])
                        self._copy(int(found.group(1)), stream, check)
                        pos = found.end()
                    stream.write(xml[pos:])

    def _copy(self, index: int, stream: BinaryIO, check: Callable[[], None]) -> None:
        for offset, length in self._chunks[index]:
            check()
            self._file.seek(offset)
            while length > 0:
                data = self._file.read(min(_COPY, length))
                if not data:
                    break
                stream.write(data)
                length -= len(data)

    def close(self) -> None:
        self._file.close()

