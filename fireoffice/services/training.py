"""Training sessions, interviews (约谈), drills, warning films and publicity: create, change, cancel, list.

Attendance lives in training_attendance, invitations in training_invite, 约谈 records in training_interviews,
figures in training_stats.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from fireoffice.db.models import InterviewRecord, TrainingAttendee, TrainingSession, Unit
from fireoffice.services import audit, numbering
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

KINDS = ("集中培训", "集中约谈", "一对一警示约谈", "视频约谈", "应急演练", "警示教育观影", "宣传活动")
INTERVIEW_KINDS = ("集中约谈", "一对一警示约谈", "视频约谈")
PUBLICITY_KIND = "宣传活动"
SCOPES = ("全部列管单位", "重点单位", "九小场所", "人员密集场所", "受到行政处罚的单位", "隐患逾期未改的单位",
          "村（社区）、网格员", "辖区群众")
MAX_FUTURE_DAYS = 366  # sessions are planned at most a year ahead
MAX_PAST_YEARS = 5  # older paper records belong to the archive, not to this year's statistics
SESSION_NO_TYPE = "培训活动编号"  # numbering sequence of PX-YYYY-NNN (no issuer: internal numbers)
LABELS = {
    "kind": "类型", "topic": "主题", "held_on": "日期", "start_time": "开始时间", "end_time": "结束时间",
    "place": "地点", "video_link": "视频会议链接", "trainer": "授课人/约谈人", "organizer": "组织单位",
    "scope": "对象范围", "reason": "约谈事由", "audience_count": "其他受众人次", "materials_count": "发放宣传品（份）",
    "materials_note": "宣传品说明", "notes": "备注",
}
_LIMITS = {"topic": 200, "place": 200, "video_link": 300, "trainer": 100, "organizer": 100, "scope": 200,
           "reason": 200, "materials_note": 200, "notes": 2000}


@dataclass(frozen=True)
class SessionInput:
    kind: str
    topic: str
    held_on: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    video_link: str = ""
    trainer: str = ""
    organizer: str = ""
    scope: str = ""
    reason: str = ""
    audience_count: int = 0
    materials_count: int = 0
    materials_note: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SessionInfo(SessionInput):
    uid: str = ""
    session_no: str = ""
    cancelled: bool = False
    cancel_reason: str = ""
    invited: int = 0  # 应到: invited people
    present: int = 0  # 实到 (invited or walk-in)
    leave: int = 0  # 请假
    absent: int = 0  # 缺席
    walk_ins: int = 0
    units: int = 0  # distinct units on the list
    interviews: int = 0

    @property
    def is_interview(self) -> bool:
        return self.kind in INTERVIEW_KINDS

    @property
    def people(self) -> int:
        """人次: people who signed in plus the audience counted without a sign-in row."""
        return self.present + self.audience_count

    def status_text(self, today: date | None = None) -> str:
        if self.cancelled:
            return "已取消"
        return "计划中" if self.held_on > (today or date.today()) else "已举行"


def validate(data: SessionInput, today: date | None = None) -> SessionInput:
    """Clean and check a session; raises ValidationError naming the field (the form shows it there)."""
    today = today or date.today()
    clean = {f.name: getattr(data, f.name) for f in fields(SessionInput)}
    for key, limit in _LIMITS.items():
        clean[key] = (clean[key] or "").strip()
        if len(clean[key]) > limit:
            raise ValidationError(LABELS[key], f"不能超过 {limit} 个字")
    if clean["kind"] not in KINDS:
        raise ValidationError(LABELS["kind"], "只能是 " + "、".join(KINDS))
    if not clean["topic"]:
        raise ValidationError(LABELS["topic"], "不能为空，例如“冬春火灾防控培训”")
    held = clean["held_on"]
    if not isinstance(held, date):
        raise ValidationError(LABELS["held_on"], "请填写日期")
    if held > today + timedelta(days=MAX_FUTURE_DAYS):
        raise ValidationError(LABELS["held_on"], f"{held.isoformat()} 在一年以后，请检查年份是否写错")
    if held < date(today.year - MAX_PAST_YEARS, 1, 1):
        raise ValidationError(LABELS["held_on"], f"{held.isoformat()} 早于 {today.year - MAX_PAST_YEARS} 年，"
                                                 "请检查年份是否写错（更早的纸质记录请归档保存）")
    if clean["start_time"] and clean["end_time"] and clean["end_time"] <= clean["start_time"]:
        raise ValidationError(LABELS["end_time"], "应晚于开始时间")
    if not clean["place"] and not clean["video_link"]:
        field = LABELS["video_link"] if clean["kind"] == "视频约谈" else LABELS["place"]
        raise ValidationError(field, "请填写地点或视频会议链接")
    if clean["kind"] == "视频约谈" and not clean["video_link"] and "视频" not in clean["place"]:
        raise ValidationError(LABELS["video_link"], "视频约谈请填写会议链接或会议号（或在地点写明视频会议室）")
    for key in ("audience_count", "materials_count"):
        value = clean[key] or 0
        if not isinstance(value, int) or value < 0 or value > 10_000_000:
            raise ValidationError(LABELS[key], "应为 0 到 10,000,000 之间的整数")
        clean[key] = value
    return SessionInput(**clean)


def load(session: Session, uid: str) -> TrainingSession:
    row = session.execute(select(TrainingSession).where(TrainingSession.uid == uid)).scalar()
    if row is None:
        raise NotFound("没有找到这次培训/约谈活动（可能已被删除）。")
    return row


def _counts(session: Session, ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    a = TrainingAttendee
    invited = func.sum(case((a.source == "邀请", 1), else_=0))
    per = lambda status: func.sum(case((a.status == status, 1), else_=0))  # noqa: E731
    rows = session.execute(select(a.session_id, invited, per("实到"), per("请假"), per("缺席"),
                                  func.sum(case((a.source != "邀请", 1), else_=0)),
                                  func.count(func.distinct(a.unit_id)))
                           .where(a.session_id.in_(ids)).group_by(a.session_id)).all()
    out = {r[0]: tuple(int(v or 0) for v in r[1:]) for r in rows}
    interviews = dict(session.execute(select(InterviewRecord.session_id, func.count())
                                      .where(InterviewRecord.session_id.in_(ids))
                                      .group_by(InterviewRecord.session_id)).all())
    return {i: (*out.get(i, (0, 0, 0, 0, 0, 0)), interviews.get(i, 0)) for i in ids}


def _info(row: TrainingSession, counts: tuple) -> SessionInfo:
    base = {f.name: getattr(row, f.name) for f in fields(SessionInput)}
    invited, present, leave, absent, walk_ins, units, interviews = counts
    return SessionInfo(**base, uid=row.uid, session_no=row.session_no, cancelled=row.cancelled,
                       cancel_reason=row.cancel_reason, invited=invited, present=present, leave=leave,
                       absent=absent, walk_ins=walk_ins, units=units, interviews=interviews)


def info_of(session: Session, row: TrainingSession) -> SessionInfo:
    return _info(row, _counts(session, [row.id])[row.id])


def get_session(ctx: ServiceContext, uid: str) -> SessionInfo:
    with ctx.db.read() as s:
        return info_of(s, load(s, uid))


def find_session(ctx: ServiceContext, key: str) -> SessionInfo:
    """By 编号 (PX-2026-007) or uid — what the CLI accepts."""
    with ctx.db.read() as s:
        row = s.execute(select(TrainingSession).where(
            (TrainingSession.session_no == key.strip()) | (TrainingSession.uid == key.strip()))).scalar()
        if row is None:
            raise NotFound(f"没有编号为“{key}”的培训/约谈活动。用 fireoffice training list 查看编号。")
        return info_of(s, row)


def list_sessions(ctx: ServiceContext, year: int | None = None, kind: str | None = None,
                  text: str = "") -> list[SessionInfo]:
    """Sessions, newest first (a station has a few hundred a year: no paging needed)."""
    with ctx.db.read() as s:
        q = select(TrainingSession)
        if year:
            q = q.where(TrainingSession.held_on >= date(year, 1, 1), TrainingSession.held_on <= date(year, 12, 31))
        if kind:
            q = q.where(TrainingSession.kind == kind)
        for word in text.split():
            like = f"%{word}%"
            q = q.where(TrainingSession.topic.like(like) | TrainingSession.session_no.like(like)
                        | TrainingSession.place.like(like) | TrainingSession.trainer.like(like))
        rows = s.execute(q.order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc())).scalars().all()
        counts = _counts(s, [r.id for r in rows])
        return [_info(r, counts[r.id]) for r in rows]


def years(ctx: ServiceContext) -> list[int]:
    with ctx.db.read() as s:
        found = {d.year for d in s.execute(select(TrainingSession.held_on).distinct()).scalars()}
    return sorted(found | {date.today().year}, reverse=True)


def create_session(ctx: ServiceContext, data: SessionInput) -> SessionInfo:
    require(ctx, "training.edit")
    clean = validate(data)
    with ctx.db.write() as s:
        seq = numbering.allocate(s, "", SESSION_NO_TYPE, clean.held_on.year)
        row = TrainingSession(**asdict(clean), session_no=f"PX-{clean.held_on.year}-{seq:03d}",
                              created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        audit.record(s, ctx.actor.username, "新建培训约谈活动", "training_session", row.uid, None,
                     {"session_no": row.session_no, **asdict(clean)})
        return info_of(s, row)


def update_session(ctx: ServiceContext, uid: str, data: SessionInput) -> SessionInfo:
    require(ctx, "training.edit")
    clean = validate(data)
    with ctx.db.write() as s:
        row = load(s, uid)
        if row.cancelled:
            raise Conflict("这次活动已取消，不能再修改。")
        before = {f.name: getattr(row, f.name) for f in fields(SessionInput)}
        has_interviews = s.execute(select(func.count()).select_from(InterviewRecord)
                                   .where(InterviewRecord.session_id == row.id)).scalar_one()
        if has_interviews and clean.kind not in INTERVIEW_KINDS:
            raise ValidationError(LABELS["kind"], "已有约谈记录的活动只能是约谈类型（集中约谈、一对一警示约谈、视频约谈）")
        changed = {k: v for k, v in asdict(clean).items() if before[k] != v}
        for key, value in changed.items():
            setattr(row, key, value)
        s.flush()
        if "kind" in changed and clean.kind in INTERVIEW_KINDS:  # became a 约谈: records for the units invited
            from fireoffice.services.training_invite import add_interviews

            unit_ids = set(s.execute(select(TrainingAttendee.unit_id).where(
                TrainingAttendee.session_id == row.id, TrainingAttendee.unit_id.is_not(None))).scalars())
            add_interviews(s, row, s.execute(select(Unit).where(Unit.id.in_(unit_ids))).scalars().all(), {})
        if changed:
            audit.record(s, ctx.actor.username, "修改培训约谈活动", "training_session", row.uid,
                         {k: before[k] for k in changed}, changed)
        return info_of(s, row)


def cancel_session(ctx: ServiceContext, uid: str, reason: str) -> SessionInfo:
    """Cancelled sessions stay (with the reason) but count nowhere; their numbers are not reused."""
    require(ctx, "training.edit")
    reason = reason.strip()
    if len(reason) < 2:
        raise ValidationError("取消原因", "请写明取消原因")
    with ctx.db.write() as s:
        row = load(s, uid)
        if row.cancelled:
            raise Conflict("这次活动已经取消。")
        present = s.execute(select(func.count()).select_from(TrainingAttendee).where(
            TrainingAttendee.session_id == row.id, TrainingAttendee.status == "实到")).scalar_one()
        if present:
            raise Conflict(f"已有 {present} 人签到，活动已经举行，不能取消。如签到有误，请先把签到改回“未签到”。")
        row.cancelled, row.cancel_reason = True, reason[:200]
        audit.record(s, ctx.actor.username, "取消培训约谈活动", "training_session", row.uid, None, {"reason": reason})
        return info_of(s, row)


# Loading any training service registers the unit-timeline source (trainings and 约谈 in a unit's history);
# the GUI loads this module at start through the demo module.
from fireoffice.services import training_stats  # noqa: E402,F401
