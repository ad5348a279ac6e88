"""Changes made outside the app (the sqlite3 shell) are found by `audit verify`: edited, deleted or inserted
audit events, and edited, deleted or inserted rows of audited tables — naming the first broken event."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

import pytest

from fireoffice.db.models import Unit
from fireoffice.services import audit, database, hazards, officers, station, units, users
from tests.services.insp_helpers import hazard, make_units


@pytest.fixture
def filled(ctx):
    station.update_station(ctx, {"name": "东城街道消防工作所"})
    u = units.create_unit(ctx, {"name": "老王火锅店", "address": "东城街道解放路12号"})
    units.update_unit(ctx, u.uid, {"seats": 80})
    officers.add_officer(ctx, "zhang", "张执法", "执法人员", "晋消执001", date(2030, 12, 31))
    users.create_user(ctx, "clerk", "文员")
    unit_uids = make_units(ctx, 2)
    hazards.report_hazard(ctx, unit_uids[0], hazard(), date(2026, 3, 2))
    ctx.db.dispose()
    assert database.check(ctx.db).ok
    return u.uid


def _sql(ctx, statement: str, *params) -> None:
    with sqlite3.connect(ctx.db.sqlite_path) as conn:  # the "sqlite3 shell": no app, no audit
        conn.execute(statement, params)
    ctx.db.dispose()


def _problem(ctx) -> str:
    with ctx.db.read() as s:
        report = audit.verify(s)
    assert not report.ok
    check = database.check(ctx.db)
    assert not check.ok and report.problem in check.problems
    return report.problem


@pytest.mark.parametrize(("statement", "table", "what"), [
    ("UPDATE unit SET name = '改过的名字' WHERE name = '老王火锅店'", "unit", "改动"),
    ("UPDATE station_profile SET name = '别的所'", "station_profile", "改动"),
    ("UPDATE user_account SET role = '管理员' WHERE username = 'clerk'", "user_account", "改动"),
    ("UPDATE hazard SET description = '没有隐患'", "hazard", "改动"),
    ("DELETE FROM unit WHERE name = '老王火锅店'", "unit", "删除"),
    ("DELETE FROM hazard", "hazard", "删除"),
    ("INSERT INTO user_account (uid, username, display_name, role, phone, cert_no, password_hash, active, "
     "failed_logins, created_at, updated_at) VALUES ('x', 'evil', '坏人', '管理员', '', '', '', 1, 0, "
     "'2026-01-01', '2026-01-01')", "user_account", "增加"),
])
def test_raw_edits_of_audited_rows_are_detected(ctx, filled, statement, table, what):
    _sql(ctx, statement)
    problem = _problem(ctx)
    assert f"({table})" in problem and what in problem and "审计记录 #" in problem


def test_edited_event_is_named(ctx, filled):
    _sql(ctx, "UPDATE audit_event SET actor = '别人' WHERE id = 3")
    assert "审计记录 #3" in _problem(ctx) and "内容被改动" in _problem(ctx)


def test_deleted_event_in_the_middle_is_named(ctx, filled):
    _sql(ctx, "DELETE FROM audit_event WHERE id = 2")
    assert "审计记录 #3" in _problem(ctx) and "删除、插入或改动" in _problem(ctx)


def test_deleted_newest_event_is_detected(ctx, filled):
    _sql(ctx, "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
    assert "audit_event" in _problem(ctx)


def test_inserted_event_is_detected(ctx, filled):
    _sql(ctx, "INSERT INTO audit_event (uid, at, actor, action, entity, entity_uid, before, after, prev_hash, hash)"
              " SELECT 'fake', at, actor, action, entity, entity_uid, before, after, prev_hash, hash"
              " FROM audit_event WHERE id = 2")
    assert "审计记录 #" in _problem(ctx)


def test_a_change_undone_by_hand_verifies_again(ctx, filled):
    _sql(ctx, "UPDATE user_account SET role = '管理员' WHERE username = 'clerk'")
    _problem(ctx)
    _sql(ctx, "UPDATE user_account SET role = '文员' WHERE username = 'clerk'")
    assert database.check(ctx.db).ok


def test_app_writes_keep_the_seals_valid(ctx, filled):
    units.archive_unit(ctx, filled, "停业")
    units.restore_unit(ctx, filled)
    units.delete_unit(ctx, make_units(ctx, 1, prefix="临时")[0])
    assert database.check(ctx.db).ok


def test_100000_units_verify_in_seconds(ctx):
    first = units.create_unit(ctx, {"name": "单位000000", "address": "东城街道0号"})
    cols = [c.name for c in Unit.__table__.columns if c.name not in ("id", "uid", "name", "address")]
    listed = ", ".join(cols)
    with ctx.db.write() as s:  # 99,999 copies in SQL: an app write, so the seal follows
        s.connection().exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) "
            f"INSERT INTO unit (uid, name, address, {listed}) SELECT printf('u%06d', i), printf('单位%06d', i), "
            f"printf('东城街道%d号', i), {listed} FROM n, (SELECT * FROM unit WHERE uid = '{first.uid}')")
    start = time.perf_counter()
    with ctx.db.read() as s:
        assert audit.verify(s).ok
    assert time.perf_counter() - start < 5
    _sql(ctx, "UPDATE unit SET address = '改' WHERE name = '单位054321'")
    with ctx.db.read() as s:
        assert "(unit)" in audit.verify(s).problem
