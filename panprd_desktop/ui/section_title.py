"""The title the reader and the status bar show for a section chosen in the library tree.

A 分工表/台账 (rows under no heading) or a document without headings gives one untitled block,
which the tree lists as （无标题） under 正文. Shown as the reader's heading, that placeholder says
nothing about where the user is; the document's title (and its part, if it has one) does.
"""

from __future__ import annotations

from panprd_desktop.ui.models.tree_model import IdRole
from panprd_desktop.ui.qt import QtCore


def section_title(index: QtCore.QModelIndex, untitled_part: str, untitled_section: str) -> str:
    """``index`` is a section row of the library tree (column 0)."""
    text = str(index.data())
    if text not in (untitled_section, untitled_part):  # an untitled part may stand for its only section
        return text
    names: list[str] = []
    parent = index.parent()
    while parent.isValid():
        kind = (parent.data(IdRole) or ("", ""))[0]
        name = str(parent.data())
        if kind == "doc" or name != untitled_part:
            names.insert(0, name)
        parent = parent.parent()
    return " · ".join(names) or text
