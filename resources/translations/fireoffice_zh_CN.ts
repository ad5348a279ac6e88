<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <source>Edit penalty article</source>
        <translation>修改处罚条款</translation>
    </message>
    <message>
        <source>New penalty article</source>
        <translation>新增处罚条款</translation>
    </message>
    <message>
        <source>A warning is allowed</source>
        <translation>可以给予警告</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <source>Violated article</source>
        <translation>违法条款</translation>
    </message>
    <message>
        <source>Penalty article</source>
        <translation>处罚条款</translation>
    </message>
    <message>
        <source>Lowest fine</source>
        <translation>最低罚款</translation>
    </message>
    <message>
        <source>Highest fine</source>
        <translation>最高罚款</translation>
    </message>
    <message>
        <source>Also (e.g. closure)</source>
        <translation>并处/其他（如责令停产停业）</translation>
    </message>
    <message>
        <source>The highest fine cannot be lower than the lowest.</source>
        <translation>最高罚款不能低于最低罚款。</translation>
    </message>
    <message>
        <source>Allow a warning or enter a fine range.</source>
        <translation>请允许警告或填写罚款幅度。</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>确定删除“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(to be written on site)</source>
        <translation>（现场填写）</translation>
    </message>
    <message>
        <source> (not in the register)</source>
        <translation>（不在台账中）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Who changed what and when. Verify checks that nothing was changed outside the program.</source>
        <translation>谁在什么时间改了什么。“校验”检查数据是否在程序之外被改动。</translation>
    </message>
    <message>
        <source>Action contains…</source>
        <translation>操作包含…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Your role may not view the audit log.</source>
        <translation>您的角色无权查看审计记录。</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>第 {first}–{last} 条，共 {total} 条</translation>
    </message>
    <message>
        <source>The audit chain is intact: {n} events, and the data matches them.</source>
        <translation>审计链完整：共 {n} 条记录，数据与审计记录一致。</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Record no</source>
        <translation>检查记录编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Everyone&apos;s visits</source>
        <translation>全部人员的检查</translation>
    </message>
    <message>
        <source>{n} planned visits this month, {open} still open, on {days} days</source>
        <translation>本月计划检查 {n} 家次，尚有 {open} 家待检查，分布在 {days} 天</translation>
    </message>
    <message>
        <source>{day}: {n} visits</source>
        <translation>{day}：{n} 家</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再输入一次新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>On the spot</source>
        <translation>当场改正</translation>
    </message>
    <message>
        <source>Hazard / note</source>
        <translation>隐患 / 备注</translation>
    </message>
    <message>
        <source>hazard details needed (Enter)</source>
        <translation>须登记隐患（按回车填写）</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Intake</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>告知举报人</translation>
    </message>
    <message>
        <source>Save  Ctrl+S</source>
        <translation>保存  Ctrl+S</translation>
    </message>
    <message>
        <source>Close the case (办结)</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Received at *</source>
        <translation>受理时间 *</translation>
    </message>
    <message>
        <source>12345 work order no., letter no. …</source>
        <translation>12345 工单号、来信编号……</translation>
    </message>
    <message>
        <source>Source *</source>
        <translation>来源 *</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>举报人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>举报人保密: the complainant&apos;s identity is hidden from your role.</source>
        <translation>举报人保密：您的角色不能查看举报人身份。</translation>
    </message>
    <message>
        <source>(not in the register)</source>
        <translation>（未列管）</translation>
    </message>
    <message>
        <source>Choose unit…</source>
        <translation>选择单位…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Reported unit</source>
        <translation>被举报单位</translation>
    </message>
    <message>
        <source>Name as the complainant gave it</source>
        <translation>举报人所说的单位名称</translation>
    </message>
    <message>
        <source>Name given</source>
        <translation>单位名称（举报所述）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Complaint *</source>
        <translation>举报内容 *</translation>
    </message>
    <message>
        <source>Category *</source>
        <translation>类别 *</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>核查时限</translation>
    </message>
    <message>
        <source>Verified at *</source>
        <translation>核查时间 *</translation>
    </message>
    <message>
        <source>Inspection record</source>
        <translation>核查检查记录</translation>
    </message>
    <message>
        <source>Officers (≥ 2) *</source>
        <translation>核查人员（至少2名） *</translation>
    </message>
    <message>
        <source>Result *</source>
        <translation>核查结果 *</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Document no. when an order or a case was issued</source>
        <translation>制作了责令改正通知书或立案的，填写文书号</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>文书号</translation>
    </message>
    <message>
        <source>Findings *</source>
        <translation>核查情况 *</translation>
    </message>
    <message>
        <source>The complainant was told the outcome</source>
        <translation>已告知举报人处理结果</translation>
    </message>
    <message>
        <source>The complainant could not be told</source>
        <translation>无法告知举报人</translation>
    </message>
    <message>
        <source>Told at</source>
        <translation>告知时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>告知方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason it could not be told</source>
        <translation>无法告知原因</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>受理登记举报投诉</translation>
    </message>
    <message>
        <source>The deadline is computed from the time received and the category.</source>
        <translation>核查期限按受理时间和类别自动计算。</translation>
    </message>
    <message>
        <source>Complaint {no}</source>
        <translation>举报投诉 {no}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Close the case after the verification and the notification (or the reason) are recorded</source>
        <translation>登记核查情况并告知举报人（或写明无法告知原因）后才能办结</translation>
    </message>
    <message>
        <source>24 hours (counted in hours from receipt)</source>
        <translation>24小时（自受理时起按小时计算）</translation>
    </message>
    <message>
        <source>3 working days</source>
        <translation>3个工作日</translation>
    </message>
    <message>
        <source>Verify by {due} — {rule}</source>
        <translation>核查期限 {due} —— {rule}</translation>
    </message>
    <message>
        <source>OVERDUE by {n} h</source>
        <translation>已逾期 {n} 小时</translation>
    </message>
    <message>
        <source>(verified after the deadline)</source>
        <translation>（超过期限后核查）</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Complaint no</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>举报人</translation>
    </message>
    <message>
        <source>Unit / address</source>
        <translation>被举报单位/地址</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>核查时限</translation>
    </message>
    <message>
        <source>Verify by</source>
        <translation>核查期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>verified late</source>
        <translation>逾期核查</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All complaints</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>举报投诉</translation>
    </message>
    <message>
        <source>举报投诉: verify within 24 hours (blocked exits, disabled fire facilities) or 3 working days, then tell the complainant; red rows are overdue</source>
        <translation>举报投诉：堵塞疏散通道、安全出口或消防设施失效的24小时内核查，其他3个工作日内核查，核查后告知举报人；红色行为逾期未核查</translation>
    </message>
    <message>
        <source>Your role may not see the complaints register.</source>
        <translation>您的角色无权查看举报投诉登记。</translation>
    </message>
    <message>
        <source>Search number, unit, address or content  Ctrl+F</source>
        <translation>搜索受理编号、单位、地址或举报内容  Ctrl+F</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any time limit</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <source>New complaint  Ctrl+N</source>
        <translation>受理登记  Ctrl+N</translation>
    </message>
    <message>
        <source>Open  Enter</source>
        <translation>打开  Enter</translation>
    </message>
    <message>
        <source>Record verification…</source>
        <translation>登记核查…</translation>
    </message>
    <message>
        <source>Record notification…</source>
        <translation>登记告知…</translation>
    </message>
    <message>
        <source>{n} complaints</source>
        <translation>共 {n} 件</translation>
    </message>
