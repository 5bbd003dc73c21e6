"""Paints an item's HtmlRole text (highlighted snippets) with word wrap."""

from __future__ import annotations

from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets


class HtmlDelegate(QtWidgets.QStyledItemDelegate):
    def __init__(self, role: int, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._role = role

    def _document(self, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex) -> QtGui.QTextDocument:
        doc = QtGui.QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(self._role) or ""))
        doc.setTextWidth(max(80, option.rect.width() - 8))
        return doc

    def paint(self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem,
              index: QtCore.QModelIndex) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex) -> QtCore.QSize:
        width = option.rect.width()
        if width <= 0 and isinstance(self.parent(), QtWidgets.QAbstractItemView):
            width = self.parent().viewport().width()
        opt = QtWidgets.QStyleOptionViewItem(option)
        opt.rect = QtCore.QRect(0, 0, max(width, 200), 0)
        doc = self._document(opt, index)
        return QtCore.QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)
