"""Time rules of penalty and seal documents (domain.md §2.2, §2.4, §2.6, §10, §11 "Deadline rules enforced").

* 行政处罚决定书: only after the 告知 (告知书 served / 告知笔录 made) and the 陈述申辩/听证 window of
  5 working days (行政处罚法 Art. 44, 64, 85) — earlier only on the party's written waiver; after a 听证
  requested at the 告知, not before the hearing; within 90 days of 立案 (Art. 60).
* 临时查封决定书: decided collectively by the head; made and served within 3 working days of the inspection, or,
  after an emergency on-the-spot seal approved orally, within 24 hours of the seal (timestamps); period ≤ 1 month.
* 解除临时查封决定书: refers to an issued seal decision; released no earlier than the seal, warned when late.
* 辖区: an enforcement document is only for a unit in the station's area (§2.6: block or flag).

`check_*` raise a ValidationError naming the form field; `timing()` says the same in words for the screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import EnforcementDocument, StationProfile, Unit
from fireoffice.services import penalties, workdays
from fireoffice.services.documents_types import (
    NOTICE_NO_LABEL,
    NOTICE_RECORD,
    NOTICE_TYPES,
    TYPES,
    WAIVED_LABEL,
    WAIVER,
)
from fireoffice.services.errors import ValidationError

DECISION = "行政处罚决定书"
SEAL, RELEASE = "临时查封决定书", "解除临时查封决定书"
CASE_DAYS = 90  # 行政处罚法 Art. 60: decide within 90 days of 立案
SEAL_WORKDAYS = 3  # 消防监督检查规定 Art. 22: seal decision made and served within 3 working days of the inspection
EMERGENCY_HOURS = 24  # … or within 24 h of an emergency on-the-spot seal
CASE_WARN_DAYS = 10  # warn when the 90-day limit is this close


@dataclass(frozen=True)
class Timing:
    """What the screens show next to a document: the earliest issue date and the limits that run."""

    earliest: date | None = None  # None: no waiting period (or it cannot be computed yet, see problems)
    latest: date | None = None  # the 90-day limit of a decision, or the day a seal decision is due
    latest_at: datetime | None = None  # emergency seal: decide and serve before this moment
    notes: tuple[str, ...] = ()  # plain-Chinese lines (limits, due dates)
    problems: tuple[str, ...] = ()  # what would refuse the issue today


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _moment(value) -> datetime | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value)[:16])


def _fmt(at: datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M}"


# --- the 告知 a decision follows ----------------------------------------------------------------------------

def notice_of(session: Session, doc: EnforcementDocument) -> EnforcementDocument:
    """The 告知书/告知笔录 the decision names; refused (naming the field) when missing, voided or not this party."""
    number = str(doc.fields.get("notice_no") or "").strip()
    ref = session.get(EnforcementDocument, doc.ref_document_id) if doc.ref_document_id else None
    if ref is None or ref.doc_type not in NOTICE_TYPES or (number and ref.number != number):
        ref = session.execute(select(EnforcementDocument).where(EnforcementDocument.number == number)).scalar() \
            if number else None
    if ref is None:
        raise ValidationError(NOTICE_NO_LABEL, "作出行政处罚决定前须先告知当事人（行政处罚法第四十四条）：请填写已签发的"
                                               "《行政处罚告知书》或《行政处罚告知笔录》文号" + (f"，没有找到“{number}”" if number else ""))
    if ref.doc_type not in NOTICE_TYPES:
        raise ValidationError(NOTICE_NO_LABEL, f"{ref.number}是《{ref.doc_type}》，不是告知书或告知笔录")
    if ref.status == "已作废":
        raise ValidationError(NOTICE_NO_LABEL, f"{ref.number}已作废（{ref.void_reason}），请引用有效的告知")
    if doc.unit_id and ref.unit_id and doc.unit_id != ref.unit_id:
        raise ValidationError(NOTICE_NO_LABEL, f"{ref.number}告知的当事人不是本决定书的当事人")
    return ref


def notice_day(ref: EnforcementDocument) -> date:
    """The day the party was told: the 笔录's 告知时间, or the 告知书's (deemed) service date."""
    if ref.doc_type == NOTICE_RECORD:
        return _moment(ref.fields.get("notified_at")).date()
    if ref.served_on is None:
        raise ValidationError(NOTICE_NO_LABEL, f"告知书{ref.number}尚未送达：请先登记送达回证；陈述、申辩和听证期限"
                                               f"自送达之日起计算（{penalties.HEARING_WORKDAYS}个工作日）")
    return ref.served_on


def _written_waiver(ref: EnforcementDocument) -> bool:
    """A waiver recorded in the 笔录 counts as written only when the party signed the record."""
    f = ref.fields
    return ref.doc_type == NOTICE_RECORD and f.get("response") == WAIVER and f.get("signature") == "已签名"


def _hearing_requested(ref: EnforcementDocument) -> bool:
    f = ref.fields
    return ref.doc_type == NOTICE_RECORD and f.get("response") == "要求听证" and f.get("hearing_applies") != "否"


def decision_earliest(session: Session, doc: EnforcementDocument) -> tuple[date, str]:
    """(earliest issue date, why) of a 行政处罚决定书; raises naming the field when the 告知 is not in order."""
    ref = notice_of(session, doc)
    told = notice_day(ref)
    cal = workdays.load_calendar(session)
    f = doc.fields
    waived = _date(f.get("waived_on"))
    if waived is not None and waived < told:
        raise ValidationError(WAIVED_LABEL, f"不能早于告知日期 {told}")
    if waived is not None or _written_waiver(ref):
        when = waived or told
        earliest, why = when, f"当事人已于{when}书面放弃陈述、申辩和听证权利"
    else:
        end = workdays.add_workdays(cal, told, penalties.HEARING_WORKDAYS)
        earliest = end + timedelta(days=1)
        why = (f"{ref.number}于{told}告知，陈述、申辩和听证申请期限（{penalties.HEARING_WORKDAYS}个工作日）"
               f"至{end}届满")
    if _hearing_requested(ref):
        heard = _date(f.get("hearing_on"))
        if heard is None:
            raise ValidationError("听证日期", f"当事人在告知时（{ref.number}）要求听证：请在举行听证后填写听证日期，"
                                          "并在“陈述申辩及采纳情况”中写明听证意见的采纳情况")
        if heard < told:
            raise ValidationError("听证日期", f"不能早于告知日期 {told}")
        if heard > earliest:
            earliest, why = heard, f"当事人要求听证，听证于{heard}举行"
    return earliest, why


def case_limit(session: Session, doc: EnforcementDocument) -> date:
    """The last day of the 90 days from 立案 (start day not counted; a last day off rolls to the next workday)."""
    filed = _date(doc.fields.get("filed_on"))
    if filed is None:
        raise ValidationError("立案日期", "不能为空：行政处罚决定应当自立案之日起九十日内作出，须填写立案日期")
    return workdays.add_natural_days(workdays.load_calendar(session), filed, CASE_DAYS)


def check_decision(session: Session, doc: EnforcementDocument, on: date) -> tuple[str, ...]:
    """Refuse a 行政处罚决定书 issued inside the 告知 window or after the 90-day limit; returns notes."""
    filed = _date(doc.fields.get("filed_on"))
    ref = notice_of(session, doc)
    told = notice_day(ref)
    if filed is not None and filed > told:
        raise ValidationError("立案日期", f"{filed}晚于告知日期{told}：应先立案，后告知")
    if filed is not None and filed > on:
        raise ValidationError("立案日期", f"{filed}晚于签发日期{on}")
    earliest, why = decision_earliest(session, doc)
    if on < earliest:
        raise ValidationError("签发日期", f"{why}，{earliest}起方可签发行政处罚决定书"
                                      "（当事人书面放弃陈述、申辩和听证权利的，请填写放弃日期）")
    limit = case_limit(session, doc)
    if on > limit:
        raise ValidationError("立案日期", f"行政处罚决定应当自立案之日（{filed}）起{CASE_DAYS}日内作出，"
                                      f"期限已于{limit}届满，不能签发（行政处罚法第六十条）")
    return (f"办案期限：立案之日（{filed}）起{CASE_DAYS}日内，至{limit}。",)


# --- 临时查封 ------------------------------------------------------------------------------------------------

def seal_due(session: Session, doc: EnforcementDocument) -> tuple[date, datetime | None, str]:
    """(due date, due moment for an emergency seal, rule text); raises naming a missing emergency field."""
    f = doc.fields
    if f.get("emergency") == "是":
        sealed = _moment(f.get("sealed_at"))
        if sealed is None:
            raise ValidationError("当场查封时间", "紧急情况当场查封的，请填写当场查封的时间（时分）")
        if not str(f.get("oral_approver") or "").strip():
            raise ValidationError("口头批准的负责人", "紧急情况当场查封须经负责人口头批准，请填写批准人")
        due_at = sealed + timedelta(hours=EMERGENCY_HOURS)
        return due_at.date(), due_at, f"紧急情况当场查封（{_fmt(sealed)}）后{EMERGENCY_HOURS}小时内作出决定并送达"
    inspected = _date(f.get("inspected_on"))
    due = workdays.add_workdays(workdays.load_calendar(session), inspected, SEAL_WORKDAYS)
    return due, None, f"检查之日（{inspected}）起{SEAL_WORKDAYS}个工作日内作出决定并送达"


def check_seal(session: Session, doc: EnforcementDocument, on: date, at: datetime | None) -> tuple[str, ...]:
    """Refuse a late seal decision (timestamps when the moment of issue is known); returns the due note."""
    f = doc.fields
    due, due_at, rule = seal_due(session, doc)
    if due_at is not None:
        sealed = _moment(f["sealed_at"])
        if at is not None and at < sealed:
            raise ValidationError("当场查封时间", f"{_fmt(sealed)}晚于现在，请核对")
        late = at > due_at if at is not None else on > due
        if late:
            raise ValidationError("当场查封时间", f"{rule}，即{_fmt(due_at)}前；已超过时限，不能补发本决定书。"
                                            "请立即解除现场查封，如仍需查封，依法重新检查并在3个工作日内制作决定书")
        return (f"请于 {_fmt(due_at)} 前送达（{rule}）。",)
    if on > due:
        raise ValidationError("检查日期", f"临时查封决定书应在{rule}，即{due}前；已超期，不能签发。"
                                      "如仍需查封，请重新检查后及时制作")
    return (f"请于 {due} 前送达（{rule}）。",)


def seal_period(session: Session, seal: EnforcementDocument) -> tuple[date, date]:
    """(first day, last day) of a seal: from the on-the-spot seal or the issue day, `period_days` days long.

    The end is not moved past a rest day: a longer seal would be against the party.
    """
    f = seal.fields
    sealed = _moment(f.get("sealed_at")) if f.get("emergency") == "是" else None
    start = sealed.date() if sealed else (seal.issued_on or date.today())
    return start, start + timedelta(days=int(f.get("period_days") or 0))


def check_release(session: Session, doc: EnforcementDocument) -> tuple[str, ...]:
    number = str(doc.fields.get("seal_no") or "").strip()
    seal = session.execute(select(EnforcementDocument).where(EnforcementDocument.number == number)).scalar()
    if seal is None or seal.doc_type != SEAL:
        raise ValidationError("临时查封决定书文号", f"没有找到已签发的临时查封决定书“{number}”")
    if seal.status == "已作废":
        raise ValidationError("临时查封决定书文号", f"{number}已作废")
    if doc.unit_id and seal.unit_id and doc.unit_id != seal.unit_id:
        raise ValidationError("临时查封决定书文号", f"{number}查封的不是本单位")
    start, end = seal_period(session, seal)
    released = _date(doc.fields.get("released_on"))
    if released < start:
        raise ValidationError("解除日期", f"不能早于查封日期 {start}")
    if released > end:
        return (f"查封期限已于{end}届满，解除晚于期限（临时查封期限不得超过一个月，届满应及时解除）。",)
    return ()


# --- 辖区 ----------------------------------------------------------------------------------------------------

def jurisdiction(session: Session, doc: EnforcementDocument, station: StationProfile) -> tuple[str, ...]:
    """A unit outside the station's area is refused for enforcement documents; an unplaced unit is flagged."""
    if not TYPES[doc.doc_type].enforcement or not doc.unit_id:
        return ()
    unit = session.get(Unit, doc.unit_id)
    if unit.village_id is not None:
        return ()  # villages and communities are the station's own area (services/places.py)
    if not station.township:
        return ()
    if unit.township and unit.township != station.township:
        raise ValidationError("被通知单位（当事人）", f"{unit.name}属于{unit.township}，不在本所辖区（{station.township}）内，"
                                               "不能以本所名义制作执法文书；请移送有管辖权的机关处理")
    if not unit.township:
        return (f"{unit.name}未登记所属乡镇（街道）和村（社区），无法核对是否属于本所辖区，请在单位台账中补全。",)
    return ()


