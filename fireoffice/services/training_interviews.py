"""约谈: one record per unit of a 约谈 session — notice number (type 约), problems raised linked to the unit's
hazards, the unit's commitments, the rectification deadline and whether the 承诺书 was signed (domain.md §3.4 K).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fireoffice.db.models import Hazard, InterviewHazard, InterviewRecord, TrainingSession, Unit
from fireoffice.services import audit, numbering, training
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.hazards import OPEN_STATES
from fireoffice.services.permissions import require

NOTICE_TYPE = "约谈通知书"
DEFAULT_DOCUMENTS = "营业执照复印件、消防安全管理制度、隐患整改情况说明、被约谈人身份证件"
HAZARD_LOOKBACK_DAYS = 730  # hazards offered for linking: open ones and those found in the last two years


@dataclass(frozen=True)
class HazardRef:
    uid: str
    hazard_no: str
    found_on: date
    description: str
    location: str
    state: str
    deadline: date
    linked: bool = False

    def text(self) -> str:
        return f"{self.hazard_no}　{self.location}：{self.description}（{self.state}，期限 {self.deadline}）"


@dataclass(frozen=True)
class InterviewInput:
    reason: str = ""
    interviewee: str = ""
    interviewee_position: str = ""
    interviewee_phone: str = ""
    documents_to_bring: str = ""
    problems: str = ""
    commitments: str = ""
    rectify_by: date | None = None
    pledge_signed: bool = False
    hazard_uids: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewInfo(InterviewInput):
    uid: str = ""
    session_uid: str = ""
    unit_uid: str = ""
    unit_name: str = ""
    unit_address: str = ""
    notice_no: str = ""
    notice_issued_on: date | None = None
    hazards: tuple[HazardRef, ...] = ()


def _ref(h: Hazard, linked: bool) -> HazardRef:
    return HazardRef(h.uid, h.hazard_no, h.found_on, h.description, h.location, h.state, h.deadline, linked)


def _info(session: Session, r: InterviewRecord) -> InterviewInfo:
    unit = session.get(Unit, r.unit_id)
    sess = session.get(TrainingSession, r.session_id)
    hazards = session.execute(select(Hazard).join(InterviewHazard, InterviewHazard.hazard_id == Hazard.id)
                              .where(InterviewHazard.interview_id == r.id).order_by(Hazard.found_on)).scalars().all()
    refs = tuple(_ref(h, True) for h in hazards)
    return InterviewInfo(r.reason, r.interviewee, r.interviewee_position, r.interviewee_phone, r.documents_to_bring,
                         r.problems, r.commitments, r.rectify_by, r.pledge_signed, tuple(h.uid for h in refs),
                         r.uid, sess.uid, unit.uid, unit.name, unit.address, r.notice_no, r.notice_issued_on, refs)


def load(session: Session, uid: str) -> InterviewRecord:
    r = session.execute(select(InterviewRecord).where(InterviewRecord.uid == uid)).scalar()
    if r is None:
        raise NotFound("没有找到这条约谈记录（可能已被删除）。")
    return r


def list_interviews(ctx: ServiceContext, session_uid: str) -> list[InterviewInfo]:
    with ctx.db.read() as s:
        sess = training.load(s, session_uid)
        rows = s.execute(select(InterviewRecord).join(Unit, Unit.id == InterviewRecord.unit_id)
                         .where(InterviewRecord.session_id == sess.id).order_by(Unit.name)).scalars().all()
        return [_info(s, r) for r in rows]


def get_interview(ctx: ServiceContext, uid: str) -> InterviewInfo:
    with ctx.db.read() as s:
        return _info(s, load(s, uid))


def unit_hazards(ctx: ServiceContext, interview_uid: str, today: date | None = None) -> list[HazardRef]:
    """The hazards one may raise in this interview: the unit's open ones, recent ones, and those linked."""
    since = (today or date.today()) - timedelta(days=HAZARD_LOOKBACK_DAYS)
    with ctx.db.read() as s:
        r = load(s, interview_uid)
        linked = set(s.execute(select(InterviewHazard.hazard_id).where(InterviewHazard.interview_id == r.id))
                     .scalars())
        rows = s.execute(select(Hazard).where(Hazard.unit_id == r.unit_id).order_by(Hazard.found_on.desc())
                         ).scalars().all()
        return [_ref(h, h.id in linked) for h in rows
                if h.id in linked or h.state in OPEN_STATES or h.found_on >= since]


