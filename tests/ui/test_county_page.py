"""县级汇总 page: import a package through the background runner, the stations and figures, ledgers across
stations, the column template dialog; listed in the navigation only where it applies."""

from __future__ import annotations

import shutil
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from python_calamine import CalamineWorkbook

from fireoffice.db.session import Database
from fireoffice.services import county, demo, exchange_package, ledgers, station
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.ui.dialogs.ledger_mapping_dialog import LedgerMappingDialog
from fireoffice.ui.pages import page_specs
from fireoffice.ui.pages.county_page import CountyPage
from fireoffice.ui.state import AppState


def _package(tmp_path, migrated_template, name: str, seed: int):
    path = tmp_path / f"{seed}.sqlite"
    shutil.copyfile(migrated_template, path)
    c = ServiceContext(db=Database.open(str(path)), actor=Actor("t", "测试员"))
    demo.fill_demo(c, units=50, seed=seed)
    station.update_station(c, {"name": name})
    result = exchange_package.export_package(c, tmp_path / f"{seed}.zip")
    c.db.dispose()
    return result


def test_import_figures_and_export(qtbot, app, ctx, tmp_path, migrated_template, monkeypatch):
    spec = next(s for s in page_specs() if s.key == "county")
    assert not spec.visible(ctx)  # a station database without packages: not listed for the owner
    assert spec.visible(replace(ctx, actor=Actor("c", "县局", "只读")))
    packages = [_package(tmp_path, migrated_template, "东城街道消防工作所", 3),
                _package(tmp_path, migrated_template, "西乡镇消防工作所", 4)]
    page = CountyPage(AppState(ctx))
    qtbot.addWidget(page)
    page.refresh()
    assert page.stations.rowCount() == 0 and not page.empty.isHidden()
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    for p in packages:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=p, **k: (str(p.path), ""))
        page.import_button.click()
        qtbot.waitUntil(lambda n=len(said): len(said) > n, timeout=20000)
    assert spec.visible(ctx)
    assert page.stations.rowCount() == 2 and page.empty.isHidden()
    assert {page.stations.item(r, 0).text() for r in range(2)} == {"东城街道消防工作所", "西乡镇消防工作所"}
    assert all(page.stations.item(r, 6).text() == page.tr("Verified") for r in range(2))
    period = page.period()
    rows = county.county_stats(ctx, period.first, period.last)
    last = page.figures.rowCount() - 1
    assert page.figures.rowCount() == 3 and page.figures.item(last, 3).text() == f"{rows[-1].hazards:,}"
    page.kind.setCurrentIndex(page.kind.findData("hazards"))
    target = tmp_path / "county.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.first.setDate(page.first.minimumDate())
    page.export_button.click()
    qtbot.waitUntil(lambda: len(said) == 3, timeout=20000)
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert sheet[2][0] == county.STATION_COLUMN and {r[0] for r in sheet[3:-1]} == {"东城街道消防工作所",
                                                                                  "西乡镇消防工作所"}
    page.resize(1100, 760)
    assert not page.grab().isNull()


def test_mapping_dialog_saves_the_county_template(qtbot, app, ctx):
    dialog = LedgerMappingDialog(ctx, "hazards")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(ledgers.SOURCES["hazards"].columns)
    for i in range(dialog.list.count()):  # keep only 隐患编号 and 状态, 状态 first and renamed
        item = dialog.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) not in ("hazard_no", "state"):
            item.setCheckState(Qt.CheckState.Unchecked)
    state_row = next(i for i in range(dialog.list.count())
                     if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == "state")
    dialog.list.setCurrentRow(state_row)
    for _ in range(state_row):
        dialog.up.click()
    dialog.list.item(0).setText("整改状态")
    dialog.list.item(1).setText("")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and dialog.error.text()
    dialog.list.item(1).setText("编号")
    assert save.isEnabled()
    save.click()
    assert ledgers.template(ctx, "hazards") == [("state", "整改状态"), ("hazard_no", "编号")]
    again = LedgerMappingDialog(ctx, "hazards")
    qtbot.addWidget(again)
    assert again.list.item(0).text() == "整改状态"
    again.reset_button.click()
    again.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert ledgers.template(ctx, "hazards")[0] == ("hazard_no", "隐患编号")