</context>
<context>
    <name>CountyPage</name>
    <message>
        <source>County summary</source>
        <translation>县级汇总</translation>
    </message>
    <message>
        <source>Packages from the stations: each station&apos;s latest package, figures across stations and ledgers across stations, all computed from the imported records.</source>
        <translation>各消防所上报的数据包：每个所最新的数据包、全县汇总数字和跨所台账，全部由导入的记录计算得出。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Import package…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>No station package has been imported yet. Use “Import package…” to add the .zip a station exported with “exchange export”.</source>
        <translation>还没有导入任何消防所的数据包。点“导入数据包…”，选择消防所导出的 .zip 数据包。</translation>
    </message>
    <message>
        <source>Stations and their latest package</source>
        <translation>各消防所及其最新数据包</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>消防所</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Package made</source>
        <translation>数据包生成时间</translation>
    </message>
    <message>
        <source>Records (package / held)</source>
        <translation>记录数（本包 / 已汇总）</translation>
    </message>
    <message>
        <source>Audit chain head</source>
        <translation>审计链头</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <source>Figures across stations</source>
        <translation>全县汇总</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>列管单位</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已整改销号</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <source>Export ledger across stations…</source>
        <translation>导出全县台账…</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>列设置…</translation>
    </message>
    <message>
        <source>Choose, order and rename the columns of this ledger (county template)</source>
        <translation>选择、排序和重命名该台账的列（县级模板）</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>核验失败</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Import station package</source>
        <translation>导入消防所数据包</translation>
    </message>
    <message>
        <source>Station package (*.zip)</source>
        <translation>消防所数据包 (*.zip)</translation>
    </message>
    <message>
        <source>Checking and importing the package…</source>
        <translation>正在校验并导入数据包…</translation>
    </message>
    <message>
        <source>{station}: {inserted} new, {updated} updated, {unchanged} unchanged records.</source>
        <translation>{station}：新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条记录。</translation>
    </message>
    <message>
        <source>The station&apos;s audit chain did not check out: {note}</source>
        <translation>该所的审计链核验未通过：{note}</translation>
    </message>
    <message>
        <source>Export ledger across stations</source>
        <translation>导出全县台账</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{n} rows written to
{path}</source>
        <translation>已写入 {n} 行：
{path}</translation>
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
    <name>DocumentDialog</name>
    <message>
        <source>Document draft — %1</source>
        <translation>文书草稿 — %1</translation>
    </message>
    <message>
        <source>One violation per line: text | deadline (YYYY-MM-DD)</source>
        <translation>每行一项违法行为：内容 | 整改期限（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Enforcement documents</source>
        <translation>执法文书</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search number or unit</source>
        <translation>搜索文号或单位</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Preview &amp;&amp; issue…</source>
        <translation>预览并签发…</translation>
    </message>
    <message>
        <source>Record service…</source>
        <translation>登记送达…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Print / save…</source>
        <translation>打印 / 保存…</translation>
    </message>
    <message>
        <source>Service form</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>Decision from notice</source>
        <translation>由告知制作决定书</translation>
    </message>
    <message>
        <source>Print today&apos;s issued</source>
        <translation>批量打印今日签发</translation>
    </message>
    <message>
        <source>Number gaps found: %1</source>
        <translation>发现缺号：%1</translation>
    </message>
    <message>
        <source>%1 numbered documents in %2, no gaps.</source>
        <translation>%2 年共 %1 份已编号文书，无缺号。</translation>
    </message>
    <message>
        <source>Interview notice</source>
        <translation>约谈通知书</translation>
    </message>
    <message>
        <source>This interview notice belongs to an interview on the Training page: open it there to edit the record. It is listed here so that the register shows every number of the year.</source>
        <translation>这份约谈通知书属于“培训约谈”页面中的一次约谈，请到那里修改约谈记录。此处列出它，是为了让台账显示本年度的每一个文号。</translation>
    </message>
    <message>
        <source>Select an issued penalty notice (notice letter or notice record) first: the decision follows it.</source>
        <translation>请先选中一份已签发的行政处罚告知书或告知笔录：处罚决定书须在告知之后制作。</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文书</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Inspection record number or unit name (prefills the form)</source>
        <translation>检查记录编号或单位名称（用于预填文书）</translation>
    </message>
    <message>
        <source>Cannot issue yet</source>
        <translation>暂不能签发</translation>
    </message>
    <message>
        <source>Approve and issue</source>
        <translation>审批并签发</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Service recorded</source>
        <translation>已登记送达</translation>
    </message>
    <message>
        <source>Void document</source>
        <translation>作废文书</translation>
    </message>
    <message>
        <source>Reason (kept with the number)</source>
        <translation>作废原因（随文号保存）</translation>
    </message>
    <message>
        <source>Batch print</source>
        <translation>批量打印</translation>
    </message>
    <message>
        <source>No documents were issued today.</source>
        <translation>今天没有签发的文书。</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>双随机 draw</source>
        <translation>双随机抽取</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Number of units</source>
        <translation>按家数</translation>
    </message>
    <message>
        <source>Ratio %</source>
        <translation>按比例 %</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Categories (none = all)</source>
        <translation>单位类别（不选为全部）</translation>
    </message>
    <message>
        <source>Risk levels (none = all)</source>
        <translation>风险等级（不选为全部）</translation>
    </message>
    <message>
        <source>Grids (none = all)</source>
        <translation>网格（不选为全部）</translation>
    </message>
    <message>
        <source>penalised in the last 12 months</source>
        <translation>近 12 个月受过处罚的</translation>
    </message>
    <message>
        <source>with an open major hazard</source>
        <translation>有未销号重大隐患的</translation>
    </message>
    <message>
        <source>Always include units</source>
        <translation>强制纳入</translation>
    </message>
    <message>
        <source>empty: a cryptographic random seed (recommended)</source>
        <translation>留空：由系统生成密码学随机种子（推荐）</translation>
    </message>
    <message>
        <source>Give a seed only to reproduce a draw; it is recorded as 人工指定</source>
        <translation>仅在复现抽取时指定种子；将记录为“人工指定”</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Forced</source>
        <translation>强制纳入</translation>
    </message>
    <message>
        <source>抽查名单 PDF…</source>
        <translation>抽查名单 PDF…</translation>
    </message>
    <message>
        <source>抽查名单 Excel…</source>
        <translation>抽查名单 Excel…</translation>
    </message>
    <message>
        <source>Verify (replay)</source>
        <translation>复核（重放）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <source>Draw {uid}: {n} of {pool} units, {officers} officers.</source>
        <translation>抽取编号 {uid}：从 {pool} 家中抽取 {n} 家，执法人员 {officers} 名。</translation>
    </message>
    <message>
        <source>Seed: {seed} ({source})</source>
        <translation>随机种子：{seed}（{source}）</translation>
    </message>
    <message>
        <source>Pool hash (SHA-256): {h}</source>
        <translation>名录总哈希（SHA-256）：{h}</translation>
    </message>
</context>
<context>
    <name>DrawPublish</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Saved to
{path}</source>
        <translation>已保存到
{path}</translation>
    </message>
    <message>
        <source>Writing the list…</source>
        <translation>正在生成名单…</translation>
    </message>
    <message>
        <source> (the draw is void)</source>
        <translation>（该抽取已作废）</translation>
    </message>
    <message>
        <source>Verify the draw</source>
        <translation>复核抽取</translation>
    </message>
    <message>
        <source>Verified: replaying seed {seed} gives the same {n} units and officers as recorded{void}.</source>
        <translation>核对无误：按种子 {seed} 重放，{n} 家单位及检查人员与记录一致{void}。</translation>
    </message>
    <message>
        <source>The draw does not verify:</source>
        <translation>抽取核对不一致：</translation>
    </message>
    <message>
        <source>Replaying the draw…</source>
        <translation>正在重放抽取…</translation>
    </message>
    <message>
        <source>Void the draw</source>
        <translation>作废抽取</translation>
    </message>
    <message>
        <source>Reason for voiding (kept with the draw; its open visits are cancelled):</source>
        <translation>作废理由（随抽取记录保存；其待检查的计划将取消）：</translation>
    </message>
