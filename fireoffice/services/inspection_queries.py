"""Read-only lists for the pages: inspections and the hazard ledger (paged and filtered in SQL), the home page's
due today / this week / overdue, 双随机 statistics, and the unit timeline entries for inspections and hazards."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Generic, TypeVar

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from fireoffice.db.models import (
    ChecklistResult,
    Complaint,
    Grid,
    Hazard,
    HazardEvent,
    HazardExtension,
    Inspection,
    InspectionOfficer,
    InspectionPlan,
    PlanVisit,
    Unit,
    User,
    Village,
)
from fireoffice.services import unit_timeline, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.hazards import OPEN_STATES, overdue_on
from fireoffice.services.inspections import as_local
from fireoffice.services.permissions import allowed
from fireoffice.services.plans import INSPECTION_TYPE

T = TypeVar("T")
MAX_PAGE = 1000


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: tuple[T, ...]
    total: int
    offset: int


def _page_args(offset: int, limit: int) -> None:
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError("分页", f"每页 1 到 {MAX_PAGE} 行")


def _day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """Local calendar days → UTC instants, the way started_at is stored."""
    lo = datetime.combine(first, time.min).astimezone().astimezone(timezone.utc) if first else None
    hi = datetime.combine(last + timedelta(days=1), time.min).astimezone().astimezone(timezone.utc) if last else None
    return lo, hi


# --- inspections -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InspectionFilter:
    date_from: date | None = None
    date_to: date | None = None
    inspection_type: str | None = None
    outcome: str | None = None
    text: str = ""  # unit name, address or record number
    officer_uid: str | None = None
    plan_uid: str | None = None
    grid_uid: str | None = None
    counts_for_random: bool | None = None


@dataclass(frozen=True)
class InspectionRow:
    uid: str
    record_no: str
    started_at: datetime
    unit_uid: str
    unit_name: str
    inspection_type: str
    outcome: str
    officers: str
    hazards: int
    verbal_orders: int


INSPECTION_SORT = {"started_at": Inspection.started_at, "record_no": Inspection.record_no, "unit": Unit.name,
                   "type": Inspection.inspection_type, "outcome": Inspection.outcome}


def _inspection_where(f: InspectionFilter) -> list:
    where = []
    lo, hi = _day_bounds(f.date_from, f.date_to)
    if lo:
        where.append(Inspection.started_at >= lo)
    if hi:
        where.append(Inspection.started_at < hi)
    for col, value in ((Inspection.inspection_type, f.inspection_type), (Inspection.outcome, f.outcome),
                       (Inspection.counts_for_random, f.counts_for_random)):
        if value is not None and value != "":
            where.append(col == value)
    if f.text.strip():
        like = f"%{f.text.strip()}%"
        where.append(or_(Unit.name.like(like), Unit.address.like(like), Inspection.record_no.like(like)))
    if f.officer_uid:
        where.append(Inspection.id.in_(select(InspectionOfficer.inspection_id).join(User).where(User.uid == f.officer_uid)))
    if f.plan_uid:
        where.append(Inspection.plan_id.in_(select(InspectionPlan.id).where(InspectionPlan.uid == f.plan_uid)))
    if f.grid_uid:
        where.append(Unit.grid_id.in_(select(Grid.id).where(Grid.uid == f.grid_uid)))
    return where


def list_inspections(ctx: ServiceContext, f: InspectionFilter = InspectionFilter(), offset: int = 0,
                     limit: int = 100, sort: str = "started_at", descending: bool = True) -> Page[InspectionRow]:
    _page_args(offset, limit)
    col = INSPECTION_SORT.get(sort)
    if col is None:
        raise ValidationError("排序", f"不能按 {sort} 排序")
    where = _inspection_where(f)
    with ctx.db.read() as s:
        base = select(Inspection.id).join(Unit, Unit.id == Inspection.unit_id).where(*where)
        total = s.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        q = (select(Inspection, Unit.uid, Unit.name).join(Unit, Unit.id == Inspection.unit_id).where(*where)
             .order_by(col.desc() if descending else col, Inspection.id.desc()).offset(offset).limit(limit))
        rows = s.execute(q).all()
        ids = [r[0].id for r in rows]
        names = _officer_names(s, ids)
        counts = dict(s.execute(select(ChecklistResult.inspection_id, func.count(ChecklistResult.hazard_id))
                                .where(ChecklistResult.inspection_id.in_(ids))
                                .group_by(ChecklistResult.inspection_id)).all())
        verbal = dict(s.execute(select(ChecklistResult.inspection_id, func.count())
                                .where(ChecklistResult.inspection_id.in_(ids),
                                       ChecklistResult.corrected_on_spot.is_(True))
                                .group_by(ChecklistResult.inspection_id)).all())
    return Page(tuple(InspectionRow(i.uid, i.record_no, as_local(i.started_at), uuid, name, i.inspection_type,
                                    i.outcome, names.get(i.id, ""), counts.get(i.id, 0), verbal.get(i.id, 0))
                      for i, uuid, name in rows), total, offset)


def _officer_names(s: Session, ids: list[int]) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for iid, name in s.execute(select(InspectionOfficer.inspection_id, InspectionOfficer.name)
                               .where(InspectionOfficer.inspection_id.in_(ids))
                               .order_by(InspectionOfficer.position)):
        out.setdefault(iid, []).append(name)
    return {k: "、".join(v) for k, v in out.items()}


# --- hazard ledger -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HazardFilter:
    states: tuple[str, ...] = ()
    severity: str | None = None
    overdue_only: bool = False
    category: str | None = None
    source: str | None = None
    text: str = ""  # unit name, hazard number or description
    grid_uid: str | None = None
    village_uid: str | None = None
    found_from: date | None = None
    found_to: date | None = None
    deadline_to: date | None = None
    major_only: bool = False


@dataclass(frozen=True)
class HazardRow:
    uid: str
    hazard_no: str
    unit_uid: str
    unit_name: str
    grid: str
    found_on: date
    category: str
    description: str
    location: str
    severity: str
    major_stage: str
    state: str
    deadline: date
    recheck_due: date | None
    escalation: str
    overdue: bool  # show in red
    days_overdue: int
    pending_extension: bool
    recheck_scheduled: bool


HAZARD_SORT = {"deadline": Hazard.deadline, "found_on": Hazard.found_on, "hazard_no": Hazard.hazard_no,
               "unit": Unit.name, "state": Hazard.state, "recheck_due": Hazard.recheck_due}


def overdue_clause(today: date):
    return or_(Hazard.state == "逾期未改", and_(Hazard.state == "待整改", Hazard.deadline < today),
               and_(Hazard.state == "待复查", Hazard.recheck_due < today))


def _hazard_where(f: HazardFilter, today: date) -> list:
    where = []
    if f.states:
        where.append(Hazard.state.in_(f.states))
    if f.overdue_only:
        where.append(overdue_clause(today))
    for col, value in ((Hazard.severity, f.severity), (Hazard.category, f.category), (Hazard.source, f.source)):
        if value:
            where.append(col == value)
    if f.major_only:
        where.append(Hazard.major_stage != "")
    if f.text.strip():
        like = f"%{f.text.strip()}%"
        where.append(or_(Unit.name.like(like), Hazard.hazard_no.like(like), Hazard.description.like(like)))
    if f.grid_uid:
        where.append(Unit.grid_id.in_(select(Grid.id).where(Grid.uid == f.grid_uid)))
    if f.village_uid:
        where.append(Unit.village_id.in_(select(Village.id).where(Village.uid == f.village_uid)))
    for col, op, value in ((Hazard.found_on, ">=", f.found_from), (Hazard.found_on, "<=", f.found_to),
                           (Hazard.deadline, "<=", f.deadline_to)):
        if value:
            where.append(col >= value if op == ">=" else col <= value)
    return where


def list_hazards(ctx: ServiceContext, f: HazardFilter = HazardFilter(), offset: int = 0, limit: int = 100,
                 sort: str = "deadline", descending: bool = False, today: date | None = None) -> Page[HazardRow]:
    _page_args(offset, limit)
    col = HAZARD_SORT.get(sort)
    if col is None:
        raise ValidationError("排序", f"不能按 {sort} 排序")
    today = today or date.today()
    where = _hazard_where(f, today)
    with ctx.db.read() as s:
        base = select(Hazard.id).join(Unit, Unit.id == Hazard.unit_id).where(*where)
        total = s.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        q = (select(Hazard, Unit.uid, Unit.name, Grid.name).join(Unit, Unit.id == Hazard.unit_id)
             .outerjoin(Grid, Grid.id == Unit.grid_id).where(*where)
             .order_by(col.desc() if descending else col, Hazard.id).offset(offset).limit(limit))
        rows = s.execute(q).all()
        pending = set(s.execute(select(HazardExtension.hazard_id).where(
            HazardExtension.decision == "待审批",
            HazardExtension.hazard_id.in_([r[0].id for r in rows]))).scalars())
    out = []
    for h, unit_uid, unit_name, grid in rows:
        late = overdue_on(h, today)
        out.append(HazardRow(h.uid, h.hazard_no, unit_uid, unit_name, grid or "", h.found_on, h.category,
                             h.description, h.location, h.severity, h.major_stage, h.state, h.deadline,
                             h.recheck_due, h.escalation, late > 0, late, h.id in pending,
                             h.recheck_visit_id is not None))
    return Page(tuple(out), total, offset)


def hazard_counts(ctx: ServiceContext, today: date | None = None) -> dict[str, int]:
    """Per state, plus "逾期" (everything shown in red) and "重大" (open major hazards): the ledger's tabs."""
    today = today or date.today()
    with ctx.db.read() as s:
        counts = dict(s.execute(select(Hazard.state, func.count()).group_by(Hazard.state)).all())
        counts["逾期"] = s.execute(select(func.count()).select_from(Hazard).where(overdue_clause(today))).scalar_one()
        counts["重大"] = s.execute(select(func.count()).select_from(Hazard).where(
            Hazard.severity == "重大", Hazard.state.in_(OPEN_STATES))).scalar_one()
    return counts


