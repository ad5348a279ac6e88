"""台账统计 page: the computed table, drill-down to the records, ledger export through the background runner."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidget
from python_calamine import CalamineWorkbook

from fireoffice.services import demo
from fireoffice.ui.pages import page_specs
from fireoffice.ui.pages.stats_page import StatsPage
from fireoffice.ui.state import AppState


def test_table_drill_down_and_export(qtbot, app, ctx, tmp_path, monkeypatch):
    demo.fill_demo(ctx, units=120, seed=5)
    demo_ctx = ctx
    assert next(s for s in page_specs() if s.key == "stats").factory.endswith("stats_page:StatsPage")
    page = StatsPage(AppState(demo_ctx))
    qtbot.addWidget(page)
    page.refresh()
    report = page.report
    assert page.table.rowCount() == len(report.areas) and page.table.columnCount() == len(report.columns)
    page.span.setCurrentIndex(page.span.findData("ytd"))
    col = [k for k, _ in report.columns].index("hazards")
    last = page.table.rowCount() - 1
    assert page.table.item(last, col).text() == f"{report.cell('合计', 'hazards').ytd:,.0f}"
    page.drill_down(last, col)
    table = page.last_drill.findChild(QTableWidget, "drillTable")
    assert table.rowCount() == report.cell("合计", "hazards").ytd
    page.last_drill.close()
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    target = tmp_path / "h.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.first.setDate(page.first.minimumDate())
    page.export_buttons["hazards"].click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert rows[-1][0].startswith("合计") and len(rows) > 4


def test_lock_amendments_and_unlock(qtbot, app, ctx, monkeypatch, tmp_path):
    from datetime import datetime

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QInputDialog

    from fireoffice.services import inspections
    from tests.services.insp_helpers import all_pass, make_officers, make_units

    units = make_units(ctx, 2)
    people = make_officers(ctx)
    pair = (people["张执法"], people["李执法"])
    inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=pair))
    page = StatsPage(AppState(ctx))
    qtbot.addWidget(page)
    page.month.setDate(QDate(2026, 1, 1))
    page.refresh()
    assert not page.view.locked and page.lock_button.isVisibleTo(page) and not page.unlock_button.isVisibleTo(page)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("已报中心", True))
    page.lock_button.click()
    qtbot.waitUntil(lambda: page.view.locked, timeout=10000)
    assert page.unlock_button.isVisibleTo(page) and not page.amend_box.isVisibleTo(page)
    inspections.create_inspection(ctx, all_pass(ctx, units[1], officers=pair, started_at=datetime(2026, 1, 12, 9),
                                                ended_at=datetime(2026, 1, 12, 10)))
    page.refresh()
    col = [k for k, _ in page.report.columns].index("inspections")
    last = page.table.rowCount() - 1
    assert page.table.item(last, col).text() == "1"  # the submitted figure
    assert "2" in page.table.item(last, col).toolTip()  # … and what it is now
    assert page.amend_box.isVisibleTo(page)
    rows = [page.amend_table.item(r, 1).text() for r in range(page.amend_table.rowCount())]
    row = next(r for r in range(len(rows)) if rows[r] == "检查单位（家次）"
               and page.amend_table.item(r, 0).text() == "合计" and page.amend_table.item(r, 2).text() == "本月")
    assert (page.amend_table.item(row, 3).text(), page.amend_table.item(row, 4).text()) == ("1", "2")
    page.show()
    page.resize(1280, 760)
    page.grab().save(str(tmp_path / "stats_locked.png"))
    page.amendment_drill(row)
    assert page.last_drill.table.rowCount() == 1  # only the inspection added after the lock
    page.last_drill.close()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("补录检查记录后重新上报", True))
    page.unlock_button.click()
    assert not page.view.locked and page.table.item(last, col).text() == "2"
