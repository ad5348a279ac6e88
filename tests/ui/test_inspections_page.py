"""Inspection records: the paged list, the record form keyed with 1/2/3, paper forms by number, campaign entry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from fireoffice.db.models import Hazard, Inspection, Photo
from fireoffice.services import (
    checklists,
    hazards,
    inspection_campaign,
    inspection_queries,
    inspections,
    plans,
)
from fireoffice.services.demo_inspections import tiny_png
from fireoffice.services.inspections import ResultInput
from fireoffice.services.plans import PlanInput
from fireoffice.ui.dialogs.inspection_form import InspectionForm
from fireoffice.ui.models.inspection_models import ChecklistModel, InspectionTableModel, ItemEntry
from fireoffice.ui.models.plan_models import VisitTableModel
from fireoffice.ui.pages import inspections_page
from fireoffice.ui.pages.inspections_page import InspectionsPage
from fireoffice.ui.state import AppState
from tests.services.insp_helpers import all_pass, count, hazard, make_officers, make_units
from tests.ui.ui_helpers import capture_messages, type_text


@pytest.fixture
def batch(ctx):
    """A 专项 plan with three shops to visit (no officers yet) and the station's officers."""
    people = make_officers(ctx)
    units = make_units(ctx, 3, prefix="东城街道小店")
    today = date.today()
    plan = plans.create_plan(ctx, PlanInput("九小场所集中排查", "专项", today - timedelta(days=20),
                                            today + timedelta(days=20), campaign="九小场所集中整治"))
    visits = plans.add_units(ctx, plan.uid, units)
    return {"people": people, "units": units, "plan": plan, "visits": visits}


def _form(qtbot, ctx, visit_uid, campaign=None) -> InspectionForm:
    dialog = InspectionForm(ctx, inspection_campaign.form_for_visit(ctx, visit_uid), campaign_plan=campaign)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)  # window shortcuts (Ctrl+Enter) need the active window
    return dialog


def _tick_officer(qtbot, dialog, name: str) -> None:
    """Arrow to the person in the officer list and press Space, as the clerk does."""
    lst = dialog.officer_list
    lst.setFocus()
    row = next(n for n in range(lst.count()) if lst.item(n).text().startswith(name))
    lst.setCurrentRow(row)
    qtbot.keyClick(lst, Qt.Key.Key_Space)


def test_keyboard_only_campaign_of_three_visits(qtbot, app, ctx, batch, monkeypatch):
    seen = capture_messages(monkeypatch)
    dialog = _form(qtbot, ctx, batch["visits"][0].uid, campaign=batch["plan"].uid)
    assert dialog.next_button.isVisible() and dialog.record_no.text() == batch["visits"][0].record_no
    _tick_officer(qtbot, dialog, "张执法")
    _tick_officer(qtbot, dialog, "李执法")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)
    assert dialog.table.currentIndex().row() == 1  # 1 and 3 move on to the next line
    qtbot.keyClick(dialog.table, Qt.Key.Key_3)
    assert [e.result for e in dialog.model.entries[:2]] == ["符合", "不涉及"]
    first_end = dialog.end.dateTime()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Unit 2: the officers and type carried over, the time follows on; one item fails, not corrected.
    assert dialog.form.unit_uid == batch["units"][1]
    assert sorted(dialog.officer_uids()) == sorted([batch["people"]["张执法"], batch["people"]["李执法"]])
    assert dialog.type.currentText() == "专项检查"
    assert dialog.start.dateTime() == first_end.addSecs(5 * 60)
    assert "已保存" in dialog.status.text()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    assert dialog.table.currentIndex().row() == 0 and dialog.panel.hazard_box.isVisibleTo(dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.panel.description.hasFocus()
    type_text(dialog.panel.description, "二层东侧安全出口被纸箱堵塞")
    qtbot.keyClick(dialog.panel.description, Qt.Key.Key_Tab)
    type_text(dialog.panel.h_location, "二层东侧安全出口")
    qtbot.keyClick(dialog.panel.h_location, Qt.Key.Key_Escape)
    assert dialog.table.hasFocus() and dialog.isVisible()
    assert dialog.model.index(0, 5).data() == "二层东侧安全出口被纸箱堵塞"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Unit 3: everything at 符合 by default; Save & next ends the batch.
    assert dialog.form.unit_uid == batch["units"][2]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "3" in seen[-1]

    rows = inspection_queries.list_inspections(ctx, inspection_queries.InspectionFilter(
        plan_uid=batch["plan"].uid), sort="started_at", descending=False).rows
    assert [r.record_no for r in rows] == [v.record_no for v in batch["visits"]]
    assert {r.officers for r in rows} == {"张执法、李执法"}
    assert [r.hazards for r in rows] == [0, 1, 0]
    assert rows[0].started_at < rows[1].started_at < rows[2].started_at
    assert count(ctx, Hazard) == 1
    assert all(v.status == "已完成" for v in plans.plan_visits(ctx, batch["plan"].uid))


def test_vague_hazard_is_refused_inline_and_nothing_is_written(qtbot, app, ctx, batch, monkeypatch):
    capture_messages(monkeypatch)
    dialog = _form(qtbot, ctx, batch["visits"][0].uid)
    _tick_officer(qtbot, dialog, "张执法")
    _tick_officer(qtbot, dialog, "李执法")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    type_text(dialog.panel.description, "存在隐患")
    assert "请写明具体问题和部位" in dialog.panel.error.text()
    dialog.save_button.click()
    assert "隐患描述" in dialog.error.text() and dialog.isVisible()
    assert count(ctx, Inspection) == 0


def test_one_officer_is_refused_by_the_service(qtbot, app, ctx, batch, monkeypatch):
    capture_messages(monkeypatch)
    dialog = _form(qtbot, ctx, batch["visits"][0].uid)
    _tick_officer(qtbot, dialog, "张执法")
    assert dialog.officer_hint.text() == "仅 1 名持有效执法证"
    dialog.save_button.click()
    assert "至少需要 2 名" in dialog.error.text()
    assert count(ctx, Inspection) == 0


def test_locked_shop_is_requeued_with_a_fresh_number(qtbot, app, ctx, batch, monkeypatch):
    capture_messages(monkeypatch)
    dialog = _form(qtbot, ctx, batch["visits"][0].uid, campaign=batch["plan"].uid)
    _tick_officer(qtbot, dialog, "张执法")
    _tick_officer(qtbot, dialog, "李执法")
    dialog.outcome.setCurrentText("锁门")
    assert not dialog.table.isEnabled()
    dialog.save_and_next()
    assert "仍留在本批次" in dialog.status.text() or "留在" in dialog.status.text()
    visit = plans.plan_visits(ctx, batch["plan"].uid)[0]
    assert visit.status == "待检查" and visit.attempts == 1 and visit.record_no != batch["visits"][0].record_no


def test_paper_form_number_opens_its_visit(qtbot, app, ctx, batch, monkeypatch):
    capture_messages(monkeypatch)
    page = InspectionsPage(AppState(ctx))
    qtbot.addWidget(page)
    number = batch["visits"][1].record_no
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (number, True))
    opened = []
    monkeypatch.setattr(InspectionForm, "exec", lambda self: opened.append(self) or 0)
    page.key_paper_form()
    assert opened[0].form.record_no == number and opened[0].campaign_plan == batch["plan"].uid
    assert opened[0].form.unit_uid == batch["units"][1]


