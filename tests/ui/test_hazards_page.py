"""The hazard ledger: SQL-paged model, state tabs and filters, overdue rows red, bulk 复查, the hazard dialog."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from fireoffice.services import hazard_flow, hazards, inspection_queries, inspections
from fireoffice.services.inspection_queries import HazardFilter
from fireoffice.services.inspections import ResultInput
from fireoffice.ui.dialogs.hazard_actions import ACTIONS
from fireoffice.ui.dialogs.hazard_dialog import HazardDialog
from fireoffice.ui.models.hazard_models import RED, HazardTableModel, sweep_deadlines_daily
from fireoffice.ui.pages.hazards_page import TABS, HazardsPage
from fireoffice.ui.state import AppState
from tests.services.insp_helpers import all_pass, hazard, make_officers, make_units
from tests.ui.ui_helpers import capture_messages, fill_quick_forms


@pytest.fixture
def ledger(ctx):
    """Six units: five with an old (overdue) hazard from January, one with a fresh one due next week."""
    people = make_officers(ctx)
    pair = [people["张执法"], people["李执法"]]
    uids = make_units(ctx, 6)
    from fireoffice.services import checklists

    code = checklists.items_for_unit(ctx, uids[0])[1][0].code
    for n, uid in enumerate(uids[:5]):
        bad = ResultInput(code, "不符合", hazard=hazard(f"二层东侧安全出口被纸箱堵塞{n}号", category="疏散"))
        inspections.create_inspection(ctx, all_pass(ctx, uid, officers=pair, results=(bad,)))
    now = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=2)
    fresh = ResultInput(code, "不符合", hazard=hazard("一层厨房灭火器压力不足", "一层厨房", category="设施"))
    inspections.create_inspection(ctx, all_pass(ctx, uids[5], officers=pair, results=(fresh,), started_at=now,
                                                ended_at=now + timedelta(minutes=30)))
    return {"people": people, "pair": pair, "units": uids}


@pytest.fixture
def page(qtbot, app, ctx, ledger):
    p = HazardsPage(AppState(ctx))
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.refresh()
    return p


def test_model_passes_qt_model_tester(qtmodeltester, ctx, ledger):
    model = HazardTableModel(ctx)
    model.reload()
    assert model.rowCount() == 6
    qtmodeltester.check(model)


def test_overdue_rows_are_red_with_days_overdue(page):
    model = page.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    late = next(r for r, h in enumerate(rows) if h.overdue)
    fresh = next(r for r, h in enumerate(rows) if not h.overdue)
    days_col = [c for c, (key, _h) in enumerate(model.COLUMNS) if key == "days_overdue"][0]
    assert model.index(late, 0).data(Qt.ItemDataRole.ForegroundRole) == RED
    assert model.index(late, days_col).data() == f"{rows[late].days_overdue} 天"
    assert model.index(fresh, 0).data(Qt.ItemDataRole.ForegroundRole) != RED
    assert model.index(fresh, days_col).data() == ""


def test_first_refresh_swept_the_expired_deadlines(page, ctx):
    states = {h.hazard_no: h.state for h in inspection_queries.list_hazards(ctx).rows}
    assert sorted(states.values()) == ["待复查"] * 5 + ["待整改"]  # 期限届满 ran once, the fresh one waits
    assert sweep_deadlines_daily(ctx) == 0  # not twice a day


def test_tabs_show_counts_and_filters_run_in_sql(page, qtbot):
    texts = [page.tabs.tabText(n) for n in range(page.tabs.count())]
    assert texts[0] == "未销号  6"
    assert "待复查  5" in texts and "逾期  5" in texts
    page.show_tab("逾期")
    assert page.model.total == 5
    page.show_tab("all")
    page.category.setCurrentIndex(page.category.findData("设施"))
    assert page.model.total == 1 and page.model.row_at(0).description == "一层厨房灭火器压力不足"
    page.clear_filters()
    page.search.setText("3号")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert page.count_label.text() == "共 1 条隐患"


def _select(page, rows):
    sel = page.view.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(page.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def test_bulk_recheck_scheduling_writes_one_visit_per_unit(page, ctx, ledger, monkeypatch):
    seen = capture_messages(monkeypatch)
    forms = fill_quick_forms(monkeypatch, {"own_dates": False, "day": date.today(), "pair": tuple(ledger["pair"])})
    page.show_tab("逾期")
    _select(page, [0, 1, 2])
    page.schedule_button.click()
    assert forms[0].error.text() == ""
    assert "3" in seen[-1]
    rows = inspection_queries.list_hazards(ctx, HazardFilter(overdue_only=True)).rows
    assert sum(1 for h in rows if h.recheck_scheduled) == 3
    flags_col = [c for c, (key, _h) in enumerate(page.model.COLUMNS) if key == "flags"][0]
    assert "已安排复查" in [page.model.index(r, flags_col).data() for r in range(3)]
    due = inspection_queries.home_due(ctx)
    assert sum(1 for d in due.today if d.kind == "计划检查") == 3


def test_scheduling_a_closed_hazard_is_refused_with_the_service_message(page, ctx, ledger, monkeypatch):
    capture_messages(monkeypatch)
    closed = inspection_queries.list_hazards(ctx).rows[0]
    hazard_flow.record_recheck(ctx, closed.uid, hazard_flow.RecheckInput(date.today(), tuple(ledger["pair"]), "已改正"))
    page.state.changed.emit("hazards")
    page.show_tab("all")
    _select(page, range(page.model.rowCount()))
    forms = fill_quick_forms(monkeypatch, {"own_dates": True})
    page.schedule_button.click()
    assert f"{closed.hazard_no} 已已销号，无需复查" in forms[0].error.text()
    assert not any(h.recheck_scheduled for h in inspection_queries.list_hazards(ctx).rows)


def test_hazard_dialog_offers_only_legal_steps_and_the_service_refuses_a_stale_one(qtbot, app, ctx, ledger,
                                                                                  monkeypatch):
    seen = capture_messages(monkeypatch)
    sweep_deadlines_daily(ctx)
    h = inspection_queries.list_hazards(ctx, HazardFilter(overdue_only=True)).rows[0]
    hazard_flow.record_recheck(ctx, h.uid, hazard_flow.RecheckInput(date.today(), tuple(ledger["pair"]), "未改正"))
    dialog = HazardDialog(ctx, h.uid)
    qtbot.addWidget(dialog)
    assert dialog.info.state == "逾期未改"
    assert dialog.buttons["escalate"].isEnabled()
    assert not dialog.buttons["apply_extension"].isEnabled()
    assert dialog.buttons["apply_extension"].toolTip() == "隐患处于“逾期未改”状态，不能“申请延期”（只有待整改状态可以）。"
    assert dialog.events.rowCount() == 3  # 登记, 期限届满, 复查不合格
    # Meanwhile another PC closes it; this dialog still offers 升级处置: the service says no, in its own words.
    hazard_flow.record_recheck(ctx, h.uid, hazard_flow.RecheckInput(date.today(), tuple(ledger["pair"]), "已改正"))
    fill_quick_forms(monkeypatch, {"kind": "处罚", "note": "经通知逾期不改"})
    changed = []
    dialog.changed.connect(lambda: changed.append(True))
    assert dialog.run(next(a for a in ACTIONS if a.key == "escalate")) is False
    assert seen[-1] == "隐患处于“已销号”状态，不能“升级处置”（只有逾期未改状态可以）。"
    assert not changed and dialog.info.state == "已销号"
    assert not dialog.buttons["escalate"].isEnabled()


def test_extension_applied_and_decided_from_the_dialog(qtbot, app, ctx, ledger, monkeypatch):
    capture_messages(monkeypatch)
    fresh = inspection_queries.list_hazards(ctx, HazardFilter(text="一层厨房")).rows[0]
    dialog = HazardDialog(ctx, fresh.uid)
    qtbot.addWidget(dialog)
    new_deadline = fresh.deadline + timedelta(days=10)
    fill_quick_forms(monkeypatch, {"until": new_deadline, "reason": "需更换整套灭火器，供货延迟"},
                     {"approve": True, "until": new_deadline})
    dialog.buttons["apply_extension"].click()
    assert dialog.buttons["decide_extension"].isEnabled()
    dialog.buttons["decide_extension"].click()
    assert hazards.get_hazard(ctx, fresh.uid).deadline == new_deadline
    assert [e.action for e in hazards.hazard_events(ctx, fresh.uid)][-2:] == ["申请延期", "同意延期"]


def test_tab_keys_are_known():
    assert [t[0] for t in TABS][:4] == ["open", "待整改", "待复查", "逾期未改"]


def test_home_lists_overdue_and_a_click_opens_the_hazard_in_the_ledger(qtbot, app, ctx, ledger, monkeypatch):
    from fireoffice.ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(HazardDialog, "exec", lambda self: opened.append(self.uid) or 0)
    window = MainWindow(AppState(ctx))
    qtbot.addWidget(window)
    window.show()
    home = window.pages["home"]
    overdue = home.overdue.list
    assert home.overdue.heading.text() == "逾期  (10)"  # per hazard: 复查 overdue and the notice not served
    assert overdue.item(0).foreground().color() == RED and "逾期" in overdue.item(0).text()
    assert home.week.list.count() >= 1  # the fresh hazard's notice or deadline falls this week or later
    item = overdue.item(0).data(Qt.ItemDataRole.UserRole)
    home.open_item(item)
    assert window.current_page_key() == "hazards" and opened == [item.ref_uid]
    assert window.pages["hazards"].tabs.currentIndex() == [t[0] for t in TABS].index("逾期")


def test_home_shows_the_holiday_calendar_warning(qtbot, app, ctx, monkeypatch):
    from dataclasses import replace

    from fireoffice.ui.pages.home import HomePage

    real = inspection_queries.home_due
    warning = "2027 年的节假日安排尚未录入，期限暂按周一至周五为工作日计算"
    monkeypatch.setattr(inspection_queries, "home_due", lambda c: replace(real(c), warnings=(warning,)))
    home = HomePage(AppState(ctx))
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    assert home.warnings.isVisible() and home.warnings.text() == warning
    assert home.today.list.item(0).text() == "没有到期事项"


def test_a_grid_worker_may_add_photos_but_not_run_the_loop(qtbot, app, ctx, ledger):
    from dataclasses import replace

    from fireoffice.services.context import Actor

    worker = replace(ctx, actor=Actor(username="grid", display_name="孙网格", role="网格员"))
    h = inspection_queries.list_hazards(worker).rows[0]
    dialog = HazardDialog(worker, h.uid)
    qtbot.addWidget(dialog)
    assert dialog.buttons["photos"].isEnabled()
    assert not dialog.buttons["recheck"].isEnabled()
    assert dialog.buttons["recheck"].toolTip() == "您的角色无权进行此操作。"
    page = HazardsPage(AppState(worker))
    qtbot.addWidget(page)
    assert not page.schedule_button.isEnabled() and page.report_button.isEnabled()