def validate(data: InterviewInput, held_on: date) -> InterviewInput:
    limits = {"reason": ("约谈事由", 200), "interviewee": ("被约谈人", 40), "interviewee_position": ("职务", 40),
              "interviewee_phone": ("联系电话", 30), "documents_to_bring": ("需携带的材料", 300),
              "problems": ("通报的问题", 4000), "commitments": ("单位表态及整改措施", 4000)}
    clean = {}
    for key, (label, limit) in limits.items():
        clean[key] = (getattr(data, key) or "").strip()
        if len(clean[key]) > limit:
            raise ValidationError(label, f"不能超过 {limit} 个字")
    if data.rectify_by is not None and data.rectify_by < held_on:
        raise ValidationError("整改期限", f"不能早于约谈日期 {held_on.isoformat()}")
    if data.rectify_by is not None and data.rectify_by > held_on + timedelta(days=366):
        raise ValidationError("整改期限", "超过一年，请检查年份是否写错")
    return InterviewInput(**clean, rectify_by=data.rectify_by, pledge_signed=bool(data.pledge_signed),
                          hazard_uids=tuple(dict.fromkeys(data.hazard_uids)))


def update_interview(ctx: ServiceContext, uid: str, data: InterviewInput) -> InterviewInfo:
    """Save the 约谈记录; linked hazards must be the unit's own."""
    require(ctx, "training.edit")
    with ctx.db.write() as s:
        r = load(s, uid)
        sess = s.get(TrainingSession, r.session_id)
        if sess.cancelled:
            raise Conflict("这次约谈已取消，不能再填写记录。")
        clean = validate(data, sess.held_on)
        hazards = s.execute(select(Hazard).where(Hazard.uid.in_(clean.hazard_uids))).scalars().all() \
            if clean.hazard_uids else []
        if len(hazards) != len(clean.hazard_uids):
            raise ValidationError("通报的隐患", "有隐患已不存在，请刷新后重新选择")
        if any(h.unit_id != r.unit_id for h in hazards):
            raise ValidationError("通报的隐患", "只能关联被约谈单位自己的隐患")
        before = _info(s, r)
        for key in ("reason", "interviewee", "interviewee_position", "interviewee_phone", "documents_to_bring",
                    "problems", "commitments", "rectify_by", "pledge_signed"):
            setattr(r, key, getattr(clean, key))
        r.recorded_by = ctx.actor.username
        s.execute(delete(InterviewHazard).where(InterviewHazard.interview_id == r.id))
        s.add_all([InterviewHazard(interview_id=r.id, hazard_id=h.id) for h in hazards])
        s.flush()
        after = _info(s, r)
        audit.record(s, ctx.actor.username, "填写约谈记录", "interview_record", r.uid,
                     _audit_view(before), _audit_view(after))
        return after


def _audit_view(info: InterviewInfo) -> dict:
    return {"reason": info.reason, "interviewee": info.interviewee, "problems": info.problems,
            "commitments": info.commitments, "rectify_by": info.rectify_by, "pledge_signed": info.pledge_signed,
            "hazards": [h.hazard_no for h in info.hazards]}


def issue_notices(session: Session, actor: str, records: Sequence[InterviewRecord], issued_on: date) -> int:
    """Give each record without one a 约谈通知书 number, in the caller's transaction (gap-free)."""
    count = 0
    for r in sorted(records, key=lambda r: r.id):
        if r.notice_no:
            continue
        sess = session.get(TrainingSession, r.session_id)
        if sess.cancelled:
            raise Conflict("这次约谈已取消，不能再制作约谈通知书。")
        if issued_on > sess.held_on:
            raise ValidationError("发出日期", f"约谈通知书应在约谈日期 {sess.held_on.isoformat()} 之前（或当天）发出")
        number = numbering.issue_number(session, actor, NOTICE_TYPE, issued_on.year)
        r.notice_no, r.notice_year, r.notice_seq, r.notice_issued_on = number.text, number.year, number.seq, issued_on
        if not r.documents_to_bring:
            r.documents_to_bring = DEFAULT_DOCUMENTS
        audit.record(session, actor, "制作约谈通知书", "interview_record", r.uid, None,
                     {"notice_no": r.notice_no, "issued_on": issued_on})
        count += 1
    session.flush()
    return count


def records_of(session: Session, session_uid: str, interview_uids: Sequence[str] | None) -> list[InterviewRecord]:
    """The chosen records of a session (all when `interview_uids` is None), in unit-name order."""
    sess = training.load(session, session_uid)
    q = select(InterviewRecord).join(Unit, Unit.id == InterviewRecord.unit_id).where(
        InterviewRecord.session_id == sess.id)
    if interview_uids is not None:
        q = q.where(InterviewRecord.uid.in_(list(interview_uids)))
    rows = session.execute(q.order_by(Unit.name)).scalars().all()
    if not rows:
        raise ValidationError("被约谈单位", "这次约谈还没有被约谈单位：请先在“邀请”中选择单位")
    return rows
