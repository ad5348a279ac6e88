"""The demo 举报投诉 register (every state, some overdue, consistent) and the 举报投诉台账 (rows, masking, period)."""

from __future__ import annotations

from datetime import date, timedelta

from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from fireoffice.db.models import Complaint, ComplaintOfficer, Inspection
from fireoffice.services import complaint_queries, complaints, demo, ledgers
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.ledgers import Period


def test_demo_has_complaints_in_every_state_and_they_are_consistent(demo_ctx):
    counts = complaint_queries.complaint_counts(demo_ctx)
    assert all(counts.get(st, 0) > 0 for st in complaints.STATUSES), counts
    assert counts["逾期"] > 0 and 24 <= counts["all"] <= 60
    with demo_ctx.db.read() as s:
        rows = s.execute(select(Complaint)).scalars().all()
        staff = dict(s.execute(select(ComplaintOfficer.complaint_id, func.count())
                               .group_by(ComplaintOfficer.complaint_id)).all())
        linked = s.execute(select(Inspection.inspection_type).join(
            Complaint, Complaint.inspection_id == Inspection.id)).scalars().all()
    assert set(linked) == {complaints.INSPECTION_TYPE}
    assert {r.anonymous for r in rows} == {True, False} and {r.urgent for r in rows} == {True, False}
    for r in rows:
        assert r.due_at > r.received_at and r.deadline_rule and r.deadline_calendar
        if r.status != "待核查":
            assert r.verified_at >= r.received_at and staff.get(r.id, 0) >= 2 and r.result in complaints.RESULTS
        if r.status in ("已告知", "已办结"):
            assert (r.notified_at is not None and r.notified_at >= r.verified_at) or r.unable_reason
        if r.anonymous:
            assert not r.complainant_name and not r.notified_at
    assert len({r.complaint_no for r in rows}) == len(rows)


def test_demo_complaint_uids_are_deterministic(ctx, tmp_path):
    from fireoffice.db import migrate
    from fireoffice.db.session import Database

    other = Database.open(str(tmp_path / "other.sqlite"))
    migrate.upgrade(other.engine)
    try:
        runs = []
        for c in (ctx, ServiceContext(db=other)):
            demo.fill_demo(c, units=40, seed=11)
            with c.db.read() as s:
                runs.append(s.execute(select(Complaint.uid, Complaint.complaint_no).order_by(Complaint.uid)).all())
        assert runs[0] == runs[1] and runs[0]
    finally:
        other.dispose()


def _sheet(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_ledger_rows_and_masking(demo_ctx, tmp_path):
    with demo_ctx.db.read() as s:
        total = s.execute(select(func.count()).select_from(Complaint)).scalar_one()
        names = [n for n in s.execute(select(Complaint.complainant_name)).scalars() if n]
        phones = [p for p in s.execute(select(Complaint.complainant_contact)).scalars() if p]
    result = ledgers.export_ledger(demo_ctx, "complaints", tmp_path / "c.xlsx")
    assert result.rows == total
    rows = _sheet(result.path)
    assert "举报投诉台账" in rows[0][0]
    header = rows[2]
    assert header[:3] == ["受理编号", "受理时间", "来源"] and "核查期限" in header and "无法告知原因" in header
    assert rows[-1][0].startswith("合计")
    assert rows[-1][header.index("件数")] == total
    flat = " ".join(str(v) for row in rows for v in row)
    # 举报人保密: not even the owner's export names the complainant
    assert not any(n in flat for n in names) and not any(p in flat for p in phones)
    assert "匿名" in flat and "**" in flat


def test_ledger_period_filters_on_receipt(demo_ctx, tmp_path):
    last_week = date.today() - timedelta(days=7)
    with demo_ctx.db.read() as s:
        received = [c for c in s.execute(select(Complaint.received_at)).scalars()]
    expected = sum(1 for at in received if complaints.as_local(at).date() >= last_week)
    result = ledgers.export_ledger(demo_ctx, "complaints", tmp_path / "w.xlsx", Period(last_week, None))
    assert result.rows == expected and 0 < expected < len(received)


def test_ledger_needs_the_export_permission(demo_ctx, tmp_path):
    import pytest

    from fireoffice.services.errors import PermissionDenied

    grid = ServiceContext(db=demo_ctx.db, actor=Actor("grid", "网格员甲", "网格员"))
    with pytest.raises(PermissionDenied):
        ledgers.export_ledger(grid, "complaints", tmp_path / "g.xlsx")
    assert not (tmp_path / "g.xlsx").exists()
