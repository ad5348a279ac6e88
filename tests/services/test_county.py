"""County mode: stations with their latest package, figures across stations, ledgers across stations."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from fireoffice.db.session import Database
from fireoffice.services import county, demo, exchange_import, exchange_package, ledgers, station
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import ServiceError


def _scalar(ctx, sql: str, **params) -> int:
    with ctx.db.read() as s:
        return s.execute(text(sql), params).scalar_one()


@pytest.fixture
def two_stations(demo_ctx, ctx, tmp_path, migrated_template):
    shutil.copyfile(migrated_template, tmp_path / "b.sqlite")
    other = ServiceContext(db=Database.open(str(tmp_path / "b.sqlite")), actor=Actor("t", "测试员"))
    demo.fill_demo(other, units=60, seed=99)
    station.update_station(other, {"name": "西乡镇消防工作所"})
    for c, name in ((demo_ctx, "a.zip"), (other, "b.zip")):
        exchange_import.import_package(ctx, exchange_package.export_package(c, tmp_path / name).path)
    yield ctx, {"东城街道消防工作所": demo_ctx, "西乡镇消防工作所": other}
    other.db.dispose()


def test_stations_list_their_latest_package(two_stations):
    ctx, sources = two_stations
    assert county.has_stations(ctx)
    infos = county.stations(ctx)
    assert [i.name for i in infos] == sorted(sources)
    for info in infos:
        assert info.audit_verified is True and info.audit_head and info.package_created_at
        assert info.period_since is None and info.period_until == date.today().isoformat()
        assert info.package_records == info.held_records > 0


def test_figures_across_stations_come_from_the_records(two_stations):
    ctx, sources = two_stations
    first, last = date(date.today().year, 1, 1), date.today()
    rows = {r.station: r for r in county.county_stats(ctx, first, last)}
    for name, c in sources.items():
        r = rows[name]
        assert r.units == _scalar(c, "select count(*) from unit where not archived")
        assert r.hazards == _scalar(c, "select count(*) from hazard where found_on between :a and :b", a=first, b=last)
        assert r.closed == _scalar(c, "select count(*) from hazard where found_on between :a and :b "
                                      "and state = '已销号'", a=first, b=last)
        assert r.open == r.hazards - r.closed
        assert r.inspections == _scalar(c, "select count(*) from inspection where started_at >= :a",
                                         a=f"{first.isoformat()} 00:00:00")
    total = rows[county.TOTAL]
    assert total.hazards == sum(rows[n].hazards for n in sources) > 0
    assert total.rate == round(total.closed / total.hazards * 100, 1)
    everything = {r.station: r for r in county.county_stats(ctx)}
    assert everything[county.TOTAL].hazards == sum(_scalar(c, "select count(*) from hazard") for c in sources.values())


@pytest.mark.parametrize("kind", ["units", "hazards", "inspections", "trainings"])
def test_ledger_across_stations_is_every_station_ledger(two_stations, tmp_path, kind):
    ctx, sources = two_stations
    period = ledgers.Period(date(date.today().year, 1, 1), date.today()) if kind != "units" else ledgers.Period()
    result = county.export_ledger(ctx, kind, tmp_path / "county.xlsx", period)
    rows = CalamineWorkbook.from_path(str(result.path)).get_sheet_by_index(0).to_python()
    assert rows[2][0] == county.STATION_COLUMN and rows[-1][0].startswith("合计")
    body = rows[3:-1]
    assert len(body) == result.rows
    for name, c in sources.items():
        own = ledgers.export_ledger(c, kind, tmp_path / f"{name}.xlsx", period)
        own_rows = CalamineWorkbook.from_path(str(own.path)).get_sheet_by_index(0).to_python()[3:-1]
        mine = [r[1:] for r in body if r[0] == name]
        assert mine == own_rows  # exactly the station's own ledger, cell for cell


def test_county_ledger_uses_the_saved_template(two_stations, tmp_path):
    ctx, _ = two_stations
    ledgers.save_template(ctx, "hazards", [("state", "整改状态"), ("unit", "单位名称")])
    path = county.export_ledger(ctx, "hazards", tmp_path / "h.xlsx").path
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[2] == [county.STATION_COLUMN, "整改状态", "单位名称"]


def test_no_stations(ctx, tmp_path):
    assert not county.has_stations(ctx) and county.stations(ctx) == []
    assert county.county_stats(ctx)[-1].hazards == 0
    with pytest.raises(ServiceError, match="还没有导入"):
        county.export_ledger(ctx, "hazards", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.postgres
def test_county_on_postgresql(demo_ctx, pg_url, tmp_path):
    from fireoffice.db import migrate

    db = Database.open(pg_url)
    migrate.upgrade(db.engine)
    pg = ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    try:
        package = exchange_package.export_package(demo_ctx, tmp_path / "a.zip")
        first = exchange_import.import_package(pg, package.path)
        assert first.inserted == package.records and first.audit_ok
        assert exchange_import.import_package(pg, package.path).unchanged == package.records
        [row, total] = county.county_stats(pg)
        assert row.units == _scalar(demo_ctx, "select count(*) from unit where not archived") == total.units
        assert row.closed == _scalar(demo_ctx, "select count(*) from hazard where state = '已销号'")
        result = county.export_ledger(pg, "hazards", tmp_path / "h.xlsx")
        assert result.rows == _scalar(demo_ctx, "select count(*) from hazard")
    finally:
        db.dispose()


def test_complaints_across_stations_without_the_complainants(two_stations, tmp_path):
    ctx, sources = two_stations
    result = county.export_ledger(ctx, "complaints", tmp_path / "c.xlsx")
    assert result.rows == sum(_scalar(c, "select count(*) from complaint") for c in sources.values()) > 0
    rows = CalamineWorkbook.from_path(str(result.path)).get_sheet_by_index(0).to_python()
    names = {n for c in sources.values() for n in _names(c)}
    assert names and not any(str(cell) in names for r in rows[3:-1] for cell in r)  # 举报人保密


def _names(c) -> list[str]:
    with c.db.read() as s:
        return [n for (n,) in s.execute(text("select complainant_name from complaint where complainant_name != ''"))]
