"""#8: the UI hides what a role cannot do (the services refuse it anyway) — a read-only county viewer (只读) and a
网格员 (reports hazards only) see no write action on the register, hazard, plan, inspection and training pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fireoffice.services.context import Actor
from fireoffice.ui.dialogs.unit_dialog import UnitDialog
from fireoffice.ui.pages.audit_page import AuditPage
from fireoffice.ui.pages.documents_page import DocumentsPage
from fireoffice.ui.pages.hazards_page import HazardsPage
from fireoffice.ui.pages.inspections_page import InspectionsPage
from fireoffice.ui.pages.plans_page import PlansPage
from fireoffice.ui.pages.training_page import TrainingPage
from fireoffice.ui.pages.units_page import UnitsPage
from fireoffice.ui.state import AppState
from tests.services.insp_helpers import make_units

ROLES = {"只读": Actor("county", "县局查看", "只读"), "网格员": Actor("grid", "孙网格", "网格员")}


def _hidden(*buttons) -> bool:
    return all(b.isHidden() for b in buttons)


@pytest.fixture(params=list(ROLES))
def role_state(request, ctx):
    return request.param, AppState(replace(ctx, actor=ROLES[request.param]))


def _page(qtbot, cls, state):
    page = cls(state)
    qtbot.addWidget(page)
    return page


def test_units_page(qtbot, app, role_state):
    role, state = role_state
    page = _page(qtbot, UnitsPage, state)
    assert _hidden(page.new_button, page.archive_button, page.import_button, page.template_button)
    assert page.export_button.isHidden() == (role == "网格员")  # the county viewer may export, a 网格员 not
    assert not page.open_button.isHidden()  # reading stays


def test_unit_form_is_read_only(qtbot, app, ctx, role_state):
    _role, state = role_state
    uid = make_units(ctx, 1)[0]
    dialog = UnitDialog(state.ctx, uid)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isHidden()
    assert not dialog.editors["name"].widget.isEnabled()


def test_hazards_page(qtbot, app, role_state):
    role, state = role_state
    page = _page(qtbot, HazardsPage, state)
    assert page.schedule_button.isHidden() and not page.schedule_button.isEnabled()
    assert page.report_button.isHidden() == (role == "只读")  # a 网格员 reports hazards


def test_plans_page_and_tabs(qtbot, app, role_state):
    _role, state = role_state
    page = _page(qtbot, PlansPage, state)
    for key in ("add", "assign", "cancel", "enter", "campaign"):
        assert page.visit_buttons[key].isHidden() and not page.visit_buttons[key].isEnabled()
    assert page.new_button.isHidden() and page.edit_button.isHidden() and page.draw_button.isHidden()
    assert page.due.add_button.isHidden()
    assert page.draws.new_button.isHidden() and page.draws.action_buttons[-1].isHidden()  # void
    assert not page.draws.action_buttons[0].isHidden()  # verify (replay) is for everyone


def test_inspections_page(qtbot, app, role_state):
    _role, state = role_state
    page = _page(qtbot, InspectionsPage, state)
    for b in (page.new_button, page.paper_button, page.campaign_button):
        assert b.isHidden() and not b.isEnabled()
    assert not page.open_button.isHidden()


def test_training_page_detail_and_attachments(qtbot, app, ctx, role_state):
    from datetime import date

    from fireoffice.services import training

    _role, state = role_state
    session = training.create_session(ctx, training.SessionInput(kind="集中培训", topic="消防培训", held_on=date.today(),
                                                                 place="所会议室"))
    page = _page(qtbot, TrainingPage, state)
    for b in (page.new_button, page.edit_button, page.cancel_button):
        assert b.isHidden() and not b.isEnabled()
    for b in page.detail.write_buttons():
        assert b.isHidden() and not b.isEnabled()
    att = page.detail.attachments
    page.detail.show_session(training.get_session(ctx, session.uid))
    assert not page.detail.sheet_pdf_button.isHidden() and page.detail.sheet_pdf_button.isEnabled()  # printing stays
    for b in page.detail.write_buttons():
        assert not b.isEnabled()
    att.show_session(session.uid)  # even with a session shown, adding and removing stay hidden and off
    assert att.add_button.isHidden() and not att.add_button.isEnabled() and att.remove_button.isHidden()


def test_audit_page_offers_no_write(qtbot, app, role_state):
    role, state = role_state
    page = _page(qtbot, AuditPage, state)
    page.refresh()
    assert page.verify_button.isEnabled() == (role == "只读")  # 只读 may view the audit trail, a 网格员 not


def test_an_enforcer_sees_the_write_actions(qtbot, app, ctx):
    state = AppState(replace(ctx, actor=Actor("zhang", "张执法", "执法人员")))
    units = _page(qtbot, UnitsPage, state)
    plans = _page(qtbot, PlansPage, state)
    training = _page(qtbot, TrainingPage, state)
    assert not units.new_button.isHidden() and not units.archive_button.isHidden()
    assert not plans.new_button.isHidden() and not plans.due.add_button.isHidden()
    assert not training.new_button.isHidden()


def test_documents_page(qtbot, app, ctx, role_state):
    _role, state = role_state
    page = _page(qtbot, DocumentsPage, state)
    writes = ("new", "edit", "submit", "issue", "serve", "void", "correct", "decision")
    assert _hidden(*(page.buttons[k] for k in writes))
    assert not page.buttons["print"].isHidden()  # reading and printing issued documents stays
    officer = _page(qtbot, DocumentsPage, AppState(replace(ctx, actor=Actor("li", "李执法", "执法人员"))))
    assert not officer.buttons["new"].isHidden() and officer.buttons["issue"].isHidden()  # only the head issues


def test_settings_page(qtbot, app, ctx, role_state):
    from fireoffice.ui.pages.settings_page import SettingsPage

    _role, state = role_state
    page = _page(qtbot, SettingsPage, state)
    page.refresh()
    assert _hidden(page.save_button, page.places_button, page.rules_button, page.restore_button,
                   page.clean_button, page.users_button)
    assert not page.form.isEnabled()
    head = _page(qtbot, SettingsPage, AppState(replace(ctx, actor=Actor("wang", "王所长", "所长"))))
    head.refresh()
    assert not head.save_button.isHidden() and not head.rules_button.isHidden() and head.restore_button.isHidden()
