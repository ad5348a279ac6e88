"""首页 charts: the series hold the dashboard service's numbers; clicking a bar opens the records behind it."""

from __future__ import annotations

import functools
import re

import pytest
from PySide6.QtCore import Qt

from fireoffice.services import dashboard
from fireoffice.ui.pages.home import HomePage
from fireoffice.ui.state import AppState
from tests.services.dashboard_helpers import TODAY, fill


@pytest.fixture
def page(qtbot, app, ctx, monkeypatch, tmp_path):
    fill(ctx)
    monkeypatch.setattr(dashboard, "dashboard", functools.partial(dashboard.dashboard, today=TODAY))
    home = HomePage(AppState(ctx))
    qtbot.addWidget(home)
    home.resize(1280, 900)
    home.show()
    home.refresh()
    qtbot.waitUntil(lambda: home.dashboard is not None, timeout=10000)
    home.grab().save(str(tmp_path / "home.png"))
    return home


def test_chart_series_hold_the_service_numbers(page, ctx):
    d = dashboard.dashboard(ctx)
    assert page.dashboard == d
    assert page.month_chart.values(0) == [p.inspections for p in d.months]
    assert page.month_chart.values(1) == [p.hazards for p in d.months]
    assert page.month_chart.categories[-1] == "3月"
    # horizontal bars run bottom-up: the chart holds the service's order reversed
    assert page.category_chart.categories == ["疏散", "电气"] and page.category_chart.values() == [1, 3]
    assert page.grid_chart.categories == ["未划分", "第2网格", "第1网格"]
    assert page.grid_chart.values() == [0.0, 0.0, 50.0]
    m = d.this_month
    assert re.findall(r"\d+(?:\.\d+)?", page.month_figures.text()) == [
        str(m.inspections), str(m.hazards), str(m.on_the_spot), str(m.closed), f"{m.rectify_rate:g}",
        str(m.overdue_now)]


def _click(qtbot, chart, set_index, category):
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_center(set_index, category))


def test_clicking_a_month_bar_opens_its_records(qtbot, page):
    jan = [p.label for p in page.dashboard.months].index("2026-01")
    with qtbot.waitSignal(page.month_chart.barClicked, timeout=3000) as clicked:
        _click(qtbot, page.month_chart, 0, jan)
    assert clicked.args == [0, jan]
    f = page.last_drill_filter
    assert (f.kind, f.first.isoformat(), f.last.isoformat()) == ("inspections", "2026-01-01", "2026-01-31")
    assert page.last_drill.table.rowCount() == 2
    page.last_drill.close()
    _click(qtbot, page.month_chart, 1, jan)  # the hazards bar of the same month
    assert page.last_drill_filter.kind == "hazards" and page.last_drill.table.rowCount() == 2


def test_clicking_category_and_grid_bars_opens_their_hazards(qtbot, page):
    electric = page.category_chart.categories.index("电气")
    _click(qtbot, page.category_chart, 0, electric)
    assert page.last_drill_filter.category == "电气" and page.last_drill.table.rowCount() == 3
    page.last_drill.close()
    grid_a = page.grid_chart.categories.index("第1网格")
    page.grid_scroll.ensureWidgetVisible(page.grid_chart)
    _click(qtbot, page.grid_chart, 0, grid_a)
    f = page.last_drill_filter
    assert f.kind == "grid" and f.grid_id == page.dashboard.grids[0].grid_id
    states = [page.last_drill.table.item(r, 0).text() for r in range(page.last_drill.table.rowCount())]
    assert len(states) == 2 and sum("已销号" in s for s in states) == 1
