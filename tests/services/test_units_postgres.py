"""The same unit services on PostgreSQL: import (raw executemany), duplicates, search, paging, export."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import select

from fireoffice.db import migrate
from fireoffice.db.models import Unit
from fireoffice.db.session import Database
from fireoffice.services import (
    audit,
    classification,
    unit_export,
    unit_import,
    unit_query,
    unit_timeline,
    units,
)
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.unit_query import UnitQuery
from fireoffice.services.unit_validation import DuplicateUnit

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_ctx(pg_url):
    database = Database.open(pg_url)
    migrate.upgrade(database.engine)
    yield ServiceContext(database, Actor(username="pg"))
    database.dispose()


def test_import_search_update_export_on_postgresql(pg_ctx, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["列管单位"])
    ws.append(["单位名称", "地址", "统一社会信用代码", "责任人", "责任人电话", "列管日期", "床位数", "重点单位"])
    ws.append(["老王火锅店", "解放路12号", "91141124956866773H", "王小明", 13912345678, 45356, None, "否"])
    ws.append(["东城敬老院", "人民路1号", None, "李娟", "0358-4421119", "2023/1/2", 60, "是"])
    for i in range(300):
        ws.append([f"测试商店{i}", f"新华路{i}号", None, None, None, None, None, None])
    path = tmp_path / "pg.xlsx"
    wb.save(path)

    report = unit_import.import_units(pg_ctx, path)
    assert report.ok and report.imported == 302
    again = unit_import.import_units(pg_ctx, path, on_duplicate="update")
    assert again.ok and again.imported == 0 and again.skipped == 302  # nothing changed

    assert [r.name for r in unit_query.search(pg_ctx, "hgd")] == ["老王火锅店"]
    assert [r.name for r in unit_query.search(pg_ctx, "4421119")] == ["东城敬老院"]
    assert unit_query.counts(pg_ctx, UnitQuery(text="测试商店")).text() == "共 302 家 / 筛选出 300 家"
    page = unit_query.list_units(pg_ctx, UnitQuery(text="测试", sort="name", offset=100, limit=50))
    assert len(page) == 50 and [r.name for r in page] == sorted(r.name for r in page)
    assert unit_query.list_units(pg_ctx, UnitQuery(key_unit=True))[0].name == "东城敬老院"

    home = unit_query.search(pg_ctx, "敬老院")[0]
    detail = units.get_unit(pg_ctx, home.uid)
    assert detail.values["registered_on"].isoformat() == "2023-01-02" and detail.values["beds"] == 60
    updated = units.update_unit(pg_ctx, home.uid, {"resp_person": "赵强"}, expected_updated_at=detail.updated_at)
    assert updated.values["resp_person"] == "赵强"
    assert [h.name for h in units.person_history(pg_ctx, home.uid)] == ["李娟", "赵强"]
    assert {e.kind for e in unit_timeline.unit_timeline(pg_ctx, home.uid)} >= {"新建", "人员变更", "修改"}
    with pytest.raises(DuplicateUnit):
        units.create_unit(pg_ctx, {"name": "老王火锅店", "address": "解放路12号"})
    made = units.create_unit(pg_ctx, {"name": "新开饭店", "address": "一路", "use_nature": "餐饮", "seats": 40})
    assert made.id > 302  # ids after a raw bulk insert come from the sequence
    assert classification.suggest_for(pg_ctx, made.values).nine_small_type == "小餐饮场所"

    out = unit_export.export_units(pg_ctx, tmp_path / "out.xlsx")
    assert out.rows == 303
    with pg_ctx.db.read() as s:
        assert audit.verify(s).ok
        assert s.execute(select(Unit.search_text).where(Unit.name == "老王火锅店")).scalar().endswith("lwhgd")
