"""Inspection plans and batches, their planned visits (officer pairs, dates, record numbers) and the calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from fireoffice.db.models import Inspection, InspectionPlan, PlanVisit, Unit, User
from fireoffice.services import audit, officers
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

PLAN_TYPES = ("双随机", "日常", "专项", "节前", "夜查", "复查", "举报核查")
PLAN_STATUSES = ("进行中", "已完成", "已取消")
# The 检查类型 an inspection gets when it is entered from a visit of this plan type.
INSPECTION_TYPE = {"双随机": "双随机抽查", "日常": "日常检查", "专项": "专项检查", "节前": "节前检查",
                   "夜查": "夜查", "复查": "复查", "举报核查": "举报投诉核查"}
RECORD_PREFIX = "JC"


@dataclass(frozen=True)
class PlanInput:
    name: str
    plan_type: str
    period_start: date
    period_end: date
    campaign: str = ""
    target_count: int | None = None
    note: str = ""


@dataclass(frozen=True)
class PlanInfo:
    uid: str
    name: str
    plan_type: str
    campaign: str
    period_start: date
    period_end: date
    target_count: int | None
    status: str
    note: str
    visits: int
    done: int
    attempted: int  # open visits that already found the unit closed at least once


@dataclass(frozen=True)
class VisitInfo:
    uid: str
    sequence: int
    plan_uid: str
    unit_uid: str
    unit_name: str
    unit_address: str
    planned_date: date | None
    officer_uids: tuple[str, ...]
    officer_names: tuple[str, ...]
    status: str
    attempts: int
    last_outcome: str
    source: str
    record_no: str


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    visit_uid: str
    plan_uid: str
    plan_name: str
    plan_type: str
    unit_uid: str
    unit_name: str
    officer_names: tuple[str, ...]
    status: str
    record_no: str


# --- record numbers ----------------------------------------------------------------------------------------

def allocate_record_nos(session: Session, year: int, n: int) -> list[str]:
    """The next n 检查记录编号 of the year; reserved on planned visits so the field kit can print them."""
    prefix = f"{RECORD_PREFIX}{year}-"
    tops = [session.execute(select(func.max(col)).where(col.like(prefix + "%"))).scalar()
            for col in (Inspection.record_no, PlanVisit.record_no)]
    start = max((int(t[len(prefix):]) for t in tops if t), default=0)
    return [f"{prefix}{start + i:05d}" for i in range(1, n + 1)]


# --- plans -------------------------------------------------------------------------------------------------

def validate_plan(data: PlanInput) -> PlanInput:
    name = data.name.strip()
    if not name:
        raise ValidationError("计划名称", "不能为空")
    if data.plan_type not in PLAN_TYPES:
        raise ValidationError("计划类型", "只能是 " + "、".join(PLAN_TYPES))
    if data.period_end < data.period_start:
        raise ValidationError("结束日期", "不能早于开始日期")
    if (data.period_end - data.period_start).days > 366:
        raise ValidationError("结束日期", "一个计划最长一年")
    if data.target_count is not None and data.target_count < 0:
        raise ValidationError("目标数量", "不能为负数")
    if data.plan_type == "专项" and not data.campaign.strip():
        raise ValidationError("专项名称", "专项检查请填写专项名称，例如“冬春火灾防控”")
    return replace(data, name=name, campaign=data.campaign.strip(), note=data.note.strip())


def _plan_info(session: Session, plan: InspectionPlan) -> PlanInfo:
    total, done, attempted = session.execute(select(
        func.count(), func.count().filter(PlanVisit.status == "已完成"),
        func.count().filter((PlanVisit.status == "待检查") & (PlanVisit.attempts > 0)),
    ).where(PlanVisit.plan_id == plan.id, PlanVisit.status != "已取消")).one()
    return PlanInfo(plan.uid, plan.name, plan.plan_type, plan.campaign, plan.period_start, plan.period_end,
                    plan.target_count, plan.status, plan.note, total, done, attempted)


def load_plan(session: Session, uid: str) -> InspectionPlan:
    plan = session.execute(select(InspectionPlan).where(InspectionPlan.uid == uid)).scalar()
    if plan is None:
        raise NotFound("没有找到这个检查计划（可能已被删除）。")
    return plan


def insert_plan(session: Session, actor: str, data: PlanInput) -> InspectionPlan:
    data = validate_plan(data)
    plan = InspectionPlan(name=data.name, plan_type=data.plan_type, campaign=data.campaign,
                          period_start=data.period_start, period_end=data.period_end,
                          target_count=data.target_count, note=data.note, created_by=actor)
    session.add(plan)
    session.flush()
    audit.record(session, actor, "新建检查计划", "inspection_plan", plan.uid, None, asdict(data))
    return plan


def create_plan(ctx: ServiceContext, data: PlanInput) -> PlanInfo:
    require(ctx, "plans.edit")
    with ctx.db.write() as s:
        return _plan_info(s, insert_plan(s, ctx.actor.username, data))


def update_plan(ctx: ServiceContext, uid: str, data: PlanInput, status: str | None = None) -> PlanInfo:
    require(ctx, "plans.edit")
    data = validate_plan(data)
    if status is not None and status not in PLAN_STATUSES:
        raise ValidationError("状态", "只能是 " + "、".join(PLAN_STATUSES))
    with ctx.db.write() as s:
        plan = load_plan(s, uid)
        if plan.plan_type != data.plan_type and s.execute(
                select(func.count()).select_from(Inspection).where(Inspection.plan_id == plan.id)).scalar_one():
            raise Conflict("计划下已有检查记录，不能再改计划类型。")
        before = {"name": plan.name, "plan_type": plan.plan_type, "period_start": plan.period_start,
                  "period_end": plan.period_end, "status": plan.status}
        plan.name, plan.plan_type, plan.campaign = data.name, data.plan_type, data.campaign
        plan.period_start, plan.period_end = data.period_start, data.period_end
        plan.target_count, plan.note = data.target_count, data.note
        if status is not None:
            plan.status = status
        s.flush()
        audit.record(s, ctx.actor.username, "修改检查计划", "inspection_plan", plan.uid, before,
                     {**asdict(data), "status": plan.status})
        return _plan_info(s, plan)


def list_plans(ctx: ServiceContext, year: int | None = None, plan_type: str | None = None,
               status: str | None = None) -> list[PlanInfo]:
    with ctx.db.read() as s:
        q = select(InspectionPlan).order_by(InspectionPlan.period_start.desc(), InspectionPlan.id.desc())
        if year is not None:
            q = q.where(InspectionPlan.period_start <= date(year, 12, 31),
                        InspectionPlan.period_end >= date(year, 1, 1))
        if plan_type:
            q = q.where(InspectionPlan.plan_type == plan_type)
        if status:
            q = q.where(InspectionPlan.status == status)
        return [_plan_info(s, p) for p in s.execute(q).scalars().all()]


def get_plan(ctx: ServiceContext, uid: str) -> PlanInfo:
    with ctx.db.read() as s:
        return _plan_info(s, load_plan(s, uid))


# --- visits ------------------------------------------------------------------------------------------------

def visit_rows(session: Session, where, order=None, offset: int = 0, limit: int | None = None) -> list[VisitInfo]:
    o1, o2 = aliased(User), aliased(User)
    q = (select(PlanVisit, InspectionPlan.uid, Unit.uid, Unit.name, Unit.address, o1, o2)
         .join(InspectionPlan, InspectionPlan.id == PlanVisit.plan_id).join(Unit, Unit.id == PlanVisit.unit_id)
         .outerjoin(o1, o1.id == PlanVisit.officer1_id).outerjoin(o2, o2.id == PlanVisit.officer2_id)
         .where(where).order_by(*(order or (PlanVisit.sequence, PlanVisit.id))).offset(offset))
    if limit is not None:
        q = q.limit(limit)
    out = []
    for v, plan_uid, unit_uid, name, address, a, b in session.execute(q).all():
        people = [p for p in (a, b) if p is not None]
        out.append(VisitInfo(v.uid, v.sequence, plan_uid, unit_uid, name, address, v.planned_date,
                             tuple(p.uid for p in people), tuple(p.display_name for p in people), v.status,
                             v.attempts, v.last_outcome, v.source, v.record_no or ""))
    return out


def plan_visits(ctx: ServiceContext, plan_uid: str, status: str | None = None, offset: int = 0,
                limit: int | None = None) -> list[VisitInfo]:
    with ctx.db.read() as s:
        plan = load_plan(s, plan_uid)
        where = PlanVisit.plan_id == plan.id
        if status:
            where = where & (PlanVisit.status == status)
        return visit_rows(s, where, offset=offset, limit=limit)


def check_pair(session: Session, officer_uids: Sequence[str], unit_id: int, on: date) -> list[User]:
    """Two distinct enforcement officers, valid on `on`, neither recused from the unit — or a refusal."""
    if len(officer_uids) != 2 or officer_uids[0] == officer_uids[1]:
        raise ValidationError("检查人员", "请指定两名不同的执法人员")
    users = [officers.user_by_uid(session, uid) for uid in officer_uids]
    for user in users:
        problem = officers.enforcer_problem(user, on)
        if problem:
            raise ValidationError("检查人员", problem)
    recused = officers.recusal_pairs(session, [u.id for u in users], [unit_id])
    for user in users:
        if (user.id, unit_id) in recused:
            raise ValidationError("检查人员", f"{user.display_name} 已申报与该单位有利害关系，应当回避")
    return users


def insert_visits(session: Session, plan: InspectionPlan, items: Sequence[tuple[int, tuple[int, int] | None, str]],
                  planned_date: date | None = None, draw_id: int | None = None) -> list[PlanVisit]:
    """Append visits (unit id, officer ids or None, source) with reserved record numbers, in the given order."""
    start = session.execute(select(func.coalesce(func.max(PlanVisit.sequence), 0))
                            .where(PlanVisit.plan_id == plan.id)).scalar_one()
    numbers = allocate_record_nos(session, (planned_date or plan.period_start).year, len(items))
    rows = []
    for n, ((unit_id, pair, source), record_no) in enumerate(zip(items, numbers, strict=True), 1):
        rows.append(PlanVisit(plan_id=plan.id, unit_id=unit_id, sequence=start + n, planned_date=planned_date,
                              officer1_id=pair[0] if pair else None, officer2_id=pair[1] if pair else None,
                              source=source, draw_id=draw_id, record_no=record_no))
    session.add_all(rows)
    session.flush()
    return rows


def add_units(ctx: ServiceContext, plan_uid: str, unit_uids: Sequence[str], planned_date: date | None = None,
              officer_uids: Sequence[str] = ()) -> list[VisitInfo]:
    """Add units to a plan by hand (a unit already open in the plan is skipped)."""
    require(ctx, "plans.edit")
    if not unit_uids:
        raise ValidationError("单位", "请至少选择一家单位")
    with ctx.db.write() as s:
        plan = load_plan(s, plan_uid)
        if plan.status != "进行中":
            raise Conflict(f"计划已{plan.status}，不能再添加单位。")
        if planned_date is not None and not plan.period_start <= planned_date <= plan.period_end:
            raise ValidationError("计划日期", f"应在计划期间 {plan.period_start} 至 {plan.period_end} 之内")
        units = s.execute(select(Unit.id, Unit.uid, Unit.name, Unit.archived).where(Unit.uid.in_(unit_uids))).all()
        if len(units) != len(set(unit_uids)):
            raise NotFound("有的单位没有找到（可能已被删除）。")
        archived = [u.name for u in units if u.archived]
        if archived:
            raise ValidationError("单位", f"{archived[0]} 已归档，不能列入计划")
        open_ids = set(s.execute(select(PlanVisit.unit_id).where(
            PlanVisit.plan_id == plan.id, PlanVisit.status == "待检查")).scalars())
        by_uid = {u.uid: u for u in units}
        items = []
        for uid in dict.fromkeys(unit_uids):
            unit = by_uid[uid]
            if unit.id in open_ids:
                continue
            pair = None
            if officer_uids:
                users = check_pair(s, officer_uids, unit.id, planned_date or plan.period_start)
                pair = (users[0].id, users[1].id)
            items.append((unit.id, pair, "手工"))
        rows = insert_visits(s, plan, items, planned_date)
        audit.record(s, ctx.actor.username, "计划添加单位", "inspection_plan", plan.uid, None,
                     {"units": [by_uid[u].name for u in unit_uids if by_uid[u].id not in open_ids][:50],
                      "count": len(rows)})
        return visit_rows(s, PlanVisit.id.in_([r.id for r in rows]))


def load_visit(session: Session, uid: str) -> PlanVisit:
    visit = session.execute(select(PlanVisit).where(PlanVisit.uid == uid)).scalar()
    if visit is None:
        raise NotFound("没有找到这项计划检查。")
    return visit


def assign_visit(ctx: ServiceContext, visit_uid: str, planned_date: date | None,
                 officer_uids: Sequence[str]) -> VisitInfo:
    """Set a visit's date and officer pair (checked: valid 执法证 on that date, no recusal)."""
    require(ctx, "plans.edit")
    with ctx.db.write() as s:
        visit = load_visit(s, visit_uid)
        plan = s.get(InspectionPlan, visit.plan_id)
        if visit.status != "待检查":
            raise Conflict(f"这项检查{visit.status}，不能再改安排。")
        if visit.draw_id is not None and officer_uids:
            raise Conflict("双随机抽取的检查人员不能手工更改；如确需更换，请作废本次抽取后重新抽取。")
        if planned_date is not None and not plan.period_start <= planned_date <= plan.period_end:
            raise ValidationError("计划日期", f"应在计划期间 {plan.period_start} 至 {plan.period_end} 之内")
        before = {"planned_date": visit.planned_date, "officers": [visit.officer1_id, visit.officer2_id]}
        if officer_uids:
            users = check_pair(s, officer_uids, visit.unit_id, planned_date or plan.period_start)
            visit.officer1_id, visit.officer2_id = users[0].id, users[1].id
        visit.planned_date = planned_date
        s.flush()
        audit.record(s, ctx.actor.username, "安排计划检查", "plan_visit", visit.uid, before,
                     {"planned_date": planned_date, "officers": [visit.officer1_id, visit.officer2_id]})
        return visit_rows(s, PlanVisit.id == visit.id)[0]


