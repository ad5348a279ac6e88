"""`exchange export`: the station's records as a verifiable county package (JSON Lines by uid + ledgers)."""

from __future__ import annotations

import base64
import tempfile
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

SKIP_TABLES = {"audit_event", "exchange_station", "exchange_record"}
SECRET_COLUMNS = {"user_account": {"password_hash", "failed_logins", "locked_until"}}
TIME_COLUMNS = ("updated_at", "changed_at", "created_at", "at")
PACKAGE_LEDGERS = ("units", "inspections", "hazards", "documents", "penalties", "interviews", "trainings",
                   "publicity", "stats")


@dataclass(frozen=True)
class PackageResult:
    path: Path
    records: int
    counts: dict[str, int]


def exchanged_tables() -> list[Table]:
    """Every table of station records with a stable uid (reference data and the county copy excluded)."""
    return [t for t in Base.metadata.sorted_tables
            if "uid" in t.c and t.name not in SKIP_TABLES and not t.info.get("reference_data")]


def time_column(table: Table):
    return next(table.c[name] for name in TIME_COLUMNS if name in table.c)


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


def _records(s: Session, table: Table, since: datetime | None, uid_maps: dict[str, dict[int, str]]) -> Iterator[dict]:
    secret = SECRET_COLUMNS.get(table.name, set())
    stamp = time_column(table)
    plan = []
    for col in table.c:
        if col.name == "id" or col.name in secret:
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
    q = select(*[table.c[name] for name, _ in plan]).order_by(table.c.id)
    if since is not None:
        q = q.where(stamp >= since)
    for row in s.execute(q, execution_options={"yield_per": 2000}):
        rec = {}
        for (name, enc), value in zip(plan, row, strict=True):
            rec[name] = enc(value) if enc is not None and value is not None else value
        rec["_updated"] = rec[stamp.name]
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
                                                      _records(s, table, since_at, uid_maps))
                if progress is not None and progress(i + 1, len(tables) + len(PACKAGE_LEDGERS)) is False:
                    raise ledgers.Cancelled()
        period = ledgers.Period(since, None)
        with tempfile.TemporaryDirectory() as tmp:
            for j, kind in enumerate(PACKAGE_LEDGERS):
                name = f"{ledgers.TITLES[kind]}.xlsx"
                ledgers.export_ledger(ctx, kind, Path(tmp) / name, period)
                writer.add_file(f"ledgers/{name}", Path(tmp) / name)
                if progress is not None and progress(len(tables) + j + 1,
                                                     len(tables) + len(PACKAGE_LEDGERS)) is False:
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
