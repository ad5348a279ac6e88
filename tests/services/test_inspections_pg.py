"""The same draw → inspection → hazard → 复查 flow on a real PostgreSQL server."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fireoffice.db import migrate
from fireoffice.db.session import Database
from fireoffice.services import (
    draw_verify,
    draws,
    hazard_flow,
    hazards,
    inspection_queries,
    inspections,
    plans,
    unit_timeline,
)
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.inspections import ResultInput
from tests.services.insp_helpers import all_pass, count, hazard, make_officers, make_units

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_ctx(pg_url):
    db = Database.open(pg_url)
    migrate.upgrade(db.engine)
    yield ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    db.dispose()


def test_draw_inspection_hazard_flow_on_postgresql(pg_ctx):
    ctx = pg_ctx
    units = make_units(ctx, 12)
    people = make_officers(ctx)
    result = draws.draw(ctx, draws.DrawParams(month="2026-03", count=4), seed="pg")
    assert draw_verify.verify(ctx, result.uid).ok
    target = result.units[0]
    visit = next(v for v in plans.plan_visits(ctx, result.plan_uid) if v.unit_uid == target.uid)
    day = dict(started_at=datetime(2026, 3, 2, 9, 0), ended_at=datetime(2026, 3, 2, 9, 45))
    before = count(ctx, inspections.Inspection)
    with pytest.raises(ValidationError):  # one officer: refused, nothing written
        inspections.create_inspection(ctx, all_pass(ctx, target.uid, officers=target.officer_uids[:1],
                                                     plan_visit_uid=visit.uid, **day))
    assert count(ctx, inspections.Inspection) == before
    saved = inspections.create_inspection(ctx, all_pass(
        ctx, target.uid, officers=target.officer_uids, plan_visit_uid=visit.uid, inspection_type="双随机抽查",
        results=(ResultInput("G13", "不符合", hazard=hazard("二层走道应急照明灯不亮", "二层走道")),), **day))
    assert saved.notice_due == date(2026, 3, 5) and saved.record_no == visit.record_no
    detail = inspections.get_inspection(ctx, saved.uid)
    assert detail.counts_for_random and detail.started_at.hour == 9  # local time survives the round trip
    uid = saved.hazard_uids[0]
    assert hazard_flow.sweep_deadlines(ctx, date(2026, 3, 10)) == 1
    closed = hazard_flow.record_recheck(ctx, uid, hazard_flow.RecheckInput(
        date(2026, 3, 11), (people["张执法"], people["李执法"]), "已改正"))
    assert closed.state == "已销号"
    assert [e.action for e in hazards.hazard_events(ctx, uid)] == ["登记", "期限届满", "复查合格"]
    page = inspection_queries.list_inspections(ctx, inspection_queries.InspectionFilter(
        date_from=date(2026, 3, 1), date_to=date(2026, 3, 31), counts_for_random=True))
    assert page.total == 1 and page.rows[0].hazards == 1
    stats = inspection_queries.random_statistics(ctx, date(2026, 3, 1), date(2026, 3, 31))
    assert (stats.drawn, stats.inspected, stats.hazards) == (4, 1, 1)
    kinds = {e.kind for e in unit_timeline.unit_timeline(ctx, target.uid)}
    assert {"检查", "隐患"} <= kinds
    assert len(units) == 12
