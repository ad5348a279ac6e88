"""举报投诉 page: SQL-paged list with status tabs and filters, overdue rows red, the dialog's three steps,
keyboard (Ctrl+N, Enter, Esc), and what each role sees."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt

from fireoffice.services import complaint_queries, complaints
from fireoffice.services.complaints import ComplaintInput
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.ui.dialogs.complaint_dialog import ComplaintDialog
from fireoffice.ui.models.complaint_models import ComplaintTableModel
from fireoffice.ui.models.inspection_models import RED
from fireoffice.ui.pages.complaints_page import TABS, ComplaintsPage
from fireoffice.ui.state import AppState
from tests.services.insp_helpers import make_officers, make_units

BLOCKED = "占用、堵塞、封闭疏散通道或安全出口"
OTHER = "违规用火、用电、用气"


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


@pytest.fixture
def register(ctx):
    """Three complaints: an urgent one received 30 h ago (overdue), a fresh one, an anonymous one 2 h old."""
    units = make_units(ctx, 3)
    people = make_officers(ctx)
    made = []
    for n, (hours, category, anonymous) in enumerate(((30, BLOCKED, False), (1, OTHER, False), (2, OTHER, True))):
        made.append(complaints.register_complaint(ctx, ComplaintInput(
            received_at=_now() - timedelta(hours=hours), source="12345", category=category,
            content=f"第{n}号举报：安全出口被堵，电话13912345678", anonymous=anonymous,
            complainant_name="" if anonymous else "张三丰", complainant_contact="" if anonymous else "13812345678",
            unit_uid=units[n])).uid)
    return {"units": units, "people": people, "uids": made}


def _as(ctx: ServiceContext, role: str) -> ServiceContext:
    return ServiceContext(db=ctx.db, actor=Actor(username=f"u-{role}", display_name=f"某{role}", role=role))


def _page(qtbot, ctx) -> ComplaintsPage:
    p = ComplaintsPage(AppState(ctx))
    qtbot.addWidget(p)
    p.resize(1280, 640)
    p.show()
    p.refresh()
    return p


@pytest.fixture
def page(qtbot, app, ctx, register):
    return _page(qtbot, ctx)


def test_model_passes_qt_model_tester(qtmodeltester, ctx, register):
    model = ComplaintTableModel(ctx)
    model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_overdue_row_is_red_and_tabs_count(page, register):
    model = page.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    overdue = [n for n, r in enumerate(rows) if r.overdue]
    assert [rows[n].uid for n in overdue] == [register["uids"][0]]
    for col in range(model.columnCount()):
        assert model.data(model.index(overdue[0], col), Qt.ItemDataRole.ForegroundRole) == RED
    fresh = next(n for n, r in enumerate(rows) if not r.overdue)
    assert model.data(model.index(fresh, 0), Qt.ItemDataRole.ForegroundRole) != RED
    assert model.data(model.index(overdue[0], 8)).startswith("6 ")  # 6 hours overdue (30 h after receipt)
    texts = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert texts[[k for k, _l, _f in TABS].index("逾期")].endswith(" 1")
    assert texts[0].endswith(" 3")


def test_filters_run_in_sql(page, register):
    page.show_tab("逾期")
    assert page.model.total == 1
    page.show_tab("open")
    page.time_limit.setCurrentIndex(page.time_limit.findData(True))
    assert page.model.total == 1
    page.clear_filters()
    page.category.setCurrentIndex(page.category.findData(OTHER))
    assert page.model.total == 2
    page.clear_filters()
    page.search.setText("第1号")
    page.apply_filters()
    assert page.model.total == 1
    page.show_tab("已办结")
    assert page.model.total == 0


def test_keyboard_ctrl_n_enter_and_esc(page, qtbot, monkeypatch, register):
    opened = []
    monkeypatch.setattr(ComplaintDialog, "exec", lambda self: opened.append(self.uid) or 0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]  # a new complaint
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened[-1] == page.model.uid_at(0)
    dialog = ComplaintDialog(page.state.ctx, register["uids"][1], page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_dialog_intake_verification_notification_and_closing(qtbot, app, ctx, register):
    dialog = ComplaintDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isTabEnabled(1) and not dialog.close_case_button.isVisible()
    dialog.complainant_name.setText("李四")
    dialog.reported_name.setText("无名小作坊")
    assert not dialog.save()  # no content: refused inline, nothing written
    assert "举报内容" in dialog.error.text()
    assert complaint_queries.complaint_counts(ctx)["all"] == 3
    dialog.content.setPlainText("北关村一家作坊晚上有人住在车间里")
    dialog.category.setCurrentText("人员住宿与生产经营场所混合（三合一）")
    assert dialog.class_label.text() in ("3 working days", "3个工作日")
    assert dialog.save() and dialog.uid
    info = complaints.get_complaint(ctx, dialog.uid)
    assert info.status == "待核查" and info.reported_name == "无名小作坊" and "3个工作日" in dialog.deadline_label.text()
    assert TABS and dialog.tabs.currentIndex() == 0 and dialog.tabs.isTabEnabled(1)
    # verification: one officer is refused, two are accepted
    dialog.show_tab("verify")
    dialog.verified_at.setDateTime(QDateTime.currentDateTime())
    people = register["people"]
    for i in range(dialog.officer_list.count()):
        item = dialog.officer_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == people["张执法"]:
            item.setCheckState(Qt.CheckState.Checked)
    dialog.findings.setPlainText("现场核查，车间二楼确有三名工人住宿")
    dialog.handling.setCurrentText("当场改正")
    assert not dialog.save() and "2 名" in dialog.error.text()
    for i in range(dialog.officer_list.count()):
        item = dialog.officer_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == people["李执法"]:
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.save(), dialog.error.text()
    assert dialog.info.status == "已核查" and dialog.tabs.currentIndex() == 2  # on to the notification
    assert not dialog.close_case_button.isEnabled()
    dialog.unable.setChecked(True)
    dialog.unable_reason.setCurrentText("联系方式有误，无法联系")
    assert dialog.save(), dialog.error.text()
    assert dialog.info.status == "已告知" and dialog.close_case_button.isEnabled()
    assert dialog.close_case()
    assert dialog.info.status == "已办结" and not dialog.save_button.isVisible()


def test_clerk_sees_the_complainant_masked_and_cannot_change_it(qtbot, app, ctx, register):
    clerk = _as(ctx, "协管员")
    dialog = ComplaintDialog(clerk, register["uids"][1])
    qtbot.addWidget(dialog)
    assert dialog.complainant_name.text() == "张**" and dialog.complainant_contact.text() == "138****5678"
    assert not dialog.complainant_name.isEnabled() and not dialog.identity_note.isHidden()
    assert "13912345678" not in dialog.content.toPlainText()
    dialog.show_tab("intake")
    dialog.source.setCurrentText("来访")
    assert dialog.save(), dialog.error.text()  # the masked identity it sends back keeps the real one
    assert complaints.get_complaint(ctx, register["uids"][1]).complainant_name == "张三丰"
    officer = ComplaintDialog(_as(ctx, "执法人员"), register["uids"][1])
    qtbot.addWidget(officer)
    assert officer.complainant_name.text() == "张三丰" and officer.identity_note.isHidden()


def test_buttons_follow_the_role(qtbot, app, ctx, register, monkeypatch):
    viewer = _page(qtbot, _as(ctx, "只读"))
    assert viewer.model.total == 3
    assert viewer.new_button.isHidden() and viewer.verify_button.isHidden() and viewer.notify_button.isHidden()
    assert not viewer.open_button.isHidden()
    opened = []
    monkeypatch.setattr(ComplaintDialog, "exec", lambda self: opened.append(self) or 0)
    viewer.new_complaint()
    assert opened == []
    viewer.view.selectRow(0)
    viewer.open_current()
    assert not opened[0].save_button.isVisible() and not opened[0].content.isEnabled()
    grid = _page(qtbot, _as(ctx, "网格员"))
    assert not grid.view.isEnabled() and grid.model.total == 0 and grid.count_label.text()
    assert grid.new_button.isHidden()


def test_screenshot(page, tmp_path):
    path = tmp_path / "complaints.png"
    assert page.grab().save(str(path))
    assert path.stat().st_size > 10_000
