"""Search normalization: the form both the index and the query are folded to.

Folding is character-for-character (full/half width, case, Traditional → Simplified),
followed by dropping whitespace that is not between two Latin words — so
``福建 21 世纪`` and ``福建21世纪`` fold to the same string. Because only whitespace is ever
dropped, :func:`fold_with_offsets` can map every folded character back to the original
text, which is how snippets and highlight offsets stay exact.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
import zlib
from functools import cache
from pathlib import Path

# Zero-width and other invisible characters behave like whitespace for matching — so do the
# bidi controls (LRE…RLO, LRI…PDI, LRM/RLM, ALM): invisible, yet they split any term.
_INVISIBLE = ("\u200b\u200c\u200d\u2060\ufeff"
              "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_SPACE_RUN = re.compile(r"\s+")


FOLD_CACHE_FORMAT = "2"  # bump when _build_fold_table changes what it produces (2: bidi controls)


@cache
def _fold_table() -> dict[int, str]:
    """The folding table, read from the on-disk cache (<1 ms) or built once (~70 ms) and cached.

    Building it runs OpenCC over every BMP ideograph; doing that on every start made
    ``panprd search`` cost 7× a bare interpreter. The cache file is keyed by the OpenCC and
    Unicode versions, so an upgrade of either rebuilds it; any problem with the file (missing,
    unreadable, read-only folder) only means building the table again.
    """
    path = _fold_cache_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError), open(path, encoding="utf-8", newline="") as fh:
            return _read_pairs(fh.read())
    table = _build_fold_table()
    if path is not None:
        with contextlib.suppress(OSError, ValueError):
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                fh.write("".join(chr(k) + v for k, v in sorted(table.items())))
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    return table


def _fold_cache_path() -> Path | None:
    """``<user cache>/fold-<format>-<opencc stamp>-<unicode>.txt`` (``$PANPRD_CACHE_DIR`` overrides).

    OpenCC is identified by where it is installed and when (not by importlib.metadata, which
    alone costs 30 ms of start-up): reinstalling or upgrading it changes the stamp."""
    try:
        from importlib.util import find_spec

        spec = find_spec("opencc")
        if spec is None or spec.origin is None:
            return None
        origin = Path(spec.origin)
        stamp = zlib.crc32(f"{origin}|{origin.stat().st_mtime_ns}".encode())
        folder = os.environ.get("PANPRD_CACHE_DIR")
        if folder:
            base = Path(folder)
        else:
            from panprd_desktop.paths import user_cache_dir  # not platformdirs: see there

            base = user_cache_dir()
    except Exception:  # no cache folder: build in memory every time
        return None
    return base / f"fold-{FOLD_CACHE_FORMAT}-{stamp:08x}-{unicodedata.unidata_version}.txt"


def _read_pairs(text: str) -> dict[int, str]:
    """The cache file is the table as consecutive (source, target) characters."""
    if len(text) % 2 or len(text) < 2000:  # truncated or foreign: rebuild
        raise ValueError("bad fold cache")
    return {ord(text[i]): text[i + 1] for i in range(0, len(text), 2)}


def _build_fold_table() -> dict[int, str]:
    """Build the one-to-one folding table (~70 ms: OpenCC over every BMP ideograph)."""
    import opencc

    table: dict[int, str] = {}
    for code in range(0x20, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) != 1:
            folded = ch
        folded = folded.lower() if len(folded.lower()) == 1 else folded
        if folded != ch:
            table[code] = folded
    # Traditional → Simplified, character by character: separating characters by newlines
    # keeps OpenCC from applying phrase rules, so the mapping stays one-to-one.
    converter = opencc.OpenCC("t2s")
    cjk = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    sources = [table.get(ord(c), c) for c in cjk]
    simplified = converter.convert("\n".join(sources)).split("\n")
    if len(simplified) == len(cjk):
        for original, src, simp in zip(cjk, sources, simplified, strict=True):
            if len(simp) == 1 and simp != original:
                table[ord(original)] = simp
            elif src != original:
                table[ord(original)] = src
    for ch in _INVISIBLE:
        table[ord(ch)] = " "
    return table


def fold_table() -> dict[int, str]:
    """The one-to-one folding table (code point → character) :func:`fold` translates with."""
    return _fold_table()


# From this length on a text is translated through the dense table (queries stay on the dict,
# so a cold ``panprd search`` never builds it).
_DENSE_FROM = 64


@cache
def _dense_table() -> list[int]:
    """The folding table as a list indexed by BMP code point (identity where nothing folds).

    ``str.translate`` with the dict raises and clears a KeyError for every character that
    does not fold — most of a Chinese text —, which made folding whole documents at import
    cost 60 ns a character; a list never misses within the BMP (2.4× faster, ~2 MB, built in
    2 ms). Beyond the BMP the list raises IndexError, a LookupError, so ``translate`` leaves
    the character as it is — exactly what the dict does."""
    table = list(range(0x10000))
    for code, target in _fold_table().items():
        table[code] = ord(target)
    return table


# From this length a text is first searched for the characters that fold (issue 13: imports
# fold whole documents). A Simplified text holds a dozen distinct ones — full-width
# punctuation, capitals — and replacing each is a C loop: 2× faster than translating every
# character. The first _SAMPLE characters decide: more distinct folding characters than
# _SPARSE_MAX there (Traditional text) and the table is faster.
_SCAN_FROM = 4096
_SAMPLE = 2048
_SPARSE_MAX = 32


@cache
def _folding_chars() -> re.Pattern[str]:
    """One character class of every character that folds (~7 ms to compile, once)."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_fold_table())) + "]")


