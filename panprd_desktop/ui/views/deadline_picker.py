"""A date field that can say "no date": a measure without a deadline must not look dated today."""

from __future__ import annotations

from datetime import date

from panprd_desktop.ui.qt import QtCore, QtGui, QtWidgets

# QDateEdit shows its special text when the date equals the minimum, so the minimum stands
# for "no date". Deadlines before it are not a thing this app records.
NO_DATE = QtCore.QDate(2000, 1, 1)


class DeadlinePicker(QtWidgets.QDateEdit):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("未设置"))
        self.setDate(NO_DATE)
        # The popup would open on January 2000 for "no date"; open it on this month instead.
        self.calendarWidget().installEventFilter(self)
        # Typing over "未设置" is impossible, so an empty field shows today while it has the
        # focus; leaving it untouched puts "no date" back and commits nothing.
        self._untouched_today = False
        self.dateChanged.connect(self._touched)

    def set_deadline(self, value: date | None) -> None:
        # A date loaded while the field shows "today" for typing is the real value now: leaving
        # the field must not put "no date" back over it (2027年6月底前 showed 未设置).
        self._untouched_today = False
        self.setDate(QtCore.QDate(value) if value else NO_DATE)

    def has_date(self) -> bool:
        return self.date() != NO_DATE

    def untouched(self) -> bool:
        """True while the field only shows today as a starting point for typing."""
        return self._untouched_today

    def _touched(self) -> None:
        self._untouched_today = False

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:  # noqa: N802 - Qt API
        if not self.has_date():
            self.blockSignals(True)
            self.setDate(QtCore.QDate.currentDate())
            self.blockSignals(False)
            self._untouched_today = True
        super().focusInEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        if self._untouched_today:
            self.blockSignals(True)
            self.setDate(NO_DATE)
            self.blockSignals(False)
            self._untouched_today = False

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QtCore.QEvent.Type.Show and not self.has_date():
            today = QtCore.QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
