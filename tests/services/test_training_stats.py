"""Statistics (场次, 人次, units, coverage by month and type), the unit timeline, and the demo year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from fireoffice.db.models import InterviewRecord, TrainingSession
from fireoffice.services import (
    demo,
    training,
    training_attendance,
    training_invite,
    training_stats,
    unit_timeline,
)
from fireoffice.services.training_attendance import PersonInput
from tests.services.test_training import make_session, make_units

TODAY = date.today()
YEAR_START = date(TODAY.year, 1, 1)


def _present_all(ctx, session_uid: str) -> None:
    rows = training_attendance.list_attendees(ctx, session_uid)
    training_attendance.set_status(ctx, [r.uid for r in rows if r.person_name], "实到")


def test_figures_by_month_and_type(ctx):
    uids = make_units(ctx, 5)  # 5 units in the register
    jan = make_session(ctx, held_on=YEAR_START)
    training_invite.invite_units(ctx, jan.uid, uids[:2], persons="resp")
    _present_all(ctx, jan.uid)
    training_attendance.add_walk_in(ctx, jan.uid, PersonInput("网格员甲", unit_name="柳林村网格"))
    talk = make_session(ctx, kind="一对一警示约谈", held_on=YEAR_START, reason="受到行政处罚")
    training_invite.invite_units(ctx, talk.uid, uids[1:2], persons="resp")
    _present_all(ctx, talk.uid)
    publicity = make_session(ctx, kind="宣传活动", held_on=YEAR_START, audience_count=300, materials_count=1200)
    cancelled = make_session(ctx, held_on=YEAR_START)
    training.cancel_session(ctx, cancelled.uid, "改期")
    make_session(ctx, held_on=TODAY + timedelta(days=30))  # planned: not counted yet
    st = training_stats.statistics(ctx, TODAY.year)
    jan_row = st.months[0]
    assert (jan_row.sessions, jan_row.people, jan_row.units) == (3, 2 + 1 + 1 + 300, 2)
    assert jan_row.coverage == 2 / 5 and jan_row.cumulative_coverage == 2 / 5
    assert st.months[-1].cumulative_units == 2
    assert (st.total.sessions, st.total.units, st.register) == (3, 2, 5)
    kinds = {r.label: r for r in st.by_kind}
    assert (kinds["集中培训"].sessions, kinds["集中培训"].people) == (1, 3)
    assert (kinds["一对一警示约谈"].sessions, kinds["宣传活动"].people) == (1, 300)
    assert (st.interview_units, st.interview_people, st.one_to_one) == (1, 1, 1)
    assert (st.publicity_activities, st.publicity_audience, st.publicity_materials) == (1, 300, 1200)
    assert training_stats.percent(jan_row.coverage) == "40.0%"
    assert publicity.uid  # listed sessions include it
    assert training_stats.statistics(ctx, TODAY.year - 1).total.sessions == 0


def test_unit_timeline_shows_trainings_and_interviews(ctx):
    uids = make_units(ctx, 1)
    info = make_session(ctx)
    training_invite.invite_units(ctx, info.uid, uids)
    _present_all(ctx, info.uid)
    talk = make_session(ctx, kind="集中约谈", reason="专项行动")
    training_invite.invite_units(ctx, talk.uid, uids)
    assert training_stats.timeline_source in unit_timeline.SOURCES
    entries = unit_timeline.unit_timeline(ctx, uids[0])
    kinds = {e.kind: e for e in entries}
    assert "冬春火灾防控培训" in kinds["培训"].title and "实到" in kinds["培训"].detail
    assert kinds["约谈"].ref_entity == "training_session" and "专项行动" in kinds["约谈"].detail


def test_demo_has_a_year_of_sessions_with_attendance(ctx):
    demo.fill_demo(ctx, units=300, seed=5)
    sessions = training.list_sessions(ctx)
    held = [x for x in sessions if x.held_on <= TODAY and not x.cancelled]
    assert len(held) > 50 and min(x.held_on for x in held) >= TODAY - timedelta(days=366)
    assert {x.kind for x in held} == set(training.KINDS)
    assert all(x.present > 0 for x in held if x.kind != training.PUBLICITY_KIND)
    assert any(x.status_text() == "计划中" for x in sessions) and any(x.cancelled for x in sessions)
    publicity = [x for x in held if x.kind == training.PUBLICITY_KIND]
    assert sum(x.materials_count for x in publicity) > 180_000
    one = [x for x in held if x.kind == "一对一警示约谈"]
    assert len(one) == 13
    with ctx.db.read() as s:
        numbered = s.execute(select(func.count()).select_from(InterviewRecord).where(
            InterviewRecord.notice_no.like("临东消约字%"))).scalar_one()
        assert s.execute(select(func.count()).select_from(TrainingSession)).scalar_one() == len(sessions)
    assert numbered == 13
    assert training_stats.statistics(ctx, TODAY.year, TODAY).register == 300
    everyone = training_invite.count_candidates(ctx, training_invite.InviteFilter(history="never"))
    assert everyone < 300 * 0.15  # the 约谈培训 reached (almost) every unit
    demo.clear_demo(ctx)
    assert training.list_sessions(ctx) == []


@pytest.mark.postgres
def test_the_whole_flow_on_postgresql(pg_url, tmp_path):
    from fireoffice.db import migrate
    from fireoffice.db.session import Database
    from fireoffice.services import training_print, training_signin
    from fireoffice.services.context import ServiceContext
    from tests.services.test_training import setup_station

    database = Database.open(pg_url)
    migrate.upgrade(database.engine)
    ctx = ServiceContext(db=database)
    try:
        setup_station(ctx)
        uids = make_units(ctx, 4)
        info = make_session(ctx, kind="集中约谈", reason="专项行动", held_on=TODAY - timedelta(days=1))
        assert training_invite.invite_units(ctx, info.uid, uids).interviews_added == 4
        path = training_signin.export_sign_in_xlsx(ctx, info.uid, tmp_path / "s.xlsx")
        assert training_signin.import_sign_in(ctx, info.uid, path, blank_as_absent=True).absent > 0
        _present_all(ctx, info.uid)
        training_attendance.add_walk_in(ctx, info.uid, PersonInput("网格员甲", unit_name="柳林村网格"))
        assert training_print.notices_pdf(ctx, info.uid, issued_on=TODAY - timedelta(days=3)).startswith(b"%PDF")
        assert training_print.sign_in_sheet_pdf(ctx, info.uid).startswith(b"%PDF")
        st = training_stats.statistics(ctx, info.held_on.year, info.held_on)
        assert st.total.units == 3 and st.interview_units == 4  # unit 3 has only a blank line, unticked
        assert any(e.kind == "约谈" for e in unit_timeline.unit_timeline(ctx, uids[0]))
        assert training_invite.count_candidates(ctx, training_invite.InviteFilter(history="never")) == 1
    finally:
        database.dispose()
