<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_HK" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <source>牵头单位</source>
        <translation>牽頭單位</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>參與單位</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>完成时限早于</source>
        <translation>完成時限早於</translation>
    </message>
    <message>
        <source>完成时限晚于</source>
        <translation>完成時限晚於</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>检索：{0}</source>
        <translation>檢索：{0}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <source>您的姓名</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>备注和修改记录将署上这个名字（只问一次，可在“设置”菜单中修改）：</source>
        <translation>備註和修改記錄將署上這個名字（只問一次，可在“設置”菜單中修改）：</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>冲突</source>
        <translation>衝突</translation>
    </message>
    <message>
        <source>两边都改了同一项且不一致：本库的值暂时保留，请选择采用哪一个。</source>
        <translation>兩邊都改了同一項且不一致：本庫的值暫時保留，請選擇採用哪一個。</translation>
    </message>
    <message>
        <source>采用本库的值</source>
        <translation>採用本庫的值</translation>
    </message>
    <message>
        <source>采用对方的值</source>
        <translation>採用對方的值</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>措施</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>本库</source>
        <translation>本庫</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>對方</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>DeadlinePicker</name>
    <message>
        <source>未设置</source>
        <translation>未設置</translation>
    </message>
</context>
<context>
    <name>DeadlinesModel</name>
    <message>
        <source>单位 / 措施</source>
        <translation>單位 / 措施</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>完成時限</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>{0}（逾期 {1}，30 天内到期 {2}）</source>
        <translation>{0}（逾期 {1}，30 天內到期 {2}）</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>牽頭</translation>
    </message>
    <message>
        <source>参与</source>
        <translation>參與</translation>
    </message>
    <message numerus="yes">
        <source>已逾期 %n 天</source>
        <translation><numerusform>已逾期 %n 天</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>还有 %n 天</source>
        <translation><numerusform>還有 %n 天</numerusform></translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>今天到期</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <source>今天 {0}：{1}，{2}（已完成和长期推进的不计）。</source>
        <translation>今天 {0}：{1}，{2}（已完成和長期推進的不計）。</translation>
    </message>
    <message numerus="yes">
        <source>已逾期 %n 条</source>
        <translation><numerusform>已逾期 %n 條</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{0} 天内到期 %n 条</source>
        <translation><numerusform>{0} 天內到期 %n 條</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>无法识别（%n 条：完成时限未能识别日期）</source>
        <translation><numerusform>無法識別（%n 條：完成時限未能識別日期）</numerusform></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>导入文件</source>
        <translation>導入文件</translation>
    </message>
    <message>
        <source>文本、Word、PDF 与 Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)</source>
        <translation>文本、Word、PDF 與 Excel (*.txt *.md *.markdown *.docx *.pdf *.xlsx)</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>有尚未保存的输入：</source>
        <translation>有尚未保存的輸入：</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>放棄</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>添加備註</translation>
    </message>
    <message numerus="yes">
        <source>备注（添加到 %n 条措施）：</source>
        <translation><numerusform>備註（添加到 %n 條措施）：</numerusform></translation>
    </message>
    <message>
        <source>无法打开：{0}</source>
        <translation>無法打開：{0}</translation>
    </message>
</context>
<context>
    <name>DivisionDelegate</name>
    <message>
        <source>如 2020年底前</source>
        <translation>如 2020年底前</translation>
    </message>
