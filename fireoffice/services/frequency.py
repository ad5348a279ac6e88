"""Inspection frequency rules (category × risk → interval), the due/overdue list and the monthly workload planner."""

from __future__ import annotations

import calendar as _calendar
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fireoffice.db.models import FrequencyRule, Grid, Hazard, Inspection, PlanVisit, Unit
from fireoffice.services import audit, officers, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound, ValidationError
from fireoffice.services.permissions import require

CATEGORIES = ("重点单位", "人员密集场所", "九小场所", "其他")
RISK_LEVELS = ("高", "较高", "一般", "低")
ACTIVE_STATUS = "营业"  # 停业/歇业/关闭/搬迁 units are not due; the register owns that status
RECHECK_MINUTES = 30
REATTEMPT_MINUTES = 10  # a second trip to a unit found locked: mostly travel


def category_of(is_key_unit: bool, is_crowded: bool, nine_small_type: str) -> str:
    """The frequency category; the most demanding one wins."""
    if is_key_unit:
        return "重点单位"
    if is_crowded:
        return "人员密集场所"
    if nine_small_type:
        return "九小场所"
    return "其他"


@dataclass(frozen=True)
class RuleInfo:
    uid: str
    category: str
    risk_level: str
    interval_months: int
    visit_minutes: int
    travel_minutes: int
    basis: str


def _rule_info(r: FrequencyRule) -> RuleInfo:
    return RuleInfo(r.uid, r.category, r.risk_level, r.interval_months, r.visit_minutes, r.travel_minutes, r.basis)


def _rules(session: Session) -> dict[tuple[str, str], FrequencyRule]:
    return {(r.category, r.risk_level): r for r in session.execute(select(FrequencyRule)).scalars()}


def list_rules(ctx: ServiceContext) -> list[RuleInfo]:
    with ctx.db.read() as s:
        rules = _rules(s)
    order = {(c, r): n for n, (c, r) in enumerate((c, r) for c in CATEGORIES for r in RISK_LEVELS)}
    return [_rule_info(r) for key, r in sorted(rules.items(), key=lambda kv: order.get(kv[0], 99))]


def update_rule(ctx: ServiceContext, category: str, risk_level: str, interval_months: int, visit_minutes: int,
                travel_minutes: int, basis: str | None = None) -> RuleInfo:
    require(ctx, "rules.edit")
    if not 1 <= interval_months <= 60:
        raise ValidationError("检查周期（月）", "应在 1 到 60 之间")
    if not 5 <= visit_minutes <= 600:
        raise ValidationError("每次检查用时（分钟）", "应在 5 到 600 之间")
    if not 0 <= travel_minutes <= 300:
        raise ValidationError("往返路途（分钟）", "应在 0 到 300 之间")
    with ctx.db.write() as s:
        row = _rules(s).get((category, risk_level))
        if row is None:
            raise NotFound(f"没有“{category} × {risk_level}”这条频次规则。")
        before = asdict(_rule_info(row))
        row.interval_months, row.visit_minutes, row.travel_minutes = interval_months, visit_minutes, travel_minutes
        if basis is not None:
            row.basis = basis.strip()
        s.flush()
        info = _rule_info(row)
        audit.record(s, ctx.actor.username, "修改检查频次", "frequency_rule", row.uid, before, asdict(info))
        return info


# --- due / overdue -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DueUnit:
    uid: str
    name: str
    address: str
    grid: str
    category: str
    risk_level: str
    last_inspected: date | None
    due_on: date
    overdue_days: int  # > 0 once past due
    visit_minutes: int
    travel_minutes: int


def _as_date(value) -> date | None:
    """The local calendar day of a stored timestamp (naive values are UTC, as everywhere in the database)."""
    if value is None:
        return None
    if isinstance(value, str):  # defensive: a raw SQLite value
        value = datetime.fromisoformat(value[:26])
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone().date()
    return value


def compute_due(session: Session, on: date, until: date | None = None, grid_uid: str | None = None) -> list[DueUnit]:
    """Units whose next inspection falls on or before `until` (default: `on`), most overdue first."""
    until = until or on
    rules = _rules(session)
    cal = workdays.WorkCalendar()  # month arithmetic only: no holiday roll for a planning date
    last = (select(Inspection.unit_id, func.max(Inspection.started_at).label("last"))
            .where(Inspection.outcome == "完成").group_by(Inspection.unit_id).subquery())
    q = (select(Unit.uid, Unit.name, Unit.address, Grid.name, Unit.is_key_unit, Unit.is_crowded,
                Unit.nine_small_type, Unit.risk_level, Unit.registered_on, Unit.created_at, last.c.last)
         .outerjoin(last, last.c.unit_id == Unit.id).outerjoin(Grid, Grid.id == Unit.grid_id)
         .where(Unit.archived.is_(False), Unit.status == ACTIVE_STATUS))
    if grid_uid:
        q = q.where(Grid.uid == grid_uid)
    out = []
    for uid, name, address, grid, key, crowded, nine, risk, registered, created, last_at in session.execute(q):
        category = category_of(key, crowded, nine)
        rule = rules.get((category, risk)) or rules.get((category, "一般"))
        if rule is None:
            continue
        last_day = _as_date(last_at)
        base = last_day or registered or _as_date(created)
        due = workdays.add_months(cal, base, rule.interval_months, roll=False)
        if due <= until:
            out.append(DueUnit(uid, name, address, grid or "", category, risk, last_day, due, (on - due).days,
                               rule.visit_minutes, rule.travel_minutes))
    out.sort(key=lambda d: (d.due_on, d.name))
    return out


