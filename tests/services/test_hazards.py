"""The hazard closed loop: every legal and illegal transition, 销号 rules, audit of every change, the 重大 workflow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select, update

from fireoffice.db.models import AuditEvent, Hazard, HazardEvent, HazardRecheck, MajorHazardDetermination
from fireoffice.services import hazard_flow, hazards, inspection_queries, major_hazards, photos, plans
from fireoffice.services.demo_inspections import tiny_png
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.hazard_flow import RecheckInput
from fireoffice.services.hazards import STATES, TRANSITIONS
from fireoffice.services.major_hazards import DeterminationInput
from tests.services.insp_helpers import count, hazard, make_officers, make_units

FOUND = date(2026, 3, 2)  # Monday; 7 natural days → Mon 2026-03-09


@pytest.fixture
def world(ctx):
    return make_units(ctx, 2), make_officers(ctx)


def _new(ctx, unit_uid, **kw):
    return hazards.report_hazard(ctx, unit_uid, hazard(**kw), FOUND)


def _pair(people):
    return (people["张执法"], people["李执法"])


def _state(ctx, uid):
    return hazards.get_hazard(ctx, uid, today=FOUND).state


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", sorted(TRANSITIONS))
def test_transition_table(state, action):
    allowed, _ = TRANSITIONS[action]
    if state in allowed:
        assert hazards.check_transition(state, action) == allowed
    else:
        with pytest.raises(Conflict, match="不能"):
            hazards.check_transition(state, action)


def test_unknown_state_or_action_never_resolves():
    with pytest.raises(Conflict, match="无法识别"):
        hazards.check_transition("整改中", "复查合格")
    with pytest.raises(Conflict, match="未知"):
        hazards.check_transition("待整改", "自动销号")


def test_closed_states_accept_nothing():
    for action, (allowed, _) in TRANSITIONS.items():
        assert "已销号" not in allowed and "已移送" not in allowed, action


def test_created_with_deadlines(ctx, world):
    units, _ = world
    h = _new(ctx, units[0])
    assert (h.state, h.deadline, h.notice_due, h.recheck_due) == ("待整改", date(2026, 3, 9), date(2026, 3, 5),
                                                                   date(2026, 3, 12))
    assert h.hazard_no == "YH-2026-000001" and h.source == "网格" and h.category == "其他"
    immediate = _new(ctx, units[0], handling="责令立即改正", deadline_amount=None)
    assert immediate.deadline == FOUND and immediate.notice_due is None


def test_extension_approved_and_refused(ctx, world):
    units, _ = world
    h = _new(ctx, units[0])
    with pytest.raises(ValidationError) as ex:
        hazard_flow.apply_extension(ctx, h.uid, date(2026, 3, 10), date(2026, 3, 30), "来不及整改")
    assert ex.value.field == "申请日期"  # after the deadline
    ext = hazard_flow.apply_extension(ctx, h.uid, date(2026, 3, 6), date(2026, 3, 30), "防火门厂家供货需两周")
    assert ext.decision == "待审批" and ext.decision_due == date(2026, 3, 11)
    with pytest.raises(Conflict):
        hazard_flow.apply_extension(ctx, h.uid, date(2026, 3, 6), date(2026, 3, 31), "再申请一次试试")
    with pytest.raises(ValidationError):
        hazard_flow.decide_extension(ctx, ext.uid, False, date(2026, 3, 9))  # refusal without a reason
    after = hazard_flow.decide_extension(ctx, ext.uid, True, date(2026, 3, 9))
    assert after.deadline == date(2026, 3, 30) and after.recheck_due == date(2026, 4, 2) and after.state == "待整改"
    with pytest.raises(Conflict):
        hazard_flow.decide_extension(ctx, ext.uid, True, date(2026, 3, 9))
    ext2 = hazard_flow.apply_extension(ctx, h.uid, date(2026, 3, 20), date(2026, 4, 20), "施工队未按期进场")
    refused = hazard_flow.decide_extension(ctx, ext2.uid, False, date(2026, 3, 23), refusal_reason="理由不充分")
    assert refused.deadline == date(2026, 3, 30)
    assert [e.decision for e in hazard_flow.list_extensions(ctx, h.uid)] == ["同意", "不同意"]


def test_recheck_passes_and_closes(ctx, world):
    units, people = world
    h = _new(ctx, units[0])
    applied = hazard_flow.apply_recheck(ctx, h.uid, date(2026, 3, 6))
    assert applied.state == "待复查" and applied.recheck_due == date(2026, 3, 11)
    closed = hazard_flow.record_recheck(ctx, h.uid, RecheckInput(date(2026, 3, 9), _pair(people), "已改正",
                                                                 photos=(photos.PhotoInput(tiny_png("ok")),)))
    assert closed.state == "已销号" and closed.closed_on == date(2026, 3, 9) and closed.close_basis == "复查"
    with ctx.db.read() as s:
        assert s.execute(select(HazardRecheck.trigger)).scalar() == "当事人申请"
    for call in (lambda: hazard_flow.apply_recheck(ctx, h.uid, date(2026, 3, 10)),
                 lambda: hazard_flow.escalate(ctx, h.uid, "处罚", date(2026, 3, 10)),
                 lambda: hazard_flow.transfer(ctx, h.uid, date(2026, 3, 10), "移送大队处理"),
                 lambda: hazard_flow.record_recheck(ctx, h.uid, RecheckInput(date(2026, 3, 10), _pair(people),
                                                                             "已改正"))):
        with pytest.raises(Conflict):
            call()


def test_recheck_needs_two_valid_officers_nothing_written(ctx, world):
    units, people = world
    h = _new(ctx, units[0])
    events = count(ctx, HazardEvent)
    for pair in ((people["张执法"],), (people["张执法"], people["赵过期"]), (people["张执法"], people["陈协管"])):
        with pytest.raises(ValidationError) as ex:
            hazard_flow.record_recheck(ctx, h.uid, RecheckInput(date(2026, 3, 9), pair, "已改正"))
        assert ex.value.field == "检查人员"
    assert count(ctx, HazardRecheck) == 0 and count(ctx, HazardEvent) == events and _state(ctx, h.uid) == "待整改"


def test_failed_recheck_then_escalation_and_new_deadline(ctx, world):
    units, people = world
    early = _new(ctx, units[0])
    back = hazard_flow.record_recheck(ctx, early.uid, RecheckInput(date(2026, 3, 5), _pair(people), "部分改正"))
    assert back.state == "待整改"  # before the deadline: still time to correct
    h = _new(ctx, units[1])
    with pytest.raises(Conflict):
        hazard_flow.escalate(ctx, h.uid, "处罚", date(2026, 3, 10))  # only after 逾期未改
    assert hazard_flow.sweep_deadlines(ctx, date(2026, 3, 10)) == 2
    assert _state(ctx, h.uid) == "待复查"
    late = hazard_flow.record_recheck(ctx, h.uid, RecheckInput(date(2026, 3, 12), _pair(people), "未改正"))
    assert late.state == "逾期未改" and late.overdue
    with pytest.raises(ValidationError):
        hazard_flow.escalate(ctx, h.uid, "罚款两万", date(2026, 3, 13))
    esc = hazard_flow.escalate(ctx, h.uid, "处罚", date(2026, 3, 13), "立案调查")
    assert esc.escalation == "处罚" and esc.state == "逾期未改"
    again = hazard_flow.reset_deadline(ctx, h.uid, date(2026, 3, 13), date(2026, 3, 27), "处罚后责令重新限期改正")
    assert again.state == "待整改" and again.deadline == date(2026, 3, 27) and again.recheck_due == date(2026, 4, 1)


def test_closing_without_recheck_needs_evidence_and_the_head(ctx, world):
    units, people = world
    h = _new(ctx, units[0])
    with pytest.raises(ValidationError) as ex:
        hazard_flow.close_with_evidence(ctx, h.uid, date(2026, 3, 9), people["刘所长"])
    assert ex.value.field == "整改后照片" and "复查" in ex.value.message
    with pytest.raises(ValidationError) as ex:
        hazard_flow.close_with_evidence(ctx, h.uid, date(2026, 3, 9), people["张执法"],
                                        (photos.PhotoInput(tiny_png("after")),))
    assert ex.value.field == "批准人"
    assert _state(ctx, h.uid) == "待整改" and count(ctx, HazardEvent) == 1
    closed = hazard_flow.close_with_evidence(ctx, h.uid, date(2026, 3, 9), people["刘所长"],
                                             (photos.PhotoInput(tiny_png("after")),), "单位提交整改照片")
    assert closed.state == "已销号" and closed.close_basis == "证据审批"
    assert [p.phase for p in hazards.hazard_photos(ctx, h.uid)] == ["整改后"]


def test_transfer_and_every_change_is_audited(ctx, world):
    units, people = world
    h = _new(ctx, units[0])
    hazard_flow.apply_recheck(ctx, h.uid, date(2026, 3, 4))
    hazard_flow.transfer(ctx, h.uid, date(2026, 3, 5), "不属本所赋权事项，移送大队")
    assert _state(ctx, h.uid) == "已移送"
    events = hazards.hazard_events(ctx, h.uid)
    assert [(e.action, e.from_state, e.to_state) for e in events] == [
        ("登记", "", "待整改"), ("申请复查", "待整改", "待复查"), ("移送", "待复查", "已移送")]
    with ctx.db.read() as s:
        audited = s.execute(select(AuditEvent.action).where(AuditEvent.entity_uid == h.uid)
                            .order_by(AuditEvent.id)).scalars().all()
    assert audited == ["登记隐患", "隐患申请复查", "隐患移送"]


def test_unknown_state_in_the_database_is_refused(ctx, world):
    units, people = world
    h = _new(ctx, units[0])
    with ctx.db.write() as s:
        s.execute(update(Hazard).where(Hazard.uid == h.uid).values(state="整改中"))  # e.g. from a newer version
    with pytest.raises(Conflict, match="无法识别"):
        hazard_flow.record_recheck(ctx, h.uid, RecheckInput(date(2026, 3, 9), _pair(people), "已改正"))
    assert count(ctx, HazardRecheck) == 0 and _state(ctx, h.uid) == "整改中"
    assert hazard_flow.sweep_deadlines(ctx, date(2026, 4, 1)) == 0


def test_ledger_lists_overdue_in_red_and_schedules_rechecks(ctx, world):
    units, people = world
    a, b = _new(ctx, units[0]), _new(ctx, units[1], deadline_amount=30)
    page = inspection_queries.list_hazards(ctx, inspection_queries.HazardFilter(overdue_only=True),
                                           today=date(2026, 3, 10))
    assert [r.uid for r in page.rows] == [a.uid] and page.rows[0].days_overdue == 1 and page.total == 1
    counts = inspection_queries.hazard_counts(ctx, date(2026, 3, 10))
    assert counts["待整改"] == 2 and counts["逾期"] == 1
    visits = hazard_flow.schedule_rechecks(ctx, [a.uid, b.uid], date(2026, 3, 11), _pair(people))
    assert len(visits) == 2 and all(v.source == "复查" for v in visits)
    rows = inspection_queries.list_hazards(ctx, today=date(2026, 3, 10)).rows
    assert all(r.recheck_scheduled for r in rows)
    hazard_flow.record_recheck(ctx, a.uid, RecheckInput(date(2026, 3, 11), _pair(people), "已改正"))
    statuses = {v.unit_uid: v.status for v in plans.plan_visits(ctx, visits[0].plan_uid)}
    assert statuses[units[0]] == "已完成" and statuses[units[1]] == "待检查"
    due = inspection_queries.home_due(ctx, date(2026, 3, 11))
    assert any(d.kind == "计划检查" and d.unit_uid == units[1] for d in due.today)


def test_major_hazard_workflow(ctx, world):
    units, people = world
    h = _new(ctx, units[0], severity="重大", description="地下一层存放汽油桶二十余个", location="地下一层")
    assert h.major_stage == "拟判定"
    base = DeterminationInput("直接判定", "集体讨论", ("刘所长", "张执法"), 2, date(2026, 3, 3),
                              "立即清除汽油，停用地下一层", date(2026, 3, 20))
    with pytest.raises(ValidationError) as ex:
        major_hazards.determine(ctx, h.uid, base)
    assert ex.value.field == "参加人员" and "至少需要 3 人" in ex.value.message
    with pytest.raises(ValidationError) as ex:
        major_hazards.determine(ctx, h.uid, replace(base, mode="专家论证", participants=tuple("甲乙丙丁戊"), votes_for=5))
    assert "至少需要 7 人" in ex.value.message
    with pytest.raises(ValidationError) as ex:
        major_hazards.determine(ctx, h.uid, replace(base, participants=("刘所长", "张执法", "店主甲"), votes_for=3))
    assert "被检查单位" in ex.value.message
    with pytest.raises(Conflict):
        major_hazards.report_to_government(ctx, h.uid, date(2026, 3, 4))  # not yet determined
    info = major_hazards.determine(ctx, h.uid, replace(base, participants=("刘所长", "张执法", "李执法")))
    assert info.stage == "已判定" and info.conclusion == "构成"  # 2 of 3 agree: exactly two thirds
    assert hazards.get_hazard(ctx, h.uid).deadline == date(2026, 3, 20)
    with pytest.raises(Conflict):
        major_hazards.supervise(ctx, h.uid, date(2026, 3, 5), "县人民政府")  # report first
    assert major_hazards.report_to_government(ctx, h.uid, date(2026, 3, 4), "临东消报〔2026〕3号").stage == "已报政府"
    assert major_hazards.supervise(ctx, h.uid, date(2026, 3, 6), "县人民政府").stage == "挂牌督办"
    with pytest.raises(Conflict, match="尚未整改销号"):
        major_hazards.close_case(ctx, h.uid, date(2026, 3, 18))
    hazard_flow.record_recheck(ctx, h.uid, RecheckInput(date(2026, 3, 18), _pair(people), "已改正"))
    done = major_hazards.close_case(ctx, h.uid, date(2026, 3, 19))
    assert done.stage == "已销案" and done.case_closed_on == date(2026, 3, 19) and done.supervisor == "县人民政府"
    assert [e.action for e in hazards.hazard_events(ctx, h.uid)][-5:] == ["判定", "报政府", "挂牌督办", "复查合格", "销案"]


def test_major_not_confirmed_becomes_ordinary(ctx, world):
    units, _ = world
    h = _new(ctx, units[0], severity="重大", description="疏散楼梯宽度不足设计要求", location="北侧楼梯")
    info = major_hazards.determine(ctx, h.uid, DeterminationInput(
        "综合判定", "集体讨论", ("刘所长", "张执法", "李执法"), 1, date(2026, 3, 3)))
    assert info.stage == "不构成" and info.conclusion == "不构成"
    assert hazards.get_hazard(ctx, h.uid).severity == "一般"
    with pytest.raises(Conflict):
        major_hazards.determine(ctx, h.uid, DeterminationInput(
            "综合判定", "集体讨论", ("刘所长", "张执法", "李执法"), 3, date(2026, 3, 4), "整改", date(2026, 3, 9)))
    assert count(ctx, MajorHazardDetermination) == 1
