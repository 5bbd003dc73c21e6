"""Reading untrusted files into text: encodings, Markdown, .docx — or a clear refusal.

Every failure is an :class:`ImportRejected` with a one-line message; nothing here touches
the database, so a rejected file can never leave half-imported data behind.
"""

from __future__ import annotations

import codecs
import zipfile
from dataclasses import dataclass
from pathlib import Path

from panprd_desktop.core.errors import ImportRejected
from panprd_desktop.core.storage_errors import not_a_readable_file

MAX_FILE_BYTES = 50 * 1024 * 1024
# A .docx may compress well, but not like a zip bomb; and we only read document.xml.
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 200
SUFFIXES = (".txt", ".md", ".markdown", ".docx")


@dataclass(frozen=True)
class SourceText:
    text: str
    markdown: bool
    encoding: str
    title_hint: str


def _common_fraction(text: str, encoding: str, lo: bytes, hi: bytes) -> float:
    """Share of Han characters that fall in ``encoding``'s first-level (most common) block."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    common = 0
    for ch in han:
        try:
            code = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(code) == 2 and lo <= code <= hi:
            common += 1
    return common / len(han)


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK or Big5-HKSCS."""
    if not data.strip():
        raise ImportRejected(f"{name}: 文件为空 (the file is empty)")
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ImportRejected(f"{name}: 无法按 UTF-16 解码 (undecodable UTF-16 text)") from exc
    if b"\x00" in data[:8192]:
        raise ImportRejected(f"{name}: 这是二进制文件，不是文本 (a binary file, not text)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for enc, lo, hi in (("gb18030", b"\xb0\xa1", b"\xd7\xf9"), ("big5hkscs", b"\xa4\x40", b"\xc6\x7e")):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        check_enc = "gb2312" if enc == "gb18030" else "big5"
        candidates.append((_common_fraction(text, check_enc, lo, hi), enc, text))
    if not candidates:
        raise ImportRejected(
            f"{name}: 无法识别文本编码 (not UTF-8, GB18030/GBK or Big5 text)"
        )
    score, enc, text = max(candidates)
    if sum(1 for ch in text if ch.isprintable() or ch.isspace()) < 0.95 * len(text) or score < 0.3:
        raise ImportRejected(f"{name}: 无法识别文本编码 (the text does not decode cleanly)")
    return text, enc


def _docx_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            unpacked = sum(i.file_size for i in infos)
            packed = max(1, sum(i.compress_size for i in infos))
            if unpacked > MAX_DOCX_UNPACKED or unpacked / packed > MAX_DOCX_RATIO:
                raise ImportRejected(f"{path.name}: .docx 内容异常庞大，已拒绝 (oversized zip members)")
            xml = zf.read("word/document.xml")
    except ImportRejected:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise ImportRejected(f"{path.name}: 不是有效的 Word 文档 (not a valid .docx)") from exc
    head = xml[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in xml.upper():
        raise ImportRejected(f"{path.name}: .docx 含有 DTD/实体声明，已拒绝 (DTD or entities in document.xml)")
    return _paragraph_text(xml, path.name)


def _paragraph_text(xml: bytes, name: str) -> str:
    """Paragraph texts of document.xml (body and table cells), in order."""
    from defusedxml import ElementTree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        root = ElementTree.fromstring(xml, forbid_dtd=True)
    except Exception as exc:  # defusedxml raises several unrelated types; all mean "bad file"
        raise ImportRejected(f"{name}: Word 文档内容已损坏 (corrupt document.xml)") from exc
    lines = []
    for para in root.iter(f"{w}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{w}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{w}tab",):
                parts.append(" ")
        lines.append("".join(parts))
    return "\n".join(lines)


def read_source(path: Path) -> SourceText:
    """Read one file for import, or raise ImportRejected saying why not."""
    name = path.name
    problem = not_a_readable_file(path)  # issue 12: a FIFO or a folder is not "no such file"
    if problem:
        raise ImportRejected(f"{name}: {problem}")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRejected(f"{name}: 文件过大（{size // 1048576} MB），上限 50 MB (file too large)")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path)
        if not text.strip():
            raise ImportRejected(f"{name}: 文档中没有文字 (the document has no text)")
        return SourceText(text, False, "docx", path.stem)
    if suffix not in SUFFIXES:
        raise ImportRejected(f"{name}: 不支持的文件类型 {suffix or '(无扩展名)'}，请用 .txt/.md/.docx")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{name}: 无法读取文件 ({exc.strerror})") from exc
    if data.startswith(b"PK\x03\x04"):
        raise ImportRejected(f"{name}: 这是压缩包/Word 文件，不是文本 (a zip archive, not text)")
    text, encoding = decode_text(data, name)
    return SourceText(text, suffix in (".md", ".markdown"), encoding, path.stem)
