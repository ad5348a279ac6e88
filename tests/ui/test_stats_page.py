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
