"""The parts of a .docx around the text: core and app properties, thumbnail, font table.

python-docx's default template says it was created in 2013 by "python-docx", last saved
by "Microsoft Macintosh Word", and carries a template thumbnail that Explorer/Finder show
instead of the pack. A handout says who prepared it and when, and nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from exporters.fonts import WORD_FANGSONG, WORD_HEI, WORD_KAI, WORD_SONG, WORD_TITLE, WORD_TITLE_FALLBACKS
from exporters.pack import BriefingPack
from exporters.text import one_line

APP = "PanPRD Desk"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{APP}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def set_properties(doc: Document, pack: BriefingPack, now: datetime | None = None) -> None:
    """Core properties of this pack, made now; author = the preparer."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    props = doc.core_properties
    # python-docx refuses core properties over 255 characters
    props.title = one_line(pack.title)[:255]
    props.subject = one_line(pack.scope)[:255]
    props.author = one_line(pack.prepared_by)[:255] or APP
    props.last_modified_by = props.author
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = "zh-CN"
    props.created = now.replace(tzinfo=None)
    props.modified = now.replace(tzinfo=None)
    props.revision = 1
    _replace_app_properties(doc)
    _drop_thumbnail(doc)
    _font_table(doc)


def _replace_app_properties(doc: Document) -> None:
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _APP_XML.encode("utf-8")


def _drop_thumbnail(doc: Document) -> None:
    """Unlink docProps/thumbnail.jpeg: a part nothing refers to is not saved."""
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]
            rels._target_parts_by_rId.pop(r_id, None)


def _font_table(doc: Document) -> None:
    """Declare the Chinese faces as GB 2312 (charset 86) fonts, so that Word on a machine
    without one substitutes a Chinese face of the same kind; the title face names its
    fallback (w:altName)."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    faces = [(WORD_TITLE, WORD_TITLE_FALLBACKS[0], "roman"), (WORD_SONG, "SimSun", "roman"),
             (WORD_FANGSONG, "FangSong", "modern"), (WORD_HEI, "SimHei", "modern"), (WORD_KAI, "KaiTi", "modern")]
    existing = {f.get(f"{{{_W}}}name") for f in root.findall(f"{{{_W}}}font")}
    for name, alt, family in faces:
        if name in existing:
            continue
        font = etree.SubElement(root, f"{{{_W}}}font", {f"{{{_W}}}name": name})
        etree.SubElement(font, f"{{{_W}}}altName", {f"{{{_W}}}val": alt})
        etree.SubElement(font, f"{{{_W}}}charset", {f"{{{_W}}}val": "86"})
        etree.SubElement(font, f"{{{_W}}}family", {f"{{{_W}}}val": family})
        etree.SubElement(font, f"{{{_W}}}pitch", {f"{{{_W}}}val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