</context>
<context>
    <name>DrawsTab</name>
    <message>
        <source>New draw…</source>
        <translation>新的抽取…</translation>
    </message>
    <message>
        <source>Verify (replay)</source>
        <translation>复核（重放）</translation>
    </message>
    <message>
        <source>抽查名单 PDF…</source>
        <translation>抽查名单 PDF…</translation>
    </message>
    <message>
        <source>抽查名单 Excel…</source>
        <translation>抽查名单 Excel…</translation>
    </message>
    <message>
        <source>结果公示 PDF…</source>
        <translation>结果公示 PDF…</translation>
    </message>
    <message>
        <source>结果公示 Excel…</source>
        <translation>结果公示 Excel…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>家数</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>名录</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Pool hash</source>
        <translation>名录哈希</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Draw {uid} · seed {seed} ({source}) · pool hash {h} · unit pool {u} · officer pool {o}</source>
        <translation>抽取编号 {uid} · 随机种子 {seed}（{source}） · 名录总哈希 {h} · 对象名录 {u} · 人员名录 {o}</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>No records.</source>
        <translation>没有记录。</translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Due by the end of this month</source>
        <translation>本月底前到期（含逾期）</translation>
    </message>
    <message>
        <source>Due this month, not yet late</source>
        <translation>本月到期（未逾期）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>Not yet in a plan</source>
        <translation>尚未列入计划</translation>
    </message>
    <message>
        <source>Add selected to a plan…</source>
        <translation>将所选单位加入计划…</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>{n} units (rules: 检查频次; red = overdue)</source>
        <translation>共 {n} 家（按检查频次规则计算；红色为已逾期）</translation>
    </message>
    <message>
        <source>Add to a plan</source>
        <translation>加入计划</translation>
    </message>
    <message>
        <source>Select the units to add first.</source>
        <translation>请先选择要加入计划的单位。</translation>
    </message>
    <message>
        <source>There is no open plan. Create one on the Plans tab first.</source>
        <translation>没有进行中的计划。请先在“计划”页新建一个计划。</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Set a planned date</source>
        <translation>指定计划日期</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>{n} units selected</source>
        <translation>已选择 {n} 家单位</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>检查周期</translation>
    </message>
    <message>
        <source>Last inspected</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应检日期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>In a plan</source>
        <translation>已列入计划</translation>
    </message>
    <message>
        <source>every {n} months</source>
        <translation>每 {n} 个月</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>HazardActions</name>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Extend to</source>
        <translation>申请延期至</translation>
    </message>
    <message>
        <source>Reason given by the unit</source>
        <translation>单位申请理由</translation>
    </message>
    <message>
        <source>Extension application</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <source>This hazard has no extension application waiting for a decision.</source>
        <translation>这条隐患没有待审批的延期申请。</translation>
    </message>
    <message>
        <source>Applied on {day} for {until}: {reason}. Decide by {due}.</source>
        <translation>{day} 申请延期至 {until}：{reason}。应于 {due} 前作出决定。</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Agree (同意延期)</source>
        <translation>同意延期</translation>
    </message>
    <message>
        <source>Refuse (不同意延期)</source>
        <translation>不同意延期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>New deadline (if agreed)</source>
        <translation>新的整改期限（同意时）</translation>
    </message>
    <message>
        <source>Reason for refusing</source>
        <translation>不同意理由</translation>
    </message>
    <message>
        <source>Document no</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Decide the extension</source>
        <translation>延期审批</translation>
    </message>
    <message>
        <source>The unit applies for a recheck</source>
        <translation>单位申请复查</translation>
    </message>
    <message>
        <source>Rechecked on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <source>Officers (two)</source>
        <translation>复查人员（两名）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Recheck opinion no</source>
        <translation>复查意见书编号</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Recheck (复查)</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Approved by (station head)</source>
        <translation>批准人（所长）</translation>
    </message>
    <message>
        <source>Evidence: photos after rectification</source>
        <translation>证据：整改后照片</translation>
    </message>
    <message>
        <source>Close with evidence, without a recheck</source>
        <translation>凭证据销号（不经复查）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>处置措施</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Case or document no</source>
        <translation>案件或文书编号</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级处置</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Order again with a new deadline</source>
        <translation>重新责令限期改正</translation>
    </message>
    <message>
        <source>Transferred to, and why</source>
        <translation>移送对象和原因</translation>
    </message>
    <message>
        <source>Transfer to the brigade</source>
        <translation>移送大队</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>判定方法</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>判定方式</translation>
    </message>
    <message>
        <source>Participants (one per line)</source>
        <translation>参加人员（每行一人）</translation>
    </message>
    <message>
        <source>Agreeing</source>
        <translation>同意人数</translation>
    </message>
    <message>
        <source>Concluded on</source>
        <translation>判定日期</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Element codes (GB 35181)</source>
        <translation>判定要素编号（GB 35181）</translation>
    </message>
    <message>
        <source>Determine a major fire hazard</source>
        <translation>重大火灾隐患判定</translation>
    </message>
    <message>
        <source>≥3 people in a collective discussion or ≥7 experts; ≥2/3 agreeing makes it 重大.</source>
        <translation>集体讨论不少于 3 人，专家论证不少于 7 人；三分之二以上同意即判定为重大火灾隐患。</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Report document no</source>
        <translation>报告文号</translation>
    </message>
    <message>
        <source>Report to the government</source>
        <translation>书面报告政府</translation>
    </message>
    <message>
        <source>Supervised by</source>
        <translation>督办单位</translation>
    </message>
    <message>
        <source>Listed for supervision (挂牌督办)</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Close the major-hazard case</source>
        <translation>重大隐患销案</translation>
    </message>
    <message>
        <source>Only a 重大 hazard awaiting determination (拟判定) can be determined.</source>
        <translation>只有“拟判定”的重大隐患可以判定。</translation>
    </message>
    <message>
        <source>Needs the major-hazard stage {stages} (now: {now}).</source>
        <translation>需处于 {stages} 阶段（当前：{now}）。</translation>
    </message>
    <message>
        <source>Recheck…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <source>Unit applies for recheck…</source>
        <translation>单位申请复查…</translation>
    </message>
    <message>
        <source>Extension application…</source>
        <translation>延期申请…</translation>
    </message>
    <message>
        <source>Decide extension…</source>
        <translation>延期审批…</translation>
    </message>
    <message>
        <source>Close with evidence…</source>
        <translation>凭证据销号…</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>升级处置…</translation>
    </message>
    <message>
        <source>New deadline…</source>
        <translation>重新限期…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>移送…</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Determine major hazard…</source>
        <translation>重大隐患判定…</translation>
    </message>
    <message>
        <source>Report to government…</source>
        <translation>报告政府…</translation>
    </message>
    <message>
        <source>Supervision listed…</source>
        <translation>挂牌督办…</translation>
    </message>
    <message>
        <source>Close major case…</source>
        <translation>重大隐患销案…</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <source>Open the inspection record</source>
        <translation>打开检查记录</translation>
    </message>
    <message>
        <source>Hazard {no}</source>
        <translation>隐患 {no}</translation>
    </message>
    <message>
        <source>  — {n} days overdue</source>
        <translation>  — 逾期 {n} 天</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Category / level</source>
        <translation>类别 / 等级</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>违反条款</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Notice to serve by</source>
        <translation>通知书送达期限</translation>
    </message>
    <message>
        <source>Recheck due</source>
        <translation>复查期限</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级处置</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>From state</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To state</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Timeline ({n})</source>
        <translation>处理经过（{n}）</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请延期至</translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation>决定期限</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Extensions ({n})</source>
        <translation>延期申请（{n}）</translation>
    </message>
    <message>
        <source>{before} before, {after} after rectification. Double-click or Enter: full size (the SHA-256 recorded when the photo was added is checked).</source>
        <translation>整改前 {before} 张，整改后 {after} 张。双击或按回车查看原图（会核对添加时登记的 SHA-256 校验值）。</translation>
    </message>
    <message>
        <source>Warning: {n} photo(s) no longer match the SHA-256 recorded when they were added — they may have been changed and cannot serve as evidence.</source>
        <translation>警告：有 {n} 张照片与添加时登记的 SHA-256 校验值不符，可能已被修改，不能作为证据使用。</translation>
    </message>
    <message>
        <source>Photos ({n})</source>
        <translation>照片（{n}）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>判定方式</translation>
    </message>
    <message>
        <source>Agreeing</source>
        <translation>同意人数</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>判定日期</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报告政府</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>销案日期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
