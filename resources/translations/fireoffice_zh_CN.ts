<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>System</source>
        <translation>操作系统</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序意外出错</translation>
    </message>
    <message>
        <source>The program met an unexpected error. Your saved data is safe: every change is saved in its own transaction.
Please copy the report below and send it to your support contact. Log file: {path}</source>
        <translation>程序遇到了意外错误。已保存的数据是安全的：每次修改都在独立的事务中保存。
请复制下面的报告发给技术支持人员。日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;演示数据&lt;/b&gt; — the units and people shown are invented for trying the program. To start clean, press the button on the right (or Settings → Start clean), or start with another database file: &lt;code&gt;fireoffice --db new.sqlite&lt;/code&gt;.</source>
        <translation>&lt;b&gt;演示数据&lt;/b&gt; —— 当前显示的单位和人员都是虚构的，仅供试用。要开始正式使用，请点击右侧按钮（或“设置 → 清空演示数据”），也可以用另一个数据库文件启动：&lt;code&gt;fireoffice --db 新文件.sqlite&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>Start clean…</source>
        <translation>清空演示数据…</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Supervised units</source>
        <translation>列管单位</translation>
    </message>
    <message>
        <source>Key fire-safety units (重点单位)</source>
        <translation>消防安全重点单位</translation>
    </message>
    <message>
        <source>Nine small venues (九小场所)</source>
        <translation>九小场所</translation>
    </message>
    <message>
        <source>Crowded venues (人员密集场所)</source>
        <translation>人员密集场所</translation>
    </message>
    <message>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Due and overdue inspections, open hazards and this month's figures will appear here as the inspection, hazard and statistics sections are added.</source>
        <translation>检查、隐患整改和统计功能上线后，这里将显示待检查和逾期的单位、未销号的隐患以及本月数据。</translation>
    </message>
    <message>
        <source>Station not set up yet</source>
        <translation>尚未设置站点资料</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <source>Restore database…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in this section:</source>
        <translation>本栏目将提供：</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Station profile</source>
        <translation>站点资料</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Start clean (remove demo data)…</source>
        <translation>清空演示数据，开始正式使用…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <source>e.g. 东城街道消防工作所</source>
        <translation>例如：东城街道消防工作所</translation>
    </message>
    <message>
        <source>e.g. 东城街道</source>
        <translation>例如：东城街道</translation>
    </message>
    <message>
        <source>e.g. 临县</source>
        <translation>例如：临县</translation>
    </message>
    <message>
        <source>e.g. 临县消防安全管理中心</source>
        <translation>例如：临县消防安全管理中心</translation>
    </message>
    <message>
        <source>e.g. 临县消防救援大队</source>
        <translation>例如：临县消防救援大队</translation>
    </message>
    <message>
        <source>Used in document numbers, e.g. 临东</source>
        <translation>用于文书编号，例如：临东</translation>
    </message>
    <message>
        <source>Station name *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <source>Township / street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>County center</source>
        <translation>上级消防安全管理中心</translation>
    </message>
    <message>
        <source>Fire brigade</source>
        <translation>消防救援大队</translation>
    </message>
    <message>
        <source>Issuer code</source>
        <translation>文书机关代字</translation>
    </message>
    <message>
        <source>Station head</source>
        <translation>所长</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>赋权: the township issues documents in its own name; 委托: in the brigade's name; 无权: record and refer (移送) only</source>
        <translation>赋权：以乡镇（街道）名义制发文书；委托：以大队名义制发；无权：只记录并移送大队</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>机构级别</translation>
    </message>
    <message>
        <source>Enforcement mode</source>
        <translation>执法方式</translation>
    </message>
    <message>
        <source>The station name is required.</source>
        <translation>单位名称必须填写。</translation>
    </message>