# --- home page ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DueItem:
    kind: str  # 计划检查 / 整改期限 / 复查 / 逾期未改 / 送达通知书 / 延期审批
    due: date
    unit_uid: str
    unit_name: str
    title: str
    ref_entity: str  # plan_visit / hazard / complaint
    ref_uid: str
    days_overdue: int


@dataclass(frozen=True)
class HomeDue:
    today: tuple[DueItem, ...]
    this_week: tuple[DueItem, ...]  # after today, up to Sunday
    overdue: tuple[DueItem, ...]
    warnings: tuple[str, ...]


def _due_items(s: Session, until: date, today: date) -> Iterable[DueItem]:
    visits = s.execute(select(PlanVisit, Unit.uid, Unit.name, InspectionPlan.plan_type)
                       .join(Unit, Unit.id == PlanVisit.unit_id).join(InspectionPlan)
                       .where(PlanVisit.status == "待检查", PlanVisit.planned_date <= until)).all()
    for v, uid, name, ptype in visits:
        yield DueItem("计划检查", v.planned_date, uid, name, f"{INSPECTION_TYPE[ptype]}（{v.record_no}）", "plan_visit", v.uid,
                      max(0, (today - v.planned_date).days))
    rows = s.execute(select(Hazard, Unit.uid, Unit.name).join(Unit, Unit.id == Hazard.unit_id).where(or_(
        Hazard.state == "逾期未改", and_(Hazard.state == "待整改", Hazard.deadline <= until),
        and_(Hazard.state == "待复查", Hazard.recheck_due <= until),
        and_(Hazard.state.in_(OPEN_STATES), Hazard.notice_no == "", Hazard.notice_due <= until)))).all()
    for h, uid, name in rows:
        if h.state == "逾期未改":
            yield DueItem("逾期未改", h.deadline, uid, name, f"{h.hazard_no} 逾期未改，需升级处置", "hazard", h.uid,
                          max(1, (today - h.deadline).days))
        elif h.state == "待整改" and h.deadline <= until:
            yield DueItem("整改期限", h.deadline, uid, name, f"{h.hazard_no} 整改期限", "hazard", h.uid,
                          max(0, (today - h.deadline).days))
        elif h.state == "待复查" and h.recheck_due and h.recheck_due <= until:
            yield DueItem("复查", h.recheck_due, uid, name, f"{h.hazard_no} 应复查", "hazard", h.uid,
                          max(0, (today - h.recheck_due).days))
        if h.notice_no == "" and h.notice_due and h.notice_due <= until and h.handling == "责令限期改正":
            yield DueItem("送达通知书", h.notice_due, uid, name, f"{h.hazard_no} 送达责令限期改正通知书", "hazard",
                          h.uid, max(0, (today - h.notice_due).days))
    ext = s.execute(select(HazardExtension, Hazard.uid, Hazard.hazard_no, Unit.uid, Unit.name)
                    .join(Hazard, Hazard.id == HazardExtension.hazard_id).join(Unit, Unit.id == Hazard.unit_id)
                    .where(HazardExtension.decision == "待审批", HazardExtension.decision_due <= until)).all()
    for e, huid, hno, uid, name in ext:
        yield DueItem("延期审批", e.decision_due, uid, name, f"{hno} 延期申请待决定", "hazard", huid,
                      max(0, (today - e.decision_due).days))