</context>
<context>
    <name>HazardTableModel</name>
    <message>
        <source>Hazard no</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Recheck due</source>
        <translation>复查期限</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>extension pending</source>
        <translation>延期待批</translation>
    </message>
    <message>
        <source>recheck scheduled</source>
        <translation>已安排复查</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Major (open)</source>
        <translation>重大（未销号）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Hazard rectification</source>
        <translation>隐患整改</translation>
    </message>
    <message>
        <source>The closed loop: 发现 → 责令改正 → 复查 → 销号; red rows are overdue</source>
        <translation>闭环管理：发现 → 责令改正 → 复查 → 销号；红色为逾期</translation>
    </message>
    <message>
        <source>Search unit, hazard no or description  Ctrl+F</source>
        <translation>搜索单位、隐患编号或描述  Ctrl+F</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Open  Enter</source>
        <translation>打开  Enter</translation>
    </message>
    <message>
        <source>Schedule rechecks for the selected…</source>
        <translation>为选中的隐患安排复查…</translation>
    </message>
    <message>
        <source>Report a hazard…</source>
        <translation>登记隐患…</translation>
    </message>
    <message>
        <source>A hazard found outside an inspection (grid report, complaint …)</source>
        <translation>检查以外发现的隐患（网格上报、举报等）</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>{n} hazards</source>
        <translation>共 {n} 条隐患</translation>
    </message>
    <message>
        <source>, {n} selected</source>
        <translation>，已选 {n} 条</translation>
    </message>
    <message>
        <source>Schedule rechecks</source>
        <translation>安排复查</translation>
    </message>
    <message>
        <source>Select the hazards to recheck first (Ctrl+click, Shift+click).</source>
        <translation>请先选择要复查的隐患（Ctrl+单击、Shift+单击可多选）。</translation>
    </message>
    <message>
        <source>Use each hazard&apos;s recheck due date</source>
        <translation>按各条隐患的复查期限</translation>
    </message>
    <message>
        <source>Or this date for all</source>
        <translation>或统一安排在</translation>
    </message>
    <message>
        <source>Officers (optional)</source>
        <translation>检查人员（可不填）</translation>
    </message>
    <message>
        <source>{n} hazards: one visit per unit in that month&apos;s recheck plan.</source>
        <translation>共 {n} 条隐患：每家单位在当月复查计划中安排一次检查。</translation>
    </message>
    <message>
        <source>{n} recheck visits scheduled; they appear in the plans and on the home page.</source>
        <translation>已安排 {n} 次复查，可在检查计划和首页查看。</translation>
    </message>
    <message>
        <source>Report a hazard: choose the unit</source>
        <translation>登记隐患：选择单位</translation>
    </message>
    <message>
        <source>Description (specific)</source>
        <translation>隐患描述（写明问题和部位）</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>发现方式</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Period (calendar days)</source>
        <translation>整改期限（日）</translation>
    </message>
    <message>
        <source>Report a hazard — {unit}</source>
        <translation>登记隐患 — {unit}</translation>
    </message>
    <message>
        <source>Report a hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <source>Hazard {no} recorded, deadline {day}.</source>
        <translation>已登记隐患 {no}，整改期限 {day}。</translation>
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
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Loading this month&apos;s figures…</source>
        <translation>正在加载本月数字…</translation>
    </message>
    <message>
        <source>Inspections and hazards per month (last 12 months)</source>
        <translation>每月检查与隐患（近12个月）</translation>
    </message>
    <message>
        <source>Hazards by category (last 12 months)</source>
        <translation>隐患类别分布（近12个月）</translation>
    </message>
    <message>
        <source>Rectification rate by grid (%, last 12 months)</source>
        <translation>各网格整改率（%，近12个月）</translation>
    </message>
    <message>
        <source>Click a bar to see its records</source>
        <translation>点击柱条查看对应记录</translation>
    </message>
    <message>
        <source>Station not set up yet</source>
        <translation>尚未设置站点资料</translation>
    </message>
    <message>
        <source>The charts could not be loaded: {error}</source>
        <translation>图表加载失败：{error}</translation>
    </message>
    <message>
        <source>This month: {insp} inspections · {haz} hazards found · {spot} rectified on the spot · {closed} closed ({rate}%) · {overdue} overdue now</source>
        <translation>本月：检查 {insp} 家次 · 发现隐患 {haz} 处 · 当场整改 {spot} 处 · 已销号 {closed} 处（{rate}%）· 当前逾期未改 {overdue} 处</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查（家次）</translation>
    </message>
    <message>
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
</context>
<context>
    <name>InspectionForm</name>
    <message>
        <source>Inspection record</source>
        <translation>消防监督检查记录</translation>
    </message>
    <message>
        <source>Checklist — keys: 1 符合 · 2 不符合 · 3 不涉及 · Space 当场改正 · Enter details · Esc back</source>
        <translation>检查表 — 按键：1 符合 · 2 不符合 · 3 不涉及 · 空格 当场改正 · 回车 填写详情 · Esc 返回</translation>
    </message>
    <message>
        <source>Recheck the unit&apos;s open hazards</source>
        <translation>复查该单位未销号的隐患</translation>
    </message>
    <message>
        <source>Summary of the inspection (optional)</source>
        <translation>检查情况说明（可不填）</translation>
    </message>
    <message>
        <source>Skip this unit</source>
        <translation>跳过这家</translation>
    </message>
    <message>
        <source>Save  Ctrl+S</source>
        <translation>保存  Ctrl+S</translation>
    </message>
    <message>
        <source>Save &amp;&amp; next  Ctrl+Enter</source>
        <translation>保存并下一家  Ctrl+Enter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Photos of the visit ({n})…</source>
        <translation>现场照片（{n}）…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>集中录入</translation>
    </message>
    <message>
        <source>No unit of this batch is left to enter. {n} records saved.</source>
        <translation>本批次已无待录入的单位。本次共保存 {n} 份记录。</translation>
    </message>
    <message>
        <source>No open planned visit has the number {no}.</source>
        <translation>没有编号为 {no} 的待检查计划。</translation>
    </message>
    <message>
        <source>Saved {no} — {unit}.</source>
        <translation>已保存 {no} — {unit}。</translation>
    </message>
    <message>
        <source>Hazards: {nos}.</source>
        <translation>隐患：{nos}。</translation>
    </message>
    <message>
        <source>{n} corrected on the spot.</source>
        <translation>当场改正 {n} 项。</translation>
    </message>
    <message>
        <source>Serve the rectification notice by {day}.</source>
        <translation>请于 {day} 前送达责令限期改正通知书。</translation>
    </message>
    <message>
        <source>Not inspected: the unit stays in the batch.</source>
        <translation>未能检查：该单位仍留在本批次，待再次上门。</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <source>Record no</source>
        <translation>检查记录编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>检查情况</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Corrected on the spot</source>
        <translation>当场改正</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <source>Inspection record {no}</source>
        <translation>检查记录 {no}</translation>
    </message>
    <message>
        <source> (refused to sign; witness {w})</source>
        <translation>（拒绝签名；见证人 {w}）</translation>
    </message>
    <message>
        <source>Record no</source>
        <translation>检查记录编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>  (counts for the double-random statistics)</source>
        <translation>（计入双随机抽查统计）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>检查情况</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>在场人员</translation>
    </message>
    <message>
        <source>Unit representative</source>
        <translation>被检查单位签名人</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note / location</source>
        <translation>备注 / 部位</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Warning: {n} photo(s) no longer match the SHA-256 recorded when they were added — they may have been changed and cannot serve as evidence.</source>
        <translation>警告：有 {n} 张照片与添加时登记的 SHA-256 校验值不符，可能已被修改，不能作为证据使用。</translation>
    </message>
    <message>
        <source>Double-click a line with a hazard number to open the hazard.</source>
        <translation>双击有隐患编号的行可打开隐患。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Campaign entry</source>
        <translation>集中录入</translation>
    </message>
    <message>
        <source>This plan has no open visit left.</source>
        <translation>这个计划已没有待检查的单位。</translation>
    </message>
    <message>
        <source>Inspection records</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>消防监督检查记录: every visit, its checklist results and the hazards it found</source>
        <translation>消防监督检查记录：每次检查、检查表结果和发现的隐患</translation>
    </message>
    <message>
        <source>Search unit, address or record no  Ctrl+F</source>
        <translation>搜索单位、地址或记录编号  Ctrl+F</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部情况</translation>
    </message>
    <message>
        <source>New inspection…  Ctrl+N</source>
        <translation>新建检查记录…  Ctrl+N</translation>
    </message>
    <message>
        <source>Key a paper form…  Ctrl+K</source>
        <translation>录入纸质检查表…  Ctrl+K</translation>
    </message>
    <message>
        <source>Campaign entry…</source>
        <translation>集中录入…</translation>
    </message>
    <message>
        <source>Enter a whole batch in a row: Save &amp; next (Ctrl+Enter) moves to the next unit, type and officers carry over</source>
        <translation>连续录入整批检查：“保存并下一家”（Ctrl+Enter）转到下一家，检查类型和检查人员沿用</translation>
    </message>
    <message>
        <source>Open  Enter</source>
        <translation>打开  Enter</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部检查人员</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>共 {n} 份记录</translation>
    </message>
    <message>
        <source>New inspection: choose the unit</source>
        <translation>新建检查记录：选择单位</translation>
    </message>
    <message>
        <source>Key a paper form</source>
        <translation>录入纸质检查表</translation>
    </message>
    <message>
        <source>Record number printed on the form (e.g. JC2026-00012):</source>
        <translation>检查表上印的记录编号（例如 JC2026-00012）：</translation>
    </message>
    <message>
        <source>No open planned visit has the number {no}.</source>
        <translation>没有编号为 {no} 的待检查计划。</translation>
    </message>
    <message>
        <source>No plan has open visits.</source>
        <translation>没有计划有待检查的单位。</translation>
    </message>
    <message>
        <source>{name} — {left} of {total} open</source>
        <translation>{name} — 共 {total} 家，待检查 {left} 家</translation>
    </message>
    <message>
        <source>Plan (batch) to enter:</source>
        <translation>要录入的计划（批次）：</translation>
    </message>
    <message>
        <source>Inspection saved</source>
        <translation>检查记录已保存</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Interview record: {unit}</source>
        <translation>约谈记录：{unit}</translation>
    </message>
    <message>
        <source>Problems raised that are not recorded hazards, one per line</source>
        <translation>未登记为隐患的其他问题，每行一条</translation>
    </message>
    <message>
        <source>No open or recent hazards of this unit</source>
        <translation>该单位没有未销号或近期的隐患</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Fire-safety pledge (承诺书) signed</source>
        <translation>已签订消防安全承诺书</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>约谈事由</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>被约谈人</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Documents to bring</source>
        <translation>需携带的材料</translation>
    </message>
    <message>
        <source>Hazards raised</source>
        <translation>通报的隐患</translation>
    </message>
    <message>
        <source>Other problems</source>
        <translation>其他问题</translation>
    </message>
    <message>
        <source>Commitments and measures</source>
        <translation>单位表态及整改措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite units</source>
        <translation>邀请单位</translation>
    </message>
    <message>
        <source>Invite for each unit:</source>
        <translation>每家单位邀请：</translation>
    </message>
    <message>
        <source>By filters</source>
        <translation>按条件</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>建议名单</translation>
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
        <source>Category</source>
        <translation>类别</translation>
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
        <source>Training history</source>
        <translation>培训情况</translation>
    </message>
    <message>
        <source>Invite all matching units</source>
        <translation>邀请全部符合条件的单位</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>{n} units match</source>
        <translation>符合条件 {n} 家</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Tick all not yet invited</source>
        <translation>勾选全部未邀请的</translation>
    </message>
    <message>
        <source>Invite ticked units</source>
        <translation>邀请勾选的单位</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title}（{n} 家）</translation>
    </message>
    <message>
        <source> (invited)</source>
        <translation>（已邀请）</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Corrected on the spot (口头责令改正)  Space</source>
        <translation>当场改正（口头责令改正）  空格</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Hazard (not corrected on the spot)</source>
        <translation>隐患（未当场改正）</translation>
    </message>
    <message>
        <source>Specific: what, where — e.g. 二层东侧安全出口被货物堵塞</source>
        <translation>写明问题和部位，例如“二层东侧安全出口被货物堵塞”</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>隐患描述 *</translation>
    </message>
    <message>
        <source>Location *</source>
        <translation>隐患部位 *</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Period given</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Due on (computed)</source>
        <translation>期限至</translation>
    </message>
    <message>
        <source>Reason for a long period</source>
        <translation>期限较长的理由</translation>
    </message>
