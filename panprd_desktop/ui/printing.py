"""Printing a briefing pack: a QTextDocument built from the BriefingPack, shown in a print preview."""

from __future__ import annotations

import html
from typing import Any

from exporters.pack import BriefingPack
from panprd_desktop.ui.qt import QtGui, QtWidgets, print_support, translate

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


def _words() -> dict[str, str]:
    return {
        "scope": translate("Printing", "范围"), "total": translate("Printing", "共 {0} 条措施"),
        "overdue": translate("Printing", "已逾期 {0} 条"), "late": translate("Printing", "（逾期）"),
        "note": translate("Printing", "备注"), "empty": translate("Printing", "没有符合条件的措施。"),
        "heads": "|".join((
            translate("Printing", "序号"), translate("Printing", "重点任务"),
            translate("Printing", "牵头单位"), translate("Printing", "参与单位"),
            translate("Printing", "完成时限"), translate("Printing", "状态"),
        )),
    }


def pack_html(pack: BriefingPack) -> str:
    """The pack as simple HTML (cover, summary, 分工表 by part, notes)."""
    w = _words()
    out = [f"<html><head><style>{CSS}</style></head><body>"]
    if pack.marking:
        out.append(f'<p class="marking">{_e(pack.marking)}</p>')
    out.append(f"<h1>{_e(pack.title)}</h1>")
    meta = [pack.meeting, pack.meeting_date, pack.prepared_by, pack.prepared_on.isoformat()]
    out.append(f'<p class="meta">{_e("　".join(m for m in meta if m))}</p>')
    out.append(f"<p>{_e(w['scope'])}：{_e(pack.scope)}</p>")
    s = pack.summary
    statuses = "，".join(f"{_e(label)} {n}" for label, n in s.by_status if n)
    out.append(f"<p>{_e(w['total'].format(s.total))}：{statuses}；{_e(w['overdue'].format(s.overdue))}。</p>")
    heads = w["heads"].split("|")
    for group in pack.groups:
        out.append(f"<h2>{_e(group.heading or group.document_title)}</h2>")
        out.append('<table width="100%" border="1" cellspacing="0" cellpadding="3">')
        out.append("<tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr>")
        for m in group.measures:
            status = m.status_label + (w["late"] if m.overdue else "")
            notes = "".join(f'<br/><span style="color:#555;">{_e(w["note"])}（{_e(n.author)}）：{_e(n.text)}</span>'
                            for n in m.notes)
            out.append(
                f'<tr><td width="8%">{_e(m.label)}</td><td>{_e(m.text)}{notes}</td>'
                f'<td width="14%">{_e("、".join(m.leads))}</td><td width="16%">{_e("、".join(m.participants))}</td>'
                f'<td width="10%">{_e(m.deadline_text)}</td><td width="8%">{_e(status)}</td></tr>')
        out.append("</table>")
    if pack.is_empty:
        out.append(f"<p>{_e(w['empty'])}</p>")
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
    dialog.setWindowTitle(translate("Printing", "打印预览"))
    dialog.paintRequested.connect(document.print_)
    dialog.resize(1000, 800)
    dialog.exec()
    return dialog
