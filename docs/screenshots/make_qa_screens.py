"""QA screenshots (follow-up 2): the real window on a library built through a working day.

The library (/tmp/followup-2/a.sqlite3) holds the guideline, tests/data/related, the 重点工作
notice, a .docx 分工表, an .xlsx 台账 and a text PDF, exchanged with two other libraries so one
conflict is open. Under Xvfb: ``DISPLAY=:23 [QT_SCALE_FACTOR=1.5] python make_qa_screens.py NAME``;
it copies the library first, so the source stays as it was.
"""
# ruff: noqa
import shutil, sys, tempfile
from datetime import date
from pathlib import Path
sys.path.insert(0, "/work/wtf2")
from panprd_desktop.core.library import Library
from panprd_desktop.ui.app import _font
from panprd_desktop.ui.dialogs import Dialogs
from panprd_desktop.ui.i18n import install_translators
from panprd_desktop.ui.main_window import MainWindow
from panprd_desktop.ui.qt import QtCore, QtWidgets
from panprd_desktop.ui.settings import Settings
from panprd_desktop.ui.dialogs.import_review import ImportReviewDialog

T = Path("/tmp/followup-2"); name = sys.argv[1]
app = QtWidgets.QApplication([sys.argv[0]]); install_translators(app, "zh_CN"); _font(app)
tmp = Path(tempfile.mkdtemp(dir=T))
QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp))
src = Library(T / "a.sqlite3"); src.backup_to(tmp / "lib.sqlite3") if hasattr(src, "backup_to") else None; src.close()
if not (tmp / "lib.sqlite3").exists():
    import sqlite3
    s = sqlite3.connect(T / "a.sqlite3"); d = sqlite3.connect(tmp / "lib.sqlite3"); s.backup(d); s.close(); d.close()
lib = Library(tmp / "lib.sqlite3")
settings = Settings(); settings.author = "陈晓"
window = MainWindow(lib, settings, Dialogs(), today=lambda: date(2026, 11, 27)); window.show()
def settle(ms=700):
    loop = QtCore.QEventLoop(); QtCore.QTimer.singleShot(ms, loop.quit); loop.exec(); window.worker.wait(); app.processEvents()
def shot(fn):
    settle(); window.screen().grabWindow(0).save(str(T / fn)); print("shot", fn, window.frameGeometry().getRect())
settle(1000)
window.open_measure("b96059b8.1.2")
shot(f"{name}-reader.png")
window.exchange.refresh_conflicts(); settle()
print("conflicts button", window.exchange.conflicts_button.isVisible(), window.exchange.conflicts_button.text())
d = window.exchange.open_conflicts(); settle(); d.raise_(); shot(f"{name}-conflicts.png"); d.close()
window.ops.import_files([T / "fengong.docx", T / "taizhang.xlsx", T / "notice.pdf", T / "t1.txt"])
settle(2500)
for r in window.findChildren(ImportReviewDialog):
    if r.isVisible(): print("\n".join(r.lines())); r.raise_()
shot(f"{name}-review.png")
window.ops.close(); window.worker.wait(); lib.close()