def test_new_inspection_for_a_unit_from_the_page(qtbot, app, ctx, batch, monkeypatch):
    seen = capture_messages(monkeypatch)
    page = InspectionsPage(AppState(ctx))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.count_label.text() == "共 0 份记录"
    unit = batch["units"][0]
    monkeypatch.setattr(inspections_page, "pick_units", lambda *a, **k: {unit: "东城街道小店000"})

    def fill(self):
        for name in ("张执法", "李执法"):
            _tick_officer(qtbot, self, name)
        self.type.setCurrentText("日常检查")
        self.save_and_close()
        return self.result()
    monkeypatch.setattr(InspectionForm, "exec", fill)
    page.new_button.click()
    assert "已保存" in seen[-1]
    assert page.count_label.text() == "共 1 份记录"
    assert page.model.row_at(0).inspection_type == "日常检查" and page.model.row_at(0).unit_uid == unit


def test_list_filters_and_model(qtmodeltester, qtbot, app, ctx, batch):
    pair = [batch["people"]["张执法"], batch["people"]["李执法"]]
    for uid in batch["units"]:
        inspections.create_inspection(ctx, all_pass(ctx, uid, officers=pair))
    model = InspectionTableModel(ctx)
    model.reload()
    qtmodeltester.check(model)
    page = InspectionsPage(AppState(ctx))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.model.total == 3
    page.search.setText("小店001")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    page.clear_filters()
    page.type.setCurrentIndex(page.type.findData("夜查"))
    assert page.model.total == 0


def test_photos_and_a_recheck_are_saved_with_the_record(qtbot, app, ctx, batch, monkeypatch, tmp_path):
    capture_messages(monkeypatch)
    pair = [batch["people"]["张执法"], batch["people"]["李执法"]]
    unit = batch["units"][0]
    code = checklists.items_for_unit(ctx, unit)[1][0].code
    earlier = inspections.create_inspection(ctx, all_pass(ctx, unit, officers=pair, results=(
        ResultInput(code, "不符合", hazard=hazard()),)))
    photo = tmp_path / "现场.png"
    photo.write_bytes(tiny_png("现场"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    dialog = _form(qtbot, ctx, batch["visits"][0].uid)
    assert dialog.rechecks.isVisibleTo(dialog) and dialog.rechecks.rowCount() == 1
    _tick_officer(qtbot, dialog, "张执法")
    _tick_officer(qtbot, dialog, "李执法")
    dialog.rechecks.set_result(0, "已改正")
    dialog.photos_button.click()
    assert dialog.photos_button.text() == "现场照片（1）…"
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert hazards.get_hazard(ctx, earlier.hazard_uids[0]).state == "已销号"
    assert count(ctx, Photo) == 1


def test_checklist_and_visit_models_pass_the_model_tester(qtmodeltester, ctx, batch):
    form = inspection_campaign.form_for_visit(ctx, batch["visits"][0].uid)
    checklist = ChecklistModel()
    checklist.set_entries([ItemEntry(i) for i in form.items])
    checklist.set_result(1, "不符合")
    qtmodeltester.check(checklist)
    visits = VisitTableModel()
    visits.set_rows(plans.plan_visits(ctx, batch["plan"].uid))
    qtmodeltester.check(visits)
