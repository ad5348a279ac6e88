"""Register export and import template: styled, filtered, round-trips through the importer."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from fireoffice.db import migrate
from fireoffice.db.models import Grid, Unit, Village
from fireoffice.db.session import Database
from fireoffice.services import demo, station, unit_export, unit_import, units
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError
from fireoffice.services.unit_export import Cancelled
from fireoffice.services.unit_query import UnitQuery


def test_export_ledger_with_title_and_filters(ctx, tmp_path):
    station.update_station(ctx, {"name": "东城街道消防工作所"})
    units.create_unit(ctx, {"name": "甲火锅店", "address": "一路", "is_key_unit": True, "registered_on": "2024-03-05",
                            "building_area": 100})
    b = units.create_unit(ctx, {"name": "乙超市", "address": "二路"})
    units.archive_unit(ctx, b.uid, "已注销")
    result = unit_export.export_units(ctx, tmp_path / "out.xlsx")
    assert result.rows == 1
    ws = openpyxl.load_workbook(result.path).active
    assert ws["A1"].value == "东城街道消防工作所列管单位台账"
    assert date.today().isoformat() in ws["A2"].value and "共 1 家" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert header[:3] == ["单位名称", "招牌名称", "统一社会信用代码"] and "消防安全重点单位" in header
    row = dict(zip(header, [c.value for c in ws[4]], strict=True))
    assert row["单位名称"] == "甲火锅店" and row["消防安全重点单位"] == "是" and row["建筑面积（㎡）"] == 100
    assert row["列管日期"].date() == date(2024, 3, 5)
    everything = unit_export.export_units(ctx, tmp_path / "all.xlsx", UnitQuery(include_archived=True),
                                          all_columns=True)
    assert everything.rows == 2
    assert openpyxl.load_workbook(everything.path).active.max_column > 50


def test_export_cancel_and_bad_folder(ctx, tmp_path):
    demo.fill_demo(ctx, units=2500, seed=1)
    with pytest.raises(Cancelled):
        unit_export.export_units(ctx, tmp_path / "c.xlsx", progress=lambda done, total: done < 2000)
    assert not (tmp_path / "c.xlsx").exists()
    with pytest.raises(StorageError):
        unit_export.export_units(ctx, tmp_path / "no" / "x.xlsx")


def test_export_then_import_round_trip(ctx, tmp_path):
    demo.fill_demo(ctx, units=300, seed=11)
    path = unit_export.export_units(ctx, tmp_path / "all.xlsx", all_columns=True).path
    other = Database.open(str(tmp_path / "other.sqlite"))
    migrate.upgrade(other.engine)
    with ctx.db.read() as s, other.write() as o:  # the same villages and grids, as a second station would have
        for v in s.execute(select(Village)).scalars():
            o.add(Village(id=v.id, name=v.name, kind=v.kind))
        o.flush()
        for g in s.execute(select(Grid)).scalars():
            o.add(Grid(id=g.id, village_id=g.village_id, name=g.name))
    octx = ServiceContext(other)
    report = unit_import.import_units(octx, path)
    assert report.ok, report.errors[:3]
    fields = ("name", "address", "uscc", "resp_phone", "village_id", "grid_id", "nine_small_type", "is_key_unit",
              "building_area", "registered_on", "status", "search_text")
    with ctx.db.read() as s, other.read() as o:
        count = s.execute(select(Unit).where(Unit.archived.is_(False))).scalars().all()
        mine = {u.name: tuple(getattr(u, f) for f in fields) for u in count}
        theirs = {u.name: tuple(getattr(u, f) for f in fields) for u in o.execute(select(Unit)).scalars()}
    assert report.imported + report.skipped == len(mine)
    assert all(theirs[n] == mine[n] for n in theirs)
    other.dispose()


def test_template_is_importable_and_its_example_is_skipped(ctx, tmp_path):
    with ctx.db.write() as s:
        s.add(Village(name="东关社区"))
    path = unit_export.write_import_template(ctx, tmp_path / "模板.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["列管单位"]
    header = [c.value for c in ws[3]]
    assert header[0] == "单位名称" and ws["A4"].value.startswith("（示例）")
    assert any("选项" in dv.formula1 for dv in ws.data_validations.dataValidation)
    assert "东关社区" in [c.value for col in wb["选项"].iter_cols() for c in col]
    a = unit_import.analyse_file(path)
    assert a.header_row == 3 and a.unknown_headers == [] and len(a.mapping) == len(header)
    ws.append(["东城街道新开饭店", None, None, None, None, "解放路1号"])
    wb.save(path)
    report = unit_import.import_units(ctx, path)
    assert report.ok and report.imported == 1 and report.rows == 1
