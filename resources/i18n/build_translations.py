"""Rebuild the translations: extract with pyside6-lupdate, fill, compile with lrelease.

English is filled from the EN table below; 繁體中文 (Hong Kong, for staff in the SARs) is
converted from the Simplified source strings with OpenCC's ``s2hk`` configuration.

Run from the repository root with the venv's Python::

    python resources/i18n/build_translations.py

Simplified Chinese is the source language, so it needs no translation file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

EN: dict[str, str] = {
    # follow-up of issues 8/10/11: exchange, conflicts, the .xlsx in the export dialog, busy writes
    "冲突": "Conflicts",
    "两边都改了同一项且不一致：本库的值暂时保留，请选择采用哪一个。":
        "Both sides changed the same value differently: this library's value is kept for now; choose which one"
        " to use.",
    "采用本库的值": "Keep this library's value",
    "采用对方的值": "Take their value",
    "字段": "Field",
    "原值": "Before",
    "本库": "This library",
    "对方": "Theirs",
    "导出交换包": "Export exchange bundle",
    "交换包 (*.zip *.json)": "Exchange bundles (*.zip *.json)",
    "导入交换包或回收的台账": "Import an exchange bundle or a returned workbook",
    "交换包或台账 (*.zip *.json *.xlsx)": "Exchange bundles or workbooks (*.zip *.json *.xlsx)",
    "导出台账（供填报回收）": "Export workbook for parties to fill in",
    "填报单位（只含其牵头或参与的措施；留空为全部）：":
        "Party filling it in (only the measures it leads or joins; empty for all):",
    "Excel 台账 (*.xlsx)": "Excel workbook (*.xlsx)",
    "导入交换包": "Import exchange bundle",
    "办公室名称": "Office name",
    "本资料库所属的办公室（交换时对方看到的名称）：":
        "The office this library belongs to (the name others see in exchanges):",
    "填报单位": "Party",
    "这份台账由哪个单位填报？（留空：导出时指定的单位）":
        "Which party filled in this workbook? (Empty: the one it was exported for)",
    "来自：{0}": "From: {0}",
    "修改：{0} 项将合并，{1} 项此前已收到": "Changes: {0} to merge, {1} received before",
    "新文档：{0} 份": "New documents: {0}",
    "冲突：{0} 项（保留本库的值，稍后在“冲突”中选择）":
        "Conflicts: {0} (this library's values are kept; choose later under “Conflicts”)",
    "现在合并吗？": "Merge now?",
    "导出交换包…": "Export exchange bundle…",
    "导入交换包…": "Import exchange bundle…",
    "办公室名称…": "Office name…",
    "导出台账（供填报回收）…": "Export workbook for parties to fill in…",
    "正在导出交换包…": "Exporting the exchange bundle…",
    "正在导出台账…": "Exporting the workbook…",
    "已导出台账：{0}": "Workbook exported: {0}",
    "正在检查交换包…": "Checking the exchange bundle…",
    "正在合并交换包…": "Merging the exchange bundle…",
    "办公室名称：{0}": "Office name: {0}",
    "Excel 分工表台账 (.xlsx)": "Excel division-of-work workbook (.xlsx)",
    "供填报回收（对方填写进展后可导入合并）": "For return (parties fill in progress; the file merges back)",
    "未保存：写入被拒绝，输入的内容仍在框中，请重试。":
        "Not saved: the write was refused; what you typed is still in the box. Try again.",
    "完成时限晚于": "Deadline after",
    "{0}（{1}）": "{0} ({1})",
    "{0}：{1}": "{0}: {1}",
    "已逾期": "Overdue",
    "检索：{0}": "Search: {0}",
    "；": "; ",
    "当前搜索": "Current search",
    "分工表筛选": "Division-table filter",
    "今天 {0}：{1}，{2}（已完成和长期推进的不计）。": "Today {0}: {1}, {2} (done and ongoing measures not counted).",
    # issue 12 (restore from a backup; damage explained)
    "从备份恢复": "Restore from a backup",
    "从备份恢复…": "Restore from a backup…",
    "选择要恢复的备份。恢复前，当前资料库会另存为一份安全快照，不会丢失。":
        "Choose the backup to restore. The current library is first kept as a safety snapshot; nothing is lost.",
    "大小": "Size",
    "措施": "Measures",
    "标注": "Annotations",
    "校验": "Check",
    "通过": "Passed",
    "已损坏": "Damaged",
    "没有备份。": "No backups.",
    "恢复": "Restore",
    "已从备份恢复：{0} 条措施；恢复前的状态已另存为安全快照":
        "Restored from the backup: {0} measures; the state before was kept as a safety snapshot",
    "正在从备份恢复…": "Restoring from the backup…",
    "可以用“文件 → 从备份恢复…”恢复最新的已校验备份。":
        "Use File → Restore from a backup… to restore the newest verified backup.",
    # issue 8 (provenance in the inspector)
    "来自原文（导入的文件写明，可修改）：{0}": "From the document (stated in the imported file; editable): {0}",
    # issue 11: the window for a full working day
    "所有文件 (*)": "All files (*)",
    "有尚未保存的输入：": "There is input that has not been saved:",
    "保存": "Save",
    "放弃": "Discard",
    "无法打开：{0}": "Cannot open: {0}",
    "有筛选条件生效：表中只显示符合条件的措施": "Filters are active: the table shows only matching measures",
    "当前文档：{0}": "Current document: {0}",
    "当前文档": "Current document",
    "当前搜索：{0}": "Current search: {0}",
    "分工表筛选：{0}": "Division-table filter: {0}",
    "已逾期的措施": "Overdue measures",
    "Word 文档 (*.docx)": "Word document (*.docx)",
    "PDF 文档 (*.pdf)": "PDF document (*.pdf)",
    "文件已存在": "File exists",
    "“{0}”已存在。要替换它吗？": "“{0}” already exists. Replace it?",
    "替换": "Replace",
    "打开文件": "Open file",
    "打开所在文件夹": "Open folder",
    "关闭": "Close",
    "关于 PanPRD Desk": "About PanPRD Desk",
    "使用说明": "User guide",
    "帮助(&H)": "&Help",
    "勾选后，所选各条措施原有的标签全部替换为输入的标签；不勾选时只添加输入的标签、删除从共同标签中删去的标签":
        "Ticked: every selected measure's tags are replaced by the typed ones. Not ticked: typed tags are"
        " added, and shared tags you erased are removed.",
    "草稿未添加：它留在这条措施上，直到您添加或清空它。":
        "Draft not added yet: it stays with this measure until you add or clear it.",
    "未能识别日期：完成时限按原文保存，不会出现在期限提醒的日期中":
        "No date recognised: the deadline is kept as written but will not appear among dated deadlines",
    "各条措施的标签不同；这里显示共同的标签。": "The measures have different tags; the shared ones are shown.",
    "未保存：{0}": "Not saved: {0}",
    "{0}（未提交）": "{0} (not committed)",
    "复制文本": "Copy text",
    "复制编号": "Copy label",
    "添加备注…": "Add note…",
    "设置状态": "Set status",
    "在阅读区打开": "Open in reader",
    "导出所选…": "Export selected…",
    "随附字体": "Bundled fonts",
    "使用的程序库": "Libraries used",
    "泛珠三角区域合作分工台账：离线运行，资料保存在本机的资料库文件中。":
        "Pan-PRD cooperation task ledger: works offline; everything is kept in a library file on this PC.",
    "字体的许可证全文随程序附在 resources/fonts 文件夹中。":
        "The full licence texts of the fonts ship in the resources/fonts folder.",
    "左侧“目录”选择一节，阅读区显示其中的措施；单击措施的任意位置即选中它，Ctrl/Shift+单击可多选。":
        "Choose a section in the contents on the left; the reader shows its measures. Click anywhere in"
        " a measure to select it; Ctrl/Shift+click selects several.",
    "右侧检查器填写牵头单位、参与单位、完成时限、状态、标签和备注；多选时修改应用于全部所选措施。":
        "Fill in lead and participating owners, deadline, status, tags and notes in the inspector on the"
        " right; with several measures selected, a change applies to all of them.",
    "完成时限可写原文（如 2027年6月底前），程序推算日期；无法推算的会标出“未能识别日期”。":
        "Deadlines can be written as in the documents (e.g. 2027年6月底前); the date is derived, and text"
        " without a date is flagged “no date recognised”.",
    "未添加的备注草稿留在它所属的措施上；关闭窗口时如有未保存的输入会提示。":
        "An unsaved note draft stays with its measure; closing the window with unsaved input asks first.",
    "Ctrl+F 搜索，↓ 进入结果，回车打开；Ctrl+Z 撤销，Ctrl+Y 或 Ctrl+Shift+Z 重做。":
        "Ctrl+F searches, ↓ moves into the results, Enter opens; Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes.",
    "在表格、目录、搜索结果和阅读区单击右键，可复制、添加备注、设置状态、导出所选。":
        "Right-click in the table, the contents, the search results or the reader to copy, add a note,"
        " set the status or export the selection.",
    "Ctrl+E 导出简报材料（Word/PDF），Ctrl+P 打印；范围在导出对话框中明确选择。":
        "Ctrl+E exports a briefing pack (Word/PDF), Ctrl+P prints; choose the scope in the export dialog.",
    "界面语言": "Interface language",
    # issue 9: Ctrl+P prints the exported pack's own pages
    "正在准备打印…": "Preparing to print…",
    "打印已取消": "Printing cancelled",
    "会议材料": "Meeting papers",
    "PDF 文档 (.pdf)": "PDF document (.pdf)",
    "未设置": "Not set",
    "PanPRD Desk — 泛珠三角区域合作分工台账": "PanPRD Desk — Pan-PRD cooperation task ledger",
    "Word 文档 (.docx)": "Word document (.docx)",
    "{0}\n{1} 条措施：{2}": "{0}\n{1} measures: {2}",
    "{0} 条": "{0} measures",
    "{0}（逾期 {1}，30 天内到期 {2}）": "{0} ({1} overdue, {2} due within 30 days)",
    "{0}：{1} 条措施  {2}": "{0}: {1} measures  {2}",
    "仅逾期": "Overdue only",
    "今天 {0}：已逾期 {1} 条，{2} 天内到期 {3} 条（已完成和长期推进的不计）。":
        "Today {0}: {1} overdue, {3} due within {2} days (done and ongoing measures not counted).",
    "今天到期": "Due today",
    "从日历选择完成时限": "Pick the deadline from a calendar",
    "以只读方式打开": "Open read-only",
    "会议": "Meeting",
    "会议日期": "Meeting date",
    "保存到": "Save to",
    "保存简报材料": "Save briefing pack",
    "修改": "Change",
    "修改人": "By",
    "修改的项目将应用于全部所选措施：{0}": "Changes apply to all selected measures: {0}",
    "修改署名…": "Change my name…",
    "修改记录": "History",
    "全部措施": "All measures",
    "全部文档": "All documents",
    "全部状态": "Any status",
    "共 {0} 条措施": "{0} measures in total",
    "内部资料": "Internal",
    "内部资料 注意保存": "Internal — keep safe",
    "分工表": "Division of work",
    "分工表横向排版": "Landscape table",
    "删除备注：{0}": "Note removed: {0}",
    "单位": "Owner",
    "单位 / 措施": "Owner / measure",
    "单位（可输入简称，如 粤）": "Owner (short forms work, e.g. 粤)",
    "参与": "participant",
    "参与单位": "Participants",
    "参与：{0}": "Participants: {0}",
    "取消": "Cancel",
    "只能导入 .txt、.md、.docx、.pdf 或 .xlsx 文件。": "Only .txt, .md, .docx, .pdf or .xlsx files can be imported.",
    "同一时间只能有一个窗口修改资料库。您可以以只读方式打开（可以阅读、搜索、导出和打印，不能修改），或者退出。\n\n资料库：{0}":
        "Only one window at a time can change a library. You can open it read-only (read, search, export"
        " and print, but not edit) or quit.\n\nLibrary: {0}",
    "在左侧目录中选择一节，或搜索条文。": "Choose a section in the contents on the left, or search.",
    "在阅读区或分工表中选择一条或多条措施。":
        "Select one or more measures in the reader or the division-of-work table.",
    "备注": "Notes",
    "备注和修改记录将署上这个名字（只问一次，可在“设置”菜单中修改）：":
        "Your notes and changes will be signed with this name (asked once; change it in the Settings menu):",
    "如 2020年底前": "e.g. 2020年底前",
    "如 2020年底前 或 2026-06-30": "e.g. 2020年底前 or 2026-06-30",
    "如 2026年12月": "e.g. December 2026",
    "如 泛珠三角区域合作行政首长联席会议": "e.g. Pan-PRD Chief Executives' Joint Conference",
    "完成时限": "Deadline",
    "完成时限早于": "Deadline before",
    "密级标注": "Marking",
    "导入已取消": "Import cancelled",
    "导入文件": "Import files",
    "导入文件…": "Import files…",
    "导出": "Export",
    "导出已取消": "Export cancelled",
    "导出简报材料": "Export briefing pack",
    "导出简报材料…": "Export briefing pack…",
    "工具栏": "Toolbar",
    "已完成": "Done",
    "已导入：{0}": "Imported: {0}",
    "已导出：{0}": "Exported: {0}",
    "已选择 {0} 条措施": "{0} measures selected",
    "已逾期 {0} 天": "{0} days overdue",
    "已逾期 {0} 条": "{0} overdue",
    "序号": "No.",
    "当前搜索/筛选：{0}": "Current search/filter: {0}",
    "您的姓名": "Your name",
    "意外错误：{0}": "Unexpected error: {0}",
    "所选措施（{0} 条）": "Selected measures ({0})",
    "打印简报材料": "Print briefing pack",
    "打印简报材料…": "Print briefing pack…",
    "打印预览": "Print preview",
    "找到 {0} 条措施": "{0} measures found",
    "推进中": "In progress",
    "搜索": "Search",
    "搜索条文（Ctrl+F）": "Search the text (Ctrl+F)",
    "搜索索引已重建：{0} 条措施": "Search index rebuilt: {0} measures",
    "撤销": "Undo",
    "撤销：{0}": "Undo: {0}",
    "文件(&F)": "&File",
    "文本、Word、PDF 与 Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)":
        "Text, Word, PDF and Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)",
    "文档": "Document",
    "时间": "Time",
    "时限：{0}": "Deadline: {0}",
    "暂无备注": "No notes yet",
    "期限": "Due",
    "期限提醒": "Deadlines",
    "未启动": "Not started",
    "未选择措施": "No measure selected",
    "条数": "Count",
    "标签": "Tags",
    "标签：{0}": "Tags: {0}",
    "标题": "Title",
    "标题不能为空": "The title cannot be empty",
    "格式": "Format",
    "正在取消…": "Cancelling…",
    "正在导入…": "Importing…",
    "正在导出…": "Exporting…",
    "正在重建搜索索引…": "Rebuilding the search index…",
    "正文": "Body",
    "没有符合条件的措施。": "No measures match.",
    "浏览…": "Browse…",
    "添加备注": "Add note",
    "添加备注：{0}": "Note added: {0}",
    "清除筛选": "Clear filters",
    "滞后": "Delayed",
    "牵头": "lead",
    "牵头单位": "Lead owners",
    "牵头或参与": "Lead or participant",
    "牵头：{0}": "Lead: {0}",
    "状态": "Status",
    "用 、 分隔多个标签": "Separate tags with 、",
    "界面语言将在重新启动后生效。": "The interface language changes after a restart.",
    "界面语言（重新启动后生效）": "Interface language (after restart)",
    "目录": "Contents",
    "筛选条件": "Filters",
    "筛选条文…": "Filter the text…",
    "编制": "Prepared by",
    "编辑(&E)": "&Edit",
    "范围": "Scope",
    "视图(&V)": "&View",
    "设置(&S)": "&Settings",
    "资料库以只读方式打开，不能修改。": "The library is open read-only; it cannot be changed.",
    "资料库已被打开": "Library already open",
    "输入备注…": "Type a note…",
    "输入词语开始搜索；可用筛选条件缩小范围。": "Type words to search; narrow the results with the filters.",
    "还有 {0} 天": "{0} days left",
    "这个资料库已在另一个 PanPRD Desk 窗口中打开。": "This library is already open in another PanPRD Desk window.",
    "进展": "Progress",
    "退出": "Quit",
    "重做": "Redo",
    "重做：{0}": "Redo: {0}",
    "重建搜索索引": "Rebuild search index",
    "重点任务": "Task",
    "长期推进": "Ongoing",
    "阅读": "Reader",
    "项目": "Field",
    "预览": "Preview",
    "（只读）": " (read-only)",
    "（多个值）": "(several values)",
    "（无标题）": "(untitled)",
    "（显示前 {0} 条）": " (showing the first {0})",
    "（逾期）": " (overdue)",
    # Import review and removing a document (issue 8, part B).
    "导入结果": "Import results",
    "内容": "Found",
    "已导入": "Imported",
    "资料库中已有，未重复导入": "Already in the library, not imported again",
    "部分 / 节 / 措施": "Parts / sections / measures",
    "取自原文的牵头/参与单位": "Owners taken from the text",
    "取自原文的完成时限": "Deadlines taken from the text",
    "{0} 条措施": "{0} measures",
    "需要核对（{0}）": "To check ({0})",
    "移除文档": "Remove document",
    "移除文档…": "Remove document…",
    "移除": "Remove",
    "{0}（{1} 条措施）": "{0} ({1} measures)",
    "文档及其全部措施、分工、备注和修改记录将从资料库中移除。移除前会先备份整个资料库，需要时可从备份中找回。":
        "The document and all its measures, owners, notes and history will be removed from the library. "
        "The whole library is backed up first, so it can be recovered from the backup.",
    "已移除：{0}；移除前的备份：{1}": "Removed: {0}; backup taken before removing: {1}",
}


# Plural messages (Qt's %n): English singular and plural; Chinese has one form.
EN_PLURAL: dict[str, tuple[str, str]] = {
    "{0}\n%n 条措施：{1}": ("{0}\n%n measure: {1}", "{0}\n%n measures: {1}"),
    "已逾期 %n 天": ("%n day overdue", "%n days overdue"),
    "还有 %n 天": ("%n day left", "%n days left"),
    "已逾期 %n 条": ("%n overdue", "%n overdue"),
    "{0} 天内到期 %n 条": ("%n due within {0} days", "%n due within {0} days"),
    "%n 条措施": ("%n measure", "%n measures"),
    "{0}（%n 条措施）": ("{0} (%n measure)", "{0} (%n measures)"),
    "已从备份恢复：%n 条措施；恢复前的状态已另存为安全快照":
        ("Restored from the backup: %n measure; the state before was kept as a safety snapshot",
         "Restored from the backup: %n measures; the state before was kept as a safety snapshot"),
    "冲突 %n 项": ("%n conflict", "%n conflicts"),
    "已导出交换包：%n 项修改 → {0}": ("Exchange bundle exported: %n change → {0}",
                                    "Exchange bundle exported: %n changes → {0}"),
    "已合并来自 {0} 的 %n 项修改，{1}": ("Merged %n change from {0}; {1}", "Merged %n changes from {0}; {1}"),
    "%n 条措施上未能保存的修改": ("Changes refused on %n measure (not saved)",
                              "Changes refused on %n measures (not saved)"),
    "%n 条": ("%n measure", "%n measures"),
    "%n 条未添加的备注草稿": ("%n unsaved note draft", "%n unsaved note drafts"),
    "所选措施（%n 条）": ("Selected measure (%n)", "Selected measures (%n)"),
    "筛选条件（%n）": ("Filter (%n active)", "Filters (%n active)"),
    "无法识别（%n 条：完成时限未能识别日期）":
        ("Unrecognised (%n measure: no date in the deadline text)",
         "Unrecognised (%n measures: no date in the deadline text)"),
    "备注（添加到 %n 条措施）：": ("Note (added to %n measure):", "Note (added to %n measures):"),
    "找到 %n 条措施": ("%n measure found", "%n measures found"),
    "（显示前 %n 条）": (" (showing the first)", " (showing the first %n)"),
    "已选择 %n 条措施": ("%n measure selected", "%n measures selected"),
    "{0}：%n 条措施  {1}": ("{0}: %n measure  {1}", "{0}: %n measures  {1}"),
    "搜索索引已重建：%n 条措施": ("Search index rebuilt: %n measure", "Search index rebuilt: %n measures"),
}


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else (shutil.which(name) or name)


def _en(source: str) -> str | None:
    """English for a plain message; a plural one that lupdate did not mark as such (a
    QCoreApplication.translate call with n) takes its plural form."""
    return EN.get(source) or (EN_PLURAL[source][1] if source in EN_PLURAL else None)


def build(lang: str, translate: Callable[[str], str | None]) -> list[str]:
    """Extract, fill with ``translate`` and compile ``panprd_<lang>``; returns untranslated sources."""
    sources = sorted(str(p) for p in (REPO / "panprd_desktop" / "ui").rglob("*.py"))
    ts = HERE / f"panprd_{lang}.ts"
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-source-language", "zh_CN",
                    "-target-language", lang, "-locations", "none", "-no-obsolete"], check=True)
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if "%n" in source:  # lupdate misses the n of QCoreApplication.translate(ctx, text, None, n)
            message.set("numerus", "yes")
        if message.get("numerus") == "yes":  # "%n 条": one form per plural class of the language
            forms = EN_PLURAL.get(source) if lang == "en" else (translate(source),)
            if forms is None or None in forms:
                missing.append(source)
                continue
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.attrib.pop("type", None)
            continue
        text = translate(source)
        if text is not None:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(HERE / f"panprd_{lang}.qm")], check=True)
    return missing


def main() -> int:
    import opencc

    to_hk = opencc.OpenCC("s2hk")
    missing = build("en", _en)
    missing += build("zh_HK", to_hk.convert)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
