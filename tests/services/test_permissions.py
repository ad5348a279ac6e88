"""The role table, enforced in the services: for each permission a role that holds it succeeds, one that lacks
it is refused with PermissionDenied through a real service call, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from fireoffice.db.models import StationProfile
from fireoffice.services import (
    audit_query,
    backups,
    demo,
    hazard_flow,
    hazards,
    inspections,
    officers,
    plans,
    station,
    unit_import,
    units,
    users,
    workdays,
)
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.demo_inspections import tiny_png
from fireoffice.services.errors import PermissionDenied
from fireoffice.services.permissions import OWNER_ROLE, PERMISSIONS, ROLES, allowed, require, role_table
from fireoffice.services.photos import PhotoInput
from tests.services.insp_helpers import all_pass, audit_count, hazard, make_officers, make_units


def _xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["单位名称", "地址"])
    wb.active.append(["导入测试商店", "东城街道人民路1号"])
    path = tmp_path / "units.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def world(ctx, tmp_path):
    """Everything the calls below act on, written by the owner."""
    unit_uids = make_units(ctx, 2)
    people = make_officers(ctx)
    h = hazards.report_hazard(ctx, unit_uids[0], hazard(), date(2026, 3, 2))
    users.create_user(ctx, "target", "协管员", "", "目标用户")
    backup = backups.backup_now(ctx, tmp_path / "b.sqlite")
    return {"units": unit_uids, "people": people, "hazard": h.uid, "xlsx": _xlsx(tmp_path), "backup": backup,
            "tmp": tmp_path}


def _mark_demo(ctx):
    with ctx.db.write() as s:
        s.add(StationProfile(name="演示所", is_demo=True, configured=True))


CALLS = {
    "station.edit": lambda c, w: station.update_station(c, {"name": "东城街道消防工作所"}),
    "users.manage": lambda c, w: users.reset_password(c, "target", "newpass1"),
    "database.backup": lambda c, w: backups.backup_now(c, w["tmp"] / "again.sqlite"),
    "database.restore": lambda c, w: backups.restore_from(c, w["backup"]),
    "demo.clear": lambda c, w: demo.clear_demo(c),
    "units.edit": lambda c, w: units.create_unit(c, {"name": "新单位", "address": "东城街道一号"}),
    "units.import": lambda c, w: unit_import.import_units(c, w["xlsx"]),
    "units.archive": lambda c, w: units.archive_unit(c, w["units"][1], "停业"),
    "rules.edit": lambda c, w: workdays.set_overrides(c, [(date(2026, 10, 9), workdays.HOLIDAY, "调休")], "通知"),
    "officers.manage": lambda c, w: officers.add_officer(c, "newbie", "新人", "协管员"),
    "plans.edit": lambda c, w: plans.create_plan(c, plans.PlanInput("三月日常", "日常", date(2026, 3, 1),
                                                                      date(2026, 3, 31))),
    "inspections.edit": lambda c, w: inspections.create_inspection(
        c, all_pass(c, w["units"][1], officers=(w["people"]["张执法"], w["people"]["李执法"]))),
    "hazards.report": lambda c, w: hazards.report_hazard(c, w["units"][1], hazard(), date(2026, 3, 2)),
    "hazards.manage": lambda c, w: hazard_flow.apply_recheck(c, w["hazard"], date(2026, 3, 6)),
    "hazards.approve": lambda c, w: hazard_flow.close_with_evidence(
        c, w["hazard"], date(2026, 3, 9), w["people"]["刘所长"], (PhotoInput(tiny_png("after")),), "照片"),
    "audit.view": lambda c, w: audit_query.page(c),
}
SETUP = {"demo.clear": _mark_demo}
# Permissions whose services belong to other features (documents, training, statistics, exchange, export):
# they are checked there; here only the table itself.
ELSEWHERE = set(PERMISSIONS) - set(CALLS)


def _as(ctx: ServiceContext, role: str) -> ServiceContext:
    return ServiceContext(db=ctx.db, actor=Actor(username=f"u-{role}", display_name=f"某{role}", role=role))


@pytest.mark.parametrize("permission", sorted(CALLS))
def test_role_table_is_enforced_by_the_service(ctx, world, permission):
    holders = role_table_roles(permission)
    lacking = [r for r in ROLES if r not in holders]
    SETUP.get(permission, lambda c: None)(ctx)
    before = audit_count(ctx)
    denied = _as(ctx, lacking[0])
    with pytest.raises(PermissionDenied) as refused:
        CALLS[permission](denied, world)
    assert lacking[0] in str(refused.value) and PERMISSIONS[permission][0] in str(refused.value)
    assert audit_count(ctx) == before  # nothing written
    CALLS[permission](_as(ctx, holders[0]), world)  # the holder succeeds


def role_table_roles(permission: str) -> list[str]:
    return next(roles for key, _d, roles in role_table() if key == permission)


def test_every_permission_has_a_holder_and_the_owner_may_do_everything(ctx):
    owner = _as(ctx, OWNER_ROLE)
    for key in PERMISSIONS:
        assert role_table_roles(key), key
        assert allowed(owner, key)
        require(owner, key)
    assert {"documents.draft", "documents.issue", "training.edit", "stats.submit",
                         "exchange.import", "export", "complaints.view", "complaints.edit",
                         "complaints.view_identity",
                         "privacy.view_id_numbers"} >= ELSEWHERE  # complaints: tests/services/test_complaints.py;
    # privacy: tests/services/test_privacy.py


def test_grid_worker_may_only_report_hazards(ctx):
    grid = _as(ctx, "网格员")
    assert [k for k in PERMISSIONS if allowed(grid, k)] == ["hazards.report"]
    viewer = _as(ctx, "只读")
    assert not any(allowed(viewer, k) for k in PERMISSIONS if k.endswith((".edit", ".manage", ".report")))


def test_unknown_permission_is_a_programming_error(ctx):
    with pytest.raises(KeyError):
        allowed(ctx, "units.fly")


def test_archive_denied_leaves_the_row_untouched(ctx, world):
    from fireoffice.db.models import Unit

    def archived() -> bool:
        with ctx.db.read() as s:
            return s.execute(select(Unit.archived).where(Unit.uid == world["units"][0])).scalar_one()

    with pytest.raises(PermissionDenied):
        units.archive_unit(_as(ctx, "协管员"), world["units"][0], "停业")
    assert not archived()
    units.archive_unit(_as(ctx, "执法人员"), world["units"][0], "停业")
    assert archived()


def test_training_numbering_and_checklists_refuse_roles_without_the_permission(db):
    """Services added after the role table was first wired in check it too."""
    from datetime import date as _date

    from fireoffice.services import checklists, numbering, training
    from fireoffice.services.context import Actor, ServiceContext
    from fireoffice.services.errors import PermissionDenied

    grid = ServiceContext(db=db, actor=Actor(username="g", display_name="网格员甲", role="网格员"))
    with pytest.raises(PermissionDenied):
        training.create_session(grid, training.SessionInput(kind="集中培训", topic="消防安全培训",
                                                            held_on=_date.today()))
    with pytest.raises(PermissionDenied):
        numbering.set_template(grid, "约谈通知书", "{issuer}消{type}字〔{year}〕第{seq:03d}号")
    with pytest.raises(PermissionDenied):
        checklists.save_version(grid, "x", [])
