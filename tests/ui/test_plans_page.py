"""Inspection plans: plans and visits, the 双随机 draw with seed and hash, verify and publish, calendar,
workload and the paper field kit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from fireoffice.services import draws, plans
from fireoffice.ui.dialogs.draw_dialog import DrawDialog
from fireoffice.ui.pages import plans_page
from fireoffice.ui.pages.plans_page import PlansPage
from fireoffice.ui.pages.plans_tabs import MARKED
from fireoffice.ui.state import AppState
from tests.services.insp_helpers import make_officers, make_units
from tests.ui.ui_helpers import capture_messages, fill_quick_forms

TODAY = date.today()
MONTH = f"{TODAY.year}-{TODAY.month:02d}"


@pytest.fixture
def station(ctx):
    return {"people": make_officers(ctx), "units": make_units(ctx, 30)}


@pytest.fixture
def page(qtbot, app, ctx, station):
    p = PlansPage(AppState(ctx))
    qtbot.addWidget(p)
    p.resize(1200, 720)
    p.show()
    p.refresh()
    return p


def _save_to(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _draw(qtbot, state, count=5, plan_uid=None) -> DrawDialog:
    dialog = DrawDialog(state, plan_uid)
    qtbot.addWidget(dialog)
    dialog.count.setValue(count)
    dialog.draw_button.click()
    qtbot.waitUntil(lambda: not state.tasks.busy, timeout=10_000)
    return dialog


def test_new_plan_then_units_added_with_date_and_officers(page, ctx, station, monkeypatch):
    capture_messages(monkeypatch)
    fill_quick_forms(monkeypatch, {"name": "十一月日常检查", "type": "日常"},
                     {"dated": True, "day": TODAY, "pair": (station["people"]["张执法"], station["people"]["李执法"])})
    page.new_button.click()
    assert page.current_plan().name == "十一月日常检查"
    chosen = {uid: f"测试单位{n:03d}" for n, uid in enumerate(station["units"][:3])}
    monkeypatch.setattr(plans_page, "pick_units", lambda *a, **k: chosen)
    page.visit_buttons["add"].click()
    assert page.visit_model.rowCount() == 3
    first = page.visit_model.visit(0)
    assert first.officer_names == ("张执法", "李执法") and first.planned_date == TODAY
    assert first.record_no.startswith(f"JC{TODAY.year}-")
    assert "0/3" in page.detail_label.text()


def test_plan_form_refusal_stays_in_the_form(page, monkeypatch):
    forms = fill_quick_forms(monkeypatch, {"name": "冬春专项", "type": "专项", "campaign": ""})
    page.new_button.click()
    assert "专项名称" in forms[0].error.text()
    assert plans.list_plans(page.state.ctx) == []


def test_draw_shows_seed_and_hash_verifies_and_publishes(qtbot, page, ctx, monkeypatch, tmp_path):
    seen = capture_messages(monkeypatch)
    dialog = _draw(qtbot, page.state, count=5)
    r = dialog.result_
    assert r is not None and len(r.units) == 5 and dialog.table.rowCount() == 5
    assert r.seed in dialog.info.text() and r.pool_hash in dialog.info.text()
    assert not dialog.draw_button.isEnabled()  # no quiet re-roll from the same dialog
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: not page.state.tasks.busy, timeout=10_000)
    assert seen[-1].startswith("核对无误") and r.seed in seen[-1]
    _save_to(monkeypatch, tmp_path / "名单.pdf")
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: not page.state.tasks.busy, timeout=10_000)
    assert (tmp_path / "名单.pdf").read_bytes().startswith(b"%PDF")
    _save_to(monkeypatch, tmp_path / "名单.xlsx")
    dialog.xlsx_button.click()
    qtbot.waitUntil(lambda: not page.state.tasks.busy, timeout=10_000)
    assert (tmp_path / "名单.xlsx").read_bytes().startswith(b"PK")
    # The draws tab lists it, and 结果公示 goes out from there.
    page.tabs.setCurrentWidget(page.draws)
    assert page.draws.table.rowCount() == 1 and page.draws.table.item(0, 5).text() == r.seed
    _save_to(monkeypatch, tmp_path / "公示.pdf")
    page.draws.action_buttons[3].click()
    qtbot.waitUntil(lambda: not page.state.tasks.busy, timeout=10_000)
    assert (tmp_path / "公示.pdf").read_bytes().startswith(b"%PDF")


def test_a_second_draw_for_the_month_is_refused_with_the_service_message(qtbot, page, ctx, monkeypatch):
    seen = capture_messages(monkeypatch)
    too_many = _draw(qtbot, page.state, count=500)
    assert "超过了可抽取的 30 家" in too_many.error.text() and too_many.draw_button.isEnabled()
    assert plans.list_plans(ctx) == []  # the refused draw left nothing behind
    first = _draw(qtbot, page.state, count=3)
    again = _draw(qtbot, page.state, count=3, plan_uid=first.result_.plan_uid)
    assert again.result_ is None
    assert "已经抽取过" in again.error.text() and "已经抽取过" in seen[-1]
    assert len(draws.list_draws(ctx)) == 1


def test_field_kit_pdf_for_the_plan(qtbot, page, ctx, station, monkeypatch, tmp_path):
    seen = capture_messages(monkeypatch)
    plan = plans.create_plan(ctx, plans.PlanInput("纸质检查表测试", "日常", TODAY.replace(day=1), TODAY.replace(day=28)
                                                  if TODAY.day <= 28 else TODAY))
    plans.add_units(ctx, plan.uid, station["units"][:4])
    page.state.changed.emit("plans")
    page.select_plan(plan.uid)
    _save_to(monkeypatch, tmp_path / "kit.pdf")
    page.visit_buttons["kit"].click()
    qtbot.waitUntil(lambda: not page.state.tasks.busy, timeout=20_000)
    data = (tmp_path / "kit.pdf").read_bytes()
    assert data.startswith(b"%PDF") and "kit.pdf" in seen[-1]


def test_calendar_marks_planned_days_and_lists_the_day(qtbot, page, ctx, station):
    plan = plans.create_plan(ctx, plans.PlanInput("日程测试", "日常", TODAY - timedelta(days=3), TODAY + timedelta(days=3)))
    pair = (station["people"]["张执法"], station["people"]["李执法"])
    plans.add_units(ctx, plan.uid, station["units"][:2], TODAY, pair)
    page.tabs.setCurrentWidget(page.calendar)
    cal = page.calendar
    cal.calendar.setSelectedDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    fmt = cal.calendar.dateTextFormat(QDate(TODAY.year, TODAY.month, TODAY.day))
    assert fmt.background().color() == MARKED
    assert cal.list.rowCount() == 2 and cal.list.item(0, 2).text() == "张执法、李执法"
    other = TODAY + timedelta(days=1) if TODAY.day < 28 else TODAY - timedelta(days=1)
    assert cal.calendar.dateTextFormat(QDate(other.year, other.month, other.day)).background().color() != MARKED


def test_workload_says_whether_the_month_can_be_done(page):
    page.tabs.setCurrentWidget(page.workload)
    text = page.workload.message.text()
    assert text.startswith("本月可以完成") or text.startswith("本月完不成")
    assert page.workload.lines.rowCount() >= 2  # 隐患复查 and 未遇单位再次上门 are always listed
