"""County package: manifest hashes, refusals that write nothing, idempotent re-import, newer wins, many stations."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from sqlalchemy import func, select, text

from fireoffice.db.models import ExchangeRecord, ExchangeStation, Unit
from fireoffice.db.session import Database
from fireoffice.exchange.package import MANIFEST
from fireoffice.services import demo, exchange_import, exchange_package, station, units
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.exchange_import import PackageRefused


def _counts(ctx) -> tuple[int, int]:
    with ctx.db.read() as s:
        return (s.execute(select(func.count()).select_from(ExchangeRecord)).scalar_one(),
                s.execute(select(func.count()).select_from(ExchangeStation)).scalar_one())


def _rewrite(src, dest, change=None, manifest=None, extra=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == MANIFEST and manifest is not None:
                data = json.dumps(manifest(json.loads(data)), ensure_ascii=False).encode()
            elif change and item.filename == change[0]:
                data = change[1](data)
            zout.writestr(item.filename, data)
        if extra:
            zout.writestr(extra, b"x")
    return dest


def test_package_manifest_and_merge(demo_ctx, ctx, tmp_path):
    result = exchange_package.export_package(demo_ctx, tmp_path / "p.zip")
    with zipfile.ZipFile(result.path) as z:
        manifest = json.loads(z.read(MANIFEST))
        names = set(z.namelist())
    assert manifest["station"]["name"] == "东城街道消防工作所" and manifest["schema"]
    assert manifest["audit_chain_head"]["hash"] and manifest["audit_chain_head"]["events"] > 0
    assert "data/unit.jsonl" in names and "ledgers/隐患整改台账.xlsx" in names
    assert set(manifest["files"]) == names - {MANIFEST}
    with demo_ctx.db.read() as s:
        assert manifest["counts"]["unit"] == s.execute(select(func.count(Unit.id))).scalar_one()
    with zipfile.ZipFile(result.path) as z:
        first = json.loads(z.read("data/hazard.jsonl").splitlines()[0])
        user = json.loads(z.read("data/user_account.jsonl").splitlines()[0])
    assert len(first["unit_id"]) == 36 and "id" not in first  # foreign keys travel as uids
    assert "password_hash" not in user
    with zipfile.ZipFile(result.path) as z:
        complaints = [json.loads(line) for line in z.read("data/complaint.jsonl").splitlines()]
    assert complaints and not any("complainant_name" in c or "complainant_contact" in c for c in complaints)
    report = exchange_import.import_package(ctx, result.path)
    assert report.inserted == result.records and report.updated == report.unchanged == 0
    again = exchange_import.import_package(ctx, result.path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, result.records)
    with ctx.db.read() as s:
        assert "ok" in str(s.execute(text("pragma integrity_check")).scalar())


def test_newer_wins_and_since(demo_ctx, ctx, tmp_path):
    old = exchange_package.export_package(demo_ctx, tmp_path / "old.zip").path
    with demo_ctx.db.read() as s:
        uid = s.execute(select(Unit.uid).where(Unit.archived.is_(False)).limit(1)).scalar_one()
    units.update_unit(demo_ctx, uid, {"notes": "县里要求补充的说明"})
    new = exchange_package.export_package(demo_ctx, tmp_path / "new.zip").path
    exchange_import.import_package(ctx, new)
    stale = exchange_import.import_package(ctx, old)
    assert stale.inserted == 0 and stale.updated == 0 and stale.older >= 1
    with ctx.db.read() as s:
        data = s.execute(select(ExchangeRecord.data).where(ExchangeRecord.uid == uid)).scalar_one()
    assert "县里要求补充的说明" in data
    from datetime import date
    delta = exchange_package.export_package(demo_ctx, tmp_path / "delta.zip", since=date.today())
    assert delta.counts["unit"] >= 1 and delta.records < stale.unchanged
    assert exchange_import.import_package(ctx, delta.path).inserted == 0


def test_other_station_merges_by_uid(demo_ctx, ctx, tmp_path, migrated_template):
    shutil.copyfile(migrated_template, tmp_path / "b.sqlite")
    other = ServiceContext(db=Database.open(str(tmp_path / "b.sqlite")), actor=Actor("t", "测试员"))
    demo.fill_demo(other, units=40, seed=99)
    station.update_station(other, {"name": "西乡镇消防工作所"})
    a = exchange_package.export_package(demo_ctx, tmp_path / "a.zip")
    b = exchange_package.export_package(other, tmp_path / "b.zip")
    other.db.dispose()
    exchange_import.import_package(ctx, a.path)
    assert exchange_import.import_package(ctx, b.path).inserted == b.records
    assert _counts(ctx) == (a.records + b.records, 2)


@pytest.mark.parametrize("damage", ["tampered", "truncated", "foreign_schema", "extra_file", "not_a_zip",
                                    "no_manifest"])
def test_refused_packages_write_nothing(demo_ctx, ctx, tmp_path, damage):
    good = exchange_package.export_package(demo_ctx, tmp_path / "good.zip").path
    bad = tmp_path / "bad.zip"
    if damage == "tampered":
        _rewrite(good, bad, change=("data/unit.jsonl", lambda d: d.replace("东城".encode(), "西城".encode(), 1)))
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "foreign_schema":
        _rewrite(good, bad, manifest=lambda m: {**m, "schema": "9999_future"})
    elif damage == "extra_file":
        _rewrite(good, bad, extra="data/evil.jsonl")
    elif damage == "not_a_zip":
        bad.write_bytes(b"PK\x03\x04 not really")
    else:
        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
            for item in zin.infolist():
                if item.filename != MANIFEST:
                    zout.writestr(item.filename, zin.read(item.filename))
    with pytest.raises(PackageRefused, match="没有导入任何数据"):
        exchange_import.import_package(ctx, bad)
    assert _counts(ctx) == (0, 0)


def test_package_carries_every_table_but_the_county_copy_and_secrets(demo_ctx, ctx, tmp_path):
    from fireoffice.db.base import Base

    with demo_ctx.db.write() as s:  # a row in each table without a uid
        s.execute(text("insert into app_setting (key, value, created_at, updated_at) "
                       "values ('ledger_template.hazards', '[]', '2026-01-01', '2026-01-01')"))
    result = exchange_package.export_package(demo_ctx, tmp_path / "p.zip")
    with zipfile.ZipFile(result.path) as z:
        manifest = json.loads(z.read(MANIFEST))
        audit_lines = z.read("data/audit_event.jsonl").splitlines()
        settings = [json.loads(line) for line in z.read("data/app_setting.jsonl").splitlines()]
    every = {t.name for t in Base.metadata.sorted_tables}
    assert set(manifest["tables"]) == every - {"exchange_station", "exchange_record"}
    assert {t.name for t in Base.metadata.sorted_tables if "uid" in t.c} - {"exchange_record"} <= set(manifest["tables"])
    assert {"interview_hazard", "app_setting", "audit_event", "stats_month_lock"} <= set(manifest["tables"])
    assert len(audit_lines) == manifest["audit_chain_head"]["events"]
    assert all(len(r["_uid"]) == 36 for r in settings) and {r["key"] for r in settings} >= {"ledger_template.hazards"}
    report = exchange_import.import_package(ctx, result.path)
    assert report.audit_ok and "审计链完整" in report.audit_note
    assert report.inserted == result.records


def test_two_stations_keep_their_own_settings_and_reference_rows(demo_ctx, ctx, tmp_path, migrated_template):
    shutil.copyfile(migrated_template, tmp_path / "b.sqlite")
    other = ServiceContext(db=Database.open(str(tmp_path / "b.sqlite")), actor=Actor("t", "测试员"))
    station.update_station(other, {"name": "西乡镇消防工作所"})
    a = exchange_package.export_package(demo_ctx, tmp_path / "a.zip")
    b = exchange_package.export_package(other, tmp_path / "b.zip")
    other.db.dispose()
    exchange_import.import_package(ctx, a.path)
    exchange_import.import_package(ctx, b.path)
    with ctx.db.read() as s:  # checklist items are seeded with the same uids everywhere: held once per station
        per_station = s.execute(text("select count(distinct station_id) from exchange_record "
                                     "where table_name = 'checklist_item'")).scalar_one()
    assert per_station == 2 and _counts(ctx) == (a.records + b.records, 2)


def test_an_audit_chain_edited_at_the_station_is_reported(demo_ctx, ctx, tmp_path):
    from fireoffice.services import county

    with demo_ctx.db.write() as s:
        s.execute(text("update audit_event set actor = '别人' where id = (select min(id) + 1 from audit_event)"))
    result = exchange_package.export_package(demo_ctx, tmp_path / "p.zip")
    report = exchange_import.import_package(ctx, result.path)
    assert not report.audit_ok and "被改动过" in report.audit_note and report.inserted == result.records
    [info] = county.stations(ctx)
    assert info.audit_verified is False and info.audit_note == report.audit_note
