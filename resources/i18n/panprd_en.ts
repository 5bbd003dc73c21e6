<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <source>牵头单位</source>
        <translation>Lead owners</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>完成时限早于</source>
        <translation>Deadline before</translation>
    </message>
    <message>
        <source>完成时限晚于</source>
        <translation>Deadline after</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>检索：{0}</source>
        <translation>Search: {0}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <source>您的姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>备注和修改记录将署上这个名字（只问一次，可在“设置”菜单中修改）：</source>
        <translation>Your notes and changes will be signed with this name (asked once; change it in the Settings menu):</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>两边都改了同一项且不一致：本库的值暂时保留，请选择采用哪一个。</source>
        <translation>Both sides changed the same value differently: this library's value is kept for now; choose which one to use.</translation>
    </message>
    <message>
        <source>采用本库的值</source>
        <translation>Keep this library's value</translation>
    </message>
    <message>
        <source>采用对方的值</source>
        <translation>Take their value</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>本库</source>
        <translation>This library</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>DeadlinePicker</name>
    <message>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>单位 / 措施</source>
        <translation>Owner / measure</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{0}（逾期 {1}，30 天内到期 {2}）</source>
        <translation>{0} ({1} overdue, {2} due within 30 days)</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>参与</source>
        <translation>participant</translation>
    </message>
    <message numerus="yes">
        <source>已逾期 %n 天</source>
        <translation><numerusform>%n day overdue</numerusform><numerusform>%n days overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>还有 %n 天</source>
        <translation><numerusform>%n day left</numerusform><numerusform>%n days left</numerusform></translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <source>今天 {0}：{1}，{2}（已完成和长期推进的不计）。</source>
        <translation>Today {0}: {1}, {2} (done and ongoing measures not counted).</translation>
    </message>
    <message numerus="yes">
        <source>已逾期 %n 条</source>
        <translation><numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{0} 天内到期 %n 条</source>
        <translation><numerusform>%n due within {0} days</numerusform><numerusform>%n due within {0} days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>无法识别（%n 条：完成时限未能识别日期）</source>
        <translation><numerusform>Unrecognised (%n measure: no date in the deadline text)</numerusform><numerusform>Unrecognised (%n measures: no date in the deadline text)</numerusform></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <source>文本、Word、PDF 与 Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)</source>
        <translation>Text, Word, PDF and Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>有尚未保存的输入：</source>
        <translation>There is input that has not been saved:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message numerus="yes">
        <source>备注（添加到 %n 条措施）：</source>
        <translation><numerusform>Note (added to %n measure):</numerusform><numerusform>Note (added to %n measures):</numerusform></translation>
    </message>
    <message>
        <source>无法打开：{0}</source>
        <translation>Cannot open: {0}</translation>
    </message>
</context>
<context>
    <name>DivisionDelegate</name>
    <message>
        <source>如 2020年底前</source>
        <translation>e.g. 2020年底前</translation>
    </message>
