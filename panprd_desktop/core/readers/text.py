"""Plain text files: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK or Big5-HKSCS."""

from __future__ import annotations

import codecs

from panprd_desktop.core.errors import ImportRejected


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
