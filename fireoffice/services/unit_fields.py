"""The unit register's field catalogue: key, Chinese label, kind, limits, choices and header synonyms."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds: text, int, float, bool, date, phone, uscc, choice (strict list), village, grid (names or ids).
GROUPS = ("基本信息", "位置", "人员", "建筑", "使用性质与分类", "消防设施", "状态")

UNIT_TYPES = ("企业", "个体工商户", "机关", "事业单位", "社会组织", "住宅物业", "村居", "其他")
STATUSES = ("营业", "停业", "歇业", "关闭", "搬迁", "注销")
RISK_LEVELS = ("高", "较高", "一般", "低")
NINE_SMALL_TYPES = ("小学校或幼儿园", "小医院", "小商店", "小餐饮场所", "小旅馆", "小歌舞娱乐场所", "小网吧",
                    "小美容洗浴场所", "小生产加工企业", "小易燃易爆危险品场所")
USE_NATURES = ("商店", "商场", "市场", "餐饮", "住宿", "公共娱乐", "休闲健身", "医疗", "养老", "教学", "生产加工",
               "仓储", "易燃易爆危险品", "办公", "住宅", "其他")
GAS_TYPES = ("管道天然气", "瓶装液化石油气", "无")
# Spellings seen in township lists, folded onto the stored value.
ALIASES = {
    "unit_type": {"个体": "个体工商户", "个体户": "个体工商户", "事业": "事业单位", "公司": "企业", "机关单位": "机关"},
    "status": {"在管": "营业", "在营": "营业", "正常": "营业", "正常营业": "营业", "迁出": "搬迁", "已注销": "注销",
               "已关闭": "关闭", "停产": "停业"},
    "risk_level": {"高风险": "高", "较高风险": "较高", "一般风险": "一般", "中": "一般", "低风险": "低"},
}


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str
    group: str
    max_len: int = 0
    required: bool = False
    choices: tuple[str, ...] = ()  # enforced for kind "choice"; offered as suggestions otherwise
    max_value: float | None = None
    min_value: float | None = 0
    synonyms: tuple[str, ...] = ()


def _f(key, label, kind, group, *synonyms, **kw) -> FieldSpec:
    return FieldSpec(key, label, kind, group, synonyms=synonyms, **kw)


_B, _L, _P, _D, _U, _F, _S = GROUPS
FIELDS: tuple[FieldSpec, ...] = (
    _f("name", "单位名称", "text", _B, "名称", "场所名称", "单位全称", "企业名称", "单位（场所）名称", "场所（单位）名称",
       "市场主体名称", "主体名称", "商户名称", "店铺名称", "单位场所名称", max_len=120, required=True),
    _f("short_name", "招牌名称", "text", _B, "简称", "招牌名", "店招名称", "字号", "单位简称", max_len=80),
    _f("uscc", "统一社会信用代码", "uscc", _B, "信用代码", "社会信用代码", "统一代码", "统一社会信用代码（注册号）",
       "注册号", "营业执照号", "营业执照号码"),
    _f("unit_type", "单位类型", "choice", _B, "主体类型", "单位性质", "市场主体类型", "企业类型", choices=UNIT_TYPES),
    _f("industry_dept", "行业主管部门", "text", _B, "主管部门", "行业部门", max_len=60),
    _f("address", "详细地址", "text", _L, "地址", "单位地址", "场所地址", "经营地址", "经营场所", "住所", "注册地址",
       "所在地址", "位置", max_len=200, required=True),
    _f("township", "所属乡镇（街道）", "text", _L, "乡镇", "街道", "所属乡镇", "所属街道", "乡镇街道", "乡镇（街道）",
       max_len=60),
    _f("village_id", "所属村（社区）", "village", _L, "村（社区）", "所属村", "所属社区", "村居", "社区", "村",
       "所属村居", "村社区"),
    _f("grid_id", "所属网格", "grid", _L, "网格", "网格名称"),
    _f("building_name", "建筑名称", "text", _L, "所在建筑", "楼宇名称", max_len=100),
    _f("floor_located", "所在楼层", "text", _L, "楼层", max_len=30),
    _f("longitude", "经度", "float", _L, min_value=73, max_value=136),
    _f("latitude", "纬度", "float", _L, min_value=3, max_value=54),
    _f("legal_rep", "法定代表人（经营者）", "text", _P, "法定代表人", "法人", "法人代表", "经营者", "负责人",
       "业主", max_len=40),
    _f("legal_rep_phone", "法定代表人电话", "phone", _P, "法人电话", "经营者电话", "负责人电话", "业主电话",
       "法定代表人（经营者）电话", "联系电话", "电话"),
    _f("resp_person", "消防安全责任人", "text", _P, "责任人", "安全责任人", "消防责任人", max_len=40),
    _f("resp_phone", "消防安全责任人电话", "phone", _P, "责任人电话", "安全责任人电话", "消防责任人电话"),
    _f("mgr_person", "消防安全管理人", "text", _P, "管理人", "安全管理人", "消防管理人", max_len=40),
    _f("mgr_phone", "消防安全管理人电话", "phone", _P, "管理人电话", "安全管理人电话", "消防管理人电话"),
    _f("fire_staff_count", "专兼职消防管理人员数", "int", _P, "消防管理人员数", "专兼职消防管理人员", max_value=10000),
    _f("control_room_certified", "消防控制室持证值班人数", "int", _P, "持证人数", "控制室持证人数", "持证值班人数",
       max_value=1000),
    _f("building_area", "建筑面积（㎡）", "float", _D, "建筑面积", "总建筑面积", "面积", max_value=10_000_000),
    _f("business_area", "使用/经营面积（㎡）", "float", _D, "经营面积", "使用面积", "营业面积", "使用经营面积",
       max_value=10_000_000),
    _f("floors_above", "地上层数", "int", _D, "层数", "地上楼层数", "建筑层数", max_value=200),
    _f("floors_below", "地下层数", "int", _D, "地下楼层数", max_value=20),
    _f("building_height", "建筑高度（m）", "float", _D, "建筑高度", "高度", max_value=1000),
    _f("fire_rating", "结构/耐火等级", "text", _D, "耐火等级", "建筑结构", "结构类型", "结构耐火等级", max_len=30),
    _f("fire_approval", "消防验收/备案/开业前检查", "text", _D, "消防验收", "消防审验", "验收备案情况", "开业前检查",
       max_len=100),
    _f("use_nature", "使用性质", "text", _U, "场所类别", "场所类型", "行业类别", "经营类别", "业态", "行业",
       max_len=40, choices=USE_NATURES),
    _f("nine_small_type", "九小场所类别", "choice", _U, "九小场所类型", "九小类别", "九小场所", "小场所类型",
       choices=NINE_SMALL_TYPES),
    _f("is_key_unit", "消防安全重点单位", "bool", _U, "是否重点单位", "重点单位", "是否消防安全重点单位"),
    _f("key_unit_category", "重点单位类别", "text", _U, "重点单位类型", max_len=60),
    _f("key_unit_basis", "重点单位界定依据", "text", _U, "界定依据", max_len=200),
    _f("is_crowded", "人员密集场所", "bool", _U, "是否人员密集场所"),
    _f("is_multi_business", "多业态混合场所", "bool", _U, "是否多业态混合", "多业态混合"),
    _f("is_three_in_one", "三合一场所", "bool", _U, "是否三合一", "三合一", "是否住人"),
    _f("residents", "住宿人数", "int", _U, "住人数", max_value=100_000),
    _f("is_high_rise", "高层建筑", "bool", _U, "是否高层", "高层"),
    _f("is_underground", "地下/半地下场所", "bool", _U, "地下场所", "是否地下", "地下半地下"),
    _f("has_flammables", "涉及易燃易爆", "bool", _U, "易燃易爆", "是否易燃易爆"),
    _f("beds", "床位数", "int", _U, "床位", "床位数量", max_value=100_000),
    _f("seats", "座位数（就餐人数）", "int", _U, "座位数", "就餐人数", "额定就餐人数", "机位数", "座位",
       max_value=100_000),
    _f("staff", "员工人数", "int", _U, "员工数", "从业人员数", "从业人数", "职工人数", "员工", max_value=1_000_000),
    _f("has_auto_alarm", "火灾自动报警系统", "bool", _F, "自动报警", "火灾报警系统", "自动报警系统"),
    _f("has_sprinkler", "自动喷水灭火系统", "bool", _F, "喷淋", "自动喷淋", "喷淋系统"),
    _f("has_hydrant", "消火栓系统", "bool", _F, "消火栓", "室内消火栓"),
    _f("has_smoke_control", "防排烟系统", "bool", _F, "防排烟"),
    _f("has_control_room", "消防控制室", "bool", _F, "控制室"),
    _f("has_micro_station", "微型消防站", "bool", _F, "微型站"),
    _f("extinguishers", "灭火器数量", "int", _F, "灭火器", "灭火器数", max_value=100_000),
    _f("gas_type", "燃气类型", "text", _F, "燃气", "用气类型", max_len=20, choices=GAS_TYPES),
    _f("has_gas_detector", "可燃气体探测器", "bool", _F, "燃气报警器", "可燃气体报警器"),
    _f("ebike_parking", "电动自行车停放", "text", _F, "电动车停放", max_len=40),
    _f("ebike_charging", "电动自行车充电", "text", _F, "电动车充电", "充电设施", max_len=40),
    _f("status", "列管状态", "choice", _S, "状态", "经营状态", "营业状态", choices=STATUSES),
    _f("risk_level", "风险等级", "choice", _S, "风险", "风险级别", choices=RISK_LEVELS),
    _f("registered_on", "列管日期", "date", _S, "纳入列管日期", "登记日期", "建档日期"),
    _f("source", "信息来源", "text", _S, "来源", "数据来源", max_len=20),
    _f("notes", "备注", "text", _S, "说明", max_len=2000),
)

BY_KEY: dict[str, FieldSpec] = {f.key: f for f in FIELDS}
LABELS: dict[str, str] = {f.key: f.label for f in FIELDS}
PERSON_ROLES = {"legal_rep": ("法定代表人", "legal_rep_phone"), "resp_person": ("消防安全责任人", "resp_phone"),
                "mgr_person": ("消防安全管理人", "mgr_phone")}
# Columns of the 列管单位台账 export (the full export writes every field).
LEDGER_KEYS = ("name", "short_name", "uscc", "unit_type", "address", "village_id", "grid_id", "legal_rep",
               "legal_rep_phone", "resp_person", "resp_phone", "mgr_person", "mgr_phone", "building_area",
               "floors_above", "use_nature", "nine_small_type", "is_key_unit", "key_unit_category", "is_crowded",
               "is_three_in_one", "status", "risk_level", "registered_on")


def fields_in(group: str) -> list[FieldSpec]:
    return [f for f in FIELDS if f.group == group]
