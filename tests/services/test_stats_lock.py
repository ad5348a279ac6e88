"""Locking a month of the 统计月报: the snapshot, its hash checked on read, amendments and their records, unlock."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from fireoffice.db.models import AuditEvent, StatsMonthLock
from fireoffice.services import audit, hazards, inspections, stats_lock, stats_monthly
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from tests.services.insp_helpers import all_pass, audit_count, hazard, make_officers, make_units


@pytest.fixture
def jan(ctx):
    """Two units, one completed inspection on 2026-01-30; the owner acts."""
    units = make_units(ctx, 2)
    people = make_officers(ctx)
    pair = (people["张执法"], people["李执法"])
    first = inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=pair))
    return {"units": units, "pair": pair, "first": first}


def _as(ctx, role: str) -> ServiceContext:
    return ServiceContext(db=ctx.db, actor=Actor(username=f"u-{role}", display_name=f"某{role}", role=role))


def _amended(view, area="合计", key="inspections", span="month"):
    return [(a.submitted, a.current) for a in view.amendments if (a.area, a.key, a.span) == (area, key, span)]


def test_lock_stores_every_figure_and_shows_them(ctx, jan):
    before = audit_count(ctx)
    info = stats_lock.lock_month(ctx, 2026, 1, "已报中心")
    assert info.period == "2026-01" and len(info.sha256) == 64
    with ctx.db.read() as s:
        row = s.execute(select(StatsMonthLock)).scalar_one()
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert set(row.snapshot["reports"]) == {"township", "grid"}
    assert stats_lock.digest(row.snapshot) == row.snapshot_sha256 == info.sha256
    assert audit_count(ctx) == before + 1 and event.action == "锁定统计月报" and info.sha256 in event.after
    for by in ("township", "grid"):
        view = stats_lock.month_view(ctx, 2026, 1, by)
        now = stats_monthly.monthly_report(ctx, 2026, 1, by)
        assert view.locked and view.intact and view.amendments == ()
        assert view.report.areas == now.areas and view.report.columns == now.columns
        assert view.report.cells == now.cells  # every row and column, as submitted
    assert view.report.cell("合计", "inspections").month == 1
    with pytest.raises(Conflict):
        stats_lock.lock_month(ctx, 2026, 1)


def test_a_record_added_later_shows_as_an_amendment_with_its_records(ctx, jan):
    stats_lock.lock_month(ctx, 2026, 1)
    late = inspections.create_inspection(ctx, all_pass(
        ctx, jan["units"][1], officers=jan["pair"], started_at=datetime(2026, 1, 20, 14, 0),
        ended_at=datetime(2026, 1, 20, 14, 30)))
    hazards.report_hazard(ctx, jan["units"][1], hazard(), date(2026, 1, 21))
    view = stats_lock.month_view(ctx, 2026, 1)
    assert view.intact
    assert view.report.cell("合计", "inspections").month == 1  # the submitted figure is what the page shows
    assert view.current.cell("合计", "inspections").month == 2
    assert _amended(view) == [(1.0, 2.0)]
    assert _amended(view, span="ytd") == [(1.0, 2.0)]
    assert _amended(view, key="hazards") == [(0.0, 1.0)]
    assert not _amended(view, key="units")  # untouched figures are not amendments
    changed = stats_lock.amendment_records(ctx, 2026, 1, "township", "合计", "inspections")
    assert [r.reference for r in changed] == [late.record_no]  # only the record changed after the lock
    everything = stats_monthly.records(ctx, 2026, 1, "township", "合计", "inspections")
    assert len(everything) == 2
    # a later month is untouched
    assert stats_lock.month_view(ctx, 2026, 2).locked is False


def test_a_raw_edit_of_the_snapshot_is_detected_on_read(ctx, jan):
    stats_lock.lock_month(ctx, 2026, 1)
    with ctx.db.read() as s:
        snap = s.execute(select(StatsMonthLock.snapshot)).scalar_one()
    snap["reports"]["township"]["cells"]["合计"]["inspections"][0] = 99.0
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE stats_month_lock SET snapshot = :s"), {"s": json.dumps(snap, ensure_ascii=False)})
    view = stats_lock.month_view(ctx, 2026, 1)
    assert view.locked and not view.intact and "校验值" in view.problem
    assert view.report.cell("合计", "inspections").month == 1  # the forged 99 is never shown as submitted
    assert view.amendments == ()


def test_a_raw_edit_of_the_lock_time_is_detected(ctx, jan):
    stats_lock.lock_month(ctx, 2026, 1)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE stats_month_lock SET locked_at = '2030-01-01 00:00:00.000000'"))
    view = stats_lock.month_view(ctx, 2026, 1)
    assert not view.intact and "锁定时间" in view.problem


def test_only_the_head_or_admin_may_lock_and_unlock(ctx, jan):
    before = audit_count(ctx)
    for role in ("执法人员", "文员", "只读"):
        with pytest.raises(PermissionDenied):
            stats_lock.lock_month(_as(ctx, role), 2026, 1)
    assert audit_count(ctx) == before and stats_lock.lock_info(ctx, 2026, 1) is None
    stats_lock.lock_month(_as(ctx, "所长"), 2026, 1)
    with pytest.raises(PermissionDenied):
        stats_lock.unlock_month(_as(ctx, "执法人员"), 2026, 1, "更正")
    stats_lock.unlock_month(_as(ctx, "管理员"), 2026, 1, "更正后重新上报")
    assert stats_lock.lock_info(ctx, 2026, 1) is None


def test_unlock_needs_a_reason_and_is_audited(ctx, jan):
    info = stats_lock.lock_month(ctx, 2026, 1)
    with pytest.raises(ValidationError) as refused:
        stats_lock.unlock_month(ctx, 2026, 1, "  ")
    assert refused.value.field == "解锁原因"
    assert stats_lock.lock_info(ctx, 2026, 1) is not None
    stats_lock.unlock_month(ctx, 2026, 1, "补录一条检查记录")
    with ctx.db.read() as s:
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
        assert audit.verify(s).ok
    assert event.action == "解锁统计月报" and "补录一条检查记录" in event.after and info.sha256 in event.before
    view = stats_lock.month_view(ctx, 2026, 1)
    assert not view.locked and view.report.cells == view.current.cells
    with pytest.raises(NotFound):
        stats_lock.unlock_month(ctx, 2026, 1, "again")
    with pytest.raises(NotFound):
        stats_lock.amendment_records(ctx, 2026, 1, "township", "合计", "inspections")
    stats_lock.lock_month(ctx, 2026, 1)  # may be locked again after the correction
    assert stats_lock.locked_months(ctx)[0].period == "2026-01"


def test_a_future_month_cannot_be_locked(ctx):
    nxt = date.today().replace(day=28)
    year, month = (nxt.year + 1, 1) if nxt.month == 12 else (nxt.year, nxt.month + 1)
    with pytest.raises(ValidationError):
        stats_lock.lock_month(ctx, year, month)


@pytest.mark.postgres
def test_lock_amendments_and_dashboard_on_postgresql(pg_url):
    from fireoffice.db import migrate
    from fireoffice.db.session import Database
    from fireoffice.services import dashboard

    db = Database.open(pg_url)
    migrate.upgrade(db.engine)
    ctx = ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    try:
        units = make_units(ctx, 2)
        people = make_officers(ctx)
        pair = (people["张执法"], people["李执法"])
        inspections.create_inspection(ctx, all_pass(ctx, units[0], officers=pair))
        stats_lock.lock_month(ctx, 2026, 1)
        assert stats_lock.month_view(ctx, 2026, 1).intact  # the hash survives the JSON round trip
        inspections.create_inspection(ctx, all_pass(ctx, units[1], officers=pair,
                                                     started_at=datetime(2026, 1, 20, 14, 0),
                                                     ended_at=datetime(2026, 1, 20, 14, 30)))
        view = stats_lock.month_view(ctx, 2026, 1)
        assert view.intact and _amended(view) == [(1.0, 2.0)]
        assert len(stats_lock.amendment_records(ctx, 2026, 1, "grid", "合计", "inspections")) == 1
        d = dashboard.dashboard(ctx, date(2026, 3, 15))
        assert next(p for p in d.months if p.label == "2026-01").inspections == 2
    finally:
        db.dispose()


def test_the_report_of_a_locked_month_exports_the_submitted_figures(ctx, jan, tmp_path):
    from python_calamine import CalamineWorkbook

    stats_lock.lock_month(ctx, 2026, 1)
    inspections.create_inspection(ctx, all_pass(
        ctx, jan["units"][1], officers=jan["pair"], started_at=datetime(2026, 1, 20, 14, 0),
        ended_at=datetime(2026, 1, 20, 14, 30)))
    from fireoffice.services.ledgers import Period

    out = stats_monthly.export_report(ctx, tmp_path / "月报.xlsx", Period(None, date(2026, 1, 31)))
    rows = CalamineWorkbook.from_path(str(out.path)).get_sheet_by_index(0).to_python()
    assert "锁定上报" in rows[1][0] and "项更正" in rows[1][0]
    header = rows[2]
    total = next(r for r in rows if r[0] == "合计")
    assert total[header.index("检查单位（家次）·本月")] == 1  # submitted, not today's 2
