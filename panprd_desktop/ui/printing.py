"""Printing a briefing pack: a QTextDocument built from the BriefingPack, shown in a print preview."""

from __future__ import annotations

import html
from typing import Any

from exporters.pack import BriefingPack
from panprd_desktop.ui.qt import QtGui, QtWidgets, print_support, tr

CSS = """
body { font-size: 11pt; }
h1 { font-size: 20pt; text-align: center; }
h2 { font-size: 14pt; margin-top: 14px; }
td, th { padding: 3px; vertical-align: top; }
th { background-color: #e8e8e8; }
.meta { color: #444; text-align: center; }
.marking { text-align: left; font-weight: bold; }
"""


def _e(text: str) -> str:
    return html.escape(text)


def pack_html(pack: BriefingPack) -> str:
    """The pack as simple HTML (cover, summary, 分工表 by part, notes)."""
    t = lambda s: tr("Printing", s)  # noqa: E731
    out = [f"<html><head><style>{CSS}</style></head><body>"]
    if pack.marking:
        out.append(f'<p class="marking">{_e(pack.marking)}</p>')
    out.append(f"<h1>{_e(pack.title)}</h1>")
    meta = [pack.meeting, pack.meeting_date, pack.prepared_by, pack.prepared_on.isoformat()]
    out.append(f'<p class="meta">{_e("　".join(m for m in meta if m))}</p>')
    out.append(f'<p>{_e(t("范围"))}：{_e(pack.scope)}</p>')
    s = pack.summary
    statuses = "，".join(f"{_e(label)} {n}" for label, n in s.by_status if n)
    out.append(f"<p>{_e(t('共 {0} 条措施').format(s.total))}：{statuses}；"
               f"{_e(t('已逾期 {0} 条').format(s.overdue))}。</p>")
    heads = [t("序号"), t("重点任务"), t("牵头单位"), t("参与单位"), t("完成时限"), t("状态")]
    for group in pack.groups:
        out.append(f"<h2>{_e(group.heading or group.document_title)}</h2>")
        out.append('<table width="100%" border="1" cellspacing="0" cellpadding="3">')
        out.append("<tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr>")
        for m in group.measures:
            status = m.status_label + (t("（逾期）") if m.overdue else "")
            notes = "".join(f'<br/><span style="color:#555;">{_e(t("备注"))}（{_e(n.author)}）：{_e(n.text)}</span>'
                            for n in m.notes)
            cells = [m.label, None, "、".join(m.leads), "、".join(m.participants), m.deadline_text, status]
            row = "".join(f'<td width="{w}">{_e(c)}</td>' if c is not None else f"<td>{_e(m.text)}{notes}</td>"
                          for c, w in zip(cells, (8, 0, 14, 16, 10, 8), strict=True))
            out.append(f"<tr>{row}</tr>")
        out.append("</table>")
    if pack.is_empty:
        out.append(f"<p>{_e(t('没有符合条件的措施。'))}</p>")
    out.append("</body></html>")
    return "".join(out)


def pack_document(pack: BriefingPack) -> QtGui.QTextDocument:
    doc = QtGui.QTextDocument()
    doc.setHtml(pack_html(pack))
    return doc


def preview(parent: QtWidgets.QWidget | None, document: QtGui.QTextDocument) -> Any:
    """Show the print preview; printing from it sends the document to the chosen printer."""
    qps = print_support()
    printer = qps.QPrinter(qps.QPrinter.PrinterMode.HighResolution)
    dialog = qps.QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("Printing", "打印预览"))
    dialog.paintRequested.connect(document.print_)
    dialog.resize(1000, 800)
    dialog.exec()
    return dialog
