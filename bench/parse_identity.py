"""Did a parser change keep every result? Parse the whole corpus with two source trees and compare.

    python bench/parse_identity.py --before /tmp/base --after . --work /tmp/parse-identity

Parses every text of ../shared/corpus — the guideline, related/, formats/, and the work reports
and regulations of scale/ — plus Traditional (OpenCC s2t), spaced (stray spaces between Chinese
characters, half-width punctuation) and GB18030 variants of the bracket-heavy ones, each tree in
its own process, and compares what each found per file: title, number, date, issuer, addressee,
preamble, closing, remarks, warnings, every part/section (label, heading) and measure (label,
text), the owners, deadline, progress and status read from the text, and the content hash.
Prints the number of files and the first differences; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

DUMP = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from panprd_desktop.core.documents import Documents, content_hash, measure_label
from panprd_desktop.core.errors import ImportRejected

docs = Documents(None)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for name in Path(sys.argv[3]).read_text(encoding="utf-8").splitlines():
        path = Path(name)
        try:
            source, d = docs.parse_file(path)
        except ImportRejected as exc:
            out.write(json.dumps({"file": name, "rejected": str(exc)}, ensure_ascii=False) + "\n")
            continue
        parts = []
        for part in d.parts:
            sections = []
            for s in part.sections:
                sections.append({
                    "n": s.number, "label": s.label, "heading": s.heading,
                    "measures": [[s.labels.get(k - 1) or measure_label(s.label, k, part.label), t]
                                 for k, t in enumerate(s.measures, 1)],
                    "facts": {str(i): [list(f.leads), list(f.participants), f.deadline, f.progress, f.status]
                              for i, f in sorted(s.facts.items())}})
            parts.append({"n": part.number, "label": part.label, "title": part.title, "sections": sections})
        out.write(json.dumps({
            "file": name, "hash": content_hash(d), "title": d.title, "doc_no": d.doc_no, "date": str(d.date),
            "issuer": d.issuer, "addressee": d.addressee, "preamble": d.preamble, "closing": d.closing,
            "remarks": d.remarks, "warnings": d.warnings, "encoding": source.encoding, "parts": parts,
        }, ensure_ascii=False) + "\n")
"""


def corpus_files(work: Path) -> list[Path]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".txt", ".md")
                   and "scale" not in p.parts and p.name != "README.md")
    scale = work / "scale"
    scale.mkdir(parents=True, exist_ok=True)
    with open(CORPUS / "scale" / "government_work_reports.jsonl", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            item = json.loads(line)
            path = scale / f"report-{k:03d}.txt"
            path.write_text(f"{item['title']}\n\n{item['content']}", encoding="utf-8")
            files.append(path)
    with tarfile.open(CORPUS / "scale" / "administrative-regulations.tar.gz") as tar:
        for k, member in enumerate(m for m in tar.getmembers() if m.isfile() and m.name.endswith(".md")):
            data = tar.extractfile(member)
            if data is not None:
                path = scale / f"regulation-{k:03d}.md"
                path.write_bytes(data.read())
                files.append(path)
    return files + variants(work / "variants", files)


def variants(folder: Path, files: list[Path]) -> list[Path]:
    """Traditional, spaced and GB18030 forms of the bracket-heavy texts and a few reports."""
    import opencc

    folder.mkdir(parents=True, exist_ok=True)
    convert = opencc.OpenCC("s2t")
    sources = [CORPUS / "formats" / "yuegang-2017-keywork.txt", CORPUS / "guideline-gf2016-18.txt"]
    sources += [p for p in files if p.name.startswith("report-")][:6]
    out = []
    for path in sources:
        text = path.read_text(encoding="utf-8")
        spaced = re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", lambda m: " " if m.start() % 7 == 0 else "", text)
        spaced = spaced.replace("：", " : ", 3).replace("，", ", ", 40)
        for prefix, data in (("trad", convert.convert(text).encode("utf-8")), ("spaced", spaced.encode("utf-8")),
                             ("gb", text.encode("gb18030", errors="replace"))):
            target = folder / f"{prefix}-{path.stem}{path.suffix}"
            target.write_bytes(data)
            out.append(target)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--work", type=Path, required=True)
    args = ap.parse_args()
    files = corpus_files(args.work)
    listing = args.work / "files.txt"
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    found = {}
    for name in ("before", "after"):
        out = args.work / f"{name}.jsonl"
        subprocess.run([sys.executable, "-c", DUMP, str(Path(getattr(args, name)).resolve()), str(out), str(listing)],
                       check=True)
        found[name] = out.read_text(encoding="utf-8").splitlines()
    differing = [(a, b) for a, b in zip(found["before"], found["after"], strict=True) if a != b]
    rejected = sum('"rejected"' in line for line in found["after"])
    print(f"{len(files)} files parsed by both trees ({rejected} rejected by both); {len(differing)} differ")
    for a, _b in differing[:5]:
        print("  differs:", json.loads(a)["file"])
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
