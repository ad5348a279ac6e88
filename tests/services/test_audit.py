"""The audit chain detects an edit, a deletion or an insertion made behind the app's back."""

from __future__ import annotations

from sqlalchemy import text

from fireoffice.services import audit, station


def _three_events(ctx):
    for name in ("甲", "乙", "丙"):
        station.update_station(ctx, {"name": name})


def _verify(ctx):
    with ctx.db.read() as s:
        return audit.verify(s)


def test_intact_chain_verifies(ctx):
    _three_events(ctx)
    report = _verify(ctx)
    assert report.ok and report.events == 3 and len(report.head) == 64


def test_edit_is_detected_and_named(ctx):
    _three_events(ctx)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor='mallory' WHERE id=2"))
    report = _verify(ctx)
    assert not report.ok and "#2" in report.problem


def test_deletion_is_detected(ctx):
    _three_events(ctx)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE id=2"))
    report = _verify(ctx)
    assert not report.ok and "#3" in report.problem


def test_insertion_is_detected(ctx):
    _three_events(ctx)
    with ctx.db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO audit_event (uid, at, actor, action, entity, entity_uid, before, after, prev_hash, hash)"
            " VALUES ('x', '2026-01-01 00:00:00', 'm', 'a', 'e', '', '', '', 'bogus', 'bogus')"))
    report = _verify(ctx)
    assert not report.ok
