"""What must hold before a document is submitted or issued: fields, power (enforcement mode), signatories, fine."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from fireoffice.db.models import EnforcementDocument, StationProfile, Unit, User
from fireoffice.services import officers, penalties
from fireoffice.services.documents_types import NOTICE_RECORD, TYPES
from fireoffice.services.errors import Conflict, ValidationError

MAX_SEAL_DAYS = 30  # 临时查封期限不得超过一个月 (domain.md §2.2)


def check_fields(doc: EnforcementDocument) -> None:
    """Required fields filled and typed values parse; the message names the form field."""
    t = TYPES[doc.doc_type]
    f = doc.fields
    for spec in t.fields:
        value = f.get(spec.key)
        if spec.required and (value is None or str(value).strip() == ""):
            raise ValidationError(spec.label, "不能为空")
        if value in (None, ""):
            continue
        try:
            if spec.kind == "date":
                date.fromisoformat(str(value))
            elif spec.kind == "datetime":
                datetime.fromisoformat(str(value))
            elif spec.kind == "int":
                int(value)
        except ValueError:
            raise ValidationError(spec.label, f"格式不对：{value}") from None
        if spec.choices and value not in spec.choices:
            raise ValidationError(spec.label, "只能是 " + "、".join(spec.choices))
    if t.items and t.name != "消防监督检查记录" and not f.get("items"):
        raise ValidationError("违法行为", "请至少列出一项违法行为（隐患）")
    for n, item in enumerate(f.get("items") or (), 1):
        if not str(item.get("text", "")).strip():
            raise ValidationError("违法行为", f"第 {n} 项没有内容")
        if t.name in ("责令限期改正通知书", "重大火灾隐患限期整改通知书") and not item.get("deadline"):
            raise ValidationError("整改期限", f"第 {n} 项没有整改期限")
    if t.name == "临时查封决定书" and not 0 < int(f["period_days"]) <= MAX_SEAL_DAYS:
        raise ValidationError("查封期限（日，≤30）", f"临时查封期限应为 1 到 {MAX_SEAL_DAYS} 日")
    if t.name == "临时查封决定书" and f.get("emergency") == "是":
        if not f.get("sealed_at"):
            raise ValidationError("当场查封时间", "紧急情况当场查封的，请填写当场查封的时间（时分）")
        if not str(f.get("oral_approver") or "").strip():
            raise ValidationError("口头批准的负责人", "紧急情况当场查封须经负责人口头批准，请填写批准人")
    if t.name == NOTICE_RECORD:
        _check_notice_record(f)
    if t.name == "延期整改通知书" and f.get("decision") == "同意" and not f.get("new_deadline"):
        raise ValidationError("延期至", "同意延期的，请填写延期至哪一天")
    if t.name == "延期整改通知书" and f.get("decision") == "不同意" and not f.get("refusal_reason"):
        raise ValidationError("不同意理由", "不同意延期的，请写明理由")


def _check_notice_record(f: dict) -> None:
    """告知笔录: made in person, signed by the party, or the refusal noted with a witness."""
    at = datetime.fromisoformat(str(f["notified_at"])[:16])
    if at > datetime.now() + timedelta(minutes=5):
        raise ValidationError("告知时间", "不能晚于现在：笔录记录的是已经进行的告知")
    if f.get("signature") == "拒绝签名" and not str(f.get("witness") or "").strip():
        raise ValidationError("见证人", "当事人拒绝签名的，应注明情况并由见证人签名")
    if f.get("response") == "要求陈述、申辩" and not str(f.get("statement") or "").strip():
        raise ValidationError("陈述、申辩内容", "当事人当场陈述、申辩的，请记录其内容")


def check_power(station: StationProfile, kind: str) -> None:
    """无权 stations only keep records and 移送 to the 大队 (domain.md §2.5); the message says what to do."""
    if TYPES[kind].enforcement and station.enforcement_mode == "无权":
        raise Conflict(f"本所执法权限为“无权”，不能以本所名义签发《{kind}》。请改为制作《案件移送书》移送"
                       f"{station.brigade or '消防救援大队'}处理（文书页面“移送”按钮）。")


def check_officers(session: Session, doc: EnforcementDocument, on: date) -> list[User]:
    """Two different enforcement officers, each with a 执法证 valid on the issue day, neither recused."""
    ids = [i for i in (doc.officer1_id, doc.officer2_id) if i]
    if len(ids) < 2 or ids[0] == ids[1]:
        raise ValidationError("执法人员", "执法文书须由两名执法人员签名，请选择两名不同的执法人员")
    users = [session.get(User, i) for i in ids]
    for user in users:
        problem = officers.enforcer_problem(user, on)
        if problem:
            raise ValidationError("执法人员", f"{problem}，不能在文书上签名")
    if doc.unit_id:
        pairs = officers.recusal_pairs(session, ids, [doc.unit_id])
        if pairs:
            officer = session.get(User, next(iter(pairs))[0])
            unit = session.get(Unit, doc.unit_id)
            raise ValidationError("执法人员", f"{officer.display_name} 已申报与{unit.name}存在利害关系，应当回避")
    return users


def check_penalty(session: Session, doc: EnforcementDocument) -> None:
    t = TYPES[doc.doc_type]
    if not t.penal:
        return
    f = doc.fields
    art = penalties.article(session, f.get("article_code") or "")
    fine = int(f["fine"]) if f.get("fine") not in (None, "") else None
    penalties.check_penalty(art, f.get("party_kind", ""), f.get("penalty_kind", ""), fine,
                            on_the_spot=t.name == "当场处罚决定书")


def needs_signatories(kind: str) -> bool:
    return kind != "案件移送书"
