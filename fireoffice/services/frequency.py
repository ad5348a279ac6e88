"""Inspection frequency rules (category × risk → interval), the due/overdue list and the monthly workload planner."""

from __future__ import annotations

import calendar as _calendar
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import Date, Integer, case, cast, func, literal_column, or_, select, type_coerce
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
    interval_months: int = 0  # the rule's interval
    planned: bool = False  # already has an open (待检查) visit in some plan
    id: int = 0  # the list model's row key (never leaves the app)


DUE_MODES = ("all", "due", "overdue")  # due by the end of the window / due but not yet late / late
DUE_SORTS = ("due_on", "name", "address", "grid", "category", "risk_level", "last_inspected", "interval_months")


@dataclass(frozen=True)
class DueQuery:
    """The due/overdue list: filters, sort and page, all applied in SQL."""

    on: date | None = None  # today by default; overdue days count from here
    until: date | None = None  # due on or before this day (default: the end of `on`'s month)
    mode: str = "all"
    grid_uid: str | None = None
    category: str | None = None
    risk_level: str | None = None
    unplanned_only: bool = False
    sort: str = "due_on"
    descending: bool = False
    offset: int = 0
    limit: int | None = 200


@dataclass(frozen=True)
class DuePage:
    total: int
    rows: tuple[DueUnit, ...]


def _as_date(value) -> date | None:
    """The local calendar day of a stored timestamp (naive values are UTC, as everywhere in the database)."""
    if value is None:
        return None
    if isinstance(value, str):  # a raw SQLite value
        value = value.strip()
        if len(value) == 10:
            return date.fromisoformat(value)
        value = datetime.fromisoformat(value[:26])
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone().date()
    return value


def _category_expr():
    return case((Unit.is_key_unit.is_(True), "重点单位"), (Unit.is_crowded.is_(True), "人员密集场所"),
                (func.coalesce(Unit.nine_small_type, "") != "", "九小场所"), else_="其他")


def _local_day(dialect: str, column, offset_minutes: int):
    """The local calendar day of a UTC timestamp column, in SQL (the station's offset, no DST in China)."""
    if dialect == "sqlite":
        return func.date(column, f"{offset_minutes:+d} minutes")
    return cast(func.timezone("UTC", column) + literal_column(f"interval '{offset_minutes} minutes'"), Date)


def _add_months_sql(dialect: str, base, months):
    """base + months months, the corresponding day or the month's last day — as workdays.add_months(roll=False)."""
    if dialect == "sqlite":
        day_shift = func.printf("%+d days", cast(func.strftime("%d", base), Integer) - 1)
        corresponding = func.date(base, "start of month", func.printf("%+d months", months), day_shift)
        month_end = func.date(base, "start of month", func.printf("%+d months", months + 1), "-1 day")
        return func.min(corresponding, month_end)
    return cast(base + func.make_interval(0, months), Date)


