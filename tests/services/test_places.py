"""Villages and grids: a clean station sets up its area before importing units."""

from __future__ import annotations

import pytest

from fireoffice.services import places, units
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import Conflict, PermissionDenied, ValidationError


def test_add_village_and_grid_then_units_can_use_them(ctx):
    village = places.add_village(ctx, " 东关 社区 ", "社区")
    assert village.name == "东关社区"
    grid = places.add_grid(ctx, village.uid, "东关社区第1网格", "李网格", "13800001111")
    unit = units.create_unit(ctx, {"name": "东城街道甲店", "address": "东关社区人民路1号",
                                   "village_id": "东关社区", "grid_id": "东关社区第1网格"})
    assert unit.village_name == "东关社区" and unit.grid_name == grid.name
    listed = places.list_villages(ctx)
    assert listed[0].units == 1 and listed[0].grids[0].units == 1


@pytest.mark.parametrize(("call", "field"), [
    (lambda ctx, v: places.add_village(ctx, "", "村"), "村（社区）名称"),
    (lambda ctx, v: places.add_village(ctx, "新村", "镇"), "类型"),
    (lambda ctx, v: places.add_grid(ctx, v.uid, "", "", ""), "网格名称"),
    (lambda ctx, v: places.add_grid(ctx, v.uid, "第2网格", "王", "abc"), "网格员电话"),
])
def test_refusals_name_the_field(ctx, call, field):
    village = places.add_village(ctx, "柳林村", "村")
    with pytest.raises(ValidationError) as err:
        call(ctx, village)
    assert err.value.field == field
    assert places.list_villages(ctx)[0].grids == ()


def test_duplicates_refused(ctx):
    village = places.add_village(ctx, "石桥村", "村")
    with pytest.raises(Conflict):
        places.add_village(ctx, "石桥村", "村")
    places.add_grid(ctx, village.uid, "第1网格")
    with pytest.raises(Conflict):
        places.add_grid(ctx, village.uid, "第1网格")


def test_worker_change_and_permission(ctx, db):
    village = places.add_village(ctx, "城北村", "村")
    grid = places.add_grid(ctx, village.uid, "第1网格", "甲", "")
    assert places.update_grid_worker(ctx, grid.uid, "乙", "0358-4421119").worker_name == "乙"
    clerk = ServiceContext(db=db, actor=Actor(username="x", display_name="协管员甲", role="协管员"))
    with pytest.raises(PermissionDenied):
        places.add_village(clerk, "又一村", "村")