def due_units(ctx: ServiceContext, on: date | None = None, until: date | None = None,
              overdue_only: bool = False, grid_uid: str | None = None) -> list[DueUnit]:
    on = on or date.today()
    with ctx.db.read() as s:
        rows = compute_due(s, on, until, grid_uid)
    return [r for r in rows if r.overdue_days > 0] if overdue_only else rows


# --- monthly workload --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class WorkloadLine:
    label: str
    visits: int
    minutes_each: float  # on site + travel, per visit
    officer_minutes: int  # every visit takes two officers


@dataclass(frozen=True)
class Workload:
    month: str
    workdays: int
    officers: int
    field_hours_per_day: float
    capacity_minutes: int  # officer-minutes available for field work
    demand_minutes: int  # officer-minutes needed
    lines: tuple[WorkloadLine, ...]
    overdue_units: int
    planned_visits: int  # already in plans this month (information: the need is the due list)
    feasible: bool
    message: str
    warnings: tuple[str, ...] = ()


def parse_month(month: str) -> tuple[date, date]:
    try:
        year, mon = (int(p) for p in month.split("-"))
        first = date(year, mon, 1)
    except (ValueError, TypeError):
        raise ValidationError("月份", "格式应为 YYYY-MM，例如 2026-03") from None
    return first, date(year, mon, _calendar.monthrange(year, mon)[1])


def monthly_workload(ctx: ServiceContext, month: str, field_hours_per_day: float = 4.0) -> Workload:
    """Can we meet this month's plan? Visits due × (minutes + travel) × 2 officers against officers' time."""
    first, last = parse_month(month)
    if not 0.5 <= field_hours_per_day <= 10:
        raise ValidationError("每人每天外勤小时", "应在 0.5 到 10 之间")
    with ctx.db.read() as s:
        cal = workdays.load_calendar(s)
        due = compute_due(s, first, last)
        rechecks = s.execute(select(func.count(func.distinct(Hazard.unit_id))).where(or_(
            Hazard.state == "待复查", (Hazard.state == "待整改") & (Hazard.deadline <= last)))).scalar_one()
        reattempts = s.execute(select(func.count()).select_from(PlanVisit).where(
            PlanVisit.status == "待检查", PlanVisit.attempts > 0)).scalar_one()
        planned = s.execute(select(func.count()).select_from(PlanVisit).where(
            PlanVisit.planned_date >= first, PlanVisit.planned_date <= last)).scalar_one()
        staff = len(officers.enforcers(s, first))
    days = sum(1 for d in range(last.day) if cal.is_workday(date(first.year, first.month, d + 1)))
    lines = []
    for category in CATEGORIES:
        rows = [d for d in due if d.category == category]
        if rows:
            each = sum(d.visit_minutes + d.travel_minutes for d in rows) / len(rows)
            lines.append(WorkloadLine(f"到期检查：{category}", len(rows), round(each, 1), round(each * len(rows) * 2)))
    travel = round(sum(d.travel_minutes for d in due) / len(due)) if due else 20
    lines.append(WorkloadLine("隐患复查", rechecks, RECHECK_MINUTES + travel, (RECHECK_MINUTES + travel) * rechecks * 2))
    lines.append(WorkloadLine("未遇单位再次上门", reattempts, REATTEMPT_MINUTES + travel,
                              (REATTEMPT_MINUTES + travel) * reattempts * 2))
    demand = sum(line.officer_minutes for line in lines)
    capacity = round(days * staff * field_hours_per_day * 60)
    feasible = demand <= capacity
    overdue = sum(1 for d in due if d.due_on < first)
    need_h, have_h = demand / 60, capacity / 60
    if feasible:
        message = f"本月可以完成：约需 {need_h:.0f} 人·小时，{staff} 名执法人员可用 {have_h:.0f} 人·小时。"
    else:
        message = (f"本月完不成：约需 {need_h:.0f} 人·小时，{staff} 名执法人员只有 {have_h:.0f} 人·小时，"
                   f"缺口 {need_h - have_h:.0f} 人·小时。请调整计划或增派人员。")
    warnings = tuple(workdays.calendar_warnings(cal, first)) if not cal.knows_year(first.year) else ()
    return Workload(month, days, staff, field_hours_per_day, capacity, demand, tuple(lines), overdue, planned,
                    feasible, message, warnings)
