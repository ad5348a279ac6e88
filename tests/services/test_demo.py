"""Demo data: realistic, deterministic, valid, only into an empty database."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from stdnum.cn import uscc

from fireoffice.db.models import Grid, StationProfile, Unit, Village
from fireoffice.services import database, demo
from fireoffice.services.errors import Conflict


def _units(ctx):
    with ctx.db.read() as s:
        return s.execute(select(Unit).order_by(Unit.id)).scalars().all()


def test_demo_is_realistic_and_valid(ctx):
    result = demo.fill_demo(ctx, units=300, seed=7)
    assert result.units == 300
    units = _units(ctx)
    assert len(units) == 300
    assert len({u.name for u in units}) == 300
    assert all(u.name.startswith(("东城街道", *[v for v, _ in demo.VILLAGES])) for u in units)
    codes = [u.uscc for u in units if u.uscc]
    assert len(codes) > 270 and all(uscc.is_valid(c) for c in codes)
    assert all(len(u.resp_phone) == 11 and u.resp_phone.startswith("1") for u in units)
    kinds = {u.nine_small_type for u in units}
    assert {"小餐饮场所", "小商店"} <= kinds
    key_share = sum(u.is_key_unit for u in units) / len(units)
    assert 0 < key_share < 0.1
    with ctx.db.read() as s:
        village_ids = set(s.execute(select(Village.id)).scalars())
        grid_village = dict(s.execute(select(Grid.id, Grid.village_id)).all())
        assert s.execute(select(StationProfile.is_demo)).scalar() is True
    assert all(u.village_id in village_ids and grid_village[u.grid_id] == u.village_id for u in units)
    assert database.check(ctx.db).ok


def test_same_seed_same_data(ctx, tmp_path):
    from fireoffice.db import migrate
    from fireoffice.db.session import Database
    from fireoffice.services.context import ServiceContext

    other_db = Database.open(str(tmp_path / "other.sqlite"))
    migrate.upgrade(other_db.engine)
    other = ServiceContext(db=other_db)
    demo.fill_demo(ctx, units=100, seed=42)
    demo.fill_demo(other, units=100, seed=42)
    key = lambda u: (u.name, u.address, u.uscc, u.resp_person, u.resp_phone, u.nine_small_type)  # noqa: E731
    assert [key(u) for u in _units(ctx)] == [key(u) for u in _units(other)]
    other_db.dispose()


def test_refuses_non_empty_database(ctx):
    demo.fill_demo(ctx, units=5, seed=1)
    with pytest.raises(Conflict, match="已有数据"):
        demo.fill_demo(ctx, units=5, seed=1)


def test_cancel_writes_nothing(ctx):
    with pytest.raises(Conflict, match="取消"):
        demo.fill_demo(ctx, units=5000, seed=1, progress=lambda done, total: done < 2000)
    assert _units(ctx) == []
    assert demo.database_is_empty(ctx)


def test_clear_demo_starts_clean(ctx):
    demo.fill_demo(ctx, units=20, seed=1)
    demo.clear_demo(ctx)
    assert demo.database_is_empty(ctx)
    assert database.check(ctx.db).ok
    with pytest.raises(Conflict):
        demo.clear_demo(ctx)


def test_clear_demo_keeps_reference_data(ctx):
    from fireoffice.db.base import Base
    from fireoffice.db.models import ClassificationRuleSet

    demo.fill_demo(ctx, units=20, seed=1)
    with ctx.db.read() as s:
        rule_sets = s.execute(select(ClassificationRuleSet.name)).scalars().all()
    assert rule_sets
    demo.clear_demo(ctx)
    with ctx.db.read() as s:
        assert s.execute(select(ClassificationRuleSet.name)).scalars().all() == rule_sets
        assert s.execute(select(Unit)).first() is None
    kept = {t.name for t in Base.metadata.sorted_tables if t.info.get("reference_data")}
    assert "classification_rule_set" in kept and "unit" not in kept