</context>
<context>
    <name>DivisionTableModel</name>
    <message>
        <source>序号</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>重点任务</source>
        <translation>重點任務</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>牽頭單位</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>參與單位</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>完成時限</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>DivisionView</name>
    <message>
        <source>筛选条文…</source>
        <translation>篩選條文…</translation>
    </message>
    <message>
        <source>筛选条件</source>
        <translation>篩選條件</translation>
    </message>
    <message numerus="yes">
        <source>筛选条件（%n）</source>
        <translation><numerusform>篩選條件（%n）</numerusform></translation>
    </message>
    <message>
        <source>有筛选条件生效：表中只显示符合条件的措施</source>
        <translation>有篩選條件生效：表中只顯示符合條件的措施</translation>
    </message>
    <message numerus="yes">
        <source>%n 条</source>
        <translation><numerusform>%n 條</numerusform></translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>导出交换包</source>
        <translation>導出交換包</translation>
    </message>
    <message>
        <source>交换包 (*.zip *.json)</source>
        <translation>交換包 (*.zip *.json)</translation>
    </message>
    <message>
        <source>导入交换包或回收的台账</source>
        <translation>導入交換包或回收的台賬</translation>
    </message>
    <message>
        <source>交换包或台账 (*.zip *.json *.xlsx)</source>
        <translation>交換包或台賬 (*.zip *.json *.xlsx)</translation>
    </message>
    <message>
        <source>导出台账（供填报回收）</source>
        <translation>導出台賬（供填報回收）</translation>
    </message>
    <message>
        <source>填报单位（只含其牵头或参与的措施；留空为全部）：</source>
        <translation>填報單位（只含其牽頭或參與的措施；留空為全部）：</translation>
    </message>
    <message>
        <source>Excel 台账 (*.xlsx)</source>
        <translation>Excel 台賬 (*.xlsx)</translation>
    </message>
    <message>
        <source>导入交换包</source>
        <translation>導入交換包</translation>
    </message>
    <message>
        <source>办公室名称</source>
        <translation>辦公室名稱</translation>
    </message>
    <message>
        <source>本资料库所属的办公室（交换时对方看到的名称）：</source>
        <translation>本資料庫所屬的辦公室（交換時對方看到的名稱）：</translation>
    </message>
    <message>
        <source>填报单位</source>
        <translation>填報單位</translation>
    </message>
    <message>
        <source>这份台账由哪个单位填报？（留空：导出时指定的单位）</source>
        <translation>這份台賬由哪個單位填報？（留空：導出時指定的單位）</translation>
    </message>
    <message>
        <source>来自：{0}</source>
        <translation>來自：{0}</translation>
    </message>
    <message>
        <source>修改：{0} 项将合并，{1} 项此前已收到</source>
        <translation>修改：{0} 項將合併，{1} 項此前已收到</translation>
    </message>
    <message>
        <source>新文档：{0} 份</source>
        <translation>新文檔：{0} 份</translation>
    </message>
    <message>
        <source>冲突：{0} 项（保留本库的值，稍后在“冲突”中选择）</source>
        <translation>衝突：{0} 項（保留本庫的值，稍後在“衝突”中選擇）</translation>
    </message>
    <message>
        <source>现在合并吗？</source>
        <translation>現在合併嗎？</translation>
    </message>
