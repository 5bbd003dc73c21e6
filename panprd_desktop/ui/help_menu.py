"""帮助 menu: 使用说明 (a short guide) and 关于 (version, licences of the shipped fonts and libraries)."""

from __future__ import annotations

import html
from importlib import metadata

from panprd_desktop import __version__
from panprd_desktop.ui.qt import QtCore, QtWidgets, translate

# (component, licence) shipped with the app; fonts are listed in resources/fonts/README.md
FONTS = (
    ("LXGW WenKai 霞鹜文楷 (PanPRDKai)", "SIL Open Font License 1.1"),
    ("AR PL UMing 文鼎PL细上海宋 (PanPRDSong)", "Arphic Public License"),
    ("WenQuanYi Micro Hei 文泉驿微米黑", "Apache 2.0 / GPLv3 with font exception"),
)
LIBRARIES = (
    ("PySide6-Essentials", "Qt for Python", "LGPLv3"),
    ("python-docx", "python-docx", "MIT"),
    ("reportlab", "reportlab", "BSD"),
    ("Whoosh", "whoosh", "BSD"),
    ("OpenCC", "opencc", "Apache 2.0"),
    ("openpyxl", "openpyxl", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("defusedxml", "defusedxml", "PSF"),
)


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def about_html() -> str:
    """The 关于 text: version, then every shipped font and library with its licence."""
    tr = translate
    rows = [f"<h3>PanPRD Desk {html.escape(__version__)}</h3>",
            f"<p>{html.escape(tr('Help', '泛珠三角区域合作分工台账：离线运行，资料保存在本机的资料库文件中。'))}</p>",
            f"<p><b>{html.escape(tr('Help', '随附字体'))}</b><br/>"]
    rows += [f"{html.escape(name)} — {html.escape(lic)}<br/>" for name, lic in FONTS]
    rows.append(f"</p><p><b>{html.escape(tr('Help', '使用的程序库'))}</b><br/>")
    for dist, name, lic in LIBRARIES:
        version = _version(dist) or _version(name)
        rows.append(f"{html.escape(name)} {html.escape(version)} — {html.escape(lic)}<br/>")
    rows.append(f"Qt {html.escape(QtCore.qVersion())} — LGPLv3</p>")
    rows.append(f"<p>{html.escape(tr('Help', '字体的许可证全文随程序附在 resources/fonts 文件夹中。'))}</p>")
    return "".join(rows)


def guide_html() -> str:
    """使用说明: the few things a new user needs on the first day."""
    tr = translate
    items = [
        tr("Help", "左侧“目录”选择一节，阅读区显示其中的措施；单击措施的任意位置即选中它，Ctrl/Shift+单击可多选。"),
        tr("Help", "右侧检查器填写牵头单位、参与单位、完成时限、状态、标签和备注；多选时修改应用于全部所选措施。"),
        tr("Help", "完成时限可写原文（如 2027年6月底前），程序推算日期；无法推算的会标出“未能识别日期”。"),
        tr("Help", "未添加的备注草稿留在它所属的措施上；关闭窗口时如有未保存的输入会提示。"),
        tr("Help", "Ctrl+F 搜索，↓ 进入结果，回车打开；Ctrl+Z 撤销，Ctrl+Y 或 Ctrl+Shift+Z 重做。"),
        tr("Help", "在表格、目录、搜索结果和阅读区单击右键，可复制、添加备注、设置状态、导出所选。"),
        tr("Help", "Ctrl+E 导出简报材料（Word/PDF），Ctrl+P 打印；范围在导出对话框中明确选择。"),
    ]
    body = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    return f"<h3>{html.escape(tr('Help', '使用说明'))}</h3><ol>{body}</ol>"


def show_about(parent: QtWidgets.QWidget) -> None:
    QtWidgets.QMessageBox.about(parent, translate("Help", "关于 PanPRD Desk"), about_html())


def show_guide(parent: QtWidgets.QWidget) -> QtWidgets.QDialog:
    dialog = QtWidgets.QDialog(parent)
    dialog.setObjectName("guide_dialog")
    dialog.setWindowTitle(translate("Help", "使用说明"))
    text = QtWidgets.QTextBrowser()
    text.setHtml(guide_html())
    buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QtWidgets.QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(560, 420)
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()  # not modal: it can stay open beside the window
    return dialog


def add_help_menu(window: QtWidgets.QMainWindow) -> tuple[QtWidgets.QMenu, object, object]:
    """The 帮助 menu with 使用说明 (F1) and 关于; returns (menu, guide action, about action)."""
    menu = window.menuBar().addMenu(translate("MainWindow", "帮助(&H)"))
    guide = menu.addAction(translate("MainWindow", "使用说明"))
    guide.setShortcut("F1")
    about = menu.addAction(translate("MainWindow", "关于 PanPRD Desk"))
    guide.triggered.connect(lambda _checked=False: show_guide(window))
    about.triggered.connect(lambda _checked=False: show_about(window))
    return menu, guide, about
