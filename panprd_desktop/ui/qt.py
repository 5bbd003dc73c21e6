"""The one Qt import point of the GUI: other modules import Qt from here, never PySide6 directly.

QtPrintSupport is deliberately not imported here: it is loaded only when the user prints,
which keeps start-up fast (see :mod:`panprd_desktop.ui.printing`).
"""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot", "translate", "ROOT"]

ROOT = QtCore.QModelIndex()  # the invalid index: default "parent" argument of model methods


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (for code outside a QObject)."""
    return QtCore.QCoreApplication.translate(context, text)


def print_support():  # noqa: ANN201 - the module itself
    """QtPrintSupport, imported on first use."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport
