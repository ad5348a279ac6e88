"""`exchange import`: verify a station's package completely, then merge it by uid (newer wins, idempotent)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select, update

from fireoffice.db import migrate
from fireoffice.db.models import ExchangeRecord, ExchangeStation
from fireoffice.exchange.package import PackageError, PackageReader, file_sha256
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.exchange_package import exchanged_tables
from fireoffice.services.permissions import require

BATCH = 5000


class PackageRefused(ServiceError):
    """Tampered, truncated, foreign or unreadable: nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    station: str
    inserted: int
    updated: int
    unchanged: int
    older: int  # records the database already holds in a newer version (counted in unchanged as well)

    def to_json(self) -> dict:
        return {"ok": True, "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "older": self.older, "station": self.station}


def _open(path: Path) -> PackageReader:
    try:
        reader = PackageReader(path)
        reader.verify()
    except PackageError as error:
        raise PackageRefused(f"{error}（没有导入任何数据）") from None
    m = reader.manifest
    schema = m.get("schema")
    if schema != migrate.head_revision():
        reader.close()
        raise PackageRefused(f"数据包的数据结构版本（{schema}）与本系统（{migrate.head_revision()}）不同："
                             "请双方升级到同一版本后重新导出（没有导入任何数据）。")
    known = {t.name for t in exchanged_tables()}
    tables = m.get("tables") or {}
    station = m.get("station") or {}
    if not isinstance(tables, dict) or not station.get("uid") or set(tables) - known \
            or any(name not in reader.files for name in tables.values()):
        reader.close()
        raise PackageRefused("数据包清单不完整或含有本系统不认识的数据表（没有导入任何数据）。")
    return reader


def import_package(ctx: ServiceContext, path: Path | str,
                   progress: Callable[[int, int], bool] | None = None) -> ImportResult:
    """All or nothing, in one transaction; the same package twice changes nothing."""
    require(ctx, "exchange.import")
    path = Path(path).expanduser()
    reader = _open(path)
    try:
        return _merge(ctx, reader, file_sha256(path), progress)
    finally:
        reader.close()


def _merge(ctx: ServiceContext, reader: PackageReader, package_sha: str,
           progress: Callable[[int, int], bool] | None) -> ImportResult:
    m = reader.manifest
    ident = m["station"]
    inserted = updated = unchanged = older = 0
    total = sum(int(n) for n in (m.get("counts") or {}).values()) or 1
    done = 0
    with ctx.db.write() as s:
        st = s.execute(select(ExchangeStation).where(ExchangeStation.station_uid == ident["uid"])).scalar()
        if st is None:
            st = ExchangeStation(station_uid=ident["uid"], counts={}, package_created_at="")
            s.add(st)
        if m.get("created_at", "") >= st.package_created_at:  # the newest package describes the station
            st.name, st.township = ident.get("name", ""), ident.get("township", "")
            st.county, st.issuer_code = ident.get("county", ""), ident.get("issuer_code", "")
            st.package_created_at, st.package_sha256 = m.get("created_at", ""), package_sha
            st.audit_head = (m.get("audit_chain_head") or {}).get("hash", "")
            st.counts = m.get("counts") or {}
        s.flush()
        for table, name in m["tables"].items():
            have = {uid: (rid, at, sha) for uid, rid, at, sha in s.execute(
                select(ExchangeRecord.uid, ExchangeRecord.id, ExchangeRecord.updated_at, ExchangeRecord.sha256)
                .where(ExchangeRecord.table_name == table))}
            seen = {sha for _rid, _at, sha in have.values()}  # identical lines need no parsing at all
            new_rows, changed = [], []
            with reader.zip.open(name) as f:
                for raw in f:
                    line = raw.rstrip(b"\n")
                    if not line:
                        continue
                    done += 1
                    if progress is not None and done % BATCH == 0 and progress(done, total) is False:
                        raise ServiceError("已取消导入，没有写入任何数据。")
                    sha = hashlib.sha256(line).hexdigest()
                    if sha in seen:
                        unchanged += 1
                        continue
                    rec = json.loads(line)
                    uid, at = str(rec["uid"]), str(rec.get("_updated") or "")
                    text = line.decode("utf-8")
                    old = have.get(uid)
                    if old is None:
                        new_rows.append({"station_id": st.id, "table_name": table, "uid": uid, "updated_at": at,
                                         "sha256": sha, "data": text})
                        have[uid] = (0, at, sha)
                    elif at > old[1] and sha != old[2]:
                        changed.append({"id": old[0], "updated_at": at, "sha256": sha, "data": text,
                                        "station_id": st.id})
                    else:
                        unchanged += 1
                        older += at < old[1]
                    if len(new_rows) >= BATCH:
                        s.execute(insert(ExchangeRecord), new_rows)
                        inserted += len(new_rows)
                        new_rows = []
            if new_rows:
                s.execute(insert(ExchangeRecord), new_rows)
                inserted += len(new_rows)
            if changed:
                s.execute(update(ExchangeRecord), changed)
                updated += len(changed)
        audit.record(s, ctx.actor.username, "导入县级数据包", "exchange_station", ident["uid"], None,
                     {"station": ident.get("name", ""), "sha256": package_sha, "inserted": inserted,
                      "updated": updated, "unchanged": unchanged})
    return ImportResult(ident.get("name", ""), inserted, updated, unchanged, older)
