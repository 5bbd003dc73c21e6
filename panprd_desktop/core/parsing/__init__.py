"""Turning a text file's contents into a structured document (parts → sections → measures)."""

from panprd_desktop.core.parsing.structure import ParsedDocument, ParsedPart, ParsedSection, parse_document

__all__ = ["ParsedDocument", "ParsedPart", "ParsedSection", "parse_document"]
