"""告知笔录, the 告知 window before a decision, the 90-day limit, the 24 h emergency seal, 辖区, and the register
listing every 约谈通知书 number (issue #5 rules still missing)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from fireoffice.db.models import AuditEvent, DocSequence, Unit, Village
from fireoffice.services import (
    documents,
    documents_flow,
    documents_pdf,
    documents_register,
    documents_timing,
    numbering,
    service_records,
    training,
    training_invite,
    training_print,
    workdays,
)
from fireoffice.services.errors import ValidationError
from fireoffice.services.service_records import ServiceInput
from tests.services.doc_helpers import HEAD, PENALTY, decision_after, notice_record, world

TODAY = date.today()
NOW = datetime.now().replace(second=0, microsecond=0)


def _earliest(ctx, told: date) -> date:
    return workdays.add_workdays(workdays.get_calendar(ctx), told, 5) + timedelta(days=1)


def _pdf_text(data: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


# --- 告知笔录 ----------------------------------------------------------------------------------------------------

def test_notice_record_is_its_own_type_prefilled_numbered_and_printed(ctx, tmp_path):
    w = world(ctx, mode="赋权")
    draft = documents.create_draft(ctx, "行政处罚告知笔录", unit_uid=w.unit)
    assert draft.fields["notified_person"] == "店主甲" and draft.fields["relation"] == "法定代表人"
    assert draft.fields["place"].startswith("东城街道人民路")
    uid = notice_record(w, hearing_applies="否", response="要求陈述、申辩", statement="堵塞系临时卸货，已清理")
    info = documents.get_document(ctx, uid)
    assert info.number == f"临东消罚告笔字〔{TODAY.year}〕第001号" and info.status == "已签发"
    # the 告知书 keeps its own counter: no collision between the two kinds of 告知
    letter = documents.create_draft(ctx, "行政处罚告知书", unit_uid=w.unit, fields=PENALTY)
    documents.update_draft(ctx, letter.uid, officer_uids=w.pair())
    documents_flow.submit(ctx, letter.uid)
    assert documents_flow.issue(w.as_(HEAD), letter.uid).number == f"临东消罚告字〔{TODAY.year}〕第001号"
    numbering.set_template(ctx, "行政处罚告知笔录", "{issuer}告笔〔{year}〕{seq}号")  # the station's own format
    second = documents.get_document(ctx, notice_record(w))
    assert second.number == f"临东告笔〔{TODAY.year}〕2号"
    text = _pdf_text(documents_pdf.preview(ctx, uid), tmp_path).replace("\n", "")
    for words in ("行政处罚告知笔录", info.number, "被告知人：店主甲", "第四十四条", "罚款人民币捌仟元整",
                  "堵塞系临时卸货", "5个工作日"):
        assert words in text, words
    assert "要求举行听证" not in text  # not in the 听证 range: the right is not printed
    with ctx.db.read() as s:
        events = s.execute(select(AuditEvent.action).where(AuditEvent.entity_uid == uid)).scalars().all()
    assert "起草文书" in events and "签发文书" in events


def test_notice_record_field_rules_name_the_field(ctx):
    w = world(ctx)
    uid = notice_record(w, issue=False, signature="拒绝签名")
    with pytest.raises(ValidationError, match="见证人"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"signature": "已签名",
                                             "notified_at": (NOW + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")})
    with pytest.raises(ValidationError, match="告知时间"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"notified_at": NOW.strftime("%Y-%m-%dT%H:%M"),
                                             "response": "要求陈述、申辩"})
    with pytest.raises(ValidationError, match="陈述、申辩内容"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"statement": "请求从轻处罚"})
    assert documents_flow.submit(ctx, uid).status == "待审批"


# --- the 告知 window -------------------------------------------------------------------------------------------

def test_decision_waits_for_the_statement_and_hearing_window(ctx):
    w = world(ctx)
    told = NOW - timedelta(hours=1)
    uid = decision_after(w, notice_record(w, at=told))
    info = documents.get_document(ctx, uid)
    assert info.fields["fine"] == 8000 and info.fields["notice_no"].endswith("第001号")  # prefilled from the 告知
    documents_flow.submit(ctx, uid)
    earliest = _earliest(ctx, told.date())
    with pytest.raises(ValidationError, match=f"{earliest}起方可签发") as refused:
        documents_flow.issue(w.as_(HEAD), uid)
    assert refused.value.field == "签发日期"
    timing = documents_timing.document_timing(ctx, uid)
    assert timing.earliest == earliest and any(str(earliest) in p for p in timing.problems)
    with pytest.raises(ValidationError):
        documents_flow.issue(w.as_(HEAD), uid, on=earliest - timedelta(days=1))
    issued = documents_flow.issue(w.as_(HEAD), uid, on=earliest)
    assert issued.status == "已签发" and any("办案期限" in x for x in issued.warnings)


def test_written_waiver_allows_an_earlier_decision(ctx):
    w = world(ctx)
    told = NOW - timedelta(hours=2)
    notice = notice_record(w, at=told)
    uid = decision_after(w, notice, waived_on=(told.date() - timedelta(days=1)).isoformat())
    documents_flow.submit(ctx, uid)
    with pytest.raises(ValidationError, match="不能早于告知日期") as refused:
        documents_flow.issue(w.as_(HEAD), uid)
    assert refused.value.field == "书面放弃陈述申辩日期"
    documents_flow.return_to_draft(w.as_(HEAD), uid, "改放弃日期")
    documents.update_draft(ctx, uid, fields={"waived_on": told.date().isoformat()})
    documents_flow.submit(ctx, uid)
    assert documents_flow.issue(w.as_(HEAD), uid, on=told.date()).status == "已签发"


def test_waiver_in_the_record_counts_only_when_signed(ctx):
    w = world(ctx)
    told = NOW - timedelta(hours=1)
    refused_sign = notice_record(w, at=told, response="放弃陈述、申辩和听证", signature="拒绝签名", witness="网格员甲")
    uid = decision_after(w, refused_sign)
    documents_flow.submit(ctx, uid)
    with pytest.raises(ValidationError, match="方可签发"):
        documents_flow.issue(w.as_(HEAD), uid, on=told.date())
    signed = decision_after(w, notice_record(w, at=told, response="放弃陈述、申辩和听证"))
    documents_flow.submit(ctx, signed)
    assert documents_flow.issue(w.as_(HEAD), signed, on=told.date()).status == "已签发"


def test_hearing_requested_needs_the_hearing_first(ctx):
    w = world(ctx)
    told = NOW - timedelta(hours=1)
    uid = decision_after(w, notice_record(w, at=told, response="要求听证"))
    documents_flow.submit(ctx, uid)
    earliest = _earliest(ctx, told.date())
    with pytest.raises(ValidationError, match="听证日期"):
        documents_flow.issue(w.as_(HEAD), uid, on=earliest)
    documents_flow.return_to_draft(w.as_(HEAD), uid, "补听证")
    heard = earliest + timedelta(days=9)
    documents.update_draft(ctx, uid, fields={"hearing_on": heard.isoformat(), "statement": "听证意见未采纳"})
    documents_flow.submit(ctx, uid)
    with pytest.raises(ValidationError, match=f"听证于{heard}举行"):
        documents_flow.issue(w.as_(HEAD), uid, on=earliest)
    assert documents_flow.issue(w.as_(HEAD), uid, on=heard).status == "已签发"


def test_notice_letter_counts_from_service_and_a_voided_notice_is_refused(ctx):
    w = world(ctx)
    letter = documents.create_draft(ctx, "行政处罚告知书", unit_uid=w.unit,
                                    fields={**PENALTY, "filed_on": (TODAY - timedelta(days=5)).isoformat()})
    documents.update_draft(ctx, letter.uid, officer_uids=w.pair())
    documents_flow.submit(ctx, letter.uid)
    documents_flow.issue(w.as_(HEAD), letter.uid)
    uid = decision_after(w, letter.uid)
    assert documents.get_document(ctx, uid).fields["filed_on"] == (TODAY - timedelta(days=5)).isoformat()
    documents_flow.submit(ctx, uid)
    with pytest.raises(ValidationError, match="尚未送达"):
        documents_flow.issue(w.as_(HEAD), uid)
    served = NOW - timedelta(minutes=30)
    service_records.record_service(ctx, letter.uid, ServiceInput("直接", served, "店内", "店主甲", "法定代表人", "张执法"))
    earliest = _earliest(ctx, served.date())
    with pytest.raises(ValidationError, match=f"{earliest}起方可签发"):
        documents_flow.issue(w.as_(HEAD), uid)
    documents_flow.void(w.as_(HEAD), letter.uid, "当事人名称写错，重新告知")
    with pytest.raises(ValidationError, match="已作废"):
        documents_flow.issue(w.as_(HEAD), uid, on=earliest)


def test_decision_without_a_notice_names_the_field(ctx):
    w = world(ctx)
    doc = documents.create_draft(ctx, "行政处罚决定书", unit_uid=w.unit,
                                 fields={**PENALTY, "filed_on": TODAY.isoformat()})
    documents.update_draft(ctx, doc.uid, officer_uids=w.pair())
    with pytest.raises(ValidationError, match="告知书（笔录）文号：不能为空"):
        documents_flow.submit(ctx, doc.uid)
    documents.update_draft(ctx, doc.uid, fields={"notice_no": "临东消罚告字〔2026〕第099号"})
    with pytest.raises(ValidationError, match="第四十四条"):
        documents_flow.submit(ctx, doc.uid)


# --- 90 days from 立案 -----------------------------------------------------------------------------------------

def test_decision_after_ninety_days_from_filing_is_refused(ctx):
    w = world(ctx)
    told = datetime.combine(TODAY - timedelta(days=100), datetime.min.time()).replace(hour=10)
    filed = told.date() - timedelta(days=1)
    uid = decision_after(w, notice_record(w, at=told, filed_on=filed.isoformat()))
    documents_flow.submit(ctx, uid)
    limit = workdays.add_natural_days(workdays.get_calendar(ctx), filed, 90)
    with pytest.raises(ValidationError, match=f"期限已于{limit}届满") as refused:
        documents_flow.issue(w.as_(HEAD), uid)
    assert refused.value.field == "立案日期"
    assert any("90日办案期限" in p for p in documents_timing.document_timing(ctx, uid).problems)
    assert documents_flow.issue(w.as_(HEAD), uid, on=limit).status == "已签发"  # the last day still counts


def test_filing_after_the_notice_is_refused(ctx):
    w = world(ctx)
    told = NOW - timedelta(hours=1)
    uid = decision_after(w, notice_record(w, at=told, response="放弃陈述、申辩和听证"),
                         filed_on=(told.date() + timedelta(days=1)).isoformat())
    documents_flow.submit(ctx, uid)
    with pytest.raises(ValidationError, match="应先立案，后告知"):
        documents_flow.issue(w.as_(HEAD), uid, on=told.date() + timedelta(days=1))


# --- 临时查封 --------------------------------------------------------------------------------------------------

SEAL = {"facts": "安全出口被封闭", "grounds": "安全出口严重堵塞", "scope": "二层歌舞厅", "period_days": 15,
        "collective": "所长办公会集体研究决定"}


def _seal(w, **fields) -> str:
    doc = documents.create_draft(w.ctx, "临时查封决定书", unit_uid=w.unit, fields={**SEAL, **fields})
    documents.update_draft(w.ctx, doc.uid, officer_uids=w.pair())
    return doc.uid


def test_emergency_seal_decision_within_24_hours_by_the_minute(ctx):
    w = world(ctx)
    sealed = NOW - timedelta(hours=23, minutes=50)
    base = {"inspected_on": sealed.date().isoformat(), "emergency": "是"}
    uid = _seal(w, **base)
    with pytest.raises(ValidationError, match="当场查封时间"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"sealed_at": sealed.strftime("%Y-%m-%dT%H:%M")})
    with pytest.raises(ValidationError, match="口头批准的负责人"):
        documents_flow.submit(ctx, uid)
    documents.update_draft(ctx, uid, fields={"oral_approver": "刘所长"})
    documents_flow.submit(ctx, uid)
    due = sealed + timedelta(hours=24)
    with pytest.raises(ValidationError, match=f"{due:%Y-%m-%d %H:%M}前；已超过时限"):
        documents_flow.issue(w.as_(HEAD), uid, at=due + timedelta(minutes=1))
    info = documents_flow.issue(w.as_(HEAD), uid, at=due - timedelta(minutes=1))
    assert any(f"{due:%Y-%m-%d %H:%M} 前送达" in x for x in info.warnings)
    late = service_records.record_service(ctx, uid, ServiceInput("直接", NOW, "店内", "店主甲", "法定代表人", "张执法"))
    assert not late.warnings  # served now: within the 24 h
    with ctx.db.read() as s:
        doc = documents.load(s, uid)
        assert service_records.late_warning(s, doc, due.date(), due + timedelta(minutes=5))


def test_seal_after_more_than_24_hours_is_refused_and_ordinary_seal_within_3_workdays(ctx):
    w = world(ctx)
    sealed = NOW - timedelta(hours=25)
    uid = _seal(w, inspected_on=sealed.date().isoformat(), emergency="是", oral_approver="刘所长",
                sealed_at=sealed.strftime("%Y-%m-%dT%H:%M"))
    documents_flow.submit(ctx, uid)
    assert documents_timing.document_timing(ctx, uid).problems
    with pytest.raises(ValidationError, match="解除现场查封"):
        documents_flow.issue(w.as_(HEAD), uid)
    old = _seal(w, inspected_on="2026-01-30")  # Friday; due 2026-02-04
    documents_flow.submit(ctx, old)
    with pytest.raises(ValidationError, match="2026-02-04前；已超期") as refused:
        documents_flow.issue(w.as_(HEAD), old, on=date(2026, 2, 5))
    assert refused.value.field == "检查日期"
    info = documents_flow.issue(w.as_(HEAD), old, on=date(2026, 2, 4))
    assert any("2026-02-04 前送达" in x for x in info.warnings)


def test_release_refers_to_the_seal_and_is_warned_when_late(ctx):
    w = world(ctx)
    seal = _seal(w, inspected_on="2026-01-30", period_days=10)
    documents_flow.submit(ctx, seal)
    number = documents_flow.issue(w.as_(HEAD), seal, on=date(2026, 2, 2)).number
    release = documents.create_draft(ctx, "解除临时查封决定书", unit_uid=w.unit, fields={
        "seal_no": "临东消封字〔2026〕第099号", "released_on": "2026-02-01", "reason": "隐患已消除"})
    documents.update_draft(ctx, release.uid, officer_uids=w.pair())
    documents_flow.submit(ctx, release.uid)
    with pytest.raises(ValidationError, match="没有找到已签发的临时查封决定书"):
        documents_flow.issue(w.as_(HEAD), release.uid, on=date(2026, 2, 20))
    documents_flow.return_to_draft(w.as_(HEAD), release.uid, "改文号")
    documents.update_draft(ctx, release.uid, fields={"seal_no": number})
    documents_flow.submit(ctx, release.uid)
    with pytest.raises(ValidationError, match="不能早于查封日期 2026-02-02"):
        documents_flow.issue(w.as_(HEAD), release.uid, on=date(2026, 2, 20))
    documents_flow.return_to_draft(w.as_(HEAD), release.uid, "改日期")
    documents.update_draft(ctx, release.uid, fields={"released_on": "2026-02-20"})
    documents_flow.submit(ctx, release.uid)
    info = documents_flow.issue(w.as_(HEAD), release.uid, on=date(2026, 2, 20))
    assert any("2026-02-12届满" in x for x in info.warnings)


# --- 辖区 ------------------------------------------------------------------------------------------------------

def test_unit_outside_the_station_area_is_refused_and_unplaced_is_flagged(ctx):
    w = world(ctx)
    with ctx.db.write() as s:
        unit = s.execute(select(Unit).where(Unit.uid == w.unit)).scalar_one()
        unit.township = "西城街道"
    doc = documents.create_draft(ctx, "责令限期改正通知书", inspection_uid=w.inspection)
    documents.update_draft(ctx, doc.uid, officer_uids=w.pair())
    with pytest.raises(ValidationError, match="不在本所辖区（东城街道）内") as refused:
        documents_flow.submit(ctx, doc.uid)
    assert refused.value.field == "被通知单位（当事人）"
    # records and 移送 stay possible for such a unit
    record = documents.create_draft(ctx, "消防监督检查记录", inspection_uid=w.inspection)
    documents.update_draft(ctx, record.uid, officer_uids=w.pair())
    assert documents_flow.submit(ctx, record.uid).status == "待审批"
    with ctx.db.write() as s:
        unit = s.execute(select(Unit).where(Unit.uid == w.unit)).scalar_one()
        village = Village(name="柳林村", kind="村")
        s.add(village)
        s.flush()
        unit.village_id = village.id  # a village of the station's own area
    assert documents_flow.submit(ctx, doc.uid).status == "待审批"
    with ctx.db.write() as s:
        unit = s.execute(select(Unit).where(Unit.uid == w.unit)).scalar_one()
        unit.village_id, unit.township = None, ""
    info = documents_flow.issue(w.as_(HEAD), doc.uid)
    assert any("无法核对是否属于本所辖区" in x for x in info.warnings)


# --- the register lists 约谈通知书 ------------------------------------------------------------------------------

def test_register_lists_interview_notices_and_checks_their_gaps(ctx):
    w = world(ctx)
    issued = documents.get_document(ctx, notice_record(w))
    units = [u for u in [w.unit]]
    held = training.create_session(ctx, training.SessionInput(
        kind="一对一警示约谈", topic="警示约谈", held_on=TODAY + timedelta(days=3), place="所会议室", trainer="张执法",
        reason="受到行政处罚"))
    training_invite.invite_units(ctx, held.uid, units)
    training_print.notices_pdf(ctx, held.uid, issued_on=TODAY)
    dropped = training.create_session(ctx, training.SessionInput(
        kind="集中约谈", topic="集中约谈", held_on=TODAY + timedelta(days=5), place="所会议室", trainer="张执法",
        reason="专项行动"))
    training_invite.invite_units(ctx, dropped.uid, units)
    training_print.notices_pdf(ctx, dropped.uid, issued_on=TODAY)
    training.cancel_session(ctx, dropped.uid, "上级临时部署夜查")

    rows = documents_register.register(ctx, TODAY.year)
    notices = [r for r in rows if r.doc_type == "约谈通知书"]
    assert [r.number for r in notices] == [f"临东消约字〔{TODAY.year}〕第001号", f"临东消约字〔{TODAY.year}〕第002号"]
    assert [r.status for r in notices] == ["已签发", "已作废"] and "上级临时部署夜查" in notices[1].void_reason
    assert {r.source for r in notices} == {"interview"} and notices[0].session_uid == held.uid
    assert issued.number in [r.number for r in rows]
    assert [r.number for r in documents_register.register(ctx, TODAY.year, doc_type="约谈通知书", status="已作废")] \
        == [notices[1].number]
    assert documents_register.register(ctx, TODAY.year, text="第002号")[0].doc_type == "约谈通知书"
    assert any(r["type"] == "约谈通知书" for r in documents_register.cli_rows(ctx, TODAY.year))
    assert documents_register.gaps(ctx, TODAY.year) == []
    with ctx.db.write() as s:  # a number handed out and held by no 约谈 record: now an explained-nowhere gap
        seq = s.execute(select(DocSequence).where(DocSequence.doc_type == "约谈通知书")).scalar_one()
        seq.last_seq += 1
    gaps = documents_register.gaps(ctx, TODAY.year)
    assert [(g.doc_type, g.missing) for g in gaps] == [("约谈通知书", (3,))]
    assert TODAY.year in documents_register.years(ctx)


def test_demo_documents_include_a_notice_record_before_the_decision(ctx):
    from fireoffice.services import demo

    demo.fill_demo(ctx, units=120, seed=3)
    rows = documents_register.register(ctx, None)
    record = next(r for r in rows if r.doc_type == "行政处罚告知笔录")
    decision = next(r for r in rows if r.doc_type == "行政处罚决定书")
    assert record.status == "已签发" and "罚告笔" in record.number
    info = documents.get_document(ctx, decision.uid)
    assert info.fields["notice_no"] == record.number and info.ref_uid == record.uid
    if decision.status == "已签发":  # issued only once the 5-working-day window had run
        told = date.fromisoformat(documents.get_document(ctx, record.uid).fields["notified_at"][:10])
        assert decision.issued_on >= _earliest(ctx, told)
    else:
        assert decision.status == "待审批"
    assert {"草稿", "待审批", "已签发", "已送达", "已作废"} <= {r.status for r in rows}


def test_service_form_hints_name_the_service_deadline(ctx):
    w = world(ctx)
    sealed = NOW - timedelta(hours=2)
    uid = _seal(w, inspected_on=sealed.date().isoformat(), emergency="是", oral_approver="刘所长",
                sealed_at=sealed.strftime("%Y-%m-%dT%H:%M"))
    documents_flow.submit(ctx, uid)
    documents_flow.issue(w.as_(HEAD), uid)
    due = sealed + timedelta(hours=24)
    assert any(f"{due:%Y-%m-%d %H:%M} 前送达" in h for h in service_records.service_hints(ctx, uid))
    letter = documents.create_draft(ctx, "行政处罚告知书", unit_uid=w.unit, fields=PENALTY)
    assert any("5个工作日" in h for h in service_records.service_hints(ctx, letter.uid))
