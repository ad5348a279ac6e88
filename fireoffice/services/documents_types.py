"""Enforcement document types and their field schemas (domain.md §3.4): what a draft holds and what prints."""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("草稿", "待审批", "已签发", "已送达", "已作废")
EDITABLE = ("草稿",)
ISSUED = ("已签发", "已送达", "已作废")
MODES = ("赋权", "委托", "无权")
NOTICE_RECORD = "行政处罚告知笔录"
NOTICE_TYPES = ("行政处罚告知书", NOTICE_RECORD)  # the 告知 (行政处罚法 Art. 44) a 决定书 must follow
RESPONSES = ("要求陈述、申辩", "要求听证", "放弃陈述、申辩和听证", "未当场表示意见")
WAIVER = "放弃陈述、申辩和听证"
NOTICE_NO_LABEL = "告知书（笔录）文号"
WAIVED_LABEL = "书面放弃陈述申辩日期"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # Chinese: the form label and the name in refusals
    kind: str = "text"  # text / long / date / datetime / int / choice / items
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocType:
    name: str
    family: str  # printing module: notice / penalty / record
    enforcement: bool  # needs 赋权/委托 power; refused (→ 案件移送书) in 无权 mode
    penal: bool = False  # an article and fine are validated
    stub: bool = True  # 存根 page (2004 式样 list)
    items: bool = False  # lists violations (hazards) with per-item deadlines
    fields: tuple[FieldSpec, ...] = ()


F = FieldSpec
_ADDR = (F("addressee", "被通知单位（当事人）", required=True), F("address", "地址"))
_INSPECTED = F("inspected_on", "检查日期", "date", True)
_PARTY = (F("party_kind", "当事人类别", "choice", True, ("单位", "个人")), F("party_id", "统一社会信用代码/身份证号"),
          F("legal_rep", "法定代表人（负责人）"))
_PENALTY = (F("article_code", "违法条款", "choice", True), F("penalty_kind", "处罚种类", "choice", True, ("罚款", "警告")),
            F("fine", "罚款金额（元）", "int"), F("facts", "违法事实", "long", True), F("evidence", "证据", "long"))

