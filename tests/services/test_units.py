"""Unit service: create/update/archive/restore/delete, duplicates, person history, audit, timeline."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from fireoffice.db.models import AuditEvent, Grid, Unit, UnitPersonHistory, Village
from fireoffice.services import audit, unit_text, unit_timeline, units
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.unit_validation import DuplicateUnit

GOOD_USCC = "91141124956866773H"


@pytest.fixture
def places(ctx):
    with ctx.db.write() as s:
        east, west = Village(name="东关社区"), Village(name="柳林村", kind="村")
        s.add_all([east, west])
        s.flush()
        g1, g2 = Grid(village_id=east.id, name="东关第1网格"), Grid(village_id=west.id, name="柳林第1网格")
        s.add_all([g1, g2])
        s.flush()
        return {"east": east.id, "west": west.id, "g_east": g1.id, "g_west": g2.id}


def unit_values(**over):
    values = {"name": "东城街道老王火锅店", "address": "东城街道解放路12号", "uscc": GOOD_USCC,
              "resp_person": "王小明", "resp_phone": "13912345678", "use_nature": "餐饮", "seats": 60}
    values.update(over)
    return values


def test_create_returns_plain_detail_with_search_text(ctx, places):
    d = units.create_unit(ctx, unit_values(village_id=places["east"], grid_id=places["g_east"]))
    assert d.name == "东城街道老王火锅店" and d.village_name == "东关社区" and d.grid_name == "东关第1网格"
    assert d.values["status"] == "营业" and d.values["risk_level"] == "一般"
    assert d.values["registered_on"] == date.today()
    with ctx.db.read() as s:
        row = s.execute(select(Unit)).scalar_one()
    assert "hgd" in row.search_text and "huoguodian" in row.search_text and "13912345678" in row.search_text
    assert row.search_text == unit_text.build_search_text(
        row.name, "", row.address, row.uscc, ("", "王小明", ""), ("", "13912345678", ""))
    assert units.get_unit(ctx, d.uid) == d


@pytest.mark.parametrize(("over", "field"), [
    ({"name": "  "}, "单位名称"),
    ({"address": ""}, "详细地址"),
    ({"uscc": "91141124956866773A"}, "统一社会信用代码"),
    ({"resp_phone": "abcdefg"}, "消防安全责任人电话"),
    ({"seats": -3}, "座位数（就餐人数）"),
    ({"status": "倒闭"}, "列管状态"),
    ({"is_key_unit": True, "nine_small_type": "小餐饮场所"}, "九小场所类别"),
])
def test_refusals_name_the_field_and_write_nothing(ctx, over, field):
    with pytest.raises(ValidationError) as err:
        units.create_unit(ctx, unit_values(**over))
    assert err.value.field == field
    assert err.value.message and err.value.row is None
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(Unit)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(AuditEvent)).scalar_one() == 0


def test_grid_of_another_village_refused_and_grid_fills_village(ctx, places):
    with pytest.raises(ValidationError) as err:
        units.create_unit(ctx, unit_values(village_id=places["east"], grid_id=places["g_west"]))
    assert err.value.field == "所属网格" and "不属于" in err.value.message
    d = units.create_unit(ctx, unit_values(grid_id=places["g_west"]))
    assert d.values["village_id"] == places["west"]


def test_duplicate_by_uscc_and_by_name_address_carry_existing_uid(ctx):
    first = units.create_unit(ctx, unit_values())
    with pytest.raises(DuplicateUnit) as err:
        units.create_unit(ctx, unit_values(name="另一个名字"))
    assert err.value.existing_uid == first.uid and err.value.field == "统一社会信用代码"
    assert "东城街道老王火锅店" in err.value.message
    with pytest.raises(DuplicateUnit) as err:  # spaces and full-width brackets do not hide a duplicate
        units.create_unit(ctx, unit_values(uscc="", name=" 东城街道 老王火锅店", address="东城街道解放路12号 "))
    assert err.value.existing_uid == first.uid and err.value.field == "单位名称"
    other = units.create_unit(ctx, unit_values(uscc=""), allow_duplicate=True)
    assert other.uid != first.uid


def test_update_records_person_history_and_audit(ctx):
    d = units.create_unit(ctx, unit_values(mgr_person="李娟"))
    d2 = units.update_unit(ctx, d.uid, {"resp_person": "赵强", "resp_phone": "0358-4421119"},
                           expected_updated_at=d.updated_at)
    assert d2.values["resp_person"] == "赵强" and d2.values["resp_phone"] == "0358-4421119"
    units.update_unit(ctx, d.uid, {"notes": "门口堆放杂物"})
    history = units.person_history(ctx, d.uid)
    resp = [(h.name, h.phone) for h in history if h.role == "消防安全责任人"]
    assert resp == [("王小明", "13912345678"), ("赵强", "0358-4421119")]
    assert [h.name for h in history if h.role == "消防安全管理人"] == ["李娟"]
    with ctx.db.read() as s:
        actions = list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())
        assert actions == ["新建单位", "修改单位", "修改单位"]
        assert audit.verify(s).ok
        row = s.execute(select(Unit)).scalar_one()
        assert "zhaoqiang" not in row.search_text and "赵强" in row.search_text


def test_history_starts_with_first_holder_for_imported_units(ctx):
    d = units.create_unit(ctx, unit_values())
    with ctx.db.write() as s:  # as a bulk import leaves it: no history rows
        s.query(UnitPersonHistory).delete()
    units.update_unit(ctx, d.uid, {"resp_person": "赵强"})
    assert [h.name for h in units.person_history(ctx, d.uid)] == ["王小明", "赵强"]


def test_stale_update_refused(ctx):
    d = units.create_unit(ctx, unit_values())
    units.update_unit(ctx, d.uid, {"notes": "甲"})
    with pytest.raises(Conflict):
        units.update_unit(ctx, d.uid, {"notes": "乙"}, expected_updated_at=d.updated_at)
    assert units.get_unit(ctx, d.uid).values["notes"] == "甲"


def test_update_validates_only_changes_and_refuses_empty_name(ctx):
    d = units.create_unit(ctx, unit_values())
    with pytest.raises(ValidationError) as err:
        units.update_unit(ctx, d.uid, {"name": ""})
    assert err.value.field == "单位名称"
    with pytest.raises(ValidationError) as err:
        units.update_unit(ctx, d.uid, {"status": ""})
    assert err.value.field == "列管状态"
    other = units.create_unit(ctx, unit_values(name="新华超市", uscc="", address="新华路1号"))
    with pytest.raises(DuplicateUnit) as dup:
        units.update_unit(ctx, other.uid, {"uscc": GOOD_USCC})
    assert dup.value.existing_uid == d.uid


def test_archive_restore_and_delete_rules(ctx):
    d = units.create_unit(ctx, unit_values())
    with pytest.raises(ValidationError) as err:
        units.archive_unit(ctx, d.uid, " ")
    assert err.value.field == "归档原因"
    a = units.archive_unit(ctx, d.uid, "已注销")
    assert a.archived and a.archived_reason == "已注销" and a.archived_at is not None
    with pytest.raises(Conflict):
        units.archive_unit(ctx, d.uid, "再次")
    r = units.restore_unit(ctx, d.uid)
    assert not r.archived and r.archived_reason == ""
    with pytest.raises(Conflict):
        units.restore_unit(ctx, d.uid)
    assert not units.has_records(ctx, d.uid)
    units.delete_unit(ctx, d.uid)
    with pytest.raises(NotFound):
        units.get_unit(ctx, d.uid)
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(UnitPersonHistory)).scalar_one() == 0
        assert audit.verify(s).ok


def test_unit_with_records_cannot_be_deleted(ctx, monkeypatch):
    d = units.create_unit(ctx, unit_values())
    monkeypatch.setattr(units, "_record_tables", lambda session, unit_id: ["inspection"])
    with pytest.raises(Conflict) as err:
        units.delete_unit(ctx, d.uid)
    assert "归档" in err.value.message
    assert units.get_unit(ctx, d.uid).uid == d.uid


def test_timeline_lists_creation_edits_person_changes_and_archive(ctx):
    d = units.create_unit(ctx, unit_values())
    units.update_unit(ctx, d.uid, {"resp_person": "赵强", "address": "东城街道解放路14号"})
    units.archive_unit(ctx, d.uid, "已搬离本辖区")
    entries = unit_timeline.unit_timeline(ctx, d.uid)
    kinds = [e.kind for e in entries]
    assert kinds[0] == "归档" and kinds[-1] == "新建"
    assert "人员变更" in kinds and "修改" in kinds
    edit = next(e for e in entries if e.kind == "修改")
    assert "消防安全责任人" in edit.detail and "详细地址" in edit.detail
    assert "已搬离本辖区" in entries[0].detail
    assert all(e.actor == "tester" for e in entries if e.kind != "新建")
    with pytest.raises(NotFound):
        unit_timeline.unit_timeline(ctx, "no-such-uid")
