"""Demo inspections and hazards: a year of records, every hazard state, some overdue, deterministic, consistent."""

from __future__ import annotations

from sqlalchemy import func, select

from fireoffice.db import migrate
from fireoffice.db.models import (
    ChecklistItem,
    FrequencyRule,
    Hazard,
    HazardEvent,
    HazardExtension,
    HazardRecheck,
    Inspection,
    PlanVisit,
)
from fireoffice.db.session import Database
from fireoffice.services import database, demo, draw_verify, draws, inspection_queries
from fireoffice.services.context import ServiceContext
from fireoffice.services.hazards import STATES


def _group(ctx, col):
    with ctx.db.read() as s:
        return dict(s.execute(select(col, func.count()).group_by(col)).all())


def test_demo_has_every_state_and_overdue_items(ctx):
    demo.fill_demo(ctx, units=300, seed=7)
    assert set(_group(ctx, Hazard.state)) == set(STATES)
    assert {"拟判定", "挂牌督办", "已销案"} <= set(_group(ctx, Hazard.major_stage))
    assert {"待审批", "同意", "不同意"} <= set(_group(ctx, HazardExtension.decision))
    outcomes = _group(ctx, Inspection.outcome)
    assert outcomes["完成"] > 80 and sum(v for k, v in outcomes.items() if k != "完成") > 0
    assert {"日常检查", "双随机抽查", "夜查"} <= set(_group(ctx, Inspection.inspection_type))
    counts = inspection_queries.hazard_counts(ctx)
    assert counts["逾期"] > 0
    home = inspection_queries.home_due(ctx)
    assert home.overdue and (home.today or home.this_week)
    with ctx.db.read() as s:
        closed_by_recheck = s.execute(select(func.count()).select_from(Hazard).where(
            Hazard.close_basis == "复查", ~Hazard.id.in_(select(HazardRecheck.hazard_id)))).scalar_one()
        assert closed_by_recheck == 0  # every 复查 closure has its 复查 record
        no_events = s.execute(select(func.count()).select_from(Hazard).where(
            ~Hazard.id.in_(select(HazardEvent.hazard_id)))).scalar_one()
        assert no_events == 0
        last = dict(s.execute(select(HazardEvent.hazard_id, HazardEvent.to_state)
                              .order_by(HazardEvent.hazard_id, HazardEvent.id)).all())
        states = dict(s.execute(select(Hazard.id, Hazard.state)).all())
        assert last == states  # the event log ends in the stored state
        open_visits = s.execute(select(func.count()).select_from(PlanVisit).where(
            PlanVisit.status == "待检查")).scalar_one()
        assert open_visits > 0
    listed = draws.list_draws(ctx)
    assert len(listed) == 3 and all(draw_verify.verify(ctx, d.uid).ok for d in listed)
    assert any(d for d in listed if draws.get_draw(ctx, d.uid).units)
    assert database.check(ctx.db).ok


def test_same_seed_same_hazards(ctx, tmp_path):
    other_db = Database.open(str(tmp_path / "other.sqlite"))
    migrate.upgrade(other_db.engine)
    other = ServiceContext(db=other_db)
    demo.fill_demo(ctx, units=150, seed=3)
    demo.fill_demo(other, units=150, seed=3)

    def key(c):
        # 双随机 draws order their pools by uid, and uids are random: everything else must repeat exactly.
        with c.db.read() as s:
            return s.execute(select(Hazard.hazard_no, Hazard.description, Hazard.state, Hazard.deadline)
                             .join(Inspection, Inspection.id == Hazard.inspection_id)
                             .where(Inspection.inspection_type != "双随机抽查").order_by(Hazard.hazard_no)).all()

    assert key(ctx) == key(other) and len(key(ctx)) > 10
    other_db.dispose()


def test_clear_demo_keeps_reference_tables(ctx):
    demo.fill_demo(ctx, units=60, seed=2)
    demo.clear_demo(ctx)
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(Inspection)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(ChecklistItem)).scalar_one() > 30
        assert s.execute(select(func.count()).select_from(FrequencyRule)).scalar_one() == 16


def test_empty_demo_does_not_fail(ctx):
    demo.fill_demo(ctx, units=0, seed=1)
    assert _group(ctx, Hazard.state) == {}
