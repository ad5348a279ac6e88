"""首页 charts: inspections and hazards per month (last 12 months), hazards by category, rectification rate by
grid, and this month's figures — SQL aggregates over indexed columns, plain dataclasses back.

The counts use the same conditions as the 统计月报 (stats_metrics: inspections by start time, hazards by the day
found; 整改率 = 已销号 / 发现 of the same hazards), so a bar and the report agree, and each bar drills down to
its records through `records(ctx, DrillFilter)`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from fireoffice.db.models import Grid, Hazard, Inspection, Unit, Village
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.ledger_sources import in_period, inspection_where, local
from fireoffice.services.stats_monthly import NO_AREA, DrillRow, spans

MONTHS = 12
CLOSED = "已销号"
KINDS = ("inspections", "hazards", "category", "grid")


@dataclass(frozen=True)
class MonthPoint:
    year: int
    month: int
    inspections: int
    hazards: int

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class CategoryCount:
    category: str
    hazards: int


@dataclass(frozen=True)
class GridRate:
    grid_id: int | None  # None: units without a grid
    grid: str
    found: int
    closed: int

    @property
    def rate(self) -> float:
        """整改率 (%) = 已销号 / 发现."""
        return round(self.closed / self.found * 100, 1) if self.found else 0.0


@dataclass(frozen=True)
class MonthFigures:
    inspections: int
    hazards: int
    closed: int  # of the hazards found this month
    on_the_spot: int
    overdue_now: int  # 逾期未改 today, whenever found

    @property
    def rectify_rate(self) -> float:
        return round(self.closed / self.hazards * 100, 1) if self.hazards else 0.0


@dataclass(frozen=True)
class Dashboard:
    first: date  # the window of the charts: the first day of the month 11 months back …
    last: date  # … to the last day of this month
    months: tuple[MonthPoint, ...]
    categories: tuple[CategoryCount, ...]  # most first
    grids: tuple[GridRate, ...]  # by name
    this_month: MonthFigures


@dataclass(frozen=True)
class DrillFilter:
    """Which records a bar stands for."""

    kind: str  # inspections / hazards (per month) / category / grid (hazards of the window)
    first: date
    last: date
    category: str = ""
    grid_id: int | None = None


def _month_back(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - n
    return index // 12, index % 12 + 1


def dashboard(ctx: ServiceContext, today: date | None = None) -> Dashboard:
    today = today or date.today()
    months = [_month_back(today.year, today.month, n) for n in range(MONTHS - 1, -1, -1)]
    first = spans(*months[0])["month"][0]
    last = spans(*months[-1])["month"][1]
    window = in_period(Hazard.found_on, first, last)
    with ctx.db.read() as s:
        points = []
        for year, month in months:
            lo, hi = spans(year, month)["month"]
            n_insp = s.execute(select(func.count()).select_from(Inspection).where(*inspection_where(lo, hi)))
            n_haz = s.execute(select(func.count()).select_from(Hazard).where(*in_period(Hazard.found_on, lo, hi)))
            points.append(MonthPoint(year, month, n_insp.scalar_one(), n_haz.scalar_one()))
        categories = [CategoryCount(c, n) for c, n in s.execute(
            select(Hazard.category, func.count()).where(*window).group_by(Hazard.category))]
        categories.sort(key=lambda c: (-c.hazards, c.category))
        names = {gid: name for gid, name in s.execute(select(Grid.id, Grid.name))}
        village_of = dict(s.execute(select(Grid.id, Village.name).join(Village, Village.id == Grid.village_id)).all())
        duplicated = {n for n, times in Counter(names.values()).items() if times > 1}
        grids = []
        for gid, found, closed in s.execute(
                select(Unit.grid_id, func.count(), func.count().filter(Hazard.state == CLOSED))
                .join(Unit, Unit.id == Hazard.unit_id).where(*window).group_by(Unit.grid_id)):
            name = names.get(gid, NO_AREA) if gid is not None else NO_AREA
            if name in duplicated:
                name = f"{village_of.get(gid, '')}{name}"
            grids.append(GridRate(gid, name, found, closed))
        grids.sort(key=lambda g: (g.grid_id is None, g.grid))
        lo, hi = spans(today.year, today.month)["month"]
        month_hazards = in_period(Hazard.found_on, lo, hi)
        found, closed, spot = s.execute(select(
            func.count(), func.count().filter(Hazard.state == CLOSED),
            func.count().filter(Hazard.handling.in_(("当场改正", "责令立即改正")))).where(*month_hazards)).one()
        overdue = s.execute(select(func.count()).select_from(Hazard).where(Hazard.state == "逾期未改")).scalar_one()
    figures = MonthFigures(points[-1].inspections, found, closed, spot, overdue)
    return Dashboard(first, last, tuple(points), tuple(categories), tuple(grids), figures)


def month_filter(kind: str, point: MonthPoint) -> DrillFilter:
    lo, hi = spans(point.year, point.month)["month"]
    return DrillFilter(kind, lo, hi)


def records(ctx: ServiceContext, f: DrillFilter) -> list[DrillRow]:
    """The records behind one bar."""
    if f.kind not in KINDS:
        raise ValidationError("统计项", f"没有“{f.kind}”")
    with ctx.db.read() as s:
        grids = dict(s.execute(select(Grid.id, Grid.name)).all())
        if f.kind == "inspections":
            q = (select(Inspection.record_no, Unit.name, Unit.grid_id, Inspection.started_at, Inspection.updated_at)
                 .join(Unit, Unit.id == Inspection.unit_id).where(*inspection_where(f.first, f.last)))
            rows = [DrillRow(no, unit, grids.get(g, NO_AREA), local(at).date(), 1, changed)
                    for no, unit, g, at, changed in s.execute(q)]
        else:
            q = (select(Hazard.hazard_no, Hazard.category, Hazard.state, Unit.name, Unit.grid_id, Hazard.found_on,
                        Hazard.updated_at)
                 .join(Unit, Unit.id == Hazard.unit_id).where(*in_period(Hazard.found_on, f.first, f.last)))
            if f.kind == "category":
                q = q.where(Hazard.category == f.category)
            elif f.kind == "grid":
                q = q.where(Unit.grid_id.is_(None) if f.grid_id is None else Unit.grid_id == f.grid_id)
            rows = [DrillRow(f"{no} {cat} {state}", unit, grids.get(g, NO_AREA), on, 1, changed)
                    for no, cat, state, unit, g, on, changed in s.execute(q)]
    return sorted(rows, key=lambda r: (r.day or date.min, r.reference))