</context>
<context>
    <name>LedgerMappingDialog</name>
    <message>
        <source>Ledger columns</source>
        <translation>台账列设置</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Tick the columns to export, drag them (or use Up / Down) into the county&apos;s order, double-click a heading to rename it.</source>
        <translation>勾选要导出的列，拖动（或用“上移/下移”）排成县里要求的顺序，双击列标题可改名。</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Restore default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Default heading: {label}</source>
        <translation>默认列标题：{label}</translation>
    </message>
    <message>
        <source>Keep at least one column.</source>
        <translation>至少保留一列。</translation>
    </message>
    <message>
        <source>A heading cannot be empty.</source>
        <translation>列标题不能为空。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
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
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
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
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>PenaltyArticlesPanel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <source>Violated article</source>
        <translation>违法条款</translation>
    </message>
    <message>
        <source>Penalty article</source>
        <translation>处罚条款</translation>
    </message>
    <message>
        <source>Penalty range</source>
        <translation>处罚幅度</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>A deactivated article is no longer offered for new documents; issued documents keep their archived PDF.</source>
        <translation>停用的条款不再供新文书选择；已签发的文书仍保留存档的 PDF。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Cannot show {kind}</source>
        <translation>无法显示 {kind}</translation>
    </message>
    <message>
        <source>⚠ changed</source>
        <translation>⚠ 已被改动</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一张</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <source>Zoom out  Ctrl+-</source>
        <translation>缩小  Ctrl+-</translation>
    </message>
    <message>
        <source>Zoom in  Ctrl+=</source>
        <translation>放大  Ctrl+=</translation>
    </message>
    <message>
        <source>Fit to window  Ctrl+0</source>
        <translation>适合窗口  Ctrl+0</translation>
    </message>
    <message>
        <source>Actual size  1:1</source>
        <translation>原始大小  1:1</translation>
    </message>
    <message>
        <source>Close  Esc</source>
        <translation>关闭  Esc</translation>
    </message>
    <message>
        <source>Photo {n} of {total} — {phase}</source>
        <translation>照片 {n}/{total} — {phase}</translation>
    </message>
    <message>
        <source>SHA-256 verified</source>
        <translation>SHA-256 校验一致</translation>
    </message>
    <message>
        <source>SHA-256 does NOT match</source>
        <translation>SHA-256 校验不符</translation>
    </message>
    <message>
        <source>This {kind} image cannot be shown here. Save it and open it with another program.</source>
        <translation>这张 {kind} 图片无法在这里显示，请另存后用其他程序打开。</translation>
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
    <name>PlacesDialog</name>
    <message>
        <source>Villages, communities and grids</source>
        <translation>村（社区）与网格</translation>
    </message>
    <message>
        <source>Units are registered to a village or community and a grid; add them here before importing.</source>
        <translation>单位按所属村（社区）和网格登记；导入单位名单之前，请先在这里添加。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Add village/community…</source>
        <translation>新增村（社区）…</translation>
    </message>
    <message>
        <source>Add grid…</source>
        <translation>新增网格…</translation>
    </message>
    <message>
        <source>Change grid worker…</source>
        <translation>更换网格员…</translation>
    </message>
    <message>
        <source>Add village/community</source>
        <translation>新增村（社区）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add a village or community first.</source>
        <translation>请先新增村（社区）。</translation>
    </message>
    <message>
        <source>Add grid</source>
        <translation>新增网格</translation>
    </message>
    <message>
        <source>Village/community</source>
        <translation>所属村（社区）</translation>
    </message>
    <message>
        <source>Grid name</source>
        <translation>网格名称</translation>
    </message>
    <message>
        <source>Choose a grid in the list first.</source>
        <translation>请先在列表中选择一个网格。</translation>
    </message>
    <message>
        <source>Change grid worker</source>
        <translation>更换网格员</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>Inspection plans</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <source>Whom to inspect and when: plans, 双随机 draws, the calendar and the workload</source>
        <translation>检查谁、何时检查：检查计划、双随机抽取、日程和工作量</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Due / overdue units</source>
        <translation>到期/逾期单位</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>双随机 draws</source>
        <translation>双随机抽取记录</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New plan…  Ctrl+N</source>
        <translation>新建计划…  Ctrl+N</translation>
    </message>
    <message>
        <source>Edit plan…</source>
        <translation>修改计划…</translation>
    </message>
    <message>
        <source>双随机 draw…</source>
        <translation>双随机抽取…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>计划家数</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Tried, not found</source>
        <translation>上门未遇</translation>
    </message>
    <message>
        <source>Add units…</source>
        <translation>添加单位…</translation>
    </message>
    <message>
        <source>Date &amp;&amp; officers…</source>
        <translation>日期和人员…</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>取消检查…</translation>
    </message>
    <message>
        <source>Enter record  Enter</source>
        <translation>录入记录  Enter</translation>
    </message>
    <message>
        <source>Campaign entry…</source>
        <translation>集中录入…</translation>
    </message>
    <message>
        <source>Field kit PDF…</source>
        <translation>现场检查表 PDF…</translation>
    </message>
    <message>
        <source>Enter the plan&apos;s open visits one after another: Save &amp; next (Ctrl+Enter)</source>
        <translation>逐家录入本计划待检查的单位：“保存并下一家”（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>One checklist page per open visit (or per selected visit) with its record number, for paper entry</source>
        <translation>每家待检查单位（或选中的单位）一页检查表，印有记录编号，便于纸质填写后录入</translation>
    </message>
    <message>
        <source>No plan in this selection.</source>
        <translation>当前条件下没有计划。</translation>
    </message>
    <message>
        <source>{name} · {type} · {start} – {end} · {done} of {n} done, {left} open</source>
        <translation>{name} · {type} · {start} 至 {end} · 已完成 {done}/{n}，待检查 {left}</translation>
    </message>
    <message>
        <source>Plan period</source>
        <translation>计划期间</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Special campaign (专项) name</source>
        <translation>专项名称</translation>
    </message>
    <message>
        <source>Target number of units (0 = none)</source>
        <translation>目标家数（0 为不设）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>Edit plan</source>
        <translation>修改计划</translation>
    </message>
    <message>
        <source>Add units to “{plan}”</source>
        <translation>向“{plan}”添加单位</translation>
    </message>
    <message>
        <source>Set a planned date</source>
        <translation>指定计划日期</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Officers (optional)</source>
        <translation>检查人员（可不填）</translation>
    </message>
    <message>
        <source>{n} units: {names}</source>
        <translation>共 {n} 家：{names}</translation>
    </message>
    <message>
        <source>Add units</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Officers (empty: keep)</source>
        <translation>检查人员（不填则不变）</translation>
    </message>
    <message>
        <source>Date and officers for {n} visits</source>
        <translation>为 {n} 家安排日期和人员</translation>
    </message>
    <message>
        <source>Cancel visits</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <source>Reason for cancelling {n} visits:</source>
        <translation>取消 {n} 家检查的原因：</translation>
    </message>
    <message>
        <source>Field kit</source>
        <translation>现场检查表</translation>
    </message>
    <message>
        <source>This plan has no open visit to print.</source>
        <translation>这个计划没有待检查的单位可打印。</translation>
    </message>
    <message>
        <source>Printing {n} checklists…</source>
        <translation>正在生成 {n} 份检查表…</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>The PDF viewer component is not installed. Open the PDF in the system viewer to check it before continuing.</source>
        <translation>未安装 PDF 预览组件。请先用系统的 PDF 阅读器打开核对，再继续。</translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation>用系统阅读器打开</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <source>Print settings</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <source>Fonts and form paper</source>
        <translation>字体与套打</translation>
    </message>
    <message>
        <source>Penalty articles</source>
        <translation>处罚条款</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Body font (三号)</source>
        <translation>正文字体（三号）</translation>
    </message>
    <message>
        <source>Title font (二号)</source>
        <translation>标题字体（二号）</translation>
    </message>
    <message>
        <source>Only fonts installed on this PC are listed (仿宋_GB2312, 方正小标宋, SimSun, SimHei, FangSong, KaiTi …). The bundled WenQuanYi Micro Hei prints every GBK character.</source>
        <translation>这里只列出本机已安装的字体（仿宋_GB2312、方正小标宋、宋体、黑体、仿宋、楷体等）。内置的文泉驿微米黑能打印全部 GBK 汉字。</translation>
    </message>
    <message>
        <source>Move right (− left)</source>
        <translation>向右偏移（负数向左）</translation>
    </message>
    <message>
        <source>Move down (− up)</source>
        <translation>向下偏移（负数向上）</translation>
    </message>
    <message>
        <source>For pre-printed form paper: print the calibration page on plain paper, lay it over a form against the light, measure how far the type-area corner is off, enter it here and print the page again to check.</source>
        <translation>用于预印文书纸套打：先用白纸打印校准页，与预印文书纸重叠对光，量出版心角的偏差，填在这里，再打印一次核对。</translation>
    </message>
    <message>
        <source>Preview and print calibration page…</source>
        <translation>预览并打印校准页…</translation>
    </message>
    <message>
        <source>Save calibration page as PDF…</source>
        <translation>校准页另存为 PDF…</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>字体文件：{path}</translation>
    </message>
    <message>
        <source>Bundled with fireoffice (openly licensed)</source>
        <translation>随软件附带（开源许可）</translation>
    </message>
    <message>
        <source>Calibration page</source>
        <translation>套打校准页</translation>
    </message>
