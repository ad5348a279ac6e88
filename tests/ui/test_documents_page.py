"""执法文书 page: register with gap check, draft form, submit, preview and issue, service, void (nothing blocks)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from fireoffice.services import documents
from fireoffice.ui.dialogs import document_preview
from fireoffice.ui.dialogs.document_dialog import DocumentDialog
from fireoffice.ui.dialogs.document_service_dialog import ServiceDialog
from fireoffice.ui.pages.documents_page import DocumentsPage
from fireoffice.ui.state import AppState
from tests.services.doc_helpers import issued_notice, pending_notice, world


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
    dialog.method.setCurrentText("留置")
    dialog.server.setText("张执法")
    dialog.recipient.setText("店主甲")
    dialog.save()
    assert "见证人" in dialog.error.text()
    dialog.witness.setText("村委会李某")
    dialog.save()
    assert dialog.result_info is not None and documents.get_document(page.state.ctx, row.uid).status == "已送达"