def _due_complaints(s: Session, until: date, today: date) -> list[DueItem]:
    """举报投诉 not yet verified whose 核查期限 (24 h or 3 working days) falls by `until`; a 24 h one is overdue
    from the hour it passes, so it shows as overdue on the same day."""
    now = datetime.now(timezone.utc)
    rows = s.execute(select(Complaint, Unit.uid, Unit.name).outerjoin(Unit, Unit.id == Complaint.unit_id)
                     .where(Complaint.verified_at.is_(None), Complaint.due_on <= until)).all()
    out = []
    for c, uid, name in rows:
        due_at = c.due_at if c.due_at.tzinfo else c.due_at.replace(tzinfo=timezone.utc)
        late = max(1, (today - c.due_on).days) if due_at < now else 0
        limit = "24小时" if c.urgent else "3个工作日"
        out.append(DueItem("举报核查", c.due_on, uid or "", name or c.reported_name,
                           f"{c.complaint_no} 举报投诉核查（{limit}内）", "complaint", c.uid, late))
    return out


def home_due(ctx: ServiceContext, today: date | None = None, limit: int = 200) -> HomeDue:
    today = today or date.today()
    sunday = today + timedelta(days=6 - today.weekday())
    with ctx.db.read() as s:
        found = list(_due_items(s, sunday, today))
        if allowed(ctx, "complaints.view"):
            found += _due_complaints(s, sunday, today)
        items = sorted(found, key=lambda d: (d.due, d.kind, d.unit_name))
        cal = workdays.load_calendar(s)
    # Strictly past due (or 逾期未改) → overdue; due today → today; the rest of the week → this week.
    overdue = [d for d in items if d.days_overdue > 0 or d.kind == "逾期未改"]
    rest = [d for d in items if d not in overdue]
    return HomeDue(tuple(d for d in rest if d.due == today)[:limit], tuple(d for d in rest if d.due > today)[:limit],
                   tuple(overdue)[:limit], tuple(workdays.calendar_warnings(cal, today)))