</context>
<context>
    <name>StationWizard</name>
    <message>
        <source>Welcome — first start</source>
        <translation>欢迎使用 —— 首次启动</translation>
    </message>
    <message>
        <source>Welcome to the fire station office system</source>
        <translation>欢迎使用消防所业务管理系统</translation>
    </message>
    <message>
        <source>This computer keeps the register of supervised units, inspections, hazards, enforcement documents, training and statistics.

First, tell us which station this is. The names you enter here are printed on documents and reports.</source>
        <translation>本系统管理列管单位台账、检查、隐患整改、执法文书、培训约谈和统计上报。

首先请填写本站点的资料。这里填写的名称会打印在文书和报表上。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Archived: {reason}</source>
        <translation>已归档：{reason}</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Suggest category…</source>
        <translation>按规则建议分类…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Key fire-safety unit</source>
        <translation>消防安全重点单位</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>不属于九小场所或重点单位</translation>
    </message>
    <message>
        <source>Rule set {rules} suggests: {kind}</source>
        <translation>分类规则“{rules}”建议：{kind}</translation>
    </message>
    <message>
        <source>Missing figures: {items}</source>
        <translation>缺少数据：{items}</translation>
    </message>
    <message>
        <source>Suggest category</source>
        <translation>建议分类</translation>
    </message>
    <message>
        <source>Apply it?</source>
        <translation>是否采用？</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Open the existing unit</source>
        <translation>打开已有单位</translation>
    </message>
    <message>
        <source>Save as a separate unit</source>
        <translation>仍然另存为新单位</translation>
    </message>
    <message>
        <source>Archive unit</source>
        <translation>归档单位</translation>
    </message>
    <message>
        <source>Reason for archiving (e.g. closed, moved away, merged):</source>
        <translation>归档原因（如：已关闭、已搬迁、已合并）：</translation>
    </message>
</context>
<context>
    <name>UnitImportDialog</name>
    <message>
        <source>Import units from Excel</source>
        <translation>从 Excel 导入单位</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头所在行：</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新识别</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Skip units already in the register</source>
        <translation>台账中已有的单位：跳过</translation>
    </message>
    <message>
        <source>Update them from the file</source>
        <translation>用文件中的内容更新</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>只导入正确的行</translation>
    </message>
    <message>
        <source>By default one refused row blocks the whole import.</source>
        <translation>默认情况下，只要有一行不正确，整个文件都不导入。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Check (preview)</source>
        <translation>检查（预览）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on row {row}, {n} data rows.</source>
        <translation>工作表“{sheet}”，表头在第 {row} 行，共 {n} 行数据。</translation>
    </message>
    <message>
        <source>No column for the required field(s): {f}</source>
        <translation>必填字段没有对应的列：{f}</translation>
    </message>
    <message>
        <source>Several columns map to: {f}</source>
        <translation>多个列对应到同一字段：{f}</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Ready to import: {new} new, {upd} updated, {skip} skipped.</source>
        <translation>可以导入：新增 {new} 家，更新 {upd} 家，跳过 {skip} 家。</translation>
    </message>
    <message>
        <source>{bad} rows refused: nothing can be imported until they are corrected, or tick “Import only the valid rows”.</source>
        <translation>有 {bad} 行不正确：改正之前不能导入；也可以勾选“只导入正确的行”。</translation>
    </message>
    <message>
        <source>Imported: {new} new, {upd} updated, {skip} skipped.</source>
        <translation>已导入：新增 {new} 家，更新 {upd} 家，跳过 {skip} 家。</translation>
    </message>
    <message>
        <source>Nothing was imported: {bad} rows refused.</source>
        <translation>没有导入任何数据：{bad} 行不正确。</translation>
    </message>
    <message>
        <source>Duplicate of {name}: {action}</source>
        <translation>与“{name}”重复：{action}</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用性质</translation>
    </message>
    <message>
        <source>Nine-small type</source>
        <translation>九小场所类别</translation>
    </message>
    <message>
        <source>Key unit</source>
        <translation>重点单位</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>消防安全责任人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>所属村（社区）</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>列管状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>列管日期</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Unit register</source>
        <translation>单位台账</translation>
    </message>
    <message>
        <source>Search name, address, credit code, person, phone or pinyin (e.g. hgd)  Ctrl+F</source>
        <translation>搜索名称、地址、信用代码、人员、电话或拼音首字母（如 hgd）  Ctrl+F</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Show archived units instead of the active register</source>
        <translation>显示已归档的单位（而不是在管单位）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>New unit  Ctrl+N</source>
        <translation>新增单位  Ctrl+N</translation>
    </message>
    <message>
        <source>Open  Enter</source>
        <translation>打开  Enter</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>归档…</translation>
    </message>
    <message>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Import template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Key units (重点单位)</source>
        <translation>消防安全重点单位</translation>
    </message>
    <message>
        <source>All nine-small venues</source>
        <translation>全部九小场所</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>导出单位台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the register…</source>
        <translation>正在导出单位台账…</translation>
    </message>
    <message>
        <source>{n} units written to
{path}</source>
        <translation>已导出 {n} 家单位到
{path}</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Template saved to
{path}</source>
        <translation>导入模板已保存到
{path}</translation>
    </message>
