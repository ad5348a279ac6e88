"""首页 chart figures: per month, per category, 整改率 per grid, this month — and the records behind each bar."""

from __future__ import annotations

from datetime import date

import pytest

from fireoffice.services import dashboard, stats_monthly
from fireoffice.services.errors import ValidationError
from tests.services.dashboard_helpers import TODAY, fill


@pytest.fixture
def station(ctx):
    return fill(ctx)


def test_monthly_series_covers_twelve_months_and_agrees_with_the_report(ctx, station):
    d = dashboard.dashboard(ctx, TODAY)
    assert (d.first, d.last) == (date(2025, 4, 1), date(2026, 3, 31))
    assert [p.label for p in d.months][:2] == ["2025-04", "2025-05"] and d.months[-1].label == "2026-03"
    by_month = {p.label: (p.inspections, p.hazards) for p in d.months}
    assert by_month["2026-01"] == (2, 2) and by_month["2026-02"] == (0, 1) and by_month["2026-03"] == (1, 1)
    assert sum(p.inspections for p in d.months) == 3  # 2025-03 is outside the window
    for p in d.months[-3:]:
        report = stats_monthly.monthly_report(ctx, p.year, p.month)
        assert (p.inspections, p.hazards) == (report.cell("合计", "inspections").month,
                                              report.cell("合计", "hazards").month)


def test_categories_grids_and_this_month(ctx, station):
    d = dashboard.dashboard(ctx, TODAY)
    assert [(c.category, c.hazards) for c in d.categories] == [("电气", 3), ("疏散", 1)]
    rates = {g.grid: (g.found, g.closed, g.rate) for g in d.grids}
    assert rates == {"第1网格": (2, 1, 50.0), "第2网格": (1, 0, 0.0), "未划分": (1, 0, 0.0)}
    assert d.grids[-1].grid_id is None  # units without a grid last
    m = d.this_month
    assert (m.inspections, m.hazards, m.closed, m.rectify_rate) == (1, 1, 0, 0.0)


def test_each_bar_drills_down_to_its_records(ctx, station):
    d = dashboard.dashboard(ctx, TODAY)
    jan = next(p for p in d.months if p.label == "2026-01")
    insp = dashboard.records(ctx, dashboard.month_filter("inspections", jan))
    assert len(insp) == jan.inspections == 2 and all(r.day.month == 1 for r in insp)
    assert len(dashboard.records(ctx, dashboard.month_filter("hazards", jan))) == jan.hazards
    electric = dashboard.records(ctx, dashboard.DrillFilter("category", d.first, d.last, category="电气"))
    assert len(electric) == 3 and all("电气" in r.reference for r in electric)
    for g in d.grids:
        rows = dashboard.records(ctx, dashboard.DrillFilter("grid", d.first, d.last, grid_id=g.grid_id))
        assert len(rows) == g.found
        assert sum("已销号" in r.reference for r in rows) == g.closed
    with pytest.raises(ValidationError):
        dashboard.records(ctx, dashboard.DrillFilter("fires", d.first, d.last))


def test_an_empty_station_gives_zero_bars(ctx):
    d = dashboard.dashboard(ctx, TODAY)
    assert len(d.months) == 12 and not any(p.inspections or p.hazards for p in d.months)
    assert d.categories == () and d.grids == () and d.this_month.rectify_rate == 0.0
