"""统计月报: 本月 / 本年累计 / 同比 per township or grid, computed from the records, with drill-down and export."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Grid, StationProfile, Unit
from fireoffice.exchange.xlsx_stream import write_ledger
from fireoffice.exchange.xlsx_units import Column
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.stats_metrics import BY_KEY, METRICS, RATES, utc
from fireoffice.services.unit_export import ExportResult, export_errors

TOTAL = "合计"
NO_AREA = "未划分"
SPANS = ("month", "ytd", "last_year")  # 本月, 本年累计, 上年同月 (the base of 同比)
SPAN_LABELS = {"month": "本月", "ytd": "本年累计", "last_year": "上年同月", "yoy": "同比"}
BY = ("township", "grid")
COLUMNS: tuple[tuple[str, str], ...] = (tuple((m.key, m.label) for m in METRICS)
                                        + tuple((k, f"{lab}（%）") for k, lab, _, _ in RATES))


@dataclass(frozen=True)
class Cell:
    month: float
    ytd: float
    last_year: float

    @property
    def yoy(self) -> str:
        """同比 change of 本月 against the same month last year; — without a base."""
        if not self.last_year:
            return "—"
        return f"{(self.month - self.last_year) / self.last_year * 100:+.1f}%"


@dataclass(frozen=True)
class Report:
    year: int
    month: int
    by: str
    areas: tuple[str, ...]  # rows, 合计 last
    columns: tuple[tuple[str, str], ...]  # (metric or rate key, label)
    cells: dict[tuple[str, str], Cell]  # (area, key) → figures

    def cell(self, area: str, key: str) -> Cell:
        return self.cells[(area, key)]


@dataclass(frozen=True)
class DrillRow:
    reference: str  # record number or session
    unit: str
    area: str
    day: date | None
    value: float
    changed_at: datetime | None = None  # the record's last change (stored UTC)


def spans(year: int, month: int) -> dict[str, tuple[date, date]]:
    if not 1 <= month <= 12 or not 1900 < year < 3000:
        raise ValidationError("统计月份", "应为 YYYY-MM")
    end = date(year, month, calendar.monthrange(year, month)[1])
    ly_end = date(year - 1, month, calendar.monthrange(year - 1, month)[1])
    return {"month": (date(year, month, 1), end), "ytd": (date(year, 1, 1), end),
            "last_year": (date(year - 1, month, 1), ly_end)}


def _areas(s, by: str) -> dict[int, tuple[str, str]]:
    """unit id → (name, area label)."""
    if by not in BY:
        raise ValidationError("统计口径", "按乡镇（township）或按网格（grid）")
    station_township = s.execute(select(StationProfile.township).order_by(StationProfile.id).limit(1)).scalar() or ""
    grids = dict(s.execute(select(Grid.id, Grid.name)).all())
    out = {}
    for uid, name, township, grid in s.execute(select(Unit.id, Unit.name, Unit.township, Unit.grid_id)):
        area = (township or station_township or NO_AREA) if by == "township" else grids.get(grid, NO_AREA)
        out[uid] = (name, area)
    return out


def monthly_report(ctx: ServiceContext, year: int, month: int, by: str = "township") -> Report:
    """Every figure of domain.md §8.3 the records hold; session figures (培训, 宣传) only in 合计."""
    with ctx.db.read() as s:
        return compute(s, year, month, (by,))[by]


def compute(s: Session, year: int, month: int, bys: tuple[str, ...] = BY) -> dict[str, Report]:
    """The report per township and/or per grid from one pass over the records (a lock stores both)."""
    windows = spans(year, month)
    sums: dict[str, dict[tuple[str, str, str], float]] = {by: defaultdict(float) for by in bys}
    units = {by: _areas(s, by) for by in bys}
    for metric in METRICS:
        for span, (first, last) in windows.items():
            for unit_id, value, _ref, _day, _changed in metric.rows(s, first, last):
                for by in bys:
                    sums[by][(TOTAL, metric.key, span)] += value
                    if metric.per_area:
                        area = units[by].get(unit_id, ("", NO_AREA))[1] if unit_id else NO_AREA
                        sums[by][(area, metric.key, span)] += value
    return {by: _report(year, month, by, sums[by]) for by in bys}


def _report(year: int, month: int, by: str, sums: dict[tuple[str, str, str], float]) -> Report:
    areas = sorted({a for a, _, _ in sums if a != TOTAL}) + [TOTAL]
    cells: dict[tuple[str, str], Cell] = {}
    for area in areas:
        for metric in METRICS:
            cells[(area, metric.key)] = Cell(*(sums.get((area, metric.key, sp), 0.0) for sp in SPANS))
        for key, _label, num, den in RATES:
            parts = [(sums.get((area, num, sp), 0.0), sums.get((area, den, sp), 0.0)) for sp in SPANS]
            cells[(area, key)] = Cell(*(round(n / d * 100, 1) if d else 0.0 for n, d in parts))
    return Report(year, month, by, tuple(areas), COLUMNS, cells)


def records(ctx: ServiceContext, year: int, month: int, by: str, area: str, key: str,
            span: str = "month", changed_after: datetime | None = None) -> list[DrillRow]:
    """The records behind one figure (a rate opens the records of its numerator); with `changed_after` only
    those created or changed after that moment (the amendments of a locked month)."""
    key = {k: num for k, _, num, _ in RATES}.get(key, key)
    if key not in BY_KEY or span not in SPANS:
        raise ValidationError("统计项", f"没有“{key}”")
    first, last = spans(year, month)[span]
    after = utc(changed_after) if changed_after is not None else None
    out = []
    with ctx.db.read() as s:
        units = _areas(s, by)
        for unit_id, value, ref, day, changed in BY_KEY[key].rows(s, first, last):
            if after is not None and (changed is None or utc(changed) <= after):
                continue
            name, unit_area = units.get(unit_id, ("", NO_AREA)) if unit_id else ("", NO_AREA)
            if area == TOTAL or unit_area == area:
                out.append(DrillRow(ref, name, unit_area, day, value, changed))
    return sorted(out, key=lambda r: (r.day or date.min, r.reference))


def export_report(ctx: ServiceContext, path: Path | str, period=None,
                  progress: Callable[[int, int], bool] | None = None, by: str = "township") -> ExportResult:
    """The `stats` ledger: one row per area, 本月 / 本年累计 / 同比 for each figure; the month of `period.last`."""
    require(ctx, "export")
    from fireoffice.services import stats_lock  # it builds on this module

    day = (period.last if period is not None and period.last else None) or date.today()
    view = stats_lock.month_view(ctx, day.year, day.month, by)  # a locked month exports what was submitted
    report = view.report
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise StorageError(f"文件夹不存在：{path.parent}")
    columns = [Column("乡镇" if by == "township" else "网格", 18)]
    for _key, label in report.columns:
        columns += [Column(f"{label}·本月", 10, "number"), Column(f"{label}·本年累计", 10, "number"),
                    Column(f"{label}·同比", 9)]
    rows = []
    for area in report.areas:
        line: list = [area]
        for key, _label in report.columns:
            c = report.cell(area, key)
            line += [c.month, c.ytd, c.yoy]
        rows.append(line)
    with ctx.db.read() as s:
        station = s.execute(select(StationProfile.name).order_by(StationProfile.id).limit(1)).scalar() or ""
    title = f"{station}消防工作统计月报（{report.year}年{report.month}月）"
    subtitle = f"由系统根据台账记录自动统计　导出日期：{date.today().isoformat()}"
    if view.locked and view.intact:
        subtitle += f"　本月已于 {view.lock.locked_at.astimezone():%Y-%m-%d %H:%M} 锁定上报，表中为上报数"
        if view.amendments:
            subtitle += f"（其后有 {len(view.amendments)} 项更正，见系统“锁定后的更正”）"
    tick = None if progress is None else (lambda done: progress(done, len(rows)))
    with export_errors(path):
        n = write_ledger(path, title, subtitle, columns, rows, tick, sheet="统计月报")
    return ExportResult(path, n)
