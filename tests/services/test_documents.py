"""Enforcement documents: prefill, workflow and roles, numbering on issue, immutability, void and correct."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from fireoffice.db.models import EnforcementDocument, Hazard, User
from fireoffice.services import documents, documents_flow, documents_pdf, documents_register
from fireoffice.services.errors import Conflict, PermissionDenied, ValidationError
from tests.services.doc_helpers import CLERK, HEAD, issued_notice, pending_notice, world


def test_draft_is_prefilled_from_inspection_hazards_and_unit(ctx):
    w = world(ctx)
    doc = documents.create_draft(w.as_(CLERK), "责令限期改正通知书", inspection_uid=w.inspection)
    assert doc.status == "草稿" and doc.number == ""
    assert doc.fields["addressee"].startswith("吴喆记火锅店") and doc.fields["inspected_on"] == "2026-01-30"
    assert [i["deadline"] for i in doc.fields["items"]] == ["2026-02-02", "2026-02-06"]  # per-item deadlines
    assert set(doc.hazard_uids) == set(w.hazards)


def test_issue_allocates_number_links_hazards_and_archives_pdf(ctx):
    w = world(ctx)
    uid = pending_notice(w)
    info = documents_flow.issue(w.as_(HEAD), uid, on=date(2026, 2, 2))
    assert info.number == "临东消限字〔2026〕第001号" and info.status == "已签发"
    assert any("前送达" in x or "超期" in x for x in info.warnings)
    with ctx.db.read() as s:
        doc = s.execute(select(EnforcementDocument).where(EnforcementDocument.uid == uid)).scalar()
        assert hashlib.sha256(doc.pdf).hexdigest() == doc.pdf_sha256
        assert [o["name"] for o in doc.signatories] == ["张执法", "李执法"]
        assert doc.issuer_name == "临县消防救援大队"  # 委托: the 大队 is the issuing authority
        assert {h.notice_no for h in s.execute(select(Hazard)).scalars()} == {info.number}
    assert documents_pdf.pdf_by_number(ctx, info.number)[:4] == b"%PDF"
    second = issued_notice(w)
    assert documents.get_document(ctx, second).number.endswith("第002号")


def test_only_the_head_issues_and_clerks_may_draft(ctx):
    w = world(ctx)
    uid = pending_notice(w)
    with pytest.raises(PermissionDenied, match="协管员"):
        documents_flow.issue(w.as_(CLERK), uid)
    assert documents.get_document(ctx, uid).number == ""


def test_two_officers_with_valid_certificates_are_required(ctx):
    w = world(ctx)
    doc = documents.create_draft(ctx, "责令限期改正通知书", inspection_uid=w.inspection)
    documents.update_draft(ctx, doc.uid, officer_uids=(w.people["张执法"],))
    with pytest.raises(ValidationError, match="两名"):
        documents_flow.submit(ctx, doc.uid)
    documents.update_draft(ctx, doc.uid, officer_uids=(w.people["张执法"], w.people["赵过期"]))
    with pytest.raises(ValidationError, match="过期"):
        documents_flow.submit(ctx, doc.uid)
    documents.update_draft(ctx, doc.uid, officer_uids=(w.people["张执法"], w.people["陈协管"]))
    with pytest.raises(ValidationError, match="不是执法人员"):
        documents_flow.submit(ctx, doc.uid)


def test_certificate_expired_between_submit_and_issue_is_refused_without_losing_a_number(ctx):
    w = world(ctx)
    uid = pending_notice(w)
    with ctx.db.write() as s:
        s.execute(select(User).where(User.display_name == "李执法")).scalar().cert_valid_until = date(2025, 1, 1)
    with pytest.raises(ValidationError, match="过期"):
        documents_flow.issue(w.as_(HEAD), uid)
    assert documents_register.gaps(ctx, date.today().year) == []
    assert documents.get_document(ctx, uid).status == "待审批"


def test_issued_document_is_immutable_and_corrected_by_a_new_one(ctx):
    w = world(ctx)
    uid = issued_notice(w)
    with pytest.raises(Conflict, match="不能修改"):
        documents.update_draft(ctx, uid, fields={"address": "改过的地址"})
    with pytest.raises(Conflict):
        documents_flow.issue(w.as_(HEAD), uid)  # a second issue of the same document
    fix = documents_flow.correct(ctx, uid)
    assert fix.corrects_uid == uid and fix.status == "草稿"
    documents.update_draft(ctx, fix.uid, fields={"address": "东城街道人民路1号之一"})
    documents_flow.submit(ctx, fix.uid)
    new = documents_flow.issue(w.as_(HEAD), fix.uid)
    old = documents.get_document(ctx, uid)
    assert old.status == "已作废" and new.number in old.void_reason and old.number.endswith("第001号")


def test_void_needs_reason_and_head_and_keeps_the_number(ctx):
    w = world(ctx)
    uid = issued_notice(w)
    with pytest.raises(PermissionDenied):
        documents_flow.void(w.as_(CLERK), uid, "填写错误需要作废")
    with pytest.raises(ValidationError, match="作废原因"):
        documents_flow.void(w.as_(HEAD), uid, "")
    info = documents_flow.void(w.as_(HEAD), uid, "单位名称填写错误")
    assert info.status == "已作废" and info.number.endswith("第001号")
    rows = documents_register.register(ctx, date.today().year)
    assert [(r.number, r.void_reason) for r in rows] == [(info.number, "单位名称填写错误")]
    assert documents_register.gaps(ctx, date.today().year) == []
    assert documents_pdf.pdf_by_number(ctx, info.number)[:4] == b"%PDF"  # the stamped copy


def test_no_power_refuses_notices_and_offers_a_transfer(ctx):
    w = world(ctx, mode="无权")
    uid = pending_notice(w)
    with pytest.raises(Conflict, match="案件移送书"):
        documents_flow.issue(w.as_(HEAD), uid)
    transfer = documents_flow.make_transfer(ctx, uid)
    assert transfer.doc_type == "案件移送书" and transfer.fields["addressee"] == "临县消防救援大队"
    documents_flow.submit(ctx, transfer.uid)
    issued = documents_flow.issue(w.as_(HEAD), transfer.uid)
    assert "消移字" in issued.number


def test_empty_required_field_names_the_field(ctx):
    w = world(ctx)
    doc = documents.create_draft(ctx, "临时查封决定书", unit_uid=w.unit, fields={"period_days": 45})
    documents.update_draft(ctx, doc.uid, officer_uids=w.pair())
    with pytest.raises(ValidationError, match="检查日期"):
        documents_flow.submit(ctx, doc.uid)
    documents.update_draft(ctx, doc.uid, fields={"inspected_on": "2026-01-30", "facts": "疏散通道严重堵塞",
                                                 "grounds": "安全出口严重堵塞", "scope": "二层歌舞厅"})
    with pytest.raises(ValidationError, match="负责人集体研究决定情况"):
        documents_flow.submit(ctx, doc.uid)
    documents.update_draft(ctx, doc.uid, fields={"collective": "2026年1月30日所长办公会集体研究决定"})
    with pytest.raises(ValidationError, match="1 到 30"):
        documents_flow.submit(ctx, doc.uid)


def test_recheck_opinion_references_the_notice(ctx):
    w = world(ctx)
    notice = issued_notice(w)
    number = documents.get_document(ctx, notice).number
    doc = documents.create_draft(ctx, "复查意见书", unit_uid=w.unit, hazard_uids=w.hazards, ref_uid=notice,
                                 fields={"rechecked_on": "2026-02-09", "trigger": "期限届满", "conclusion": "已全部改正。"})
    assert doc.fields["notice_no"] == number and doc.ref_uid == notice
    documents.update_draft(ctx, doc.uid, officer_uids=w.pair())
    documents_flow.submit(ctx, doc.uid)
    assert "消复字" in documents_flow.issue(w.as_(HEAD), doc.uid).number


def test_drafts_can_be_deleted_issued_cannot(ctx):
    w = world(ctx)
    doc = documents.create_draft(ctx, "责令限期改正通知书", inspection_uid=w.inspection)
    documents.delete_draft(ctx, doc.uid)
    uid = issued_notice(w)
    with pytest.raises(Conflict):
        documents.delete_draft(ctx, uid)