# --- what the screens show -----------------------------------------------------------------------------------

def timing(session: Session, doc: EnforcementDocument, today: date | None = None,
           now: datetime | None = None) -> Timing:
    """The time rules of one document in words; nothing raises (a refusal becomes a problem line)."""
    today = today or date.today()
    now = now or datetime.now()
    try:
        if doc.doc_type == DECISION:
            earliest, why = decision_earliest(session, doc)
            limit = case_limit(session, doc)
            notes = [f"办案期限：立案之日起{CASE_DAYS}日内，至{limit}。"]
            problems = []
            if today < earliest:
                problems.append(f"{why}，{earliest}起方可签发。")
            else:
                notes.insert(0, f"{why}；自{earliest}起可以签发。")
            if today > limit:
                problems.append(f"已超过{CASE_DAYS}日办案期限（{limit}）。")
            elif (limit - today).days <= CASE_WARN_DAYS:
                notes.append(f"距办案期限届满还有{(limit - today).days}日。")
            if earliest > limit:
                problems.append(f"告知后的期限届满（{earliest}）晚于办案期限（{limit}）。")
            return Timing(earliest, limit, None, tuple(notes), tuple(problems))
        if doc.doc_type == SEAL and doc.fields.get("inspected_on"):
            due, due_at, rule = seal_due(session, doc)
            late = now > due_at if due_at else today > due
            text = _fmt(due_at) if due_at else str(due)
            return Timing(None, due, due_at, (f"{rule}，即{text}前。",),
                          (f"已超过时限（{text}），不能签发。",) if late else ())
    except (ValidationError, ValueError) as exc:
        return Timing(problems=(str(exc),))
    return Timing()


def document_timing(ctx, uid: str) -> Timing:
    """For the documents page and the draft form: the selected document's time rules in words."""
    from fireoffice.services.documents import load

    with ctx.db.read() as s:
        doc = load(s, uid)
        if doc.status not in ("草稿", "待审批"):
            return Timing()
        return timing(s, doc)