def _due_select(session: Session, on: date, until: date, q: DueQuery | None = None, ids: list[int] | None = None):
    """One SELECT over the register: category, rule interval, base day and due day computed in SQL."""
    q = q or DueQuery()
    dialect = session.get_bind().dialect.name
    rules = _rules(session)
    offset = int((datetime.now().astimezone().utcoffset() or timedelta(0)).total_seconds() // 60)
    category = _category_expr()
    interval_whens, minutes_whens, travel_whens = [], [], []
    for c in CATEGORIES:  # exact rule first, then the category's 一般 rule as the fallback
        for r in RISK_LEVELS:
            rule = rules.get((c, r)) or rules.get((c, "一般"))
            if rule is None:
                continue
            cond = (category == c) & (Unit.risk_level == r)
            interval_whens.append((cond, rule.interval_months))
            minutes_whens.append((cond, rule.visit_minutes))
            travel_whens.append((cond, rule.travel_minutes))
        fallback = rules.get((c, "一般"))
        if fallback is not None:
            interval_whens.append((category == c, fallback.interval_months))
            minutes_whens.append((category == c, fallback.visit_minutes))
            travel_whens.append((category == c, fallback.travel_minutes))
    if not interval_whens:
        return None
    last = (select(Inspection.unit_id, func.max(Inspection.started_at).label("last"))
            .where(Inspection.outcome == "完成").group_by(Inspection.unit_id).subquery())
    last_day = _local_day(dialect, last.c.last, offset)
    created_day = _local_day(dialect, Unit.created_at, offset)
    planned = (select(PlanVisit.id).where(PlanVisit.unit_id == Unit.id, PlanVisit.status == "待检查")
               .correlate(Unit).exists())
    inner = (select(Unit.id.label("id"), Unit.uid.label("uid"), Unit.name.label("name"),
                    Unit.address.label("address"), func.coalesce(Grid.name, "").label("grid"),
                    category.label("category"), Unit.risk_level.label("risk_level"),
                    last_day.label("last_day"),
                    func.coalesce(last_day, Unit.registered_on, created_day).label("base"),
                    case(*interval_whens).label("interval_months"), case(*minutes_whens).label("visit_minutes"),
                    case(*travel_whens).label("travel_minutes"), planned.label("planned"))
             .outerjoin(last, last.c.unit_id == Unit.id).outerjoin(Grid, Grid.id == Unit.grid_id)
             .where(Unit.archived.is_(False), Unit.status == ACTIVE_STATUS))
    if q.grid_uid:
        inner = inner.where(Grid.uid == q.grid_uid)
    if q.category:
        inner = inner.where(category == q.category)
    if q.risk_level:
        inner = inner.where(Unit.risk_level == q.risk_level)
    if q.unplanned_only:
        inner = inner.where(~planned)
    if ids is not None:
        inner = inner.where(Unit.id.in_(ids))
    inner = inner.subquery("u")
    due = type_coerce(_add_months_sql(dialect, inner.c.base, inner.c.interval_months), Date).label("due_on")
    rows = select(*inner.c, due).where(inner.c.interval_months.is_not(None)).subquery("d")
    where = [rows.c.due_on <= until]
    if q.mode == "overdue":
        where.append(rows.c.due_on < on)
    elif q.mode == "due":
        where.append(rows.c.due_on >= on)
    return rows, where


def _due_row(row, on: date) -> DueUnit:
    due = _as_date(row.due_on)
    return DueUnit(row.uid, row.name, row.address, row.grid, row.category, row.risk_level, _as_date(row.last_day),
                   due, (on - due).days, row.visit_minutes, row.travel_minutes, row.interval_months, bool(row.planned),
                   row.id)


def _end_of_month(day: date) -> date:
    return date(day.year, day.month, _calendar.monthrange(day.year, day.month)[1])


def query_due(session: Session, q: DueQuery, with_total: bool = True) -> DuePage:
    on, until = _validated(q)
    built = _due_select(session, on, until, q)
    if built is None:
        return DuePage(0, ())
    rows, where = built
    order = _order(rows, q)
    stmt = select(rows).where(*where).order_by(*order).offset(q.offset)
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    found = session.execute(stmt).all()
    if q.limit is None:
        total = len(found)
    elif with_total:
        total = session.execute(select(func.count()).select_from(rows).where(*where)).scalar_one()
    else:
        total = -1
    return DuePage(total, tuple(_due_row(r, on) for r in found))


def _order(rows, q: DueQuery) -> list:
    key = rows.c["last_day" if q.sort == "last_inspected" else q.sort]
    if q.sort == "risk_level":
        key = case({level: i for i, level in enumerate(RISK_LEVELS)}, value=rows.c.risk_level, else_=len(RISK_LEVELS))
    elif q.sort == "category":
        key = case({c: i for i, c in enumerate(CATEGORIES)}, value=rows.c.category, else_=len(CATEGORIES))
    order = [key.desc() if q.descending else key.asc()]
    if q.sort != "due_on":
        order.append(rows.c.due_on.asc())
    return [*order, rows.c.name.asc(), rows.c.id.asc()]


def _validated(q: DueQuery) -> tuple[date, date]:
    if q.mode not in DUE_MODES:
        raise ValidationError("范围", "应为 全部、本期到期 或 已逾期")
    if q.sort not in DUE_SORTS:
        raise ValidationError("排序", f"不能按“{q.sort}”排序")
    on = q.on or date.today()
    return on, q.until or _end_of_month(on)


def due_ids(ctx: ServiceContext, q: DueQuery) -> list[int]:
    """The whole filtered list in its SQL order, as unit ids only (the list model fetches rows in blocks)."""
    on, until = _validated(q)
    with ctx.db.read() as s:
        built = _due_select(s, on, until, q)
        if built is None:
            return []
        rows, where = built
        return list(s.execute(select(rows.c.id).where(*where).order_by(*_order(rows, q))).scalars())


def due_rows_by_ids(ctx: ServiceContext, ids: list[int], on: date | None = None) -> list[DueUnit]:
    """The rows for these unit ids, in the given order (a unit no longer listed is left out)."""
    on = on or date.today()
    if not ids:
        return []
    with ctx.db.read() as s:
        built = _due_select(s, on, date.max, DueQuery(), ids)
        if built is None:
            return []
        rows, _where = built
        found = {r.id: _due_row(r, on) for r in s.execute(select(rows))}
    return [found[i] for i in ids if i in found]


def due_page(ctx: ServiceContext, q: DueQuery, with_total: bool = True) -> DuePage:
    """One page of the due/overdue list (sorted, filtered and paged in SQL) and the total it belongs to
    (-1 when `with_total` is off: a list scrolling to its next block already knows it)."""
    with ctx.db.read() as s:
        return query_due(s, q, with_total)


def compute_due(session: Session, on: date, until: date | None = None, grid_uid: str | None = None) -> list[DueUnit]:
    """Units whose next inspection falls on or before `until` (default: `on`), most overdue first."""
    return list(query_due(session, DueQuery(on=on, until=until or on, grid_uid=grid_uid, limit=None)).rows)


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


def _due_totals(session: Session, first: date, last: date) -> dict[str, tuple[int, int, int, int]]:
    """Per category, in one SQL pass: (units due by `last`, Σ visit+travel minutes, Σ travel, already late)."""
    built = _due_select(session, first, last)
    if built is None:
        return {}
    rows, where = built
    stmt = (select(rows.c.category, func.count(), func.sum(rows.c.visit_minutes + rows.c.travel_minutes),
                   func.sum(rows.c.travel_minutes), func.sum(case((rows.c.due_on < first, 1), else_=0)))
            .where(*where).group_by(rows.c.category))
    return {c: (int(n), int(m or 0), int(t or 0), int(late or 0)) for c, n, m, t, late in session.execute(stmt)}


def monthly_workload(ctx: ServiceContext, month: str, field_hours_per_day: float = 4.0) -> Workload:
    """Can we meet this month's plan? Visits due × (minutes + travel) × 2 officers against officers' time."""
    first, last = parse_month(month)
    if not 0.5 <= field_hours_per_day <= 10:
        raise ValidationError("每人每天外勤小时", "应在 0.5 到 10 之间")
    with ctx.db.read() as s:
        cal = workdays.load_calendar(s)
        due = _due_totals(s, first, last)
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
        n, minutes, _travel, _late = due.get(category, (0, 0, 0, 0))
        if n:
            each = minutes / n
            lines.append(WorkloadLine(f"到期检查：{category}", n, round(each, 1), round(each * n * 2)))
    due_count = sum(v[0] for v in due.values())
    travel = round(sum(v[2] for v in due.values()) / due_count) if due_count else 20
    lines.append(WorkloadLine("隐患复查", rechecks, RECHECK_MINUTES + travel, (RECHECK_MINUTES + travel) * rechecks * 2))
    lines.append(WorkloadLine("未遇单位再次上门", reattempts, REATTEMPT_MINUTES + travel,
                              (REATTEMPT_MINUTES + travel) * reattempts * 2))
    demand = sum(line.officer_minutes for line in lines)
    capacity = round(days * staff * field_hours_per_day * 60)
    feasible = demand <= capacity
    overdue = sum(v[3] for v in due.values())
    need_h, have_h = demand / 60, capacity / 60
    if feasible:
        message = f"本月可以完成：约需 {need_h:.0f} 人·小时，{staff} 名执法人员可用 {have_h:.0f} 人·小时。"
    else:
        message = (f"本月完不成：约需 {need_h:.0f} 人·小时，{staff} 名执法人员只有 {have_h:.0f} 人·小时，"
                   f"缺口 {need_h - have_h:.0f} 人·小时。请调整计划或增派人员。")
    warnings = tuple(workdays.calendar_warnings(cal, first)) if not cal.knows_year(first.year) else ()
    return Workload(month, days, staff, field_hours_per_day, capacity, demand, tuple(lines), overdue, planned,
                    feasible, message, warnings)
