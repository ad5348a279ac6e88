"""检查计划 → 到期/逾期单位: the SQL-paged due list, its filters, overdue in red, adding units to a plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from fireoffice.services import plans
from fireoffice.services.context import Actor
from fireoffice.ui.models.plan_models import RED
from fireoffice.ui.pages.plans_page import PlansPage
from fireoffice.ui.state import AppState
from tests.services.insp_helpers import make_officers, make_units
from tests.ui.ui_helpers import capture_messages, fill_quick_forms

TODAY = date.today()


@pytest.fixture
def station(ctx):
    people = make_officers(ctx)
    # 九小场所 × 一般: every 6 months. Registered long ago → overdue; registered 6 months ago → due about now.
    late = make_units(ctx, 3, prefix="逾期单位", registered_on=date(2024, 1, 10))
    month_index = TODAY.month - 1 - 6  # registered six months before today → due today: due, not late
    soon = make_units(ctx, 2, prefix="本月到期", registered_on=date(TODAY.year + month_index // 12,
                                                                   month_index % 12 + 1, min(TODAY.day, 28)))
    fresh = make_units(ctx, 2, prefix="新列管", registered_on=TODAY - timedelta(days=3))
    high = make_units(ctx, 1, prefix="高风险", registered_on=date(2025, 6, 1), risk_level="高")
    return {"people": people, "late": late, "soon": soon, "fresh": fresh, "high": high}


@pytest.fixture
def page(qtbot, app, ctx, station):
    p = PlansPage(AppState(ctx))
    qtbot.addWidget(p)
    p.resize(1300, 720)
    p.show()
    p.refresh()
    p.tabs.setCurrentWidget(p.due)
    return p


def _names(tab) -> list[str]:
    return [tab.model.row_at(r).name for r in range(tab.model.rowCount())]


def test_due_list_sorted_filtered_and_overdue_in_red(page):
    tab = page.due
    names = _names(tab)
    assert "新列管000" not in names and "新列管001" not in names  # next visit months away
    assert names[:3] == ["逾期单位000", "逾期单位001", "逾期单位002"]  # most overdue first (due on ascending)
    assert {"本月到期000", "本月到期001", "高风险000"} <= set(names)
    first = tab.model.index(0, 8)
    assert tab.model.data(first).split()[0] == str(tab.model.row_at(0).overdue_days)
    assert tab.model.data(first, Qt.ItemDataRole.ForegroundRole) == RED
    due_row = names.index("本月到期000")
    assert tab.model.data(tab.model.index(due_row, 8), Qt.ItemDataRole.ForegroundRole) is None  # due today: not late
    assert tab.model.row_at(0).interval_months == 6 and tab.model.row_at(0).last_inspected is None
    tab.mode.setCurrentIndex(tab.mode.findData("overdue"))
    assert "本月到期000" not in _names(tab) and "逾期单位000" in _names(tab)
    tab.mode.setCurrentIndex(tab.mode.findData("due"))
    assert set(_names(tab)) == {"本月到期000", "本月到期001"}
    tab.mode.setCurrentIndex(tab.mode.findData("all"))
    tab.risk.setCurrentIndex(tab.risk.findData("高"))
    assert _names(tab) == ["高风险000"] and tab.model.row_at(0).interval_months == 2  # 九小 × 高: every 2 months
    tab.risk.setCurrentIndex(0)
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # by name, in SQL
    assert _names(tab) == sorted(_names(tab), reverse=True)
    assert str(tab.model.rowCount()) in tab.summary.text()


def test_selected_units_go_into_an_open_plan(page, ctx, monkeypatch):
    capture_messages(monkeypatch)
    plan = plans.create_plan(ctx, plans.PlanInput("逾期补查", "日常", TODAY.replace(day=1), TODAY + timedelta(days=40)))
    tab = page.due
    tab.mode.setCurrentIndex(tab.mode.findData("overdue"))
    selection = tab.view.selectionModel()
    for row in (0, 1):
        selection.select(tab.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    chosen = tab.selected_uids()
    assert len(chosen) == 2
    fill_quick_forms(monkeypatch, {"plan": plan.uid})
    tab.add_button.click()
    visits = plans.plan_visits(ctx, plan.uid)
    assert sorted(v.unit_uid for v in visits) == sorted(chosen)
    tab.unplanned.setChecked(True)  # those two now have an open visit
    assert not set(chosen) & {tab.model.uid_at(r) for r in range(tab.model.rowCount())}


def test_add_button_hidden_without_plan_rights(qtbot, app, ctx, station):
    ctx.actor = Actor("viewer", "县局查看", "只读")
    p = PlansPage(AppState(ctx))
    qtbot.addWidget(p)
    assert p.due.add_button.isHidden()


def test_due_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.due.model)