def cancel_visit(ctx: ServiceContext, visit_uid: str, reason: str) -> None:
    require(ctx, "plans.edit")
    if not reason.strip():
        raise ValidationError("取消原因", "请说明为什么取消")
    with ctx.db.write() as s:
        visit = load_visit(s, visit_uid)
        if visit.status != "待检查":
            raise Conflict(f"这项检查{visit.status}，不能取消。")
        visit.status, visit.note = "已取消", reason.strip()[:200]
        audit.record(s, ctx.actor.username, "取消计划检查", "plan_visit", visit.uid, {"status": "待检查"},
                     {"status": "已取消", "reason": visit.note})


def calendar(ctx: ServiceContext, start: date, end: date, officer_uid: str | None = None) -> list[CalendarEntry]:
    """Planned visits with a date in [start, end], for the calendar view (one officer's, or everyone's)."""
    if end < start:
        raise ValidationError("结束日期", "不能早于开始日期")
    with ctx.db.read() as s:
        where = (PlanVisit.planned_date >= start) & (PlanVisit.planned_date <= end) & (PlanVisit.status != "已取消")
        if officer_uid:
            user = officers.user_by_uid(s, officer_uid)
            where = where & ((PlanVisit.officer1_id == user.id) | (PlanVisit.officer2_id == user.id))
        visits = visit_rows(s, where, order=(PlanVisit.planned_date, PlanVisit.sequence))
        plans = {p.uid: p for p in s.execute(select(InspectionPlan).where(
            InspectionPlan.uid.in_({v.plan_uid for v in visits}))).scalars()}
    return [CalendarEntry(v.planned_date, v.uid, v.plan_uid, plans[v.plan_uid].name, plans[v.plan_uid].plan_type,
                          v.unit_uid, v.unit_name, v.officer_names, v.status, v.record_no) for v in visits]
