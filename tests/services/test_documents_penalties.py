"""Penalty documents: article table ranges, 当场处罚 limits, capitals; 送达回证 rules and service-date deadlines."""

from __future__ import annotations

from datetime import datetime

import pytest

from fireoffice.services import documents, documents_flow, penalties, service_records
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.service_records import ServiceInput
from tests.services.doc_helpers import HEAD, decision_after, issued_notice, notice_record, world

FACTS = {"facts": "二层东侧安全出口被纸箱堵塞", "party_kind": "单位", "article_code": "60-1-3/单位",
         "penalty_kind": "罚款"}


def _decision(w, kind="行政处罚决定书", **fields):
    if kind == "行政处罚决定书":  # after a signed 告知笔录 in which the party waived 陈述、申辩 and 听证
        notice = notice_record(w, response="放弃陈述、申辩和听证")
        return decision_after(w, notice, **{**FACTS, "fine": None, **fields})
    doc = documents.create_draft(w.ctx, kind, unit_uid=w.unit, fields={**FACTS, **fields})
    documents.update_draft(w.ctx, doc.uid, officer_uids=w.pair())
    return doc.uid


def test_fine_is_checked_against_the_article_range(ctx):
    w = world(ctx)
    uid = _decision(w, fine=3000)
    with pytest.raises(ValidationError, match="5,000–50,000"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"fine": 60000})
    with pytest.raises(ValidationError, match="超出"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"fine": 5000})
    documents_flow.submit(ctx, uid)
    info = documents_flow.issue(w.as_(HEAD), uid)
    assert "消罚决字" in info.number


def test_warning_only_where_the_article_allows_it(ctx):
    w = world(ctx)
    uid = _decision(w, penalty_kind="警告")
    with pytest.raises(ValidationError, match="不设警告"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"party_kind": "个人", "article_code": "60-1-3/个人"})
    documents_flow.submit(ctx, uid)


def test_on_the_spot_limits(ctx):
    w = world(ctx)
    uid = _decision(w, "当场处罚决定书", party_kind="个人", article_code="60-1-3/个人", fine=300, place="后门")
    with pytest.raises(ValidationError, match="200"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"fine": 200})
    documents_flow.submit(ctx, uid)


def test_amounts_in_capitals_and_texts():
    assert penalties.capitals(5000) == "伍仟元整"
    assert penalties.amount_text(50000) == "人民币伍万元整（¥50,000.00）"
    assert "5个工作日" in penalties.rights_text() and "六个月" not in penalties.rights_text()
    assert "60日" in penalties.remedies_text("临县人民政府") and "6个月" in penalties.remedies_text("x")


def _service(**kw) -> ServiceInput:
    base = dict(method="直接", served_at=datetime(2026, 2, 2, 10, 5), place="店内", recipient="店主甲",
                relation="法定代表人", server="张执法、李执法")
    base.update(kw)
    return ServiceInput(**base)


def test_service_record_rules_and_deemed_dates(ctx):
    w = world(ctx)
    uid = issued_notice(w)
    with pytest.raises(ValidationError, match="见证人"):
        service_records.record_service(ctx, uid, _service(method="留置"))
    with pytest.raises(ValidationError, match="签发日期"):
        service_records.record_service(ctx, uid, _service(served_at=datetime(2020, 1, 1, 9, 0)))
    now = datetime.now().replace(second=0, microsecond=0)
    info = service_records.record_service(ctx, uid, _service(method="公告", note="多次上门无人，张贴公告", served_at=now))
    assert (info.deemed_on - info.served_at.date()).days == 60
    assert documents.get_document(ctx, uid).status == "已送达"
    with pytest.raises(Conflict):
        service_records.record_service(ctx, uid, _service())


def test_late_service_of_a_rectification_notice_is_warned(ctx):
    w = world(ctx)
    uid = issued_notice(w)  # inspection on Fri 2026-01-30: due by 2026-02-04
    info = service_records.record_service(ctx, uid, _service(served_at=datetime.now().replace(microsecond=0)))
    assert any("送达超期" in x for x in info.warnings)
    assert any("行政复议" in d for d in info.deadlines)
    assert service_records.receipt_pdf(ctx, uid)[:4] == b"%PDF"


def test_penalty_deadlines_start_at_service(ctx):
    w = world(ctx)
    uid = _decision(w, "行政处罚告知书", fine=5000)
    documents_flow.submit(ctx, uid)
    documents_flow.issue(w.as_(HEAD), uid)
    info = service_records.record_service(ctx, uid, _service(served_at=datetime.now().replace(microsecond=0)))
    assert any(d.startswith("陈述、申辩和听证申请截止") for d in info.deadlines)
