"""举报投诉 register: 核查期限 (24 h in hours, 3 working days), the flow, refusals, privacy, permissions, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from fireoffice.db.models import AuditEvent, Complaint, ComplaintOfficer
from fireoffice.services import complaint_queries, complaints, inspections
from fireoffice.services.complaint_queries import ComplaintFilter
from fireoffice.services.complaints import ComplaintInput, NotificationInput, VerificationInput
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from tests.services.insp_helpers import all_pass, audit_count, count, make_officers, make_units

FRI = datetime(2026, 1, 30, 9, 15)  # Friday; + 3 working days → Wed 2026-02-04
LATER = datetime(2026, 2, 10, 12, 0)  # "now" for most tests
BLOCKED = "占用、堵塞、封闭疏散通道或安全出口"
OTHER = "违规用火、用电、用气"


def _input(unit_uid=None, **kw) -> ComplaintInput:
    base = ComplaintInput(received_at=FRI, source="12345", category=OTHER,
                          content="人民路一家饭店后厨私拉电线，插线板串接使用，电话13912345678",
                          complainant_name="张三丰", complainant_contact="13812345678", unit_uid=unit_uid,
                          source_ref="GD20260130001")
    return replace(base, **kw)


def _as(ctx: ServiceContext, role: str) -> ServiceContext:
    return ServiceContext(db=ctx.db, actor=Actor(username=f"u-{role}", display_name=f"某{role}", role=role))


@pytest.fixture
def world(ctx):
    return {"units": make_units(ctx, 2), "people": make_officers(ctx)}


def _pair(world):
    return (world["people"]["张执法"], world["people"]["李执法"])


def _verify(world, at=datetime(2026, 2, 2, 10, 0), **kw) -> VerificationInput:
    base = VerificationInput(verified_at=at, result="属实", findings="后厨确有私拉电线，已当场拆除",
                             officer_uids=_pair(world), handling="当场改正")
    return replace(base, **kw)


def test_three_working_day_deadline_is_stored_with_rule_and_calendar(ctx, world):
    before = audit_count(ctx)
    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    assert info.complaint_no == "JB-2026-001" and info.status == "待核查" and not info.urgent
    assert info.due_on.isoformat() == "2026-02-04"
    assert info.due_at.replace(tzinfo=None) == datetime(2026, 2, 5, 0, 0)  # the whole last day counts
    assert "3个工作日" in info.deadline_rule and info.deadline_calendar
    assert info.category_class == "3个工作日类"
    assert info.received_at.replace(tzinfo=None) == datetime(2026, 1, 30, 9, 15)
    assert audit_count(ctx) == before + 1
    second = complaints.register_complaint(ctx, _input(world["units"][1]), now=LATER)
    assert second.complaint_no == "JB-2026-002"


def test_urgent_deadline_counts_24_hours_from_receipt(ctx, world):
    info = complaints.register_complaint(ctx, _input(world["units"][0], category=BLOCKED), now=FRI)
    assert info.urgent and info.category_class == "24小时类" and "24小时" in info.deadline_rule
    assert info.due_at - info.received_at == timedelta(hours=24)  # Saturday morning: hours, not working days
    assert info.due_on.isoformat() == "2026-01-31"
    assert not complaints.get_complaint(ctx, info.uid, now=datetime(2026, 1, 31, 9, 14)).overdue
    late = complaints.get_complaint(ctx, info.uid, now=datetime(2026, 1, 31, 12, 20))
    assert late.overdue and late.hours_overdue == 3


def test_overdue_detection_lists_and_counts(ctx, world):
    urgent = complaints.register_complaint(ctx, _input(world["units"][0], category=BLOCKED), now=LATER)
    normal = complaints.register_complaint(ctx, _input(world["units"][1]), now=LATER)
    fresh = complaints.register_complaint(ctx, _input(world["units"][1], received_at=datetime(2026, 2, 10, 8, 0)),
                                          now=LATER)
    # Tue 2026-02-03 noon: the urgent one is late (due Sat 09:15), the 3-day one is not (due Wed evening).
    tue = datetime(2026, 2, 3, 12, 0)
    assert [r.uid for r in complaints.overdue_complaints(ctx, now=tue)] == [urgent.uid]
    # After the 3-day deadline both are; the longest overdue first.
    assert [r.uid for r in complaint_queries.overdue_complaints(ctx, now=LATER)] == [urgent.uid, normal.uid]
    counts = complaint_queries.complaint_counts(ctx, now=LATER)
    assert counts["逾期"] == 2 and counts["待核查"] == 3 and counts["open"] == 3 and counts["all"] == 3
    page = complaint_queries.list_complaints(ctx, ComplaintFilter(overdue_only=True), now=LATER)
    assert page.total == 2 and all(r.overdue for r in page.rows)
    assert complaint_queries.list_complaints(ctx, ComplaintFilter(urgent=True), now=LATER).total == 1
    assert complaint_queries.list_complaints(ctx, ComplaintFilter(category=OTHER), now=LATER).total == 2
    # Verified late: no longer overdue, but marked as late.
    complaints.record_verification(ctx, urgent.uid, _verify(world, at=datetime(2026, 2, 2, 10, 0)), now=LATER)
    done = complaints.get_complaint(ctx, urgent.uid, now=LATER)
    assert not done.overdue and done.verified_late
    assert [r.uid for r in complaints.overdue_complaints(ctx, now=LATER)] == [normal.uid]
    assert fresh.uid not in [r.uid for r in complaints.overdue_complaints(ctx, now=LATER)]
    by_status = complaint_queries.list_complaints(ctx, ComplaintFilter(status="已核查"), now=LATER)
    assert [r.uid for r in by_status.rows] == [urgent.uid]


def test_full_flow_with_a_linked_inspection(ctx, world):
    unit = world["units"][0]
    info = complaints.register_complaint(ctx, _input(unit), now=LATER)
    saved = inspections.create_inspection(ctx, all_pass(
        ctx, unit, officers=_pair(world), inspection_type="举报投诉核查",
        started_at=datetime(2026, 2, 2, 10, 0), ended_at=datetime(2026, 2, 2, 10, 40)))
    choices = complaint_queries.linkable_inspections(ctx, info.uid)
    assert [c.uid for c in choices] == [saved.uid]
    verified = complaints.record_verification(ctx, info.uid, VerificationInput(
        verified_at=datetime(2026, 2, 2, 10, 30), result="部分属实", findings="插线板串接属实，未见私拉电线",
        handling="责令改正", doc_no="临东消限字〔2026〕第012号", inspection_uid=saved.uid), now=LATER)
    assert verified.status == "已核查" and verified.inspection_no == saved.record_no
    assert set(verified.officer_uids) == set(_pair(world))  # taken from the inspection
    assert not verified.verified_late
    with pytest.raises(ValidationError, match="告知"):
        complaints.close_complaint(ctx, info.uid, now=LATER)
    told = complaints.record_notification(ctx, info.uid, NotificationInput(
        notified_at=datetime(2026, 2, 3, 9, 0), method="电话", note="举报人表示满意"), now=LATER)
    assert told.status == "已告知" and told.notify_method == "电话"
    closed = complaints.close_complaint(ctx, info.uid, now=LATER)
    assert closed.status == "已办结" and closed.closed_by == "tester"
    with pytest.raises(Conflict, match="已办结"):
        complaints.update_complaint(ctx, info.uid, _input(unit), now=LATER)
    with pytest.raises(Conflict):
        complaints.close_complaint(ctx, info.uid, now=LATER)
    with ctx.db.read() as s:
        actions = s.execute(select(AuditEvent.action).where(AuditEvent.entity == "complaint")
                            .order_by(AuditEvent.id)).scalars().all()
    assert actions == ["受理举报投诉", "登记举报核查", "告知举报人", "办结举报投诉"]


def test_anonymous_complaint_closes_with_a_reason(ctx, world):
    info = complaints.register_complaint(ctx, _input(None, anonymous=True, complainant_name="不应保存",
                                                     reported_name="无名小作坊", reported_address="东城街道北关村"),
                                         now=LATER)
    assert info.anonymous and info.complainant_name == "匿名" and info.target == "无名小作坊"
    with ctx.db.read() as s:
        assert s.execute(select(Complaint.complainant_name)).scalar() == ""
    complaints.record_verification(ctx, info.uid, _verify(world, result="不属实", handling="",
                                                          findings="现场未发现举报所述问题"), now=LATER)
    with pytest.raises(ValidationError, match="联系方式"):
        complaints.record_notification(ctx, info.uid, NotificationInput(datetime(2026, 2, 3, 9, 0), "电话"),
                                       now=LATER)
    complaints.record_notification(ctx, info.uid, NotificationInput(unable_reason="匿名举报，未留联系方式"),
                                   now=LATER)
    closed = complaints.close_complaint(ctx, info.uid, now=LATER)
    assert closed.status == "已办结" and closed.handling == "不予处理" and closed.notified_at is None


REFUSED_INTAKE = [
    (dict(source="微信"), "来源"),
    (dict(category="别的"), "类别"),
    (dict(content="有"), "举报内容"),
    (dict(complainant_name=""), "举报人"),
    (dict(received_at=datetime(2026, 3, 1, 8, 0)), "受理时间"),  # after "now"
    (dict(received_at=datetime(2019, 3, 1, 8, 0)), "受理时间"),
    (dict(unit_uid=None, reported_name="", reported_address=""), "被举报单位"),
]


@pytest.mark.parametrize(("changes", "field"), REFUSED_INTAKE)
def test_bad_intake_is_refused_and_nothing_written(ctx, world, changes, field):
    before = audit_count(ctx)
    with pytest.raises(ValidationError) as refused:
        complaints.register_complaint(ctx, _input(**changes), now=LATER)
    assert refused.value.field == field
    assert audit_count(ctx) == before and count(ctx, Complaint) == 0


def test_bad_verification_is_refused_and_nothing_written(ctx, world):
    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    before = audit_count(ctx)
    people = world["people"]
    cases = [
        (_verify(world, at=datetime(2026, 1, 30, 9, 0)), "核查时间"),  # before receipt
        (_verify(world, at=datetime(2026, 3, 1, 9, 0)), "核查时间"),  # after now
        (_verify(world, officer_uids=(people["张执法"],)), "核查人员"),  # one officer
        (_verify(world, officer_uids=(people["张执法"], people["陈协管"])), "核查人员"),  # one enforcer
        (_verify(world, officer_uids=(people["张执法"], people["赵过期"])), "核查人员"),  # expired 执法证
        (_verify(world, result="大概"), "核查结果"),
        (_verify(world, findings=""), "核查情况"),
        (_verify(world, handling=""), "处理"),  # 属实 needs a handling
        (_verify(world, result="不属实", handling="当场改正"), "处理"),
        (_verify(world, handling="责令改正"), "文书号"),  # no document number
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as refused:
            complaints.record_verification(ctx, info.uid, data, now=LATER)
        assert refused.value.field == field, data
    with pytest.raises(NotFound):
        complaints.record_verification(ctx, info.uid, _verify(world, inspection_uid="no-such"), now=LATER)
    assert audit_count(ctx) == before and count(ctx, ComplaintOfficer) == 0
    assert complaints.get_complaint(ctx, info.uid, now=LATER).status == "待核查"


def test_linked_inspection_must_be_a_complaint_check_of_that_unit(ctx, world):
    unit, other = world["units"]
    info = complaints.register_complaint(ctx, _input(unit), now=LATER)
    routine = inspections.create_inspection(ctx, all_pass(ctx, unit, officers=_pair(world),
                                                          started_at=datetime(2026, 2, 2, 9, 0),
                                                          ended_at=datetime(2026, 2, 2, 9, 30)))
    elsewhere = inspections.create_inspection(ctx, all_pass(ctx, other, officers=_pair(world),
                                                            inspection_type="举报投诉核查",
                                                            started_at=datetime(2026, 2, 2, 11, 0),
                                                            ended_at=datetime(2026, 2, 2, 11, 30)))
    for uid, text in ((routine.uid, "举报投诉核查"), (elsewhere.uid, "不是被举报单位")):
        with pytest.raises(ValidationError, match=text):
            complaints.record_verification(ctx, info.uid, _verify(world, inspection_uid=uid), now=LATER)


def test_notification_and_closing_order(ctx, world):
    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    tell = NotificationInput(datetime(2026, 2, 3, 9, 0), "电话")
    with pytest.raises(Conflict, match="尚未核查"):
        complaints.record_notification(ctx, info.uid, tell, now=LATER)
    with pytest.raises(Conflict, match="尚未核查"):
        complaints.close_complaint(ctx, info.uid, now=LATER)
    complaints.record_verification(ctx, info.uid, _verify(world), now=LATER)
    before = audit_count(ctx)
    for data, field in ((NotificationInput(), "告知举报人"),
                        (NotificationInput(datetime(2026, 2, 2, 9, 0), "电话"), "告知时间"),  # before verification
                        (NotificationInput(datetime(2026, 2, 3, 9, 0), "托梦"), "告知方式"),
                        (NotificationInput(None, "电话"), "告知时间"),
                        (replace(tell, unable_reason="联系不上"), "无法告知原因")):
        with pytest.raises(ValidationError) as refused:
            complaints.record_notification(ctx, info.uid, data, now=LATER)
        assert refused.value.field == field, data
    assert audit_count(ctx) == before
    complaints.record_notification(ctx, info.uid, tell, now=LATER)
    with pytest.raises(Conflict, match="不能再修改"):
        complaints.record_verification(ctx, info.uid, _verify(world), now=LATER)


def test_edit_while_open_recomputes_the_deadline(ctx, world):
    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    changed = complaints.update_complaint(ctx, info.uid, _input(world["units"][0], category=BLOCKED), now=LATER)
    assert changed.urgent and changed.due_at - changed.received_at == timedelta(hours=24)
    with ctx.db.read() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "修改举报投诉")).scalar_one()
    assert "urgent" in event.after and "13812345678" not in event.after + event.before
    complaints.record_verification(ctx, info.uid, _verify(world), now=LATER)
    with pytest.raises(ValidationError, match="核查时间"):
        complaints.update_complaint(ctx, info.uid, _input(world["units"][0], received_at=datetime(2026, 2, 3, 8, 0)),
                                    now=LATER)


def test_identity_is_masked_for_roles_without_view_identity(ctx, world):
    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    assert info.complainant_name == "张三丰" and not info.identity_masked  # the owner sees everything
    clerk = _as(ctx, "协管员")
    shown = complaints.get_complaint(clerk, info.uid, now=LATER)
    assert shown.identity_masked and shown.complainant_name == "张**"
    assert shown.complainant_contact == "138****5678" and "13912345678" not in shown.content
    row = complaint_queries.list_complaints(clerk, now=LATER).rows[0]
    assert row.complainant == "张**"
    assert complaint_queries.list_complaints(clerk, ComplaintFilter(text="张三丰"), now=LATER).total == 0
    officer = _as(ctx, "执法人员")
    assert complaints.get_complaint(officer, info.uid, now=LATER).complainant_contact == "13812345678"
    assert complaint_queries.list_complaints(officer, ComplaintFilter(text="张三丰"), now=LATER).total == 1
    # The clerk may correct the receipt: the masked identity it sends back keeps the stored one …
    edited = complaints.update_complaint(clerk, info.uid, replace(_input(world["units"][0], source="来访"),
                                                                  complainant_name=shown.complainant_name,
                                                                  complainant_contact=shown.complainant_contact),
                                         now=LATER)
    assert edited.source == "来访"
    assert complaints.get_complaint(officer, info.uid, now=LATER).complainant_name == "张三丰"
    with ctx.db.read() as s:
        assert "13912345678" in s.execute(select(Complaint.content)).scalar()  # the masked text did not overwrite it
    with pytest.raises(ValidationError, match="举报内容"):
        complaints.update_complaint(clerk, info.uid, replace(_input(world["units"][0], content="改过的内容，很长很长"),
                                                             complainant_name=shown.complainant_name,
                                                             complainant_contact=shown.complainant_contact),
                                    now=LATER)
    # … but may not change who complained.
    with pytest.raises(ValidationError, match="无权"):
        complaints.update_complaint(clerk, info.uid, _input(world["units"][0], complainant_name="李四"), now=LATER)
    with ctx.db.read() as s:
        logged = " ".join(e.before + e.after for e in s.execute(select(AuditEvent)).scalars())
    assert "张三丰" not in logged and "13812345678" not in logged


def test_permissions(ctx, world):
    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    grid = _as(ctx, "网格员")
    with pytest.raises(PermissionDenied):
        complaint_queries.list_complaints(grid, now=LATER)
    with pytest.raises(PermissionDenied):
        complaints.get_complaint(grid, info.uid, now=LATER)
    viewer = _as(ctx, "只读")
    assert complaints.get_complaint(viewer, info.uid, now=LATER).identity_masked
    before = audit_count(ctx)
    for call in (lambda c: complaints.register_complaint(c, _input(world["units"][0]), now=LATER),
                 lambda c: complaints.record_verification(c, info.uid, _verify(world), now=LATER),
                 lambda c: complaints.close_complaint(c, info.uid, now=LATER)):
        with pytest.raises(PermissionDenied, match="举报投诉"):
            call(viewer)
    assert audit_count(ctx) == before
    clerk = _as(ctx, "文员")
    assert complaints.register_complaint(clerk, _input(world["units"][1]), now=LATER).identity_masked


def test_mask_contact():
    assert complaints.mask_contact("13812345678") == "138****5678"
    assert complaints.mask_contact("0358-4421119") == "035*****1119"
    assert complaints.mask_contact("qq123") == "q****"
    assert complaints.mask_contact("") == ""


def test_unit_timeline_shows_the_complaint_without_the_complainant(ctx, world):
    from fireoffice.services import unit_timeline

    info = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)
    entries = [e for e in unit_timeline.unit_timeline(ctx, world["units"][0]) if e.kind == "举报"]
    assert [e.ref_uid for e in entries] == [info.uid]
    assert "张三丰" not in entries[0].title + entries[0].detail and info.complaint_no in entries[0].title


def test_monthly_report_counts_verifications_and_their_timeliness(ctx, world):
    from fireoffice.services import stats_monthly

    on_time = complaints.register_complaint(ctx, _input(world["units"][0]), now=LATER)  # due 2026-02-04
    late = complaints.register_complaint(ctx, _input(world["units"][1], category=BLOCKED), now=LATER)  # 24 h
    complaints.register_complaint(ctx, _input(world["units"][1]), now=LATER)  # not verified: not counted
    complaints.record_verification(ctx, on_time.uid, _verify(world), now=LATER)
    complaints.record_verification(ctx, late.uid, _verify(world, at=datetime(2026, 2, 3, 9, 0)), now=LATER)
    report = stats_monthly.monthly_report(ctx, 2026, 2)
    assert report.cell("合计", "complaints").month == 2
    assert report.cell("合计", "complaints_on_time").month == 1
    assert report.cell("合计", "complaint_rate").month == 50.0
    behind = stats_monthly.records(ctx, 2026, 2, "township", "合计", "complaint_rate")
    assert [r.reference for r in behind] == [on_time.complaint_no]


def test_home_due_lists_complaints_awaiting_verification_for_roles_that_see_them(ctx, world):
    from fireoffice.services import inspection_queries

    info = complaints.register_complaint(ctx, _input(world["units"][0], category=BLOCKED,
                                                     received_at=datetime(2026, 1, 30, 9, 15)), now=FRI)
    due = inspection_queries.home_due(ctx, today=datetime(2026, 2, 2).date())
    item = next(d for d in due.overdue if d.ref_entity == "complaint")
    assert item.ref_uid == info.uid and info.complaint_no in item.title and "24小时" in item.title
    assert item.days_overdue >= 1
    grid = _as(ctx, "网格员")
    assert not any(d.ref_entity == "complaint" for d in (*inspection_queries.home_due(grid).overdue,))
    complaints.record_verification(ctx, info.uid, _verify(world), now=LATER)
    again = inspection_queries.home_due(ctx, today=datetime(2026, 2, 2).date())
    assert not any(d.ref_entity == "complaint" for d in (*again.overdue, *again.today, *again.this_week))
