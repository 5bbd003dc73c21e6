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
    "可以用“文件 → 从备份恢复…”恢复最新的已校验备份。":
        "Use File → Restore from a backup… to restore the newest verified backup.",
    # issue 8 (provenance in the inspector)
    "来自原文（导入的文件写明，可修改）：{0}": "From the document (stated in the imported file; editable): {0}",
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


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else (shutil.which(name) or name)


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
    missing = build("en", EN.get)
    build("zh_HK", to_hk.convert)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
