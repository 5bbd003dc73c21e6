"""Is reading and parsing linear in the input? Time 1, 10 and 50 MB of guideline-like text.

    .venv/bin/python bench/bench_import_scale.py [--sizes 1 10 49] [--formats txt md docx]

Each input repeats the bundled guideline's body under fresh ``一、`` parts until it reaches the
size (49 MB stands for "50 MB": the import limit is 50 MB per file), each paragraph made one
sentence so that 50 MB stays under the 200,000 measures a document may have. Reported: MB, seconds,
seconds per MB (flat when linear), measures. Reading and parsing only; nothing is stored.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panprd_desktop.core.documents import Documents  # noqa: E402
from panprd_desktop.paths import bundled_guideline  # noqa: E402

CN = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    return "".join(CN[int(d) - 1] if d != "0" else "〇" for d in str(n))


def make_text(target_bytes: int, markdown: bool) -> str:
    body = [ln for ln in bundled_guideline().read_text(encoding="utf-8").splitlines() if ln.strip()][3:]
    out = ["# 泛珠三角区域合作规模测试" if markdown else "泛珠三角区域合作规模测试"]
    size, part = 0, 0
    while size < target_bytes:
        part += 1
        heading = f"{_numeral(part)}、第{part}部分"
        out.append(f"## {heading}" if markdown else heading)
        for line in body:
            if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"):
                continue
            # One sentence per paragraph (inner 。 → ，): 50 MB then stays under the 200,000-measure
            # limit per document, which 50 MB of the guideline's short sentences would exceed.
            line = line[:-1].replace("。", "，") + line[-1]
            out.append(line)
            size += len(line.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def make_docx(path: Path, text: str) -> None:
    import zipfile
    from xml.sax.saxutils import escape

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {w}><w:body>{paras}</w:body></w:document>')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 49])
    parser.add_argument("--formats", nargs="+", default=["txt", "md", "docx"])
    args = parser.parse_args()
    docs = Documents(None)  # type: ignore[arg-type]  # parse_file never touches the database
    print(f"{'format':6} {'MB':>6} {'seconds':>8} {'s/MB':>6} {'measures':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats:
            for mb in args.sizes:
                text = make_text(int(mb * 1024 * 1024), markdown=fmt == "md")
                path = Path(tmp) / f"scale.{fmt}"
                if fmt == "docx":
                    make_docx(path, text)
                else:
                    path.write_text(text, encoding="utf-8")
                size = path.stat().st_size / 1048576
                start = time.perf_counter()
                _source, doc = docs.parse_file(path)
                elapsed = time.perf_counter() - start
                print(f"{fmt:6} {size:6.1f} {elapsed:8.2f} {elapsed / size:6.2f} {doc.measure_count:9d}", flush=True)


if __name__ == "__main__":
    main()