</context>
<context>
    <name>QuickForm</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>cannot read {name}: {why}</source>
        <translation>无法读取 {name}：{why}</translation>
    </message>
</context>
<context>
    <name>RecheckTable</name>
    <message>
        <source>Hazard no</source>
        <translation>隐患编号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recheck result</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <source>— not rechecked</source>
        <translation>— 不复查</translation>
    </message>
</context>
<context>
    <name>RecordHeader</name>
    <message>
        <source>Record no</source>
        <translation>检查记录编号</translation>
    </message>
    <message>
        <source>allocated on save</source>
        <translation>保存时自动编号</translation>
    </message>
    <message>
        <source>Key a paper form no</source>
        <translation>录入纸质表编号</translation>
    </message>
    <message>
        <source>JC…  Enter</source>
        <translation>JC…  回车</translation>
    </message>
    <message>
        <source>Refused to sign</source>
        <translation>拒绝签名</translation>
    </message>
    <message>
        <source> (no valid certificate)</source>
        <translation>（无有效执法证）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>检查情况</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>People present</source>
        <translation>在场人员</translation>
    </message>
    <message>
        <source>Unit representative</source>
        <translation>被检查单位签名人</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <source>Officers (≥2 with a valid certificate)</source>
        <translation>检查人员（≥2 名持有效执法证）</translation>
    </message>
    <message>
        <source>  ·  visited {n} times before, not inspected</source>
        <translation>  ·  已上门 {n} 次未能检查</translation>
    </message>
    <message>
        <source>{n} with a valid certificate</source>
        <translation>仅 {n} 名持有效执法证</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用性质</translation>
    </message>
    <message>
        <source>Name keywords</source>
        <translation>名称关键词</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>门槛</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Classification rules</source>
        <translation>分类规则</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Use this version</source>
        <translation>启用此版本</translation>
    </message>
    <message>
        <source>Delete version…</source>
        <translation>删除此版本…</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Edits are saved as a new version; units keep the version they were classified by.</source>
        <translation>修改后另存为新版本；已分类的单位保留其所用的版本。</translation>
    </message>
    <message>
        <source>Save as new version…</source>
        <translation>另存为新版本…</translation>
    </message>
    <message>
        <source> (in use)</source>
        <translation>（使用中）</translation>
    </message>
    <message>
        <source>{note} — saved {when} by {who}; {n} units classified by it.</source>
        <translation>{note} —— {when} 由 {who} 保存；有 {n} 家单位按此版本分类。</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Version name:</source>
        <translation>版本名称：</translation>
    </message>
    <message>
        <source>Rules {date}</source>
        <translation>分类规则（{date}）</translation>
    </message>
    <message>
        <source>rule {n}: </source>
        <translation>第 {n} 条规则：</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>删除版本</translation>
    </message>
    <message>
        <source>Delete the rule version “{name}”?</source>
        <translation>删除规则版本“{name}”？</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Record service — %1</source>
        <translation>登记送达 — %1</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Attendance</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Sign-in sheet PDF…</source>
        <translation>签到表 PDF…</translation>
    </message>
    <message>
        <source>Sign-in sheet Excel…</source>
        <translation>签到表 Excel…</translation>
    </message>
    <message>
        <source>Read filled sheet…</source>
        <translation>读入签到表…</translation>
    </message>
    <message>
        <source>Read attendance back from a filled sign-in spreadsheet</source>
        <translation>从填好的签到表（Excel）读入签到情况</translation>
    </message>
    <message>
        <source>Interview notices…</source>
        <translation>约谈通知书…</translation>
    </message>
    <message>
        <source>约谈通知书 of the selected units (all when none is selected); numbers are given on first print</source>
        <translation>为选中的单位生成约谈通知书（未选中时为全部单位）；首次打印时分配文号</translation>
    </message>
    <message>
        <source>Interview records…</source>
        <translation>约谈记录…</translation>
    </message>
    <message>
        <source>Pledges…</source>
        <translation>承诺书…</translation>
    </message>
    <message>
        <source>消防安全承诺书 filled in for each unit on the list</source>
        <translation>为名单中的每家单位生成消防安全承诺书</translation>
    </message>
    <message>
        <source>Invite units…</source>
        <translation>邀请单位…</translation>
    </message>
    <message>
        <source>Walk-in…  Ins</source>
        <translation>现场补录…  Ins</translation>
    </message>
    <message>
        <source>Present  Space</source>
        <translation>实到  空格</translation>
    </message>
    <message>
        <source>Leave  L</source>
        <translation>请假  L</translation>
    </message>
    <message>
        <source>Absent  A</source>
        <translation>缺席  A</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>Remove  Del</source>
        <translation>移除  Del</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove {n} people from the list?</source>
        <translation>确定从名单中移除 {n} 人吗？</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>被约谈人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Notice no.</source>
        <translation>通知书文号</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Edit record…  Enter</source>
        <translation>填写约谈记录…  回车</translation>
    </message>
    <message>
        <source>Select a session on the left, or create one.</source>
        <translation>请在左侧选择一次活动，或新建活动。</translation>
    </message>
    <message>
        <source>Nobody on the list yet: invite units, or add people who came (walk-ins).</source>
        <translation>名单中还没有人员：请邀请单位，或现场补录到会人员。</translation>
    </message>
    <message>
        <source>Expected {invited} · present {present} · leave {leave} · absent {absent} · not signed {pending} · walk-ins {walk}</source>
        <translation>应到 {invited} · 实到 {present} · 请假 {leave} · 缺席 {absent} · 未签到 {pending} · 现场补录 {walk}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing {what}…</source>
        <translation>正在生成{what}…</translation>
    </message>
    <message>
        <source>Saved to
{path}</source>
        <translation>已保存到
{path}</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Interview notices</source>
        <translation>约谈通知书</translation>
    </message>
    <message>
        <source>Interview records</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <source>Pledges</source>
        <translation>消防安全承诺书</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Read a filled sign-in sheet</source>
        <translation>读入签到表</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods)</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Edit session {no}</source>
        <translation>修改活动 {no}</translation>
    </message>
    <message>
        <source>New training, interview or activity</source>
        <translation>新建培训、约谈或活动</translation>
    </message>
    <message>
        <source>Type *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <source>e.g. 冬春火灾防控培训</source>
        <translation>例如：冬春火灾防控培训</translation>
    </message>
    <message>
        <source>Topic *</source>
        <translation>主题 *</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Meeting link or number for a video interview</source>
        <translation>视频约谈的会议链接或会议号</translation>
    </message>
    <message>
        <source>Video link</source>
        <translation>视频会议链接</translation>
    </message>
    <message>
        <source>Trainer / interviewer</source>
        <translation>授课人/约谈人</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Target scope</source>
        <translation>对象范围</translation>
    </message>
    <message>
        <source>e.g. 受到行政处罚 / 隐患逾期未改 / 专项行动</source>
        <translation>例如：受到行政处罚 / 隐患逾期未改 / 专项行动</translation>
    </message>
    <message>
        <source>Reason for the interview</source>
        <translation>约谈事由</translation>
    </message>
    <message>
        <source>Other audience (people)</source>
        <translation>其他受众人次（未签到）</translation>
    </message>
    <message>
        <source>Materials handed out</source>
        <translation>发放宣传品（份）</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>宣传品说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
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
        <source>Users and passwords…</source>
        <translation>用户和密码…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Daily automatic backups to keep</source>
        <translation>每日自动备份保留份数</translation>
    </message>
    <message>
        <source>Villages, communities and grids…</source>
        <translation>村（社区）与网格…</translation>
    </message>
    <message>
        <source>Classification rules (九小 / 重点单位)…</source>
        <translation>分类规则（九小场所 / 重点单位）…</translation>
    </message>
    <message>
        <source>Print settings…</source>
        <translation>打印设置…</translation>
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
        <source>赋权: the township issues documents in its own name; 委托: in the brigade&apos;s name; 无权: record and refer (移送) only</source>
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
    <name>StatsPage</name>
    <message>
        <source>Ledgers &amp; statistics</source>
        <translation>台账统计</translation>
    </message>
    <message>
        <source>Figures for the county center, computed from the records.</source>
        <translation>上报县级中心的数字，全部由记录自动统计。</translation>
    </message>
    <message>
        <source>By township</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Double-click a figure to see the records behind it</source>
        <translation>双击数字可查看对应的记录</translation>
    </message>
    <message>
        <source>Lock month (submitted)</source>
        <translation>锁定本月（已上报）</translation>
    </message>
    <message>
        <source>Store the figures of this month as submitted to the county center</source>
        <translation>把本月数字按已上报中心的样子保存下来</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <source>Amendments since the month was locked</source>
        <translation>锁定后的更正</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>统计项</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Double-click an amendment to see the records changed after the lock</source>
        <translation>双击更正行，查看锁定后新增或修改的记录</translation>
    </message>
    <message>
        <source>Ledger period</source>
        <translation>台账期间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Column settings…</source>
        <translation>列设置…</translation>
    </message>
    <message>
        <source>Not locked: the figures are computed from the records now.</source>
        <translation>未锁定：数字按现有记录实时统计。</translation>
    </message>
    <message>
        <source>Locked (submitted) {at} by {who}: the figures shown are those submitted.</source>
        <translation>已锁定（已上报）：{at}，{who}。下表显示上报时的数字。</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>{n} figures changed since (see amendments below).</source>
        <translation>此后有 {n} 个数字发生变化（见下方更正）。</translation>
    </message>
    <message>
        <source>Lock month</source>
        <translation>锁定月报</translation>
    </message>
    <message>
        <source>Lock {period} as submitted? Later changes will show as amendments.
