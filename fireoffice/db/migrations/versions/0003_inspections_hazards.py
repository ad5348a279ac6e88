"""inspections and hazards: plans, 双随机 draws, records, checklists, photos, hazards, calendar, frequencies

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 09:19:17.734264
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# --- seed data: documented defaults the station edits afterwards -------------------------------------------
SEED_NS = uuid.UUID("5a0c3e1e-2b7c-4c1a-9d3e-0f1ad0c40003")
FREQUENCY_BASIS = {
    "重点单位": "大队对消防安全重点单位每年至少检查一次，消防所每月抽查辖区（domain.md §5.2）；高风险按月。",
    "人员密集场所": "人员密集场所（消防法第七十三条）营业期间风险高；消防所每月抽查，旺季、节前加密（107号令第七条）。",
    "九小场所": "九小场所数量多、单家风险较低：按风险每2至12个月轮查一遍，节前和专项行动另行安排。",
    "其他": "其他列管单位按风险每3至12个月检查一次。",
}
# (category, risk level, interval in months, minutes on site, minutes travel) — suggestions, not law.
FREQUENCY_RULES = [
    ("重点单位", "高", 1, 90, 20), ("重点单位", "较高", 2, 90, 20), ("重点单位", "一般", 3, 90, 20),
    ("重点单位", "低", 6, 90, 20),
    ("人员密集场所", "高", 1, 60, 20), ("人员密集场所", "较高", 3, 60, 20), ("人员密集场所", "一般", 6, 60, 20),
    ("人员密集场所", "低", 12, 60, 20),
    ("九小场所", "高", 2, 30, 15), ("九小场所", "较高", 3, 30, 15), ("九小场所", "一般", 6, 30, 15),
    ("九小场所", "低", 12, 30, 15),
    ("其他", "高", 3, 30, 15), ("其他", "较高", 6, 30, 15), ("其他", "一般", 12, 30, 15), ("其他", "低", 12, 30, 15),
]
LAW = "《中华人民共和国消防法》"
ORDER61 = "《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）"
# (code, section, venues (、-separated, empty = every venue), text, legal basis, hazard category, default
#  severity, 当场可改) — domain.md §5.4; legal basis after the 2021 消防法.
CHECKLIST_ITEMS = [
    ("G01", "管理", "", "确定消防安全责任人、消防安全管理人，落实消防安全责任制",
     f"{LAW}第十六条第一款第（一）项、第二款", "管理", "一般", False),
    ("G02", "管理", "", "制定消防安全制度、消防安全操作规程和灭火和应急疏散预案",
     f"{LAW}第十六条第一款第（一）项", "管理", "一般", False),
    ("G03", "管理", "", "开展防火巡查、防火检查并留有记录",
     f"{LAW}第十六条第一款第（五）项；{ORDER61}第二十五条、第二十六条", "管理", "一般", False),
    ("G04", "管理", "", "员工经岗前培训，做到“一懂三会”（懂火灾危险性，会报警、灭火、逃生）",
     f"{ORDER61}第三十六条；《社会消防安全教育培训规定》（公安部令第109号）", "管理", "一般", False),
    ("G05", "管理", "", "定期组织有针对性的消防演练",
     f"{LAW}第十六条第一款第（六）项", "管理", "一般", False),
    ("G06", "设置", "", "未设在易燃易爆危险品生产、储存、经营建筑内，无违规储存、销售易燃易爆品",
     f"{LAW}第十九条第一款、第二十三条；处罚：第六十一条第一款", "分隔", "重大", False),
    ("G07", "设置", "", "常闭式防火门保持关闭，防火门、防火卷帘完好有效",
     f"{LAW}第十六条第一款第（二）项、第二十八条；处罚：第六十条第一款第（一）项", "设施", "一般", True),
    ("G08", "设置", "", "经营、储存部位无违规住人；值班住宿的与经营部分防火分隔并有独立出口",
     f"{LAW}第十九条第二款；《住宿与生产储存经营合用场所消防安全技术要求》（XF 703）", "住人", "一般", False),
    ("G09", "设置", "", "室内装修、装饰材料符合防火要求，未采用易燃可燃夹芯彩钢板搭建",
     f"{LAW}第二十六条", "装修", "一般", False),
    ("G10", "疏散", "", "疏散通道、安全出口畅通，未被占用、堵塞、封闭或锁闭",
     f"{LAW}第二十八条；处罚：第六十条第一款第（三）项", "疏散", "一般", True),
    ("G11", "疏散", "", "安全出口数量、疏散宽度足够，疏散门向疏散方向开启，未用卷帘门、转门",
     f"{LAW}第十六条第一款第（四）项", "疏散", "一般", False),
    ("G12", "疏散", "", "门窗上未设置影响逃生和灭火救援的防盗网、铁栅栏、广告牌等障碍物",
     f"{LAW}第二十八条；处罚：第六十条第一款第（六）项", "疏散", "一般", False),
    ("G13", "疏散", "", "应急照明灯、疏散指示标志设置齐全，测试时能正常点亮",
     f"{LAW}第十六条第一款第（二）项；《消防应急照明和疏散指示系统技术标准》（GB 51309）", "设施", "一般", False),
    ("G14", "疏散", "", "消防车通道畅通，未被占用、堵塞、封闭",
     f"{LAW}第二十八条；处罚：第六十条第一款第（五）项", "疏散", "一般", True),
    ("G15", "设施", "", "按规定配置灭火器（每50㎡不少于2具），压力正常、在有效期内、放置明显",
     f"{LAW}第十六条第一款第（二）项；《建筑灭火器配置设计规范》（GB 50140）；处罚：第六十条第一款第（一）项",
     "设施", "一般", False),
    ("G16", "设施", "", "室内消火栓、水带、水枪齐全，消火栓未被埋压、圈占、遮挡",
     f"{LAW}第二十八条；处罚：第六十条第一款第（四）项", "设施", "一般", True),
    ("G17", "设施", "", "火灾自动报警、自动喷水灭火、防排烟等自动消防设施正常运行，未擅自停用",
     f"{LAW}第十六条第一款第（二）（三）项、第二十八条；处罚：第六十条第一款第（二）项", "设施", "一般", False),
    ("G18", "电气", "", "电气线路穿管保护，无私拉乱接，未超负荷使用大功率电器",
     f"{LAW}第二十七条；处罚：第六十六条", "电气", "一般", True),
    ("G19", "电气", "", "设有漏电保护、空气开关等保护装置，照明灯具与可燃物保持安全距离",
     f"{LAW}第二十七条；处罚：第六十六条", "电气", "一般", False),
    ("G20", "电动车", "", "电动自行车未在室内、通道、楼梯间、出口停放或充电，未将电池带入室内充电",
     f"{LAW}第二十八条；《高层民用建筑消防安全管理规定》（应急管理部令第5号）第三十七条", "电动车", "一般", True),
    ("G21", "动火", "", "营业期间无违规动火、电焊作业；动火作业经审批并有现场监护",
     f"{LAW}第二十一条；处罚：第六十三条", "动火", "一般", True),
    ("R01", "燃气", "燃气", "使用燃气的部位设有可燃气体探测报警装置，管道、软管、阀门完好无泄漏",
     f"{LAW}第二十七条；《城镇燃气管理条例》第二十八条", "燃气", "一般", False),
    ("R02", "燃气", "瓶装液化气", "地下、高层建筑内及歌舞娱乐、网吧、美容洗浴场所未使用瓶装液化石油气",
     "《城镇燃气管理条例》第二十八条；《建筑防火通用规范》（GB 55037-2022）", "燃气", "一般", False),
    ("R03", "餐饮", "餐饮", "厨房与就餐区采取防火分隔，排油烟管道定期清洗",
     f"{LAW}第十六条第一款第（二）项；《建筑设计防火规范》（GB 50016）", "分隔", "一般", False),
    ("R04", "住宿", "住宿", "客房配置逃生用手电筒、过滤式消防自救呼吸器，张贴疏散示意图",
     f"{LAW}第十六条；《人员密集场所消防安全管理》（GB/T 40248-2021）", "设施", "一般", False),
    ("R05", "夜间", "住宿、医疗、养老、教学", "夜间防火巡查不少于两次，并留有记录",
     f"{ORDER61}第二十五条", "管理", "一般", False),
    ("R06", "营业", "公共娱乐、人员密集", "营业期间每2小时防火巡查一次，营业结束时检查并消除遗留火种",
     f"{ORDER61}第二十六条", "管理", "一般", False),
    ("R07", "营业", "公共娱乐、休闲健身、商场", "公众聚集场所已办理投入使用、营业前消防安全检查（或告知承诺）",
     f"{LAW}第十五条；处罚：第五十八条第一款第（四）项", "管理", "一般", False),
    ("R08", "九小", "九小场所", "每个房间安装独立式感烟火灾探测报警器，且能正常报警",
     f"{LAW}第十六条第一款第（二）项；当地九小场所消防安全管理规定", "设施", "一般", False),
    ("R09", "九小", "九小场所", "夜间值班住宿不超过1人，住宿部位设有逃生出口、逃生梯或逃生器材",
     f"{LAW}第十九条第二款；当地九小场所消防安全管理规定", "住人", "一般", False),
    ("R10", "三合一", "三合一", "住宿与生产、储存、经营部分用不燃实体墙分隔，住宿部分有独立疏散设施",
     f"{LAW}第十九条第二款；处罚：第六十一条第二款；XF 703", "住人", "一般", False),
    ("R11", "生产", "生产加工", "厂房、仓库内未设员工宿舍；物料堆放不占用通道，与灯具保持安全距离",
     f"{LAW}第十九条、第二十八条", "分隔", "一般", False),
    ("R12", "商业", "商店、商场、市场", "营业区与库房分隔，货物堆放未占用疏散通道、未遮挡消防设施",
     f"{LAW}第二十八条；处罚：第六十条第一款第（三）项", "疏散", "一般", True),
    ("R13", "教学", "教学", "校外培训机构安全出口数量符合要求（单层≤200㎡且≤50人方可设一个）",
     "《建筑设计防火规范》（GB 50016-2014，2018年版）第5.5.8条", "疏散", "一般", False),
    ("R14", "医养", "医疗、养老", "针对行动不便的病人、老人制定疏散预案，夜间有值班人员",
     f"{ORDER61}第三十九条；GB/T 40248-2021", "管理", "一般", False),
    ("R15", "易燃易爆", "易燃易爆", "设置“严禁烟火”标志，使用防爆电器，动火作业严格审批",
     f"{LAW}第二十一条、第二十三条；处罚：第六十二条、第六十三条", "动火", "一般", False),
    ("R16", "重点", "重点单位", "消防控制室24小时双人值班，值班人员持证上岗",
     f"{LAW}第二十一条第二款；《消防控制室通用技术要求》（GB 25506）", "管理", "一般", False),
    ("R17", "重点", "重点单位", "建筑消防设施每年全面检测一次，签订维保合同并按月维保",
     f"{LAW}第十六条第一款第（三）项", "设施", "一般", False),
    ("R18", "重点", "重点单位", "建立消防档案，确定消防安全重点部位，实行每日防火巡查",
     f"{LAW}第十七条第二款第（二）（三）项", "管理", "一般", False),
    ("R19", "重点", "重点单位", "建立微型消防站，做到“三知四会一联通”，3分钟到场",
     "《消防安全重点单位微型消防站建设标准（试行）》", "管理", "一般", False),
    ("R20", "高层", "高层", "公共门厅、疏散走道、楼梯间、安全出口无电动自行车停放、充电",
     "《高层民用建筑消防安全管理规定》（应急管理部令第5号）第三十七条", "电动车", "一般", True),
    ("R21", "地下", "地下", "地下、半地下场所未生产、储存甲乙类易燃易爆物品，疏散出口不少于两个",
     f"{LAW}第十九条；《重大火灾隐患判定方法》（GB 35181）", "分隔", "重大", False),
]


def _seed() -> None:
    now = datetime.now(timezone.utc)
    stamp = {"created_at": now, "updated_at": now}
    rules = sa.table("frequency_rule", *(sa.column(c) for c in (
        "uid", "category", "risk_level", "interval_months", "visit_minutes", "travel_minutes", "basis",
        "created_at", "updated_at")))
    op.bulk_insert(rules, [
        {"uid": str(uuid.uuid5(SEED_NS, f"frequency/{cat}/{risk}")), "category": cat, "risk_level": risk,
         "interval_months": months, "visit_minutes": visit, "travel_minutes": travel,
         "basis": FREQUENCY_BASIS[cat], **stamp}
        for cat, risk, months, visit, travel in FREQUENCY_RULES])
    template_uid = str(uuid.uuid5(SEED_NS, "checklist/template"))
    op.bulk_insert(sa.table("checklist_template", *(sa.column(c) for c in ("uid", "name", "note", "created_at",
                                                                            "updated_at"))),
                   [{"uid": template_uid, "name": "消防监督检查表", **stamp,
                     "note": "通用核心项目加场所专项（domain.md §5.4）；修改时另存为新版本。"}])
    bind = op.get_bind()
    template_id = bind.execute(sa.text("SELECT id FROM checklist_template WHERE uid = :u"),
                               {"u": template_uid}).scalar_one()
    version_uid = str(uuid.uuid5(SEED_NS, "checklist/v1"))
    op.bulk_insert(sa.table("checklist_version", *(sa.column(c) for c in (
        "uid", "template_id", "version_no", "active", "note", "created_by", "created_at", "updated_at"))),
        [{"uid": version_uid, "template_id": template_id, "version_no": 1, "active": True,
          "note": "初始版本", "created_by": "系统", **stamp}])
    version_id = bind.execute(sa.text("SELECT id FROM checklist_version WHERE uid = :u"),
                              {"u": version_uid}).scalar_one()
    items = sa.table("checklist_item", *(sa.column(c) for c in (
        "uid", "version_id", "position", "code", "section", "venues", "text", "legal_basis", "hazard_category",
        "default_severity", "on_spot_fixable")))
    op.bulk_insert(items, [
        {"uid": str(uuid.uuid5(SEED_NS, f"checklist/v1/{code}")), "version_id": version_id, "position": n,
         "code": code, "section": section, "venues": venues, "text": text, "legal_basis": basis,
         "hazard_category": category, "default_severity": severity, "on_spot_fixable": fixable}
        for n, (code, section, venues, text, basis, category, severity, fixable) in enumerate(CHECKLIST_ITEMS, 1)])


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('calendar_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('source_notice', sa.String(length=120), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_override')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_override_day')),
    sa.UniqueConstraint('uid', name=op.f('uq_calendar_override_uid'))
    )
    op.create_table('checklist_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_template')),
    sa.UniqueConstraint('name', name=op.f('uq_checklist_template_name')),
    sa.UniqueConstraint('uid', name=op.f('uq_checklist_template_uid'))
    )
    op.create_table('frequency_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('risk_level', sa.String(length=10), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=False),
    sa.Column('visit_minutes', sa.Integer(), nullable=False),
    sa.Column('travel_minutes', sa.Integer(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_frequency_rule')),
    sa.UniqueConstraint('category', 'risk_level', name='uq_frequency_rule_category_risk'),
    sa.UniqueConstraint('uid', name=op.f('uq_frequency_rule_uid'))
    )
    op.create_table('inspection_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('plan_type', sa.String(length=10), nullable=False),
    sa.Column('campaign', sa.String(length=60), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('target_count', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_plan')),
    sa.UniqueConstraint('uid', name=op.f('uq_inspection_plan_uid'))
    )
    with op.batch_alter_table('inspection_plan', schema=None) as batch_op:
        batch_op.create_index('ix_inspection_plan_period', ['period_start', 'period_end'], unique=False)

    op.create_table('checklist_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['checklist_template.id'], name=op.f('fk_checklist_version_template_id_checklist_template')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_version')),
    sa.UniqueConstraint('template_id', 'version_no', name='uq_checklist_version_template_no'),
    sa.UniqueConstraint('uid', name=op.f('uq_checklist_version_uid'))
    )
    with op.batch_alter_table('checklist_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_version_template_id'), ['template_id'], unique=False)

    op.create_table('inspection_draw',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('algorithm', sa.String(length=20), nullable=False),
    sa.Column('seed', sa.String(length=128), nullable=False),
    sa.Column('seed_source', sa.String(length=10), nullable=False),
    sa.Column('parameters', sa.JSON(), nullable=False),
    sa.Column('unit_pool', sa.Text(), nullable=False),
    sa.Column('forced_pool', sa.Text(), nullable=False),
    sa.Column('officer_pool', sa.Text(), nullable=False),
    sa.Column('exclusions', sa.Text(), nullable=False),
    sa.Column('unit_pool_hash', sa.String(length=64), nullable=False),
    sa.Column('officer_pool_hash', sa.String(length=64), nullable=False),
    sa.Column('pool_hash', sa.String(length=64), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('result_hash', sa.String(length=64), nullable=False),
    sa.Column('drawn_by', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['inspection_plan.id'], name=op.f('fk_inspection_draw_plan_id_inspection_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_draw')),
    sa.UniqueConstraint('uid', name=op.f('uq_inspection_draw_uid'))
    )
    with op.batch_alter_table('inspection_draw', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_draw_plan_id'), ['plan_id'], unique=False)

    op.create_table('checklist_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('venues', sa.String(length=200), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.String(length=300), nullable=False),
    sa.Column('hazard_category', sa.String(length=10), nullable=False),
    sa.Column('default_severity', sa.String(length=10), nullable=False),
    sa.Column('on_spot_fixable', sa.Boolean(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['checklist_version.id'], name=op.f('fk_checklist_item_version_id_checklist_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_item')),
    sa.UniqueConstraint('uid', name=op.f('uq_checklist_item_uid')),
    sa.UniqueConstraint('version_id', 'code', name='uq_checklist_item_version_code')
    )
    with op.batch_alter_table('checklist_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_item_version_id'), ['version_id'], unique=False)

    op.create_table('officer_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('person_name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('declared_on', sa.Date(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_officer_conflict_unit_id_unit')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_officer_conflict_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer_conflict')),
    sa.UniqueConstraint('uid', name=op.f('uq_officer_conflict_uid'))
    )
    with op.batch_alter_table('officer_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_officer_conflict_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_officer_conflict_user_id'), ['user_id'], unique=False)

    op.create_table('plan_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('officer1_id', sa.Integer(), nullable=True),
    sa.Column('officer2_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_outcome', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=True),
    sa.Column('record_no', sa.String(length=30), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['inspection_draw.id'], name=op.f('fk_plan_visit_draw_id_inspection_draw')),
    sa.ForeignKeyConstraint(['officer1_id'], ['user_account.id'], name=op.f('fk_plan_visit_officer1_id_user_account')),
    sa.ForeignKeyConstraint(['officer2_id'], ['user_account.id'], name=op.f('fk_plan_visit_officer2_id_user_account')),
    sa.ForeignKeyConstraint(['plan_id'], ['inspection_plan.id'], name=op.f('fk_plan_visit_plan_id_inspection_plan')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_plan_visit_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_visit')),
    sa.UniqueConstraint('record_no', name=op.f('uq_plan_visit_record_no')),
    sa.UniqueConstraint('uid', name=op.f('uq_plan_visit_uid'))
    )
    with op.batch_alter_table('plan_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_visit_draw_id'), ['draw_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_visit_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_visit_planned_date'), ['planned_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_visit_unit_id'), ['unit_id'], unique=False)

    op.create_table('inspection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_no', sa.String(length=30), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('plan_visit_id', sa.Integer(), nullable=True),
    sa.Column('inspection_type', sa.String(length=12), nullable=False),
    sa.Column('is_enforcement', sa.Boolean(), nullable=False),
    sa.Column('counts_for_random', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('people_present', sa.String(length=200), nullable=False),
    sa.Column('unit_rep', sa.String(length=40), nullable=False),
    sa.Column('unit_rep_refused', sa.Boolean(), nullable=False),
    sa.Column('witness', sa.String(length=40), nullable=False),
    sa.Column('checklist_version_id', sa.Integer(), nullable=True),
    sa.Column('venue_tags', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['checklist_version_id'], ['checklist_version.id'], name=op.f('fk_inspection_checklist_version_id_checklist_version')),
    sa.ForeignKeyConstraint(['plan_id'], ['inspection_plan.id'], name=op.f('fk_inspection_plan_id_inspection_plan')),
    sa.ForeignKeyConstraint(['plan_visit_id'], ['plan_visit.id'], name=op.f('fk_inspection_plan_visit_id_plan_visit')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_inspection_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection')),
    sa.UniqueConstraint('record_no', name=op.f('uq_inspection_record_no')),
    sa.UniqueConstraint('uid', name=op.f('uq_inspection_uid'))
    )
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_plan_visit_id'), ['plan_visit_id'], unique=False)
        batch_op.create_index('ix_inspection_started_at', ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('ix_inspection_unit_outcome', ['unit_id', 'outcome', 'started_at'], unique=False)

    op.create_table('hazard',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hazard_no', sa.String(length=30), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=True),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('legal_basis', sa.String(length=300), nullable=False),
    sa.Column('penalty_basis', sa.String(length=300), nullable=False),
    sa.Column('severity', sa.String(length=4), nullable=False),
    sa.Column('major_stage', sa.String(length=10), nullable=False),
    sa.Column('handling', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('deadline_rule', sa.String(length=100), nullable=False),
    sa.Column('deadline_calendar', sa.String(length=80), nullable=False),
    sa.Column('deadline_reason', sa.String(length=200), nullable=False),
    sa.Column('notice_due', sa.Date(), nullable=True),
    sa.Column('notice_no', sa.String(length=40), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('recheck_due', sa.Date(), nullable=True),
    sa.Column('recheck_rule', sa.String(length=100), nullable=False),
    sa.Column('recheck_visit_id', sa.Integer(), nullable=True),
    sa.Column('escalation', sa.String(length=10), nullable=False),
    sa.Column('escalated_on', sa.Date(), nullable=True),
    sa.Column('escalation_ref', sa.String(length=40), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('close_basis', sa.String(length=10), nullable=False),
    sa.Column('approved_by', sa.String(length=40), nullable=False),
    sa.Column('responsible_person', sa.String(length=40), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_hazard_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['recheck_visit_id'], ['plan_visit.id'], name=op.f('fk_hazard_recheck_visit_id_plan_visit')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_hazard_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard')),
    sa.UniqueConstraint('hazard_no', name=op.f('uq_hazard_hazard_no')),
    sa.UniqueConstraint('uid', name=op.f('uq_hazard_uid'))
    )
    with op.batch_alter_table('hazard', schema=None) as batch_op:
        batch_op.create_index('ix_hazard_found_on', ['found_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_hazard_inspection_id'), ['inspection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hazard_recheck_visit_id'), ['recheck_visit_id'], unique=False)
        batch_op.create_index('ix_hazard_state_deadline', ['state', 'deadline'], unique=False)
        batch_op.create_index('ix_hazard_state_recheck', ['state', 'recheck_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_hazard_unit_id'), ['unit_id'], unique=False)

    op.create_table('inspection_officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('cert_no', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_inspection_officer_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_inspection_officer_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_officer')),
    sa.UniqueConstraint('inspection_id', 'user_id', name='uq_inspection_officer_pair'),
    sa.UniqueConstraint('uid', name=op.f('uq_inspection_officer_uid'))
    )
    with op.batch_alter_table('inspection_officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_officer_inspection_id'), ['inspection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_officer_user_id'), ['user_id'], unique=False)

    op.create_table('checklist_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.String(length=300), nullable=False),
    sa.Column('result', sa.String(length=6), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('location', sa.String(length=100), nullable=False),
    sa.Column('corrected_on_spot', sa.Boolean(), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazard.id'], name=op.f('fk_checklist_result_hazard_id_hazard')),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_checklist_result_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_item.id'], name=op.f('fk_checklist_result_item_id_checklist_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_result')),
    sa.UniqueConstraint('inspection_id', 'code', name='uq_checklist_result_item'),
    sa.UniqueConstraint('uid', name=op.f('uq_checklist_result_uid'))
    )
    with op.batch_alter_table('checklist_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_result_hazard_id'), ['hazard_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_result_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('hazard_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=False),
    sa.Column('on_day', sa.Date(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_state', sa.String(length=10), nullable=False),
    sa.Column('to_state', sa.String(length=10), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('ref_uid', sa.String(length=36), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazard.id'], name=op.f('fk_hazard_event_hazard_id_hazard')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard_event')),
    sa.UniqueConstraint('uid', name=op.f('uq_hazard_event_uid'))
    )
    with op.batch_alter_table('hazard_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hazard_event_hazard_id'), ['hazard_id'], unique=False)

    op.create_table('hazard_extension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('requested_deadline', sa.Date(), nullable=False),
    sa.Column('decision_due', sa.Date(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=40), nullable=False),
    sa.Column('new_deadline', sa.Date(), nullable=True),
    sa.Column('refusal_reason', sa.String(length=300), nullable=False),
    sa.Column('doc_no', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazard.id'], name=op.f('fk_hazard_extension_hazard_id_hazard')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard_extension')),
    sa.UniqueConstraint('uid', name=op.f('uq_hazard_extension_uid'))
    )
    with op.batch_alter_table('hazard_extension', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hazard_extension_hazard_id'), ['hazard_id'], unique=False)

    op.create_table('hazard_recheck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=True),
    sa.Column('rechecked_on', sa.Date(), nullable=False),
    sa.Column('officer1_id', sa.Integer(), nullable=False),
    sa.Column('officer2_id', sa.Integer(), nullable=False),
    sa.Column('trigger', sa.String(length=10), nullable=False),
    sa.Column('result', sa.String(length=6), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('opinion_no', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazard.id'], name=op.f('fk_hazard_recheck_hazard_id_hazard')),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_hazard_recheck_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['officer1_id'], ['user_account.id'], name=op.f('fk_hazard_recheck_officer1_id_user_account')),
    sa.ForeignKeyConstraint(['officer2_id'], ['user_account.id'], name=op.f('fk_hazard_recheck_officer2_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard_recheck')),
    sa.UniqueConstraint('uid', name=op.f('uq_hazard_recheck_uid'))
    )
    with op.batch_alter_table('hazard_recheck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hazard_recheck_hazard_id'), ['hazard_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hazard_recheck_inspection_id'), ['inspection_id'], unique=False)

    op.create_table('major_hazard_determination',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('element_codes', sa.String(length=200), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('participant_count', sa.Integer(), nullable=False),
    sa.Column('votes_for', sa.Integer(), nullable=False),
    sa.Column('conclusion', sa.String(length=10), nullable=False),
    sa.Column('concluded_on', sa.Date(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('report_doc_no', sa.String(length=40), nullable=False),
    sa.Column('supervised_on', sa.Date(), nullable=True),
    sa.Column('supervisor', sa.String(length=40), nullable=False),
    sa.Column('case_closed_on', sa.Date(), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazard.id'], name=op.f('fk_major_hazard_determination_hazard_id_hazard')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_major_hazard_determination')),
    sa.UniqueConstraint('uid', name=op.f('uq_major_hazard_determination_uid'))
    )
    with op.batch_alter_table('major_hazard_determination', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_major_hazard_determination_hazard_id'), ['hazard_id'], unique=False)

    op.create_table('photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('mime', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('phase', sa.String(length=10), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=True),
    sa.Column('result_id', sa.Integer(), nullable=True),
    sa.Column('hazard_id', sa.Integer(), nullable=True),
    sa.Column('recheck_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazard.id'], name=op.f('fk_photo_hazard_id_hazard')),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_photo_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['recheck_id'], ['hazard_recheck.id'], name=op.f('fk_photo_recheck_id_hazard_recheck')),
    sa.ForeignKeyConstraint(['result_id'], ['checklist_result.id'], name=op.f('fk_photo_result_id_checklist_result')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photo')),
    sa.UniqueConstraint('uid', name=op.f('uq_photo_uid'))
    )
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photo_hazard_id'), ['hazard_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_inspection_id'), ['inspection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_recheck_id'), ['recheck_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_result_id'), ['result_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_sha256'), ['sha256'], unique=False)

    # ### end Alembic commands ###
    _seed()


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('photo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_sha256'))
        batch_op.drop_index(batch_op.f('ix_photo_result_id'))
        batch_op.drop_index(batch_op.f('ix_photo_recheck_id'))
        batch_op.drop_index(batch_op.f('ix_photo_inspection_id'))
        batch_op.drop_index(batch_op.f('ix_photo_hazard_id'))

    op.drop_table('photo')
    with op.batch_alter_table('major_hazard_determination', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_major_hazard_determination_hazard_id'))

    op.drop_table('major_hazard_determination')
    with op.batch_alter_table('hazard_recheck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazard_recheck_inspection_id'))
        batch_op.drop_index(batch_op.f('ix_hazard_recheck_hazard_id'))

    op.drop_table('hazard_recheck')
    with op.batch_alter_table('hazard_extension', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazard_extension_hazard_id'))

    op.drop_table('hazard_extension')
    with op.batch_alter_table('hazard_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazard_event_hazard_id'))

    op.drop_table('hazard_event')
    with op.batch_alter_table('checklist_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_result_inspection_id'))
        batch_op.drop_index(batch_op.f('ix_checklist_result_hazard_id'))

    op.drop_table('checklist_result')
    with op.batch_alter_table('inspection_officer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_officer_user_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_officer_inspection_id'))

    op.drop_table('inspection_officer')
    with op.batch_alter_table('hazard', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazard_unit_id'))
        batch_op.drop_index('ix_hazard_state_recheck')
        batch_op.drop_index('ix_hazard_state_deadline')
        batch_op.drop_index(batch_op.f('ix_hazard_recheck_visit_id'))
        batch_op.drop_index(batch_op.f('ix_hazard_inspection_id'))
        batch_op.drop_index('ix_hazard_found_on')

    op.drop_table('hazard')
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_index('ix_inspection_unit_outcome')
        batch_op.drop_index(batch_op.f('ix_inspection_unit_id'))
        batch_op.drop_index('ix_inspection_started_at')
        batch_op.drop_index(batch_op.f('ix_inspection_plan_visit_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_plan_id'))

    op.drop_table('inspection')
    with op.batch_alter_table('plan_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_visit_unit_id'))
        batch_op.drop_index(batch_op.f('ix_plan_visit_planned_date'))
        batch_op.drop_index(batch_op.f('ix_plan_visit_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_visit_draw_id'))

    op.drop_table('plan_visit')
    with op.batch_alter_table('officer_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_officer_conflict_user_id'))
        batch_op.drop_index(batch_op.f('ix_officer_conflict_unit_id'))

    op.drop_table('officer_conflict')
    with op.batch_alter_table('checklist_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_item_version_id'))

    op.drop_table('checklist_item')
    with op.batch_alter_table('inspection_draw', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_draw_plan_id'))

    op.drop_table('inspection_draw')
    with op.batch_alter_table('checklist_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_version_template_id'))

    op.drop_table('checklist_version')
    with op.batch_alter_table('inspection_plan', schema=None) as batch_op:
        batch_op.drop_index('ix_inspection_plan_period')

    op.drop_table('inspection_plan')
    op.drop_table('frequency_rule')
    op.drop_table('checklist_template')
    op.drop_table('calendar_override')
    # ### end Alembic commands ###
