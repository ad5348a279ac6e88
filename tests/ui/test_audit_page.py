"""The audit page: filters and paging in SQL, hidden for roles without audit.view, a verify button."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from fireoffice.services import station, units
from fireoffice.services.context import Actor
from fireoffice.ui.pages.audit_page import PAGE, AuditPage
from fireoffice.ui.state import AppState


def _page(qtbot, ctx) -> AuditPage:
    page = AuditPage(AppState(ctx))
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_filters_and_paging(qtbot, app, ctx):
    station.update_station(ctx, {"name": "东城街道消防工作所"})
    for i in range(PAGE + 5):
        units.create_unit(ctx, {"name": f"单位{i:03d}", "address": "东城街道1号"})
    page = _page(qtbot, ctx)
    assert page.total == PAGE + 6 and page.table.rowCount() == PAGE and page.next_button.isEnabled()
    page.move(PAGE)
    assert page.table.rowCount() == 6 and not page.next_button.isEnabled()
    page.entity.setCurrentIndex(page.entity.findData("station_profile"))
    page.search()
    assert page.total == 1 and page.table.item(0, 3).text() == "修改站点资料"
    page.entity.setCurrentIndex(0)
    page.action.setText("新建单位")
    page.use_dates.setChecked(True)
    page.search()
    assert page.total == PAGE + 5


def test_verify_button_reports_a_raw_edit(qtbot, app, ctx, monkeypatch):
    units.create_unit(ctx, {"name": "老王火锅店", "address": "东城街道1号"})
    page = _page(qtbot, ctx)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(("ok", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(("bad", text)))
    page.verify()
    with sqlite3.connect(ctx.db.sqlite_path) as conn:
        conn.execute("UPDATE unit SET name = '改名'")
    ctx.db.dispose()
    page.verify()
    assert said[0][0] == "ok" and said[1][0] == "bad" and "(unit)" in said[1][1]


def test_roles_without_audit_view_see_nothing(qtbot, app, ctx):
    units.create_unit(ctx, {"name": "老王火锅店", "address": "东城街道1号"})
    ctx.actor = Actor("grid", "孙网格", "网格员")
    page = _page(qtbot, ctx)
    assert page.table.rowCount() == 0 and not page.verify_button.isEnabled()
