"""Progress of the long background job (import, export) in the status bar, with a cancel button."""

from __future__ import annotations

from panprd_desktop.ui.qt import QtCore, QtWidgets
from panprd_desktop.ui.worker import Worker


class JobStatus(QtCore.QObject):
    def __init__(self, worker: Worker, bar: QtWidgets.QStatusBar, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.label = QtWidgets.QLabel()
        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(220)
        self.cancel = QtWidgets.QPushButton(self.tr("取消"))
        for widget in (self.label, self.progress, self.cancel):
            bar.addPermanentWidget(widget)
            widget.hide()
        worker.longStarted.connect(self._started)
        worker.longProgress.connect(self._progress)
        worker.longEnded.connect(self._ended)
        self.cancel.clicked.connect(self._cancel)

    def _started(self, label: str) -> None:
        self.label.setText(label)
        self.progress.setRange(0, 0)  # busy until the first report
        self.cancel.setEnabled(True)
        for widget in (self.label, self.progress, self.cancel):
            widget.show()

    def _progress(self, done: int, total: int) -> None:
        if self.progress.maximum() != max(1, total) or self.progress.minimum() != 0:
            self.progress.setRange(0, max(1, total))  # only when it changes: each call lays the bar out
        self.progress.setValue(done)

    def _ended(self) -> None:
        for widget in (self.label, self.progress, self.cancel):
            widget.hide()

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        self.label.setText(self.tr("正在取消…"))
        self._worker.cancel_long()
