"""Initialise PySide's Python types for the window's classes before the window is built.

PySide creates a class's Python type — and every enum of it, about half a millisecond each —
the first time the class is touched, and it touches the class of every object that crosses into
Python (an event, a header, a scroll bar). Left to the first construction and paint of the
window, that was 100–175 enum classes, 40–70 ms inside the window's first slice (issue 13). This
does the same once, when the GUI's modules are imported, before there is a window to freeze.
"""

from __future__ import annotations

from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets

# The classes the main window's construction, first paint and first tree load touch (measured
# by logging enum creation during them); any class missing here is simply initialised later.
_CLASSES = {
    QtCore: ("QAbstractItemModel", "QItemSelectionModel", "QEvent", "QTimer", "QThreadPool", "QSettings",
             "QByteArray", "QLocale", "QDate", "QRunnable", "QStringListModel", "QSortFilterProxyModel",
             "QIODevice", "QFile", "QProcess", "QCoreApplication", "QMetaObject", "QSharedMemory", "QEventLoop"),
    QtGui: ("QAction", "QActionGroup", "QKeySequence", "QFont", "QFontMetrics", "QTextDocument", "QTextOption",
            "QTextCursor", "QTextFormat", "QTextCharFormat", "QTextBlockFormat", "QPalette", "QPainter", "QImage",
            "QPixmap", "QIcon", "QGuiApplication", "QWindow", "QSurface", "QSurfaceFormat", "QInputMethod",
            "QKeyEvent", "QMouseEvent", "QPaintEvent", "QResizeEvent", "QShowEvent", "QFocusEvent",
            "QInputMethodEvent", "QMovie", "QOpenGLContext", "QPageLayout", "QPageSize", "QPointingDevice",
            "QInputDevice", "QColor", "QBrush", "QStandardItemModel", "QValidator", "QTextLength"),
    QtWidgets: ("QApplication", "QWidget", "QMainWindow", "QSplitter", "QTabWidget", "QTabBar", "QTreeView",
                "QTableView", "QListView", "QHeaderView", "QAbstractItemView", "QAbstractScrollArea", "QScrollBar",
                "QAbstractSlider", "QFrame", "QLabel", "QLineEdit", "QComboBox", "QCheckBox", "QToolButton",
                "QPushButton", "QAbstractButton", "QDateEdit", "QDateTimeEdit", "QAbstractSpinBox",
                "QCalendarWidget", "QPlainTextEdit", "QTextEdit", "QTextBrowser", "QCompleter", "QStatusBar",
                "QProgressBar", "QMenuBar", "QMenu", "QToolBar", "QBoxLayout", "QVBoxLayout", "QHBoxLayout",
                "QGridLayout", "QFormLayout", "QLayout", "QSizePolicy", "QStyle", "QStyleOption",
                "QStyleOptionViewItem", "QStyledItemDelegate", "QAbstractItemDelegate", "QStackedWidget",
                "QScrollArea", "QGroupBox", "QDialog", "QDialogButtonBox", "QMessageBox", "QFileDialog",
                "QInputDialog", "QWizard", "QGraphicsView", "QGraphicsScene", "QGraphicsItem", "QMdiArea",
                "QDockWidget", "QScroller", "QColorDialog", "QFontDialog", "QSystemTrayIcon", "QRubberBand",
                "QTreeWidget", "QTableWidget", "QRadioButton", "QSlider", "QGestureEvent", "QSwipeGesture"),
}


def warm_up() -> None:
    """Touch each class once (creating its Python type and enums); cheap when already done."""
    for module, names in _CLASSES.items():
        for name in names:
            getattr(module, name, None)