# --- unit timeline -----------------------------------------------------------------------------------------

def timeline_source(session: Session, unit: Unit) -> Iterable[unit_timeline.TimelineEntry]:
    """Inspections and hazard events of a unit, for unit_timeline (registered below)."""
    rows = session.execute(select(Inspection).where(Inspection.unit_id == unit.id)).scalars().all()
    hazards_by = dict(session.execute(select(ChecklistResult.inspection_id, func.count(ChecklistResult.hazard_id))
                                      .where(ChecklistResult.inspection_id.in_([r.id for r in rows]))
                                      .group_by(ChecklistResult.inspection_id)).all())
    for r in rows:
        found = hazards_by.get(r.id, 0)
        detail = f"发现隐患 {found} 处" if found else ("未发现隐患" if r.outcome == "完成" else "未能检查，需再次上门")
        yield unit_timeline.TimelineEntry(r.started_at, "检查", f"{r.inspection_type}（{r.outcome}）{r.record_no}",
                                          detail, r.created_by, "inspection", r.uid)
    events = session.execute(select(HazardEvent, Hazard.uid, Hazard.hazard_no, Hazard.description)
                             .join(Hazard, Hazard.id == HazardEvent.hazard_id)
                             .where(Hazard.unit_id == unit.id)).all()
    for e, huid, hno, desc in events:
        yield unit_timeline.TimelineEntry(e.created_at, "隐患", f"隐患 {hno}：{e.action}（{e.to_state}）",
                                          f"{desc} {e.note}".strip(), e.actor, "hazard", huid)


if timeline_source not in unit_timeline.SOURCES:
    unit_timeline.SOURCES.append(timeline_source)


# --- 双随机 statistics -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RandomStats:
    drawn: int
    inspected: int  # completed 双随机抽查 records (复查 and 举报 never count)
    attempts: int  # not completed (锁门/停业 …)
    with_hazards: int
    hazards: int


def random_statistics(ctx: ServiceContext, first: date, last: date) -> RandomStats:
    lo, hi = _day_bounds(first, last)
    with ctx.db.read() as s:
        drawn = s.execute(select(func.count()).select_from(PlanVisit).join(InspectionPlan).where(
            InspectionPlan.plan_type == "双随机", PlanVisit.status != "已取消",
            InspectionPlan.period_start <= last, InspectionPlan.period_end >= first)).scalar_one()
        base = (Inspection.counts_for_random.is_(True), Inspection.started_at >= lo, Inspection.started_at < hi)
        done = s.execute(select(func.count()).select_from(Inspection).where(*base, Inspection.outcome == "完成")).scalar_one()
        tried = s.execute(select(func.count()).select_from(Inspection).where(*base, Inspection.outcome != "完成")).scalar_one()
        found = s.execute(select(func.count(func.distinct(Hazard.inspection_id)), func.count()).join(
            Inspection, Inspection.id == Hazard.inspection_id).where(*base)).one()
    return RandomStats(drawn, done, tried, found[0], found[1])
