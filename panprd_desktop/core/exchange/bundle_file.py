"""The bundle file: one JSON document (optionally in a zip), checked before anything is merged.

    {"format": "panprd-exchange", "version": 1, "checksum": "sha256:…",
     "content": {"origin": {library, office, at, seq}, "acks": {library: seq},
                 "scope": {owner, since, to}, "documents": [...], "changes": [...]}}

The checksum is SHA-256 over the canonical JSON of ``content`` (sorted keys, no spaces), so a
truncated or edited file is caught. A bundle is untrusted: the file and the unpacked JSON have
size limits (read in bounded chunks, so a zip bomb is stopped whatever its header claims),
hostile nesting stops at json's recursion guard, and every value's type and shape is checked.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from panprd_desktop.core.exchange.changes import BundleRejected, Change, change_from_json, check_id, check_time

FORMAT = "panprd-exchange"
VERSION = 1
MEMBER = "bundle.json"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_CHANGES = 2_000_000
MAX_DOCUMENTS = 200


@dataclass(frozen=True)
class Bundle:
    library: str
    office: str
    at: str
    seq: int
    acks: dict[str, int]
    changes: tuple[Change, ...]
    documents: tuple[Any, ...]  # validated later, against the receiving library
    since: int = 0  # the sender's history after this seq is all in the bundle (unless filtered)
    filtered: bool = False  # only some measures (--owner): says nothing about the others


def canonical(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def write_bundle(path: Path, content: dict[str, Any], *, zipped: bool) -> Path:
    """Write atomically (a temporary file renamed into place): never a half-written bundle."""
    body = canonical(content)
    doc = {"format": FORMAT, "version": VERSION, "checksum": "sha256:" + hashlib.sha256(body).hexdigest(),
           "content": content}
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".panprd-", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if zipped:
                with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
                    zf.writestr(MEMBER, data)
            else:
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_bytes(path: Path) -> bytes:
    """The bundle's JSON bytes, unpacked if zipped, within the size limits."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleRejected(f"无法读取交换包：{path.name} ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1_048_576
        raise BundleRejected(f"交换包过大（{size // 1_048_576} MB，上限 {limit} MB）：{path.name}")
    raw = path.read_bytes()
    if not raw.startswith(b"PK"):
        return raw
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if names != [MEMBER]:
                raise BundleRejected(f"不是 PanPRD 交换包（压缩包内容不符）：{path.name}")
            with zf.open(MEMBER) as member:
                data = member.read(MAX_JSON_BYTES + 1)  # bounded: the header's sizes are not trusted
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise BundleRejected(f"交换包已损坏（压缩包无法读取）：{path.name} ({type(exc).__name__})") from None
    if len(data) > MAX_JSON_BYTES:
        raise BundleRejected(f"交换包解压后过大（上限 {MAX_JSON_BYTES // 1_048_576} MB）：{path.name}")
    return data


def parse_bundle(data: bytes, name: str) -> Bundle:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data):  # cut inside a character: a truncated copy, not a foreign file
            raise BundleRejected(f"交换包已损坏或不完整（文件被截断）：{name}") from None
        raise BundleRejected(f"不是 PanPRD 交换包（不是 UTF-8 文本）：{name}") from None
    try:
        doc = json.loads(text)
    except RecursionError:  # json's own guard: hostile nesting ends here, not in a crash
        raise BundleRejected(f"交换包结构嵌套过深：{name}") from None
    except ValueError:
        raise BundleRejected(f"交换包已损坏或不完整（JSON 无法解析）：{name}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BundleRejected(f"不是 PanPRD 交换包：{name}")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleRejected(f"交换包版本无效：{name}")
    if version > VERSION:
        raise BundleRejected(
            f"交换包由更新版本的 PanPRD Desk 生成（格式 {version}，本机支持 {VERSION}），请先升级：{name}")
    content = doc.get("content")
    checksum = doc.get("checksum")
    if not isinstance(content, dict) or not isinstance(checksum, str):
        raise BundleRejected(f"交换包格式错误：{name}")
    if checksum != "sha256:" + hashlib.sha256(canonical(content)).hexdigest():
        raise BundleRejected(f"交换包校验值不符（文件已损坏或被修改）：{name}")
    return _content(content)


def _seq(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**62:
        raise BundleRejected("交换包格式错误：序号无效 (invalid sequence number)")
    return value


def _content(content: dict[str, Any]) -> Bundle:
    origin = content.get("origin")
    if not isinstance(origin, dict):
        raise BundleRejected("交换包格式错误：缺少来源 (no origin)")
    office = origin.get("office")
    if not isinstance(office, str) or len(office) > 100:
        raise BundleRejected("交换包格式错误：办公室名称无效 (invalid office)")
    acks = content.get("acks", {})
    changes = content.get("changes")
    documents = content.get("documents", [])
    if not isinstance(acks, dict) or len(acks) > 10_000:
        raise BundleRejected("交换包格式错误：acks 无效")
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES:
        raise BundleRejected("交换包格式错误：变更列表无效 (invalid changes)")
    if not isinstance(documents, list) or len(documents) > MAX_DOCUMENTS:
        raise BundleRejected("交换包格式错误：文档列表无效 (invalid documents)")
    scope = content.get("scope", {})
    if not isinstance(scope, dict):
        raise BundleRejected("交换包格式错误：scope 无效")
    return Bundle(
        since=_seq(scope.get("since", 0)), filtered=scope.get("owner") is not None,
        library=check_id(origin.get("library"), "library id"), office=office,
        at=check_time(origin.get("at"), "bundle time"), seq=_seq(origin.get("seq")),
        acks={check_id(k, "library id"): _seq(v) for k, v in acks.items()},
        changes=tuple(change_from_json(c) for c in changes), documents=tuple(documents),
    )


def read_bundle(path: Path) -> Bundle:
    """Read and validate a bundle file; BundleRejected (one line) for anything wrong."""
    path = Path(path)
    return parse_bundle(read_bytes(path), path.name)
