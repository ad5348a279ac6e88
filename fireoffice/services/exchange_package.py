"""`exchange export`: the station's records as a verifiable county package (JSON Lines by uid + ledgers)."""

from __future__ import annotations

import base64
import json
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path

from sqlalchemy import JSON, Date, DateTime, LargeBinary, Table, Time, func, select
from sqlalchemy.orm import Session

from fireoffice import __version__
from fireoffice.db import migrate, seals
from fireoffice.db.base import Base
from fireoffice.db.models import StationProfile
from fireoffice.exchange.package import PackageWriter
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, StorageError
from fireoffice.services.permissions import require

# What a package holds, derived from the ORM metadata so a table added later travels without a change here:
# every table of the station database, including reference data (checklist items, rules … that records point
# to) and the audit chain (so the centre can check it against the manifest's head), except
#  - the centre's own copy of other stations (exchange_station, exchange_record): never re-exported;
#  - secrets: users' password hashes and lock-out state, and who made a complaint (举报人保密: name and contact;
#    the audit log already keeps them masked), never leave the station (SECRET_COLUMNS).
# Tables without a uid (app_setting, interview_hazard, stats_month_lock, doc_number_format, penalty_article …)
# get a stable key (`_uid`): a UUID-5 of the station uid, the table and the row's primary key (foreign keys as
# uids); reference data, seeded with the same uids in every station, is keyed per station the same way.
SKIP_TABLES = {"exchange_station", "exchange_record"}
SECRET_COLUMNS = {"user_account": {"password_hash", "failed_logins", "locked_until"},
                  "complaint": {"complainant_name", "complainant_contact"}}
TIME_COLUMNS = ("updated_at", "changed_at", "created_at", "at")
KEY_NAMESPACE = uuid.UUID("6f1c1d52-4a0e-4d7c-9a55-3c5f0e9b2c01")


@dataclass(frozen=True)
class PackageResult:
    path: Path
    records: int
    counts: dict[str, int]


def exchanged_tables() -> list[Table]:
    """Every table a package carries, in dependency order (see the comment above for what is left out)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIP_TABLES]


def package_ledgers() -> tuple[str, ...]:
    from fireoffice.services import ledgers

    return ledgers.exportable()


def time_column(table: Table):
    """The column that says when a row last changed; None for tables without one (exported whole every time)."""
    return next((table.c[name] for name in TIME_COLUMNS if name in table.c), None)


def synthetic_uid(station_uid: str, table: str, key: list) -> str:
    return str(uuid.uuid5(KEY_NAMESPACE, json.dumps([station_uid, table, *key], ensure_ascii=False, default=str)))


def canonical_time(at: datetime) -> str:
    """UTC, naive, microseconds: the same text whatever the database returned, so it compares as text."""
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def _encoder(column) -> Callable | None:
    kind = column.type
    if isinstance(kind, LargeBinary):
        return lambda v: base64.b64encode(v).decode("ascii")
    if isinstance(kind, DateTime):
        return canonical_time
    if isinstance(kind, (Date, Time)):
        return lambda v: v.isoformat()
    if isinstance(kind, JSON):
        return None
    return None


def _records(s: Session, table: Table, since: datetime | None, uid_maps: dict[str, dict[int, str]],
             station_uid: str) -> Iterator[dict]:
    secret = SECRET_COLUMNS.get(table.name, set())
    stamp = time_column(table)
    has_uid = "uid" in table.c
    scoped = bool(table.info.get("reference_data"))
    pk = [c.name for c in table.primary_key.columns]
    plan = []
    for col in table.c:
        if col.name in secret or (col.name == "id" and has_uid):
            continue
        fk = next(iter(col.foreign_keys), None)
        if fk is not None:
            target = fk.column.table.name
            if target not in uid_maps:
                ref = fk.column.table
                uid_maps[target] = dict(s.execute(select(ref.c.id, ref.c.uid)).all())
            plan.append((col.name, uid_maps[target].get))
        else:
            plan.append((col.name, _encoder(col)))
    q = select(*[table.c[name] for name, _ in plan]).order_by(*table.primary_key.columns)
    if since is not None and stamp is not None:
        q = q.where(stamp >= since)
    for row in s.execute(q, execution_options={"yield_per": 2000}):
        rec = {}
        for (name, enc), value in zip(plan, row, strict=True):
            rec[name] = enc(value) if enc is not None and value is not None else value
        rec["_updated"] = rec[stamp.name] if stamp is not None else ""
        if not has_uid:
            rec["_uid"] = synthetic_uid(station_uid, table.name, [rec[k] for k in pk])
        elif scoped:  # seeded by migrations with the same uids in every station: keyed per station
            rec["_uid"] = synthetic_uid(station_uid, table.name, [rec["uid"]])
        yield rec


def export_package(ctx: ServiceContext, path: Path | str, since: date | None = None,
                   progress: Callable[[int, int], bool] | None = None) -> PackageResult:
    """Write the package; `since` limits the data to records changed on or after that day (ledgers likewise)."""
    from fireoffice.services import ledgers

    require(ctx, "export")
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise StorageError(f"文件夹不存在：{path.parent}")
    since_at = (datetime.combine(since, time.min).astimezone().astimezone(timezone.utc) if since else None)
    tables = exchanged_tables()
    kinds = package_ledgers()
    writer = PackageWriter(path)
    counts: dict[str, int] = {}
    try:
        with ctx.db.read() as s:
            station = s.execute(select(StationProfile).order_by(StationProfile.id).limit(1)).scalar()
            if station is None or not station.name:
                raise ServiceError("请先在“设置”中填写站点名称，再导出县级数据包。")
            head = seals.audit_head(s.connection())
            events = s.execute(select(func.count()).select_from(Base.metadata.tables["audit_event"])).scalar_one()
            identity = {"uid": station.uid, "name": station.name, "level": station.level,
                        "township": station.township, "county": station.county,
                        "issuer_code": station.issuer_code}
            uid_maps: dict[str, dict[int, str]] = {}
            for i, table in enumerate(tables):
                counts[table.name] = writer.add_lines(f"data/{table.name}.jsonl",
                                                      _records(s, table, since_at, uid_maps, station.uid))
                if progress is not None and progress(i + 1, len(tables) + len(kinds)) is False:
                    raise ledgers.Cancelled()
        period = ledgers.Period(since, None)
        with tempfile.TemporaryDirectory() as tmp:
            for j, kind in enumerate(kinds):
                name = f"{ledgers.TITLES[kind]}.xlsx"
                ledgers.export_ledger(ctx, kind, Path(tmp) / name, period)
                writer.add_file(f"ledgers/{name}", Path(tmp) / name)
                if progress is not None and progress(len(tables) + j + 1, len(tables) + len(kinds)) is False:
                    raise ledgers.Cancelled()
        manifest = {
            "station": identity, "app_version": __version__,
            "schema": migrate.current_revision(ctx.db.engine) or migrate.head_revision(),
            "created_at": canonical_time(datetime.now(timezone.utc)),
            "period": {"since": since.isoformat() if since else None, "until": date.today().isoformat()},
            "tables": {t.name: f"data/{t.name}.jsonl" for t in tables}, "counts": counts,
            "audit_chain_head": {"events": events, "last_id": head["id"], "hash": head["hash"]},
        }
        writer.close(manifest)
    except BaseException as error:
        writer.abort()
        if isinstance(error, OSError):
            raise StorageError(f"无法写入 {path}：{error.strerror or error}") from error
        raise
    return PackageResult(path, sum(counts.values()), counts)