</context>
<context>
    <name>DivisionTableModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>重点任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead owners</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DivisionView</name>
    <message>
        <source>筛选条文…</source>
        <translation>Filter the text…</translation>
    </message>
    <message>
        <source>筛选条件</source>
        <translation>Filters</translation>
    </message>
    <message numerus="yes">
        <source>筛选条件（%n）</source>
        <translation><numerusform>Filter (%n active)</numerusform><numerusform>Filters (%n active)</numerusform></translation>
    </message>
    <message>
        <source>有筛选条件生效：表中只显示符合条件的措施</source>
        <translation>Filters are active: the table shows only matching measures</translation>
    </message>
    <message numerus="yes">
        <source>%n 条</source>
        <translation><numerusform>%n measure</numerusform><numerusform>%n measures</numerusform></translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>导出交换包</source>
        <translation>Export exchange bundle</translation>
    </message>
    <message>
        <source>交换包 (*.zip *.json)</source>
        <translation>Exchange bundles (*.zip *.json)</translation>
    </message>
    <message>
        <source>导入交换包或回收的台账</source>
        <translation>Import an exchange bundle or a returned workbook</translation>
    </message>
    <message>
        <source>交换包或台账 (*.zip *.json *.xlsx)</source>
        <translation>Exchange bundles or workbooks (*.zip *.json *.xlsx)</translation>
    </message>
    <message>
        <source>导出台账（供填报回收）</source>
        <translation>Export workbook for parties to fill in</translation>
    </message>
    <message>
        <source>填报单位（只含其牵头或参与的措施；留空为全部）：</source>
        <translation>Party filling it in (only the measures it leads or joins; empty for all):</translation>
    </message>
    <message>
        <source>Excel 台账 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导入交换包</source>
        <translation>Import exchange bundle</translation>
    </message>
    <message>
        <source>办公室名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>本资料库所属的办公室（交换时对方看到的名称）：</source>
        <translation>The office this library belongs to (the name others see in exchanges):</translation>
    </message>
    <message>
        <source>填报单位</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>这份台账由哪个单位填报？（留空：导出时指定的单位）</source>
        <translation>Which party filled in this workbook? (Empty: the one it was exported for)</translation>
    </message>
    <message>
        <source>来自：{0}</source>
        <translation>From: {0}</translation>
    </message>
    <message>
        <source>修改：{0} 项将合并，{1} 项此前已收到</source>
        <translation>Changes: {0} to merge, {1} received before</translation>
    </message>
    <message>
        <source>新文档：{0} 份</source>
        <translation>New documents: {0}</translation>
    </message>
    <message>
        <source>冲突：{0} 项（保留本库的值，稍后在“冲突”中选择）</source>
        <translation>Conflicts: {0} (this library's values are kept; choose later under “Conflicts”)</translation>
    </message>
    <message>
        <source>现在合并吗？</source>
        <translation>Merge now?</translation>
    </message>
</context>
<context>
    <name>ExchangeUi</name>
    <message>
        <source>导出交换包…</source>
        <translation>Export exchange bundle…</translation>
    </message>
    <message>
        <source>导入交换包…</source>
        <translation>Import exchange bundle…</translation>
    </message>
    <message>
        <source>办公室名称…</source>
        <translation>Office name…</translation>
    </message>
    <message>
        <source>导出台账（供填报回收）…</source>
        <translation>Export workbook for parties to fill in…</translation>
    </message>
    <message>
        <source>正在导出交换包…</source>
        <translation>Exporting the exchange bundle…</translation>
    </message>
    <message numerus="yes">
        <source>已导出交换包：%n 项修改 → {0}</source>
        <translation><numerusform>Exchange bundle exported: %n change → {0}</numerusform><numerusform>Exchange bundle exported: %n changes → {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>已合并来自 {0} 的 %n 项修改，{1}</source>
        <translation><numerusform>Merged %n change from {0}; {1}</numerusform><numerusform>Merged %n changes from {0}; {1}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>冲突 %n 项</source>
        <translation><numerusform>%n conflict</numerusform><numerusform>%n conflicts</numerusform></translation>
    </message>
    <message>
        <source>正在导出台账…</source>
        <translation>Exporting the workbook…</translation>
    </message>
    <message>
        <source>已导出台账：{0}</source>
        <translation>Workbook exported: {0}</translation>
    </message>
    <message>
        <source>正在检查交换包…</source>
        <translation>Checking the exchange bundle…</translation>
    </message>
    <message>
        <source>正在合并交换包…</source>
        <translation>Merging the exchange bundle…</translation>
    </message>
    <message>
        <source>办公室名称：{0}</source>
        <translation>Office name: {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>打印简报材料</source>
        <translation>Print briefing pack</translation>
    </message>
    <message>
        <source>导出简报材料</source>
        <translation>Export briefing pack</translation>
    </message>
    <message>
        <source>如 泛珠三角区域合作行政首长联席会议</source>
        <translation>e.g. Pan-PRD Chief Executives' Joint Conference</translation>
    </message>
    <message>
        <source>如 2026年12月</source>
        <translation>e.g. December 2026</translation>
    </message>
    <message>
        <source>内部资料</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>内部资料 注意保存</source>
        <translation>Internal — keep safe</translation>
    </message>
    <message>
        <source>分工表横向排版</source>
        <translation>Landscape table</translation>
    </message>
    <message>
        <source>全部措施</source>
        <translation>All measures</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Word 文档 (.docx)</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <source>PDF 文档 (.pdf)</source>
        <translation>PDF document (.pdf)</translation>
    </message>
    <message>
        <source>Excel 分工表台账 (.xlsx)</source>
        <translation>Excel division-of-work workbook (.xlsx)</translation>
    </message>
    <message>
        <source>供填报回收（对方填写进展后可导入合并）</source>
        <translation>For return (parties fill in progress; the file merges back)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>会议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>编制</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>密级标注</source>
        <translation>Marking</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>当前文档：{0}</source>
        <translation>Current document: {0}</translation>
    </message>
    <message>
        <source>当前文档</source>
        <translation>Current document</translation>
    </message>
    <message numerus="yes">
        <source>所选措施（%n 条）</source>
        <translation><numerusform>Selected measure (%n)</numerusform><numerusform>Selected measures (%n)</numerusform></translation>
    </message>
    <message>
        <source>当前搜索：{0}</source>
        <translation>Current search: {0}</translation>
    </message>
    <message>
        <source>当前搜索</source>
        <translation>Current search</translation>
    </message>
    <message>
        <source>分工表筛选：{0}</source>
        <translation>Division-table filter: {0}</translation>
    </message>
    <message>
        <source>分工表筛选</source>
        <translation>Division-table filter</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>已逾期的措施</source>
        <translation>Overdue measures</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>参与</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>牵头或参与</source>
        <translation>Lead or participant</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>PDF 文档 (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 台账 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>保存简报材料</source>
        <translation>Save briefing pack</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>标题不能为空</source>
        <translation>The title cannot be empty</translation>
    </message>
    <message>
        <source>文件已存在</source>
        <translation>File exists</translation>
    </message>
    <message>
        <source>“{0}”已存在。要替换它吗？</source>
        <translation>“{0}” already exists. Replace it?</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
</context>
<context>
    <name>ExportDone</name>
    <message>
        <source>打开文件</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>牵头单位</source>
        <translation>Lead owners</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>全部文档</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>单位（可输入简称，如 粤）</source>
        <translation>Owner (short forms work, e.g. 粤)</translation>
    </message>
    <message>
        <source>牵头或参与</source>
        <translation>Lead or participant</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>参与</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>完成时限早于</source>
        <translation>Deadline before</translation>
    </message>
    <message>
        <source>仅逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>泛珠三角区域合作分工台账：离线运行，资料保存在本机的资料库文件中。</source>
        <translation>Pan-PRD cooperation task ledger: works offline; everything is kept in a library file on this PC.</translation>
    </message>
    <message>
        <source>左侧“目录”选择一节，阅读区显示其中的措施；单击措施的任意位置即选中它，Ctrl/Shift+单击可多选。</source>
        <translation>Choose a section in the contents on the left; the reader shows its measures. Click anywhere in a measure to select it; Ctrl/Shift+click selects several.</translation>
    </message>
    <message>
        <source>右侧检查器填写牵头单位、参与单位、完成时限、状态、标签和备注；多选时修改应用于全部所选措施。</source>
        <translation>Fill in lead and participating owners, deadline, status, tags and notes in the inspector on the right; with several measures selected, a change applies to all of them.</translation>
    </message>
    <message>
        <source>完成时限可写原文（如 2027年6月底前），程序推算日期；无法推算的会标出“未能识别日期”。</source>
        <translation>Deadlines can be written as in the documents (e.g. 2027年6月底前); the date is derived, and text without a date is flagged “no date recognised”.</translation>
    </message>
    <message>
        <source>未添加的备注草稿留在它所属的措施上；关闭窗口时如有未保存的输入会提示。</source>
        <translation>An unsaved note draft stays with its measure; closing the window with unsaved input asks first.</translation>
    </message>
    <message>
        <source>Ctrl+F 搜索，↓ 进入结果，回车打开；Ctrl+Z 撤销，Ctrl+Y 或 Ctrl+Shift+Z 重做。</source>
        <translation>Ctrl+F searches, ↓ moves into the results, Enter opens; Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes.</translation>
    </message>
    <message>
        <source>在表格、目录、搜索结果和阅读区单击右键，可复制、添加备注、设置状态、导出所选。</source>
        <translation>Right-click in the table, the contents, the search results or the reader to copy, add a note, set the status or export the selection.</translation>
    </message>
    <message>
        <source>Ctrl+E 导出简报材料（Word/PDF），Ctrl+P 打印；范围在导出对话框中明确选择。</source>
        <translation>Ctrl+E exports a briefing pack (Word/PDF), Ctrl+P prints; choose the scope in the export dialog.</translation>
    </message>
    <message>
        <source>关于 PanPRD Desk</source>
        <translation>About PanPRD Desk</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>删除备注：{0}</source>
        <translation>Note removed: {0}</translation>
    </message>
    <message>
        <source>添加备注：{0}</source>
        <translation>Note added: {0}</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>资料库中已有，未重复导入</source>
        <translation>Already in the library, not imported again</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>部分 / 节 / 措施</source>
        <translation>Parts / sections / measures</translation>
    </message>
    <message>
        <source>取自原文的牵头/参与单位</source>
        <translation>Owners taken from the text</translation>
    </message>
    <message numerus="yes">
        <source>%n 条措施</source>
        <translation><numerusform>%n measure</numerusform><numerusform>%n measures</numerusform></translation>
    </message>
    <message>
        <source>取自原文的完成时限</source>
        <translation>Deadlines taken from the text</translation>
    </message>
    <message>
        <source>需要核对（{0}）</source>
        <translation>To check ({0})</translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <source>如 2020年底前 或 2026-06-30</source>
        <translation>e.g. 2020年底前 or 2026-06-30</translation>
    </message>
    <message>
        <source>从日历选择完成时限</source>
        <translation>Pick the deadline from a calendar</translation>
    </message>
    <message>
        <source>用 、 分隔多个标签</source>
        <translation>Separate tags with 、</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>勾选后，所选各条措施原有的标签全部替换为输入的标签；不勾选时只添加输入的标签、删除从共同标签中删去的标签</source>
        <translation>Ticked: every selected measure's tags are replaced by the typed ones. Not ticked: typed tags are added, and shared tags you erased are removed.</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead owners</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>输入备注…</source>
        <translation>Type a note…</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>草稿未添加：它留在这条措施上，直到您添加或清空它。</source>
        <translation>Draft not added yet: it stays with this measure until you add or clear it.</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>未选择措施</source>
        <translation>No measure selected</translation>
    </message>
    <message>
        <source>在阅读区或分工表中选择一条或多条措施。</source>
        <translation>Select one or more measures in the reader or the division-of-work table.</translation>
    </message>
    <message numerus="yes">
        <source>已选择 %n 条措施</source>
        <translation><numerusform>%n measure selected</numerusform><numerusform>%n measures selected</numerusform></translation>
    </message>
    <message>
        <source>修改的项目将应用于全部所选措施：{0}</source>
        <translation>Changes apply to all selected measures: {0}</translation>
    </message>
    <message>
        <source>（多个值）</source>
        <translation>(several values)</translation>
    </message>
    <message>
        <source>未能识别日期：完成时限按原文保存，不会出现在期限提醒的日期中</source>
        <translation>No date recognised: the deadline is kept as written but will not appear among dated deadlines</translation>
    </message>
    <message>
        <source>来自原文（导入的文件写明，可修改）：{0}</source>
        <translation>From the document (stated in the imported file; editable): {0}</translation>
    </message>
    <message>
        <source>各条措施的标签不同；这里显示共同的标签。</source>
        <translation>The measures have different tags; the shared ones are shown.</translation>
    </message>
    <message>
        <source>暂无备注</source>
        <translation>No notes yet</translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>未保存：写入被拒绝，输入的内容仍在框中，请重试。</source>
        <translation>Not saved: the write was refused; what you typed is still in the box. Try again.</translation>
    </message>
    <message>
        <source>{0}（未提交）</source>
        <translation>{0} (not committed)</translation>
    </message>
    <message numerus="yes">
        <source>%n 条措施上未能保存的修改</source>
        <translation><numerusform>Changes refused on %n measure (not saved)</numerusform><numerusform>Changes refused on %n measures (not saved)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n 条未添加的备注草稿</source>
        <translation><numerusform>%n unsaved note draft</numerusform><numerusform>%n unsaved note drafts</numerusform></translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message numerus="yes">
        <source>{0}
%n 条措施：{1}</source>
        <translation><numerusform>{0}
%n measure: {1}</numerusform><numerusform>{0}
%n measures: {1}</numerusform></translation>
    </message>
</context>
<context>
    <name>LockedDialog</name>
    <message>
        <source>资料库已被打开</source>
        <translation>Library already open</translation>
    </message>
    <message>
        <source>这个资料库已在另一个 PanPRD Desk 窗口中打开。</source>
        <translation>This library is already open in another PanPRD Desk window.</translation>
    </message>
    <message>
        <source>同一时间只能有一个窗口修改资料库。您可以以只读方式打开（可以阅读、搜索、导出和打印，不能修改），或者退出。

资料库：{0}</source>
        <translation>Only one window at a time can change a library. You can open it read-only (read, search, export and print, but not edit) or quit.

Library: {0}</translation>
    </message>
    <message>
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>导出简报材料…</source>
        <translation>Export briefing pack…</translation>
    </message>
    <message>
        <source>打印简报材料…</source>
        <translation>Print briefing pack…</translation>
    </message>
    <message>
        <source>重建搜索索引</source>
        <translation>Rebuild search index</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>阅读</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>分工表</source>
        <translation>Division of work</translation>
    </message>
    <message>
        <source>期限提醒</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>修改署名…</source>
        <translation>Change my name…</translation>
    </message>
    <message>
        <source>移除文档…</source>
        <translation>Remove document…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>PanPRD Desk — 泛珠三角区域合作分工台账</source>
        <translation>PanPRD Desk — Pan-PRD cooperation task ledger</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>撤销：{0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <source>重做：{0}</source>
        <translation>Redo: {0}</translation>
    </message>
    <message numerus="yes">
        <source>{0}：%n 条措施  {1}</source>
        <translation><numerusform>{0}: %n measure  {1}</numerusform><numerusform>{0}: %n measures  {1}</numerusform></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关于 PanPRD Desk</source>
        <translation>About PanPRD Desk</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>资料库以只读方式打开，不能修改。</source>
        <translation>The library is open read-only; it cannot be changed.</translation>
    </message>
    <message>
        <source>正在重建搜索索引…</source>
        <translation>Rebuilding the search index…</translation>
    </message>
    <message numerus="yes">
        <source>搜索索引已重建：%n 条措施</source>
        <translation><numerusform>Search index rebuilt: %n measure</numerusform><numerusform>Search index rebuilt: %n measures</numerusform></translation>
    </message>
    <message>
        <source>只能导入 .txt、.md、.docx、.pdf 或 .xlsx 文件。</source>
        <translation>Only .txt, .md, .docx, .pdf or .xlsx files can be imported.</translation>
    </message>
    <message>
        <source>已导入：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>已移除：{0}；移除前的备份：{1}</source>
        <translation>Removed: {0}; backup taken before removing: {1}</translation>
    </message>
    <message>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>打印已取消</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>会议材料</source>
        <translation>Meeting papers</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>可以用“文件 → 从备份恢复…”恢复最新的已校验备份。</source>
        <translation>Use File → Restore from a backup… to restore the newest verified backup.</translation>
    </message>
    <message>
        <source>在左侧目录中选择一节，或搜索条文。</source>
        <translation>Choose a section in the contents on the left, or search.</translation>
    </message>
    <message>
        <source>牵头：{0}</source>
        <translation>Lead: {0}</translation>
    </message>
    <message>
        <source>参与：{0}</source>
        <translation>Participants: {0}</translation>
    </message>
    <message>
        <source>时限：{0}</source>
        <translation>Deadline: {0}</translation>
    </message>
    <message>
        <source>标签：{0}</source>
        <translation>Tags: {0}</translation>
    </message>
</context>
<context>
    <name>RemoveDocumentDialog</name>
    <message>
        <source>移除文档</source>
        <translation>Remove document</translation>
    </message>
    <message numerus="yes">
        <source>{0}（%n 条措施）</source>
        <translation><numerusform>{0} (%n measure)</numerusform><numerusform>{0} (%n measures)</numerusform></translation>
    </message>
    <message>
        <source>文档及其全部措施、分工、备注和修改记录将从资料库中移除。移除前会先备份整个资料库，需要时可从备份中找回。</source>
        <translation>The document and all its measures, owners, notes and history will be removed from the library. The whole library is backed up first, so it can be recovered from the backup.</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>选择要恢复的备份。恢复前，当前资料库会另存为一份安全快照，不会丢失。</source>
        <translation>Choose the backup to restore. The current library is first kept as a safety snapshot; nothing is lost.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>标注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>已损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>没有备份。</source>
        <translation>No backups.</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>正在从备份恢复…</source>
        <translation>Restoring from the backup…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>搜索条文（Ctrl+F）</source>
        <translation>Search the text (Ctrl+F)</translation>
    </message>
    <message>
        <source>输入词语开始搜索；可用筛选条件缩小范围。</source>
        <translation>Type words to search; narrow the results with the filters.</translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 条措施</source>
        <translation><numerusform>%n measure found</numerusform><numerusform>%n measures found</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>（显示前 %n 条）</source>
        <translation><numerusform> (showing the first)</numerusform><numerusform> (showing the first %n)</numerusform></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>滞后</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <source>长期推进</source>
        <translation>Ongoing</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>意外错误：{0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
</context>
</TS>