"""培训约谈 page: session list, keyboard tick-off, walk-ins, invitations, printing, statistics (nothing blocks)."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from fireoffice.services import training, training_attendance, training_invite, training_signin
from fireoffice.ui.dialogs import training_interview_dialog, training_invite_dialog, training_walkin_dialog
from fireoffice.ui.dialogs.training_session_dialog import SessionDialog
from fireoffice.ui.models.training_attendance import AttendanceModel
from fireoffice.ui.models.training_sessions import SessionTableModel
from fireoffice.ui.pages.training_page import TrainingPage
from fireoffice.ui.state import AppState
from tests.services.test_training import make_session, make_units, setup_station

TODAY = date.today()


@pytest.fixture
def messages(monkeypatch):
    """Every message box the page would show, recorded instead of shown."""
    seen: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: seen.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


@pytest.fixture
def filled(ctx):
    setup_station(ctx)
    uids = make_units(ctx, 6)
    held = make_session(ctx, topic="冬春火灾防控培训")
    training_invite.invite_units(ctx, held.uid, uids, persons="resp")
    talk = make_session(ctx, kind="一对一警示约谈", topic="一对一警示约谈", reason="受到行政处罚",
                        held_on=TODAY + timedelta(days=5))
    training_invite.invite_units(ctx, talk.uid, uids[:1])
    empty = make_session(ctx, topic="还没邀请单位的培训", held_on=TODAY - timedelta(days=3))
    return ctx, uids, held, talk, empty


@pytest.fixture
def page(qtbot, app, filled, messages):
    p = TrainingPage(AppState(filled[0]))
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    p.refresh()
    return p


def _select(page, uid: str) -> None:
    page.select_row(page.model.row_of(uid))
    assert page.detail.info.uid == uid


def test_models_pass_the_qt_model_tester(qtmodeltester, filled):
    ctx, _uids, held, *_ = filled
    sessions = SessionTableModel()
    sessions.set_rows(training.list_sessions(ctx))
    qtmodeltester.check(sessions)
    people = AttendanceModel()
    people.set_rows(training_attendance.list_attendees(ctx, held.uid))
    qtmodeltester.check(people)


def test_list_and_keyboard_tick_off(page, qtbot, filled):
    _ctx, _uids, held, _talk, _empty = filled
    assert page.model.rowCount() == 3
    _select(page, held.uid)
    view = page.detail.view
    view.setFocus()
    view.selectRow(0)
    first_uid = page.detail.model.uid_at(0)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert page.detail.model.row_at(0).status == "实到"
    assert view.currentIndex().row() == 1  # moved on: the next Space ticks the next person
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert page.detail.model.row_at(1).status == "请假"
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert page.detail.model.row_at(2).status == "缺席"
    assert "实到 1" in page.detail.counts.text() and "请假 1" in page.detail.counts.text()
    row = page.model.row_of(held.uid)
    assert page.model.index(row, 5).data() == 1  # the list's 实到 column followed
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert training_attendance.list_attendees(page.state.ctx, held.uid)[0].status == "未签到"
    assert page.detail.model.uid_at(0) == first_uid


def test_future_session_refuses_ticks_with_a_message(page, qtbot, filled, messages):
    _select(page, filled[3].uid)
    page.detail.view.selectRow(0)
    page.detail.mark(None)
    assert messages and "还没到" in messages[-1]
    assert page.detail.model.row_at(0).status == "未签到"


def test_new_session_form_validates_inline(page, qtbot, monkeypatch):
    created = []

    def fill_and_save(dialog: SessionDialog):
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        dialog.w["topic"].setText("")
        dialog.check()
        assert not save.isEnabled() and "不能为空" in dialog.errors["topic"].text()
        dialog.w["topic"].setText("电动自行车消防安全培训")
        dialog.w["place"].setText("")
        dialog.check()
        assert not save.isEnabled() and dialog.errors["place"].isVisibleTo(dialog)
        dialog.w["place"].setText("柳林村党群服务中心")
        assert dialog.check() and save.isEnabled()
        dialog.save()
        created.append(dialog.result_info)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SessionDialog, "exec", fill_and_save)
    page.new_session()
    assert created and created[0].session_no.startswith("PX-")
    assert page.current_uid() == created[0].uid and page.model.rowCount() == 4


def test_walk_in_and_duplicate(page, qtbot, filled, monkeypatch):
    _ctx, _uids, held, *_ = filled
    _select(page, held.uid)
    outcome = []

    def add(dialog):
        dialog.unit.setText("柳林村测试单位2号店")
        dialog.name.setText("责任人2")  # already on the list
        dialog.save()
        outcome.append(dialog.message.text())
        dialog.name.setText("钱七")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(training_walkin_dialog.WalkInDialog, "exec", add)
    page.detail.add_walk_in()
    assert "已在名单中" in outcome[0]
    rows = page.detail.model.rows
    assert rows[-1].person_name == "钱七" and rows[-1].source == "现场补录" and rows[-1].status == "实到"
    assert "现场补录 1" in page.detail.counts.text()


def test_invite_dialog_filters_and_proposals(page, qtbot, filled, monkeypatch, messages):
    _ctx, uids, _held, _talk, empty = filled
    _select(page, empty.uid)

    def invite(dialog):
        assert "6" in dialog.count_label.text()
        dialog.history.setCurrentIndex(dialog.history.findData("never"))
        dialog.update_count()
        assert "6" in dialog.count_label.text()
        dialog.category.setCurrentIndex(dialog.category.findText("小餐饮场所"))
        dialog.update_count()
        assert "3" in dialog.count_label.text()
        dialog.invite_filtered()
        assert dialog.tree.topLevelItemCount() == 3
        return 0

    monkeypatch.setattr(training_invite_dialog.InviteDialog, "exec", invite)
    page.detail.invite()
    assert len({r.unit_uid for r in page.detail.model.rows}) == 3
    assert any("新邀请 3 家单位" in m for m in messages)


def test_printing_goes_to_the_chosen_file(page, qtbot, filled, monkeypatch, tmp_path, messages):
    _ctx, _uids, held, talk, empty = filled
    target = tmp_path / "签到表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _select(page, held.uid)
    page.detail.sheet_pdf_button.click()
    qtbot.waitUntil(lambda: target.exists() and any("已保存到" in m for m in messages), timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")
    _select(page, empty.uid)
    page.detail.sheet_pdf_button.click()
    qtbot.waitUntil(lambda: any("还没有邀请" in m for m in messages), timeout=10000)
    _select(page, talk.uid)
    assert page.detail.notice_button.isEnabled() and page.detail.tabs.isTabEnabled(1)
    notices = tmp_path / "约谈通知书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(notices), ""))
    page.detail.notice_button.click()
    qtbot.waitUntil(notices.exists, timeout=10000)
    page.state.tasks.wait(5000)
    qtbot.waitUntil(lambda: page.detail.interviews.item(0, 3) is not None
                    and "约字" in page.detail.interviews.item(0, 3).text(), timeout=5000)


def test_interview_record_dialog_saves(page, qtbot, filled, monkeypatch):
    _select(page, filled[3].uid)
    page.detail.tabs.setCurrentIndex(1)
    page.detail.interviews.selectRow(0)

    def fill(dialog):
        dialog.commitments.setPlainText("三日内清理安全出口")
        dialog.pledge.setChecked(True)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(training_interview_dialog.InterviewDialog, "exec", fill)
    page.detail.edit_interview()
    assert page.detail.interviews.item(0, 5).text() == "是"


def test_read_filled_sheet(page, qtbot, filled, monkeypatch, tmp_path, messages):
    ctx, _uids, held, *_ = filled
    path = training_signin.export_sign_in_xlsx(ctx, held.uid, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 3).value == "责任人1":
            ws.cell(r, 6).value = "√"
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    _select(page, held.uid)
    page.detail.read_sheet_button.click()
    assert any("实到 1 人" in m for m in messages)
    assert page.detail.model.rows[0].status == "实到"


def test_statistics_tab(page, filled):
    ctx, _uids, held, *_ = filled
    rows = training_attendance.list_attendees(ctx, held.uid)
    training_attendance.set_status(ctx, [rows[0].uid], "实到")
    page.tabs.setCurrentIndex(1)
    page.stats.year.setCurrentIndex(page.stats.year.findData(held.held_on.year))
    page.stats.refresh()
    assert page.stats.months.rowCount() == 13
    assert page.stats.stats.total.units == 1 and "1 / 6" in page.stats.coverage.text()
    assert "16.7%" in page.stats.coverage.text()
