"""Bounds on what one imported file may cost, and bounded reading of zip members.

A hostile or broken file must be refused quickly with one line, never allowed to eat memory or
time: zip headers can lie about sizes, XML can nest without end, a PDF can hold a million
pages. Every limit here is far above what a real government document needs.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.parsing.structure import MAX_MEASURES as PARSER_MAX_MEASURES

MAX_FILE_BYTES = 50 * 1024 * 1024
# One zip member (document.xml, a worksheet) once decompressed; read as a stream and counted,
# because the size in the zip header is whatever the file's author wrote there.
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_XML_DEPTH = 256  # real .docx files stay under ~40 even with tables in tables
MAX_XML_ELEMENTS = 3_000_000  # a 500-page Word file has a few hundred thousand
MAX_PDF_PAGES = 3000
MAX_TEXT_CHARS = 30_000_000  # extracted text (PDF, .docx, .xlsx) before parsing
MAX_XLSX_ROWS = 100_000
MAX_XLSX_COLS = 64
# Per document (the guideline has 193): the parser's limit, also applied to tables and paragraphs.
MAX_MEASURES = PARSER_MAX_MEASURES

_CHUNK = 1 << 20

Check = Callable[[], None] | None


def read_member(zf: zipfile.ZipFile, member: str, name: str, check: Check = None) -> bytes:
    """Decompress one member, refusing it as soon as it grows past MAX_MEMBER_BYTES."""
    chunks: list[bytes] = []
    total = 0
    with zf.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > MAX_MEMBER_BYTES:
                mb = MAX_MEMBER_BYTES // 1048576
                raise ImportRejected(f"{name}: 文件内容解压后异常庞大（超过 {mb} MB），已拒绝 (oversized zip member)")
            chunks.append(chunk)
            if check:
                check()
    return b"".join(chunks)


def check_zip_header(zf: zipfile.ZipFile, name: str) -> None:
    """Cheap first refusal from the declared sizes (read_member still counts real bytes)."""
    infos = zf.infolist()
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > 2 * MAX_MEMBER_BYTES or unpacked / packed > MAX_ZIP_RATIO:
        raise ImportRejected(f"{name}: 文件内容异常庞大，已拒绝 (oversized zip members)")


def check_text_size(text_chars: int, name: str) -> None:
    if text_chars > MAX_TEXT_CHARS:
        raise ImportRejected(
            f"{name}: 文字超过 {MAX_TEXT_CHARS // 1_000_000} 百万字，已拒绝 (too much text)"
        )


def check_measures(count: int, name: str) -> None:
    if count > MAX_MEASURES:
        raise ImportRejected(f"{name}: 条文超过 {MAX_MEASURES} 条，已拒绝 (too many measures)")
