"""`exchange import`: verify a station's package completely, then merge it by uid (newer wins, idempotent).

One pass over the package: every file's SHA-256 is checked as it is read, inside the one write transaction, so
a file that does not match its manifest rolls everything back (nothing written) without reading it twice.
The audit chain the station sent is checked too (links, event hashes, the manifest's head); the result is
recorded in the import's own audit event, where the county page reads it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select, update

from fireoffice.db import migrate
from fireoffice.db.models import ExchangeRecord, ExchangeStation
from fireoffice.exchange.package import CHUNK, PackageError, PackageReader, file_sha256
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.exchange_package import exchanged_tables
from fireoffice.services.permissions import require

BATCH = 5000
IMPORT_ACTION = "导入县级数据包"


class PackageRefused(ServiceError):
    """Tampered, truncated, foreign or unreadable: nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    station: str
    inserted: int
    updated: int
    unchanged: int
    older: int  # records the database already holds in a newer version (counted in unchanged as well)
    audit_ok: bool = True
    audit_note: str = ""

    def to_json(self) -> dict:
        return {"ok": True, "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "older": self.older, "station": self.station, "audit_verified": self.audit_ok,
                "audit_note": self.audit_note}


def _open(path: Path) -> PackageReader:
    try:
        reader = PackageReader(path)
        reader.check_names()
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
        # Files that are not merged (the readable ledgers) are checked before the transaction starts.
        data_files = set(reader.manifest["tables"].values())
        try:
            for name in sorted(set(reader.files) - data_files):
                reader.verify_file(name)
        except PackageError as error:
            raise PackageRefused(f"{error}（没有导入任何数据）") from None
        return _merge(ctx, reader, file_sha256(path), progress)
    finally:
        reader.close()


class _ChainCheck:
    """Follows the station's audit events in file (id) order: links, each event's hash, the manifest's head."""

    def __init__(self) -> None:
        self.first_prev: str | None = None
        self.prev: str | None = None
        self.count = 0
        self.problem = ""

    def add(self, rec: dict) -> None:
        self.count += 1
        if self.problem:
            return
        if self.first_prev is None:
            self.first_prev = rec.get("prev_hash", "")
        elif rec.get("prev_hash") != self.prev:
            self.problem = f"第 {self.count} 条审计记录（{rec.get('action', '')}）之前的记录被删除、插入或改动"
            return
        try:
            digest = audit._digest(rec["prev_hash"], rec["uid"], datetime.fromisoformat(rec["at"]), rec["actor"],
                                   rec["action"], rec["entity"], rec["entity_uid"], rec["before"], rec["after"])
        except (KeyError, TypeError, ValueError):
            digest = ""
        if digest != rec.get("hash"):
            self.problem = f"第 {self.count} 条审计记录（{rec.get('action', '')}）的内容被改动过"
        self.prev = rec.get("hash")

    def result(self, manifest: dict, known_hashes: Callable[[str], bool]) -> tuple[bool, str]:
        head = manifest.get("audit_chain_head") or {}
        if self.problem:
            return False, self.problem
        if (self.prev or "") != (head.get("hash") or ""):
            return False, "审计链末端与数据包清单中的链头不一致"
        since = (manifest.get("period") or {}).get("since")
        if self.count and self.first_prev != audit.GENESIS:
            if not known_hashes(self.first_prev or ""):
                return True, f"审计链完整（{self.count} 条，增量数据包，与此前记录的衔接未核对）"
        elif since is None and head.get("events") not in (None, self.count):
            return False, "审计记录条数与数据包清单不一致"
        return True, f"审计链完整（{self.count} 条）"