Note (optional):</source>
        <translation>将 {period} 锁定为已上报？之后的改动将列为更正。
备注（可不填）：</translation>
    </message>
    <message>
        <source>Locking the month…</source>
        <translation>正在锁定月报…</translation>
    </message>
    <message>
        <source>Unlock month</source>
        <translation>解锁月报</translation>
    </message>
    <message>
        <source>Why is {period} unlocked? (recorded in the audit log)</source>
        <translation>为什么解锁 {period}？（记入审计日志）</translation>
    </message>
    <message>
        <source>Submitted {old}, now {new}. Records behind the figure created or changed after the lock (deleted records are in the audit log):</source>
        <translation>上报 {old}，现为 {new}。以下是该数字背后在锁定后新增或修改的记录（已删除的记录见审计日志）：</translation>
    </message>
    <message>
        <source>Submitted {old}, now {new}</source>
        <translation>上报 {old}，现为 {new}</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <source>{n} rows written to
{path}</source>
        <translation>已导出 {n} 行到
{path}</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Coverage of the register (goal 100%)</source>
        <translation>列管单位覆盖率（目标 100%）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Cumulative coverage</source>
        <translation>累计覆盖率</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>{pct} · {units} of {register} units</source>
        <translation>{pct} · 覆盖 {units} / {register} 家</translation>
    </message>
    <message>
        <source>{year} up to {day}: {sessions} sessions, {people} attendances, {units} units reached. Interviews: {iu} units, {ip} attendances, {one} one-to-one warning interviews, {pledges} pledges signed. Publicity: {pa} activities, audience {aud}, {mat} materials handed out.</source>
        <translation>{year} 年（截至 {day}）：共 {sessions} 场、{people} 人次，覆盖 {units} 家单位。约谈：{iu} 家单位、{ip} 人次，一对一警示约谈 {one} 家，签订承诺书 {pledges} 份。宣传：活动 {pa} 次，受众 {aud} 人次，发放宣传品 {mat} 份。</translation>
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
    <name>TrainingPage</name>
    <message>
        <source>Training &amp; interviews</source>
        <translation>培训约谈</translation>
    </message>
    <message>
        <source>Training sessions, interviews (约谈), drills, warning films and publicity</source>
        <translation>集中培训、约谈、应急演练、警示教育观影和宣传活动</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>活动列表</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Search topic, number, place, trainer</source>
        <translation>搜索主题、编号、地点、授课人</translation>
    </message>
    <message>
        <source>New  Ctrl+N</source>
        <translation>新建  Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Cancel session…</source>
        <translation>取消活动…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>{n} sessions, {held} held, {people} attendances</source>
        <translation>共 {n} 次活动，已举行 {held} 次，{people} 人次</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <source>Reason for cancelling:</source>
        <translation>取消原因：</translation>
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
        <source>Double-click or Enter: open this record</source>
        <translation>双击或按回车：打开这条记录</translation>
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
    <name>UnitPicker</name>
    <message>
        <source>Type a name, address, credit code, person or pinyin initials</source>
        <translation>输入名称、地址、信用代码、人员或拼音首字母</translation>
    </message>
    <message>
        <source>No unit matches</source>
        <translation>没有匹配的单位</translation>
    </message>
    <message>
        <source>First {n} matches; type more to narrow</source>
        <translation>仅显示前 {n} 条，请继续输入以缩小范围</translation>
    </message>