</context>
<context>
    <name>ExchangeUi</name>
    <message>
        <source>导出交换包…</source>
        <translation>導出交換包…</translation>
    </message>
    <message>
        <source>导入交换包…</source>
        <translation>導入交換包…</translation>
    </message>
    <message>
        <source>办公室名称…</source>
        <translation>辦公室名稱…</translation>
    </message>
    <message>
        <source>导出台账（供填报回收）…</source>
        <translation>導出台賬（供填報回收）…</translation>
    </message>
    <message>
        <source>正在导出交换包…</source>
        <translation>正在導出交換包…</translation>
    </message>
    <message numerus="yes">
        <source>已导出交换包：%n 项修改 → {0}</source>
        <translation><numerusform>已導出交換包：%n 項修改 → {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>已合并来自 {0} 的 %n 项修改，{1}</source>
        <translation><numerusform>已合併來自 {0} 的 %n 項修改，{1}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>冲突 %n 项</source>
        <translation><numerusform>衝突 %n 項</numerusform></translation>
    </message>
    <message>
        <source>正在导出台账…</source>
        <translation>正在導出台賬…</translation>
    </message>
    <message>
        <source>已导出台账：{0}</source>
        <translation>已導出台賬：{0}</translation>
    </message>
    <message>
        <source>正在检查交换包…</source>
        <translation>正在檢查交換包…</translation>
    </message>
    <message>
        <source>正在合并交换包…</source>
        <translation>正在合併交換包…</translation>
    </message>
    <message>
        <source>办公室名称：{0}</source>
        <translation>辦公室名稱：{0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>打印简报材料</source>
        <translation>打印簡報材料</translation>
    </message>
    <message>
        <source>导出简报材料</source>
        <translation>導出簡報材料</translation>
    </message>
    <message>
        <source>如 泛珠三角区域合作行政首长联席会议</source>
        <translation>如 泛珠三角區域合作行政首長聯席會議</translation>
    </message>
    <message>
        <source>如 2026年12月</source>
        <translation>如 2026年12月</translation>
    </message>
    <message>
        <source>内部资料</source>
        <translation>內部資料</translation>
    </message>
    <message>
        <source>内部资料 注意保存</source>
        <translation>內部資料 注意保存</translation>
    </message>
    <message>
        <source>分工表横向排版</source>
        <translation>分工表橫向排版</translation>
    </message>
    <message>
        <source>全部措施</source>
        <translation>全部措施</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>範圍</translation>
    </message>
    <message>
        <source>Word 文档 (.docx)</source>
        <translation>Word 文檔 (.docx)</translation>
    </message>
    <message>
        <source>PDF 文档 (.pdf)</source>
        <translation>PDF 文檔 (.pdf)</translation>
    </message>
    <message>
        <source>Excel 分工表台账 (.xlsx)</source>
        <translation>Excel 分工表台賬 (.xlsx)</translation>
    </message>
    <message>
        <source>供填报回收（对方填写进展后可导入合并）</source>
        <translation>供填報回收（對方填寫進展後可導入合併）</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>會議</translation>
    </message>
    <message>
        <source>会议日期</source>
        <translation>會議日期</translation>
    </message>
    <message>
        <source>编制</source>
        <translation>編制</translation>
    </message>
    <message>
        <source>密级标注</source>
        <translation>密級標註</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>導出</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>当前文档：{0}</source>
        <translation>當前文檔：{0}</translation>
    </message>
    <message>
        <source>当前文档</source>
        <translation>當前文檔</translation>
    </message>
    <message numerus="yes">
        <source>所选措施（%n 条）</source>
        <translation><numerusform>所選措施（%n 條）</numerusform></translation>
    </message>
    <message>
        <source>当前搜索：{0}</source>
        <translation>當前搜索：{0}</translation>
    </message>
    <message>
        <source>当前搜索</source>
        <translation>當前搜索</translation>
    </message>
    <message>
        <source>分工表筛选：{0}</source>
        <translation>分工表篩選：{0}</translation>
    </message>
    <message>
        <source>分工表筛选</source>
        <translation>分工表篩選</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>已逾期的措施</source>
        <translation>已逾期的措施</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>牽頭</translation>
    </message>
    <message>
        <source>参与</source>
        <translation>參與</translation>
    </message>
    <message>
        <source>牵头或参与</source>
        <translation>牽頭或參與</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word 文檔 (*.docx)</translation>
    </message>
    <message>
        <source>PDF 文档 (*.pdf)</source>
        <translation>PDF 文檔 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 台账 (*.xlsx)</source>
        <translation>Excel 台賬 (*.xlsx)</translation>
    </message>
    <message>
        <source>保存简报材料</source>
        <translation>保存簡報材料</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>标题不能为空</source>
        <translation>標題不能為空</translation>
    </message>
    <message>
        <source>文件已存在</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>“{0}”已存在。要替换它吗？</source>
        <translation>“{0}”已存在。要替換它嗎？</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>替換</translation>
    </message>
</context>
<context>
    <name>ExportDone</name>
    <message>
        <source>打开文件</source>
        <translation>打開文件</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>打開所在文件夾</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>已導出：{0}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>牵头单位</source>
        <translation>牽頭單位</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>參與單位</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>完成時限</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>備註</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>全部文档</source>
        <translation>全部文檔</translation>
    </message>
    <message>
        <source>单位（可输入简称，如 粤）</source>
        <translation>單位（可輸入簡稱，如 粵）</translation>
    </message>
    <message>
        <source>牵头或参与</source>
        <translation>牽頭或參與</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation>牽頭</translation>
    </message>
    <message>
        <source>参与</source>
        <translation>參與</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>完成时限早于</source>
        <translation>完成時限早於</translation>
    </message>
    <message>
        <source>仅逾期</source>
        <translation>僅逾期</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>文檔</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>泛珠三角区域合作分工台账：离线运行，资料保存在本机的资料库文件中。</source>
        <translation>泛珠三角區域合作分工台賬：離線運行，資料保存在本機的資料庫文件中。</translation>
    </message>
    <message>
        <source>左侧“目录”选择一节，阅读区显示其中的措施；单击措施的任意位置即选中它，Ctrl/Shift+单击可多选。</source>
        <translation>左側“目錄”選擇一節，閲讀區顯示其中的措施；單擊措施的任意位置即選中它，Ctrl/Shift+單擊可多選。</translation>
    </message>
    <message>
        <source>右侧检查器填写牵头单位、参与单位、完成时限、状态、标签和备注；多选时修改应用于全部所选措施。</source>
        <translation>右側檢查器填寫牽頭單位、參與單位、完成時限、狀態、標籤和備註；多選時修改應用於全部所選措施。</translation>
    </message>
    <message>
        <source>完成时限可写原文（如 2027年6月底前），程序推算日期；无法推算的会标出“未能识别日期”。</source>
        <translation>完成時限可寫原文（如 2027年6月底前），程序推算日期；無法推算的會標出“未能識別日期”。</translation>
    </message>
    <message>
        <source>未添加的备注草稿留在它所属的措施上；关闭窗口时如有未保存的输入会提示。</source>
        <translation>未添加的備註草稿留在它所屬的措施上；關閉窗口時如有未保存的輸入會提示。</translation>
    </message>
    <message>
        <source>Ctrl+F 搜索，↓ 进入结果，回车打开；Ctrl+Z 撤销，Ctrl+Y 或 Ctrl+Shift+Z 重做。</source>
        <translation>Ctrl+F 搜索，↓ 進入結果，回車打開；Ctrl+Z 撤銷，Ctrl+Y 或 Ctrl+Shift+Z 重做。</translation>
    </message>
    <message>
        <source>在表格、目录、搜索结果和阅读区单击右键，可复制、添加备注、设置状态、导出所选。</source>
        <translation>在表格、目錄、搜索結果和閲讀區單擊右鍵，可複製、添加備註、設置狀態、導出所選。</translation>
    </message>
    <message>
        <source>Ctrl+E 导出简报材料（Word/PDF），Ctrl+P 打印；范围在导出对话框中明确选择。</source>
        <translation>Ctrl+E 導出簡報材料（Word/PDF），Ctrl+P 打印；範圍在導出對話框中明確選擇。</translation>
    </message>
    <message>
        <source>关于 PanPRD Desk</source>
        <translation>關於 PanPRD Desk</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>使用説明</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>删除备注：{0}</source>
        <translation>刪除備註：{0}</translation>
    </message>
    <message>
        <source>添加备注：{0}</source>
        <translation>添加備註：{0}</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <source>导入结果</source>
        <translation>導入結果</translation>
    </message>
    <message>
        <source>文档</source>
        <translation>文檔</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>资料库中已有，未重复导入</source>
        <translation>資料庫中已有，未重複導入</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>已導入</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>部分 / 节 / 措施</source>
        <translation>部分 / 節 / 措施</translation>
    </message>
    <message>
        <source>取自原文的牵头/参与单位</source>
        <translation>取自原文的牽頭/參與單位</translation>
    </message>
    <message numerus="yes">
        <source>%n 条措施</source>
        <translation><numerusform>%n 條措施</numerusform></translation>
    </message>
    <message>
        <source>取自原文的完成时限</source>
        <translation>取自原文的完成時限</translation>
    </message>
    <message>
        <source>需要核对（{0}）</source>
        <translation>需要核對（{0}）</translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <source>如 2020年底前 或 2026-06-30</source>
        <translation>如 2020年底前 或 2026-06-30</translation>
    </message>
    <message>
        <source>从日历选择完成时限</source>
        <translation>從日曆選擇完成時限</translation>
    </message>
    <message>
        <source>用 、 分隔多个标签</source>
        <translation>用 、 分隔多個標籤</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>替換</translation>
    </message>
    <message>
        <source>勾选后，所选各条措施原有的标签全部替换为输入的标签；不勾选时只添加输入的标签、删除从共同标签中删去的标签</source>
        <translation>勾選後，所選各條措施原有的標籤全部替換為輸入的標籤；不勾選時只添加輸入的標籤、刪除從共同標籤中刪去的標籤</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>牽頭單位</translation>
    </message>
    <message>
        <source>参与单位</source>
        <translation>參與單位</translation>
    </message>
    <message>
        <source>完成时限</source>
        <translation>完成時限</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>输入备注…</source>
        <translation>輸入備註…</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>添加備註</translation>
    </message>
    <message>
        <source>草稿未添加：它留在这条措施上，直到您添加或清空它。</source>
        <translation>草稿未添加：它留在這條措施上，直到您添加或清空它。</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>修改記錄</translation>
    </message>
    <message>
        <source>未选择措施</source>
        <translation>未選擇措施</translation>
    </message>
    <message>
        <source>在阅读区或分工表中选择一条或多条措施。</source>
        <translation>在閲讀區或分工表中選擇一條或多條措施。</translation>
    </message>
    <message numerus="yes">
        <source>已选择 %n 条措施</source>
        <translation><numerusform>已選擇 %n 條措施</numerusform></translation>
    </message>
    <message>
        <source>修改的项目将应用于全部所选措施：{0}</source>
        <translation>修改的項目將應用於全部所選措施：{0}</translation>
    </message>
    <message>
        <source>（多个值）</source>
        <translation>（多個值）</translation>
    </message>
    <message>
        <source>未能识别日期：完成时限按原文保存，不会出现在期限提醒的日期中</source>
        <translation>未能識別日期：完成時限按原文保存，不會出現在期限提醒的日期中</translation>
    </message>
    <message>
        <source>来自原文（导入的文件写明，可修改）：{0}</source>
        <translation>來自原文（導入的文件寫明，可修改）：{0}</translation>
    </message>
    <message>
        <source>各条措施的标签不同；这里显示共同的标签。</source>
        <translation>各條措施的標籤不同；這裏顯示共同的標籤。</translation>
    </message>
    <message>
        <source>暂无备注</source>
        <translation>暫無備註</translation>
    </message>
    <message>
        <source>未保存：{0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>未保存：写入被拒绝，输入的内容仍在框中，请重试。</source>
        <translation>未保存：寫入被拒絕，輸入的內容仍在框中，請重試。</translation>
    </message>
    <message>
        <source>{0}（未提交）</source>
        <translation>{0}（未提交）</translation>
    </message>
    <message numerus="yes">
        <source>%n 条措施上未能保存的修改</source>
        <translation><numerusform>%n 條措施上未能保存的修改</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n 条未添加的备注草稿</source>
        <translation><numerusform>%n 條未添加的備註草稿</numerusform></translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>正文</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>（無標題）</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>條數</translation>
    </message>
    <message>
        <source>进展</source>
        <translation>進展</translation>
    </message>
    <message numerus="yes">
        <source>{0}
%n 条措施：{1}</source>
        <translation><numerusform>{0}
%n 條措施：{1}</numerusform></translation>
    </message>
</context>
<context>
    <name>LockedDialog</name>
    <message>
        <source>资料库已被打开</source>
        <translation>資料庫已被打開</translation>
    </message>
    <message>
        <source>这个资料库已在另一个 PanPRD Desk 窗口中打开。</source>
        <translation>這個資料庫已在另一個 PanPRD Desk 窗口中打開。</translation>
    </message>
    <message>
        <source>同一时间只能有一个窗口修改资料库。您可以以只读方式打开（可以阅读、搜索、导出和打印，不能修改），或者退出。

资料库：{0}</source>
        <translation>同一時間只能有一個窗口修改資料庫。您可以以只讀方式打開（可以閲讀、搜索、導出和打印，不能修改），或者退出。

資料庫：{0}</translation>
    </message>
    <message>
        <source>以只读方式打开</source>
        <translation>以只讀方式打開</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>导入文件…</source>
        <translation>導入文件…</translation>
    </message>
    <message>
        <source>导出简报材料…</source>
        <translation>導出簡報材料…</translation>
    </message>
    <message>
        <source>打印简报材料…</source>
        <translation>打印簡報材料…</translation>
    </message>
    <message>
        <source>重建搜索索引</source>
        <translation>重建搜索索引</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>阅读</source>
        <translation>閲讀</translation>
    </message>
    <message>
        <source>分工表</source>
        <translation>分工表</translation>
    </message>
    <message>
        <source>期限提醒</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>修改署名…</source>
        <translation>修改署名…</translation>
    </message>
    <message>
        <source>移除文档…</source>
        <translation>移除文檔…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>視圖(&amp;V)</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>設置(&amp;S)</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>界面語言</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>工具欄</translation>
    </message>
    <message>
        <source>PanPRD Desk — 泛珠三角区域合作分工台账</source>
        <translation>PanPRD Desk — 泛珠三角區域合作分工台賬</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation>（只讀）</translation>
    </message>
    <message>
        <source>目录</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>撤销：{0}</source>
        <translation>撤銷：{0}</translation>
    </message>
    <message>
        <source>重做：{0}</source>
        <translation>重做：{0}</translation>
    </message>
    <message numerus="yes">
        <source>{0}：%n 条措施  {1}</source>
        <translation><numerusform>{0}：%n 條措施  {1}</numerusform></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>使用説明</translation>
    </message>
    <message>
        <source>关于 PanPRD Desk</source>
        <translation>關於 PanPRD Desk</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>资料库以只读方式打开，不能修改。</source>
        <translation>資料庫以只讀方式打開，不能修改。</translation>
    </message>
    <message>
        <source>正在重建搜索索引…</source>
        <translation>正在重建搜索索引…</translation>
    </message>
    <message numerus="yes">
        <source>搜索索引已重建：%n 条措施</source>
        <translation><numerusform>搜索索引已重建：%n 條措施</numerusform></translation>
    </message>
    <message>
        <source>只能导入 .txt、.md、.docx、.pdf 或 .xlsx 文件。</source>
        <translation>只能導入 .txt、.md、.docx、.pdf 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>已导入：{0}</source>
        <translation>已導入：{0}</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>正在導入…</translation>
    </message>
    <message>
        <source>导入已取消</source>
        <translation>導入已取消</translation>
    </message>
    <message>
        <source>已移除：{0}；移除前的备份：{1}</source>
        <translation>已移除：{0}；移除前的備份：{1}</translation>
    </message>
    <message>
        <source>正在准备打印…</source>
        <translation>正在準備打印…</translation>
    </message>
    <message>
        <source>打印已取消</source>
        <translation>打印已取消</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>已導出：{0}</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>正在導出…</translation>
    </message>
    <message>
        <source>导出已取消</source>
        <translation>導出已取消</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>会议材料</source>
        <translation>會議材料</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>打印預覽</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>可以用“文件 → 从备份恢复…”恢复最新的已校验备份。</source>
        <translation>可以用“文件 → 從備份恢復…”恢復最新的已校驗備份。</translation>
    </message>
    <message>
        <source>在左侧目录中选择一节，或搜索条文。</source>
        <translation>在左側目錄中選擇一節，或搜索條文。</translation>
    </message>
    <message>
        <source>牵头：{0}</source>
        <translation>牽頭：{0}</translation>
    </message>
    <message>
        <source>参与：{0}</source>
        <translation>參與：{0}</translation>
    </message>
    <message>
        <source>时限：{0}</source>
        <translation>時限：{0}</translation>
    </message>
    <message>
        <source>标签：{0}</source>
        <translation>標籤：{0}</translation>
    </message>
</context>
<context>
    <name>RemoveDocumentDialog</name>
    <message>
        <source>移除文档</source>
        <translation>移除文檔</translation>
    </message>
    <message numerus="yes">
        <source>{0}（%n 条措施）</source>
        <translation><numerusform>{0}（%n 條措施）</numerusform></translation>
    </message>
    <message>
        <source>文档及其全部措施、分工、备注和修改记录将从资料库中移除。移除前会先备份整个资料库，需要时可从备份中找回。</source>
        <translation>文檔及其全部措施、分工、備註和修改記錄將從資料庫中移除。移除前會先備份整個資料庫，需要時可從備份中找回。</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>從備份恢復</translation>
    </message>
    <message>
        <source>选择要恢复的备份。恢复前，当前资料库会另存为一份安全快照，不会丢失。</source>
        <translation>選擇要恢復的備份。恢復前，當前資料庫會另存為一份安全快照，不會丟失。</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>标注</source>
        <translation>標註</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>校驗</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <source>已损坏</source>
        <translation>已損壞</translation>
    </message>
    <message>
        <source>没有备份。</source>
        <translation>沒有備份。</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>恢復</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>從備份恢復…</translation>
    </message>
    <message>
        <source>正在从备份恢复…</source>
        <translation>正在從備份恢復…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>搜索条文（Ctrl+F）</source>
        <translation>搜索條文（Ctrl+F）</translation>
    </message>
    <message>
        <source>输入词语开始搜索；可用筛选条件缩小范围。</source>
        <translation>輸入詞語開始搜索；可用篩選條件縮小範圍。</translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 条措施</source>
        <translation><numerusform>找到 %n 條措施</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>（显示前 %n 条）</source>
        <translation><numerusform>（顯示前 %n 條）</numerusform></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>未启动</source>
        <translation>未啓動</translation>
    </message>
    <message>
        <source>推进中</source>
        <translation>推進中</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>滞后</source>
        <translation>滯後</translation>
    </message>
    <message>
        <source>长期推进</source>
        <translation>長期推進</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>意外错误：{0}</source>
        <translation>意外錯誤：{0}</translation>
    </message>
</context>
</TS>