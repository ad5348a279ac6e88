"""双随机 draws: cryptographic seed, replay from the stored pools, tamper detection, recusal, refusals."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from fireoffice.db.models import Draw, Inspection, InspectionPlan, PlanVisit, Unit, User
from fireoffice.services import draw_algorithm as algo
from fireoffice.services import draw_verify, draws, hazard_flow, hazards, inspections, officers
from fireoffice.services.errors import Conflict, ValidationError
from tests.services.insp_helpers import all_pass, count, hazard, make_officers, make_units

VALID = {"张执法", "李执法", "王执法", "刘所长"}


@pytest.fixture
def setup(ctx):
    return make_units(ctx, 30), make_officers(ctx)


def _draw(ctx, month="2026-03", seed=None, **kw):
    kw.setdefault("count", 10)
    return draws.draw(ctx, draws.DrawParams(month=month, **kw), seed=seed)


def test_draw_pairs_valid_officers_and_verifies(ctx, setup):
    units, people = setup
    result = _draw(ctx)
    assert len(result.units) == 10 and len({u.uid for u in result.units}) == 10
    assert {u.uid for u in result.units} <= set(units)
    for u in result.units:
        assert len(set(u.officers)) == 2 and set(u.officers) <= VALID  # never 赵过期 (expired) or 陈协管
    assert len(result.seed) == 32 and int(result.seed, 16) >= 0 and result.seed_source == "系统随机"
    assert result.pool_size == 30 and result.officer_count == 4
    report = draw_verify.verify(ctx, result.uid[:8])
    assert report.ok and report.problems == () and report.units == 10
    with ctx.db.read() as s:
        visits = s.execute(select(PlanVisit).where(PlanVisit.draw_id.is_not(None))).scalars().all()
        plan = s.execute(select(InspectionPlan)).scalar_one()
    assert len(visits) == 10 and all(v.record_no.startswith("JC2026-") for v in visits)
    assert plan.plan_type == "双随机" and plan.period_start == date(2026, 3, 1) and plan.period_end == date(2026, 3, 31)


def test_seed_is_fresh_and_replay_is_deterministic(ctx, setup):
    first, second = _draw(ctx, "2026-03"), _draw(ctx, "2026-04")
    assert first.seed != second.seed
    with ctx.db.read() as s:
        record = s.execute(select(Draw).where(Draw.uid == first.uid)).scalar_one()
    pools = (json.loads(record.unit_pool), json.loads(record.forced_pool), json.loads(record.officer_pool),
             json.loads(record.exclusions), record.parameters["count_resolved"])
    assert algo.run(record.seed, *pools) == json.loads(record.result)
    assert algo.run(record.seed, *pools) == algo.run(record.seed, *pools)
    assert algo.run(record.seed + "x", *pools) != json.loads(record.result)
    assert algo.sha256_text(record.unit_pool) == record.unit_pool_hash == first.unit_pool_hash
    assert algo.pool_hash(*pools) == record.pool_hash


def test_given_seed_reproduces_the_same_draw(ctx, setup):
    a = _draw(ctx, "2026-03", seed="公开摇号-1")
    b = _draw(ctx, "2026-04", seed="公开摇号-1")
    assert a.seed_source == "人工指定"
    assert [(u.uid, u.officer_uids) for u in a.units] == [(u.uid, u.officer_uids) for u in b.units]


def test_tampering_is_detected(ctx, db, setup):
    result = _draw(ctx)
    with ctx.db.write() as s:
        record = s.execute(select(Draw).where(Draw.uid == result.uid)).scalar_one()
        pool = json.loads(record.unit_pool)
        original = record.unit_pool
        record.unit_pool = algo.canonical(pool[1:])  # someone drops a unit from the published pool
    report = draw_verify.verify(ctx, result.uid)
    assert not report.ok and any("抽查对象名录" in p for p in report.problems)
    with ctx.db.write() as s:
        s.execute(update(Draw).where(Draw.uid == result.uid).values(unit_pool=original, seed="reroll"))
    report = draw_verify.verify(ctx, result.uid)
    assert any("随机种子" in p and "审计日志" in p for p in report.problems)
    assert any("按种子重放" in p for p in report.problems)
    with ctx.db.write() as s:
        s.execute(update(Draw).where(Draw.uid == result.uid).values(seed=result.seed))
        visit = s.execute(select(PlanVisit).order_by(PlanVisit.sequence)).scalars().first()
        expired = s.execute(select(User).where(User.display_name == "陈协管")).scalar_one()
        visit.officer2_id = expired.id  # an officer swapped by hand after the draw
    report = draw_verify.verify(ctx, result.uid)
    assert not report.ok and any("检查人员被改为" in p and "陈协管" in p for p in report.problems)


def test_recusal_by_unit_and_by_person(ctx, setup):
    units, people = setup
    officers.declare_conflict(ctx, people["张执法"], "亲属", unit_uid=units[0], description="其兄经营")
    with ctx.db.write() as s:
        s.execute(update(Unit).where(Unit.uid == units[1]).values(legal_rep="钱某某"))
    officers.declare_conflict(ctx, people["李执法"], "利害关系", person_name="钱某某")
    result = _draw(ctx, count=None, ratio=1.0)
    pairs = {u.uid: set(u.officers) for u in result.units}
    assert "张执法" not in pairs[units[0]] and "李执法" not in pairs[units[1]]
    with ctx.db.read() as s:
        stored = json.loads(s.execute(select(Draw.exclusions)).scalar_one())
    assert [units[0], people["张执法"]] in stored and [units[1], people["李执法"]] in stored
    assert draw_verify.verify(ctx, result.uid).ok


def test_too_few_officers_after_recusal_refused_nothing_written(ctx, setup):
    units, people = setup
    with ctx.db.write() as s:  # leave exactly two valid enforcers
        s.execute(update(User).where(User.display_name.in_(["王执法", "刘所长"])).values(active=False))
    officers.declare_conflict(ctx, people["张执法"], "亲属", unit_uid=units[5])
    with pytest.raises(ValidationError) as ex:
        _draw(ctx, count=None, ratio=1.0)
    assert ex.value.field == "执法人员" and "测试单位005" in ex.value.message and "回避" in ex.value.message
    assert count(ctx, Draw) == 0 and count(ctx, InspectionPlan) == 0 and count(ctx, PlanVisit) == 0


def test_expired_certificates_do_not_count(ctx, setup):
    with ctx.db.write() as s:
        s.execute(update(User).where(User.display_name.in_(["李执法", "王执法", "刘所长"]))
                  .values(cert_valid_until=date(2026, 3, 15)))  # expires mid-month
    with pytest.raises(ValidationError) as ex:
        _draw(ctx, "2026-03")
    assert ex.value.field == "执法人员" and "只有 1 名" in ex.value.message
    assert count(ctx, Draw) == 0 and count(ctx, InspectionPlan) == 0
    assert len(_draw(ctx, "2026-02").units) == 10  # all valid through February


def test_empty_pool_and_bad_counts_refused(ctx, setup):
    with pytest.raises(ValidationError) as ex:
        _draw(ctx, categories=("重点单位",))
    assert ex.value.field == "抽查对象"
    with pytest.raises(ValidationError) as ex:
        _draw(ctx, count=31)
    assert ex.value.field == "抽取数量" and "30" in ex.value.message
    with pytest.raises(ValidationError):
        _draw(ctx, count=None)
    with pytest.raises(ValidationError):
        _draw(ctx, count=None, ratio=1.5)
    with pytest.raises(ValidationError) as ex:
        _draw(ctx, month="2026-13")
    assert ex.value.field == "月份"
    assert count(ctx, Draw) == 0 and count(ctx, InspectionPlan) == 0


def test_forced_inclusion_of_major_and_penalised_units(ctx, setup):
    units, people = setup
    major = hazards.report_hazard(ctx, units[3], hazard(severity="重大", description="地下室存放汽油桶二十余个",
                                                        location="地下一层"), date(2026, 2, 2))
    assert major.major_stage == "拟判定"
    fined = hazards.report_hazard(ctx, units[7], hazard(), date(2026, 2, 2))
    hazard_flow.sweep_deadlines(ctx, date(2026, 2, 20))
    hazard_flow.record_recheck(ctx, fined.uid, hazard_flow.RecheckInput(
        date(2026, 2, 25), (people["张执法"], people["李执法"]), "未改正"))
    hazard_flow.escalate(ctx, fined.uid, "处罚", date(2026, 2, 26))
    old = hazards.report_hazard(ctx, units[9], hazard(), date(2024, 12, 2))
    hazard_flow.sweep_deadlines(ctx, date(2024, 12, 20))
    hazard_flow.record_recheck(ctx, old.uid, hazard_flow.RecheckInput(
        date(2024, 12, 23), (people["张执法"], people["李执法"]), "未改正"))
    hazard_flow.escalate(ctx, old.uid, "处罚", date(2024, 12, 24))  # more than 12 months before 2026-03
    result = _draw(ctx, count=3, seed="固定")
    forced = {u.uid for u in result.units if u.forced}
    assert forced == {units[3], units[7]}
    assert len(result.units) == 3
    plain = _draw(ctx, "2026-04", count=3, seed="固定", force_major=False, force_penalised=False)
    assert not any(u.forced for u in plain.units)


def test_redraw_needs_void_and_void_needs_reason(ctx, setup):
    units, people = setup
    first = _draw(ctx)
    with pytest.raises(Conflict):
        _draw(ctx)
    with pytest.raises(ValidationError):
        draws.void_draw(ctx, first.uid, "")
    draws.void_draw(ctx, first.uid, "名录漏录三家单位，重新抽取")
    second = _draw(ctx)
    assert second.plan_uid == first.plan_uid and second.seed != first.seed
    assert draw_verify.verify(ctx, first.uid).ok  # a void draw still proves what it was
    listed = draws.list_draws(ctx, first.plan_uid)
    assert [d.status for d in listed] == ["有效", "作废"]
    visit = next(v for v in _visits(ctx) if v.draw_id is not None and v.status == "待检查")
    unit_uid = _unit_uid(ctx, visit.unit_id)
    pair = _officer_uids(ctx, visit)
    inspections.create_inspection(ctx, all_pass(ctx, unit_uid, officers=pair, plan_visit_uid=visit.uid,
                                                inspection_type="双随机抽查", started_at=datetime(2026, 3, 3, 9),
                                                ended_at=datetime(2026, 3, 3, 9, 30)))
    with pytest.raises(Conflict):
        draws.void_draw(ctx, second.uid, "已经开始检查了也想作废")
    assert count(ctx, Inspection) == 1


def _visits(ctx):
    with ctx.db.read() as s:
        return s.execute(select(PlanVisit).order_by(PlanVisit.id)).scalars().all()


def _unit_uid(ctx, unit_id):
    with ctx.db.read() as s:
        return s.get(Unit, unit_id).uid


def _officer_uids(ctx, visit):
    with ctx.db.read() as s:
        return (s.get(User, visit.officer1_id).uid, s.get(User, visit.officer2_id).uid)