</context>
<context>
    <name>UnitPickerDialog</name>
    <message>
        <source>Chosen (Delete removes):</source>
        <translation>已选（按 Delete 移除）：</translation>
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
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name}:</source>
        <translation>{name} 的新密码：</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Record no</source>
        <translation>检查记录编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source> (tried {n}×: {last})</source>
        <translation>（已上门 {n} 次：{last}）</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Add a walk-in</source>
        <translation>现场补录</translation>
    </message>
    <message>
        <source>Type to search the register, or any unit name</source>
        <translation>输入以搜索台账单位，也可填写任意单位名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>签到</translation>
    </message>
</context>
<context>
    <name>WorkloadTab</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Field hours per officer per day</source>
        <translation>每人每天外勤小时</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Minutes each (on site + travel)</source>
        <translation>每家用时（分钟，含路途）</translation>
    </message>
    <message>
        <source>Visits needed</source>
        <translation>家次</translation>
    </message>
    <message>
        <source>Officer-hours (two per visit)</source>
        <translation>人·小时（每次两人）</translation>
    </message>
    <message>
        <source>{days} working days · {officers} officers · capacity {cap:.0f} h · needed {need:.0f} h · {overdue} units already overdue · {planned} visits already in plans</source>
        <translation>工作日 {days} 天 · 执法人员 {officers} 名 · 可用 {cap:.0f} 人·小时 · 需要 {need:.0f} 人·小时 · 已逾期 {overdue} 家 · 已列入计划 {planned} 家次</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>管理员账户</translation>
    </message>
    <message>
        <source>With an account, everyone logs in and the audit log shows who did what. More users can be added later in Settings.</source>
        <translation>设置账户后，每个人登录使用，审计记录会显示谁做了什么。以后可在“设置”中添加更多用户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再输入一次密码</translation>
    </message>
    <message>
        <source>Skip: this is a single-user PC (no login)</source>
        <translation>跳过：这是单人使用的电脑（不需要登录）</translation>
    </message>
</context>
<context>
    <name>_DueList</name>
    <message>
        <source>{n} days overdue</source>
        <translation>逾期 {n} 天</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>没有到期事项</translation>
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
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>No accounts with passwords yet: create them in Settings → Users.</source>
        <translation>还没有设置密码的账户：请在“设置 → 用户和密码”中创建。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Preparing demo data for a first look…</source>
        <translation>正在准备演示数据…</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>每日自动备份…</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>document_models</name>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>(not issued)</source>
        <translation>（未签发）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>起草人</translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation>作废原因</translation>
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
    <name>export</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>list</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
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
        <source>Complaints</source>
        <translation>举报投诉</translation>
    </message>
    <message>
        <source>Ledgers &amp; statistics</source>
        <translation>台账统计</translation>
    </message>
    <message>
        <source>County summary</source>
        <translation>县级汇总</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
</TS>