</context>
<context>
    <name>_ProfilePage</name>
    <message>
        <source>Station profile</source>
        <translation>站点资料</translation>
    </message>
    <message>
        <source>Fields marked * are required; everything can be changed later in Settings.</source>
        <translation>带 * 的为必填项；以后可在“设置”中修改。</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Start clean</source>
        <translation>清空演示数据</translation>
    </message>
    <message>
        <source>Delete all demo data and start with an empty register?
A backup copy of the demo database is kept in the backups folder.</source>
        <translation>删除全部演示数据，从空白台账开始？
演示数据库会先备份到备份文件夹。</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Database files (*.sqlite)</source>
        <translation>数据库文件 (*.sqlite)</translation>
    </message>
    <message>
        <source>Backed up to:
{path}</source>
        <translation>已备份到：
{path}</translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Database files (*.sqlite);;All files (*)</source>
        <translation>数据库文件 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the current data with the backup
{path}?
The current database is backed up first.</source>
        <translation>用备份文件
{path}
替换当前数据？
当前数据库会先备份。</translation>
    </message>
    <message>
        <source>Restored. The previous data was saved to:
{path}</source>
        <translation>已恢复。原来的数据已保存到：
{path}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Preparing demo data for a first look…</source>
        <translation>正在准备演示数据…</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Unit register</source>
        <translation>单位台账</translation>
    </message>
    <message>
        <source>Inspection plans</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <source>Inspection records</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Hazard rectification</source>
        <translation>隐患整改</translation>
    </message>
    <message>
        <source>Enforcement documents</source>
        <translation>执法文书</translation>
    </message>
    <message>
        <source>Training &amp; interviews</source>
        <translation>培训约谈</translation>
    </message>
    <message>
        <source>Ledgers &amp; statistics</source>
        <translation>台账统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>placeholders</name>
    <message>
        <source>Inspection plans</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <source>Decide whom to inspect, and when.</source>
        <translation>确定检查对象和检查时间。</translation>
    </message>
    <message>
        <source>Double-random draws (双随机) with a recorded seed that anyone can replay</source>
        <translation>双随机抽查：记录随机种子，任何人都可以复现抽取结果</translation>
    </message>
    <message>
        <source>Due and overdue inspections from the frequency rules</source>
        <translation>按检查频次规则列出应检和逾期未检单位</translation>
    </message>
    <message>
        <source>Monthly workload against the officers' available time, and a calendar of visits</source>
        <translation>每月工作量与人员可用时间对比，以及检查日历</translation>
    </message>
    <message>
        <source>Inspection records</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>消防监督检查记录 with checklists by venue type.</source>
        <translation>按场所类型的检查表填写消防监督检查记录。</translation>
    </message>
    <message>
        <source>Checklists with legal basis per item; results 符合 / 不符合 / 不涉及 with photos</source>
        <translation>检查表逐项列明法律依据；结果为符合 / 不符合 / 不涉及，可附照片</translation>
    </message>
    <message>
        <source>Visit outcomes (locked, closed, not found …) that re-queue the unit</source>
        <translation>检查结果（锁门、停业、找不到……）未完成的单位重新排入待检</translation>
    </message>
    <message>
        <source>Items corrected on the spot are recorded as 口头责令改正; others become hazards</source>
        <translation>当场改正的记为口头责令改正，其余形成隐患</translation>
    </message>
    <message>
        <source>Hazard rectification</source>
        <translation>隐患整改</translation>
    </message>
    <message>
        <source>The closed loop: 发现 → 责令改正 → 复查 → 销号.</source>
        <translation>隐患闭环：发现 → 责令改正 → 复查 → 销号。</translation>
    </message>
    <message>
        <source>Per-item deadlines counted in working days with the holiday calendar</source>
        <translation>逐项整改期限，按节假日调休日历计算工作日</translation>
    </message>
    <message>
        <source>Due today, due this week and overdue lists</source>
        <translation>今日到期、本周到期和逾期清单</translation>
    </message>
    <message>
        <source>Major hazards (重大火灾隐患): determination, report to the government, supervised closure</source>
        <translation>重大火灾隐患：判定、报告政府、挂牌督办、销案</translation>
    </message>
    <message>
        <source>Enforcement documents</source>
        <translation>执法文书</translation>
    </message>
    <message>
        <source>Numbered enforcement documents, approved and served.</source>
        <translation>执法文书的编号、审批和送达。</translation>
    </message>
    <message>
        <source>Gap-free numbering per issuer, type and year; voided numbers keep their reason</source>
        <translation>按机关、文书种类和年度连续编号；作废的编号保留作废原因</translation>
    </message>
    <message>
        <source>Approval by the station head, two officers with valid certificates as signatories</source>
        <translation>所长审批，两名持有效执法证的执法人员签名</translation>
    </message>
    <message>
        <source>Proof of service (送达回证) and official A4 PDF printing with embedded fonts</source>
        <translation>送达回证，以及内嵌字体的 A4 标准 PDF 打印</translation>
    </message>
    <message>
        <source>Training &amp; interviews</source>
        <translation>培训约谈</translation>
    </message>
    <message>
        <source>Training sessions, interviews (约谈), drills and publicity.</source>
        <translation>培训、约谈、演练和宣传。</translation>
    </message>
    <message>
        <source>Sessions with invited units, attendance and printed sign-in sheets</source>
        <translation>培训场次、参训单位、签到和打印签到表</translation>
    </message>
    <message>
        <source>One-to-one warning interviews with penalised units</source>
        <translation>对受到处罚的单位开展一对一警示约谈</translation>
    </message>
    <message>
        <source>Sessions, attendances and coverage of the register per month and year</source>
        <translation>按月、按年统计场次、人次和列管单位覆盖率</translation>
    </message>
    <message>
        <source>Ledgers &amp; statistics</source>
        <translation>台账统计</translation>
    </message>
    <message>
        <source>Figures for the county center, computed from the records.</source>
        <translation>向县中心上报的数据，全部由业务记录自动计算。</translation>
    </message>
    <message>
        <source>Ledgers in Excel: units, inspections, hazards, documents, penalties, interviews, training</source>
        <translation>Excel 台账：单位、检查、隐患、文书、处罚、约谈、培训</translation>
    </message>
    <message>
        <source>Monthly statistics with this month, year to date and year on year</source>
        <translation>统计月报：本月、本年累计、同比</translation>
    </message>
    <message>
        <source>A verifiable package for the county center</source>
        <translation>可校验的上报数据包</translation>
    </message>
</context>
</TS>