TYPES: dict[str, DocType] = {t.name: t for t in (
    DocType("消防监督检查记录", "record", False, stub=False, items=True, fields=(
        *_ADDR, F("inspection_kind", "检查类型", required=True), _INSPECTED, F("time_range", "检查时间（时分）"),
        F("resp_person", "消防安全责任人"), F("mgr_person", "消防安全管理人"), F("summary", "检查情况", "long"),
        F("unit_rep", "被检查单位签名人"))),
    DocType("责令立即改正通知书", "notice", True, items=True, fields=(*_ADDR, _INSPECTED)),
    DocType("责令限期改正通知书", "notice", True, items=True, fields=(*_ADDR, _INSPECTED)),
    DocType("复查意见书", "notice", True, items=True, fields=(
        *_ADDR, F("rechecked_on", "复查日期", "date", True), F("trigger", "复查起因", "choice", True,
                                                            ("当事人申请", "期限届满")),
        F("notice_no", "原通知书文号", required=True), F("conclusion", "复查意见", "long", True))),
    DocType("延期整改通知书", "notice", True, fields=(
        *_ADDR, F("decision", "决定", "choice", True, ("同意", "不同意")), F("applied_on", "申请日期", "date", True),
        F("notice_no", "原通知书文号", required=True), F("reason", "申请理由", "long", True),
        F("new_deadline", "延期至", "date"), F("refusal_reason", "不同意理由", "long"))),
    DocType("重大火灾隐患限期整改通知书", "notice", True, items=True, fields=(
        *_ADDR, _INSPECTED, F("determination", "集体讨论/专家论证情况", "long", True), F("supervision", "挂牌督办"))),
    DocType("临时查封决定书", "notice", True, fields=(
        *_ADDR, _INSPECTED, F("facts", "查封事实", "long", True), F("grounds", "查封理由", "long", True),
        F("scope", "查封范围", "long", True), F("period_days", "查封期限（日，≤30）", "int", True),
        F("method", "实施方法", "long"), F("collective", "负责人集体研究决定情况", "long", True),
        # 消防监督检查规定 Art. 22–23: in an emergency the seal is made on the spot after oral approval and the
        # decision is made and served within 24 h of it (timestamps, not dates).
        F("emergency", "紧急情况当场查封", "choice", False, ("否", "是")),
        F("sealed_at", "当场查封时间", "datetime"), F("oral_approver", "口头批准的负责人"))),
    DocType("解除临时查封决定书", "notice", True, fields=(
        *_ADDR, F("seal_no", "临时查封决定书文号", required=True), F("released_on", "解除日期", "date", True),
        F("reason", "解除理由", "long", True))),
    DocType("行政处罚告知书", "penalty", True, penal=True, stub=False, fields=(
        *_ADDR, *_PARTY, *_PENALTY, F("filed_on", "立案日期", "date"))),
    # 告知 made in person and recorded (domain.md §3.1, §3.4 H): the party signs the record (or refusal + witness).
    DocType(NOTICE_RECORD, "notice_record", True, penal=True, stub=False, fields=(
        *_ADDR, *_PARTY, *_PENALTY, F("filed_on", "立案日期", "date"),
        F("notified_at", "告知时间", "datetime", True), F("place", "告知地点", required=True),
        F("notified_person", "被告知人", required=True), F("relation", "被告知人身份（与当事人关系）", required=True),
        F("hearing_applies", "属于听证范围", "choice", True, ("是", "否")),
        F("response", "当事人意见", "choice", True, RESPONSES), F("statement", "陈述、申辩内容", "long"),
        F("signature", "当事人签名情况", "choice", True, ("已签名", "拒绝签名")), F("witness", "见证人"))),
    DocType("行政处罚决定书", "penalty", True, penal=True, fields=(
        *_ADDR, *_PARTY, *_PENALTY, F("statement", "陈述申辩及采纳情况", "long"),
        F("notice_no", NOTICE_NO_LABEL, required=True), F("filed_on", "立案日期", "date", True),
        F("waived_on", WAIVED_LABEL, "date"), F("hearing_on", "听证日期", "date"), F("bank", "缴款银行"))),
    DocType("当场处罚决定书", "penalty", True, penal=True, stub=False, fields=(
        *_ADDR, *_PARTY, *_PENALTY, F("place", "违法地点", required=True))),
    DocType("行政告诫书", "notice", True, fields=(
        *_ADDR, _INSPECTED, F("facts", "违法事实", "long", True), F("basis", "依据", "long"))),
    DocType("案件移送书", "record", False, fields=(
        F("addressee", "移送至（大队）", required=True), F("unit_name", "涉案单位", required=True), F("address", "地址"),
        F("facts", "案件事实", "long", True), F("reason", "移送理由", "long", True), F("attachments", "移送材料", "long"))),
    DocType("举报投诉核查记录", "record", False, stub=False, fields=(
        *_ADDR, F("received_at", "受理时间", "datetime", True), F("source", "来源", "choice", True,
                                                              ("12345", "119", "来信", "来访", "网络")),
        F("complainant", "举报人（保密）"), F("content", "举报内容", "long", True),
        F("checked_at", "核查时间", "datetime", True), F("result", "核查结果", "choice", True, ("属实", "不属实", "部分属实")),
        F("handling", "处理情况", "long"), F("feedback", "告知举报人情况"))),
)}

SERVICE_METHODS = ("直接", "留置", "邮寄", "电子", "委托", "公告")


def doc_type(name: str) -> DocType:
    from fireoffice.services.errors import ValidationError

    try:
        return TYPES[name]
    except KeyError:
        raise ValidationError("文书类型", f"不认识的文书类型：{name}") from None


def title_of(name: str, fields: dict) -> str:
    """The printed title: 延期 notices read 同意/不同意延期整改通知书."""
    if name == "延期整改通知书":
        return f"{fields.get('decision') or '同意'}延期整改通知书"
    return name