def _translate_sparse(text: str) -> str | None:
    """``translate_fold(text)`` by replacing each distinct folding character, or None when
    the text has too many of them (or one folds to another that is also present: replacing
    in turn would fold it twice, where ``translate`` folds once)."""
    folding = _folding_chars()
    if len(set(folding.findall(text, 0, _SAMPLE))) > _SPARSE_MAX:
        return None
    found = set(folding.findall(text))
    table = _fold_table()
    targets = {table[ord(ch)] for ch in found}
    if len(found) > 2 * _SPARSE_MAX or not targets.isdisjoint(found):
        return None
    for ch in found:
        text = text.replace(ch, table[ord(ch)])
    return text


def translate_fold(text: str) -> str:
    """The character-for-character step of :func:`fold` (no whitespace handling)."""
    if len(text) < _DENSE_FROM:
        return text.translate(_fold_table())
    if len(text) >= _SCAN_FROM and (sparse := _translate_sparse(text)) is not None:
        return sparse
    return text.translate(_dense_table())


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _keep_space(text: str, start: int, end: int) -> bool:
    """A whitespace run survives only between two Latin letters/digits ("Hong Kong")."""
    if start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    return _is_word_char(before) and _is_word_char(after) and not (before.isdigit() or after.isdigit())


def fold(text: str) -> str:
    """Fold ``text`` for matching. Pure function; fast (``str.translate`` + one regex)."""
    translated = translate_fold(text)
    if _SPACE_RUN.search(translated) is None:  # in C: a Python loop here cost imports 20%
        return translated
    return _SPACE_RUN.sub(
        lambda m: " " if _keep_space(translated, m.start(), m.end()) else "", translated
    )


def fold_compact(text: str) -> str:
    """``fold(text)`` with every space removed — in one pass over a whole text.

    The same result as ``fold(text).replace(" ", "")``: ``fold`` only ever turns a whitespace
    run into one space or nothing, so dropping them all is dropping every whitespace run of
    the translated text. A content hash used to fold thousands of pieces one by one (issue 13).
    """
    # str.split() drops exactly the runs \s+ matches (both use Py_UNICODE_ISSPACE), 5× faster.
    return "".join(translate_fold(text).split())


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return, for each folded character, its index in ``text``."""
    translated = translate_fold(text)
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE_RUN.finditer(translated):
        out.append(translated[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        if _keep_space(translated, m.start(), m.end()):
            out.append(" ")
            offsets.append(m.start())
        pos = m.end()
    out.append(translated[pos:])
    offsets.extend(range(pos, len(translated)))
    return "".join(out), offsets


def is_storable(text: str) -> bool:
    """False for text holding lone surrogates (e.g. a mis-encoded command line): SQLite cannot
    store it, so nothing stored can equal or contain it."""
    return not any("\ud800" <= ch <= "\udfff" for ch in text)


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF
