"""执法文书 page: register with gap check, draft form, submit, preview and issue, service, void (nothing blocks)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from fireoffice.services import documents, documents_flow
from fireoffice.services.errors import ValidationError
from fireoffice.ui.dialogs import document_preview
from fireoffice.ui.dialogs.document_dialog import DocumentDialog
from fireoffice.ui.dialogs.document_service_dialog import ServiceDialog
from fireoffice.ui.pages.documents_page import DocumentsPage
from fireoffice.ui.state import AppState
from tests.services.doc_helpers import decision_after, issued_notice, notice_record, pending_notice, world


@pytest.fixture
def messages(monkeypatch):
    seen: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: seen.append(text))
    return seen


@pytest.fixture
def page(app, ctx, qtbot):
    w = world(ctx)
    issued_notice(w)
    pending_notice(w)
    p = DocumentsPage(AppState(ctx))
    qtbot.addWidget(p)
    p.resize(1400, 700)
    p.refresh()
    p.w = w
    return p


def _select(page, status: str) -> None:
    n = next(i for i, r in enumerate(page.model.rows) if r.status == status)
    page.view.selectRow(n)


def test_register_shows_numbers_and_no_gaps(page, tmp_path):
    assert [r.status for r in page.model.rows] == ["已签发", "待审批"]
    assert page.model.rows[0].number.endswith("第001号")
    assert "no gaps" in page.gap_label.text() or "无缺号" in page.gap_label.text() or "1" in page.gap_label.text()
    page.show()
    page.grab().save(str(tmp_path / "documents_page.png"))
    if os.environ.get("FIREOFFICE_SCREENSHOT_DIR"):
        page.grab().save(os.path.join(os.environ["FIREOFFICE_SCREENSHOT_DIR"], "documents_page.png"))


def test_issue_after_preview(page, monkeypatch, messages):
    monkeypatch.setattr(document_preview.PreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    _select(page, "待审批")
    page.issue()
    assert [r.status for r in page.model.rows] == ["已签发", "已签发"]
    assert any("第002号" in m for m in messages)


def test_void_and_refusal_messages(page, monkeypatch, messages):
    _select(page, "已签发")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    page.void()
    assert any("作废原因" in m for m in messages)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("单位名称写错", True))
    _select(page, "已签发")
    page.void()
    assert page.model.rows[0].status == "已作废" and page.model.rows[0].void_reason == "单位名称写错"


def test_draft_form_round_trip(page, qtbot):
    info = documents.create_draft(page.state.ctx, "责令限期改正通知书", inspection_uid=page.w.inspection)
    dialog = DocumentDialog(page.state.ctx, info)
    qtbot.addWidget(dialog)
    assert dialog.widgets["addressee"].text().startswith("吴喆记火锅店")
    dialog.widgets["address"].setText("东城街道人民路8号")
    dialog.officer_boxes[0].setCurrentIndex(1)
    dialog.officer_boxes[1].setCurrentIndex(2)
    dialog.save()
    saved = documents.get_document(page.state.ctx, info.uid)
    assert saved.fields["address"] == "东城街道人民路8号" and len(saved.officer_uids) == 2
    assert len(saved.fields["items"]) == 2


def test_service_dialog_requires_witness_for_leaving(page, qtbot):
    row = page.model.rows[0]
    dialog = ServiceDialog(page.state.ctx, row.uid, row.number)
    qtbot.addWidget(dialog)
    assert "2026-02-04 前送达" in dialog.hints.text()  # inspected Fri 2026-01-30: 3 working days
    dialog.method.setCurrentText("留置")
    dialog.server.setText("张执法")
    dialog.recipient.setText("店主甲")
    dialog.save()
    assert "见证人" in dialog.error.text()
    dialog.witness.setText("村委会李某")
    dialog.save()
    assert dialog.result_info is not None and documents.get_document(page.state.ctx, row.uid).status == "已送达"


def _pending_decision(page) -> tuple[str, str]:
    """A signed 告知笔录 made an hour ago and a pending decision that follows it (window still running)."""
    w = page.w
    notice = notice_record(w)
    uid = decision_after(w, notice)
    documents_flow.submit(w.ctx, uid)
    page.refresh()
    return notice, uid


def test_decision_window_is_shown_and_the_issue_is_refused_before_it(page, monkeypatch, messages, tmp_path):
    notice, uid = _pending_decision(page)
    row = next(n for n, r in enumerate(page.model.rows) if r.uid == uid)
    page.view.selectRow(row)
    assert "起方可签发" in page.timing_label.text() and "b91c1c" in page.timing_label.styleSheet()
    assert "办案期限" in page.timing_label.text()
    monkeypatch.setattr(document_preview.PreviewDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    page.issue()
    assert any("起方可签发" in m for m in messages)
    assert documents.get_document(page.state.ctx, uid).status == "待审批"
    page.show()
    page.grab().save(str(tmp_path / "documents_timing.png"))
    if os.environ.get("FIREOFFICE_SCREENSHOT_DIR"):
        page.grab().save(os.path.join(os.environ["FIREOFFICE_SCREENSHOT_DIR"], "documents_timing.png"))


def test_decision_from_notice_button_prefills_and_optional_dates_stay_empty(page, monkeypatch, qtbot):
    notice = notice_record(page.w)
    page.refresh()
    page.view.selectRow(next(n for n, r in enumerate(page.model.rows) if r.uid == notice))
    opened = []
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: opened.append(self) or 0)
    page.decision_from_notice()
    dialog = opened[0]
    assert dialog.widgets["notice_no"].text().endswith("第001号") and dialog.widgets["fine"].value() == 8000
    values = dialog.values()
    assert values["waived_on"] == "" and values["hearing_on"] == ""  # never a waiver the clerk did not enter
    assert "办案期限" in dialog.timing.text()
    dialog.show_error(ValidationError("立案日期", "不能为空"))
    assert "b91c1c" in dialog.labels["立案日期"].styleSheet() and dialog.labels["罚款金额（元）"].styleSheet() == ""
    assert dialog.error.text() == "立案日期：不能为空"
    dialog.show()
    if os.environ.get("FIREOFFICE_SCREENSHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["FIREOFFICE_SCREENSHOT_DIR"], "decision_dialog.png"))


def test_interview_notices_are_listed_and_printed_from_their_session(page, monkeypatch, messages):
    from datetime import date, timedelta

    from fireoffice.services import training, training_invite, training_print

    ctx = page.state.ctx
    sess = training.create_session(ctx, training.SessionInput(
        kind="一对一警示约谈", topic="警示约谈", held_on=date.today() + timedelta(days=2), place="所会议室",
        trainer="张执法", reason="受到行政处罚"))
    training_invite.invite_units(ctx, sess.uid, [page.w.unit])
    training_print.notices_pdf(ctx, sess.uid)
    page.refresh()
    n = next(i for i, r in enumerate(page.model.rows) if r.doc_type == "约谈通知书")
    assert page.model.rows[n].number.endswith("第001号") and "消约字" in page.model.rows[n].number
    page.view.selectRow(n)
    page.submit()
    assert any("约谈" in m for m in messages)
    shown = []
    monkeypatch.setattr(document_preview.PreviewDialog, "exec", lambda self: shown.append(self) or 0)
    page.preview()
    assert shown