def _merge(ctx: ServiceContext, reader: PackageReader, package_sha: str,
           progress: Callable[[int, int], bool] | None) -> ImportResult:
    m = reader.manifest
    ident = m["station"]
    inserted = updated = unchanged = older = 0
    total = sum(int(n) for n in (m.get("counts") or {}).values()) or 1
    done = 0
    chain = _ChainCheck()
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
            st.imported_at = datetime.now().astimezone()
        s.flush()
        station_id = st.id
        for table, name in m["tables"].items():
            is_audit = table == "audit_event"
            # Lines this station already sent unchanged need no parsing at all: only their hashes are read
            # (along the (station, table) index, in row order); the uid map is loaded at the first other line.
            conn = s.connection()
            seen = set(conn.execute(select(ExchangeRecord.sha256).where(
                ExchangeRecord.station_id == station_id, ExchangeRecord.table_name == table)).scalars().all())
            have: dict[str, tuple[int, str, str]] | None = None
            new_rows, changed = [], []
            digest = hashlib.sha256()
            try:
                with reader.zip.open(name) as f:
                    tail = b""
                    while chunk := f.read(CHUNK):
                        digest.update(chunk)
                        lines = (tail + chunk).split(b"\n")
                        tail = lines.pop()
                        for line in lines:
                            if not line:
                                continue
                            done += 1
                            if progress is not None and done % BATCH == 0 and progress(done, total) is False:
                                raise ServiceError("已取消导入，没有写入任何数据。")
                            sha = hashlib.sha256(line).hexdigest()
                            if sha in seen and not is_audit:
                                unchanged += 1
                                continue
                            rec = json.loads(line)
                            if is_audit:
                                chain.add(rec)
                                if sha in seen:
                                    unchanged += 1
                                    continue
                            uid, at = str(rec.get("_uid") or rec["uid"]), str(rec.get("_updated") or "")
                            if have is None:
                                have = {u: (rid, t, h) for u, rid, t, h in conn.execute(
                                    select(ExchangeRecord.uid, ExchangeRecord.id, ExchangeRecord.updated_at,
                                           ExchangeRecord.sha256).where(ExchangeRecord.table_name == table))}
                            old = have.get(uid)
                            if old is None:
                                new_rows.append({"station_id": station_id, "table_name": table, "uid": uid,
                                                 "updated_at": at, "sha256": sha, "data": line.decode("utf-8")})
                                have[uid] = (0, at, sha)
                            elif at > old[1] and sha != old[2]:
                                changed.append({"id": old[0], "updated_at": at, "sha256": sha,
                                                "data": line.decode("utf-8"), "station_id": station_id})
                            else:
                                unchanged += 1
                                older += at < old[1]
                            if len(new_rows) >= BATCH:
                                s.execute(insert(ExchangeRecord), new_rows)
                                inserted += len(new_rows)
                                new_rows = []
                    if tail.strip():
                        raise PackageError(f"数据包已损坏：{name} 的最后一行不完整。")
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, UnicodeDecodeError) as error:
                raise PackageRefused(f"数据包已损坏：{name} 无法读取（文件不完整或被改动）（没有导入任何数据）。") \
                    from error
            except PackageError as error:
                raise PackageRefused(f"{error}（没有导入任何数据）") from None
            if digest.hexdigest() != (reader.files.get(name) or {}).get("sha256"):
                raise PackageRefused(f"数据包被改动过：{name} 的校验值（SHA-256）与清单不符，已拒绝导入"
                                     "（没有导入任何数据）。")
            if new_rows:
                s.execute(insert(ExchangeRecord), new_rows)
                inserted += len(new_rows)
            if changed:
                s.execute(update(ExchangeRecord), changed)
                updated += len(changed)

        def known(hash_: str) -> bool:
            return bool(hash_) and s.execute(select(ExchangeRecord.id).where(
                ExchangeRecord.station_id == station_id, ExchangeRecord.table_name == "audit_event",
                ExchangeRecord.data.contains(f'"hash":"{hash_}"')).limit(1)).first() is not None

        audit_ok, audit_note = chain.result(m, known) if "audit_event" in m["tables"] else (False, "数据包没有审计记录")
        audit.record(s, ctx.actor.username, IMPORT_ACTION, "exchange_station", ident["uid"], None,
                     {"station": ident.get("name", ""), "sha256": package_sha, "inserted": inserted,
                      "updated": updated, "unchanged": unchanged, "package_created_at": m.get("created_at", ""),
                      "period": m.get("period") or {}, "audit_verified": audit_ok, "audit_note": audit_note})
    return ImportResult(ident.get("name", ""), inserted, updated, unchanged, older, audit_ok, audit_note)
