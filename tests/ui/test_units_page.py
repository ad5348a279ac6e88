"""The register page: SQL-paged model, search on keystroke, filters with counts, form, archive, import."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from fireoffice.services import demo, unit_query, units
from fireoffice.ui.dialogs import unit_dialog, unit_import_dialog
from fireoffice.ui.dialogs.unit_dialog import UnitDialog
from fireoffice.ui.models.unit_table import BLOCK, UnitTableModel
from fireoffice.ui.pages.units_page import UnitsPage
from fireoffice.ui.state import AppState

VALID_USCC = "91110000600037341L"


@pytest.fixture
def filled(ctx):
    demo.fill_demo(ctx, units=450, seed=11)
    return ctx


@pytest.fixture
def page(qtbot, app, filled):
    state = AppState(filled)
    p = UnitsPage(state)
    qtbot.addWidget(p)
    p.show()
    p.refresh()
    return p


def test_model_passes_qt_model_tester(qtmodeltester, filled):
    model = UnitTableModel(filled)
    model.set_query(unit_query.UnitQuery(limit=BLOCK))
    qtmodeltester.check(model)


def test_model_pages_rows_lazily(filled):
    model = UnitTableModel(filled)
    model.set_query(unit_query.UnitQuery(limit=BLOCK))
    assert model.rowCount() == 450
    assert model.blocks == {}
    assert model.index(BLOCK + 3, 0).data()
    assert list(model.blocks) == [1]


def test_sorting_happens_in_sql(filled):
    model = UnitTableModel(filled)
    model.set_query(unit_query.UnitQuery(limit=BLOCK))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == sorted(names, reverse=True)
    assert model.query.sort == "name" and model.query.descending


def test_counts_and_quick_search(page, qtbot):
    assert page.count_label.text() == "共 450 家"
    first = page.model.row_at(0)
    page.search.setText(first.uscc)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.count_label.text() == "共 450 家 / 筛选出 1 家"


def test_pinyin_initials_search(page, qtbot, filled):
    units.create_unit(filled, {"name": "东城街道王记火锅店", "address": "东城街道人民路1号"})
    page.state.changed.emit("units")
    page.search.setText("wjhgd")
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=2000)
    names = [page.model.row_at(r).name for r in range(page.model.rowCount())]
    assert "东城街道王记火锅店" in names


def test_filters_combine_in_sql(page):
    index = page.category.findText("小餐饮场所")
    page.category.setCurrentIndex(index)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and all(r.nine_small_type == "小餐饮场所" for r in rows)
    page.risk.setCurrentIndex(page.risk.findData("一般"))
    assert all(page.model.row_at(r).risk_level == "一般" for r in range(page.model.rowCount()))
    page.clear_filters()
    assert page.model.rowCount() == 450


def test_grid_combo_follows_village(page):
    page.village.setCurrentIndex(1)
    village = page.village.currentData()
    grids = {gid for gid, vid, _ in page._options.grids if vid == village}
    shown = {page.grid.itemData(i) for i in range(1, page.grid.count())}
    assert shown == grids


def test_new_unit_form_validates_inline_and_saves(qtbot, app, filled):
    dialog = UnitDialog(filled)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # name and address are required
    dialog.editors["name"].set_value("东城街道测试五金店")
    dialog.editors["address"].set_value("东城街道人民路8号")
    dialog.editors["uscc"].set_value("91110000600037341X")  # wrong check character
    assert not dialog.check()
    assert dialog.errors["uscc"].text() and not dialog.errors["uscc"].isHidden()
    dialog.editors["uscc"].set_value(VALID_USCC)
    dialog.editors["resp_phone"].set_value("abc")
    assert not dialog.check() and dialog.errors["resp_phone"].text()
    dialog.editors["resp_phone"].set_value("13912345678")
    assert dialog.check() and save.isEnabled()
    saved = []
    dialog.saved.connect(saved.append)
    dialog.save()
    assert saved and units.get_unit(filled, saved[0]).values["uscc"] == VALID_USCC


def test_duplicate_offers_to_open_existing(qtbot, app, filled, monkeypatch):
    existing = units.create_unit(filled, {"name": "东城街道甲乙超市", "address": "东城街道人民路9号",
                                          "uscc": VALID_USCC})
    dialog = UnitDialog(filled)
    qtbot.addWidget(dialog)
    dialog.editors["name"].set_value("东城街道另一家超市")
    dialog.editors["address"].set_value("东城街道人民路10号")
    dialog.editors["uscc"].set_value(VALID_USCC)
    opened = []
    dialog.open_other.connect(opened.append)

    def click_open(box):
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open)
    dialog.save()
    assert opened == [existing.uid]


def test_editing_keeps_person_history(qtbot, app, filled):
    row = unit_query.list_units(filled, unit_query.UnitQuery(limit=1))[0]
    dialog = UnitDialog(filled, row.uid)
    qtbot.addWidget(dialog)
    dialog.classification_rule = ""
    dialog.editors["resp_person"].set_value("新责任人")
    dialog.save()
    history = units.person_history(filled, row.uid)
    assert any(h.name == "新责任人" for h in history)
    assert units.get_unit(filled, row.uid).values["resp_person"] == "新责任人"


def test_archive_needs_a_reason(page, monkeypatch):
    monkeypatch.setattr(unit_dialog, "ask_archive_reason", lambda parent: None)
    import fireoffice.ui.pages.units_page as units_page

    monkeypatch.setattr(units_page, "ask_archive_reason", lambda parent: None)
    page.view.selectRow(0)
    uid = page.current_uid()
    page.archive_current()
    assert not units.get_unit(page.state.ctx, uid).archived
    monkeypatch.setattr(units_page, "ask_archive_reason", lambda parent: "已关闭")
    page.archive_current()
    assert units.get_unit(page.state.ctx, uid).archived
    assert page.count_label.text() == "共 449 家"


def _sheet(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["东城街道列管单位名单"])
    ws.append(["单位名称", "地址", "统一社会信用代码", "责任人", "责任人电话"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


def test_import_dialog_previews_then_imports(qtbot, app, filled, tmp_path):
    path = _sheet(tmp_path / "list.xlsx", [
        ["东城街道新来饭店", "东城街道人民路11号", "", "张三", "13800000001"],
        ["东城街道坏码超市", "东城街道人民路12号", "91110000600037341X", "李四", "13800000002"],
    ])
    dialog = unit_import_dialog.UnitImportDialog(AppState(filled), path)
    qtbot.addWidget(dialog)
    dialog.analyse()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.dry_run and not dialog.report.ok
    assert dialog.errors_table.rowCount() >= 1
    assert dialog.errors_table.item(0, 0).text() == "4"  # the spreadsheet row as Excel numbers it
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.report.dry_run, timeout=10000)
    assert dialog.imported == 0  # all-or-nothing by default
    dialog.valid_only.setChecked(True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported == 1, timeout=10000)
    assert unit_query.search(filled, "新来饭店")


def test_import_of_a_non_spreadsheet_says_so(qtbot, app, filled, tmp_path, monkeypatch):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a spreadsheet")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = unit_import_dialog.UnitImportDialog(AppState(filled), str(bad))
    qtbot.addWidget(dialog)
    dialog.analyse()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "文件" in shown[0]
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_rules_dialog_saves_a_new_version(qtbot, app, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from fireoffice.services import classification
    from fireoffice.ui.dialogs.rules_dialog import RulesDialog

    dialog = RulesDialog(ctx)
    qtbot.addWidget(dialog)
    before = classification.active_rule_set(ctx)
    assert dialog.table.rowCount() == len(before.rules)
    dialog.table.item(0, 6).setText("123")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("测试规则 2026", True))
    dialog.save_version()
    after = classification.active_rule_set(ctx)
    assert after.name == "测试规则 2026" and after.rules[0].threshold == 123
    assert classification.get_rule_set(ctx, before.name).rules == before.rules  # old version unchanged


def test_rules_dialog_refuses_a_bad_threshold(qtbot, app, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from fireoffice.services import classification
    from fireoffice.ui.dialogs.rules_dialog import RulesDialog

    dialog = RulesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.table.item(0, 6).setText("很多")
    warned = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("坏规则", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    dialog.save_version()
    assert warned and "1" in warned[0]
    assert [r.name for r in classification.list_rule_sets(ctx)] == [dialog.sets[0].name]
