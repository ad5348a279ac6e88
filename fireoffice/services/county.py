"""County mode (县级中心): the stations that sent packages, figures across stations, ledgers across stations.

Everything is computed from the merged package records (`exchange_record`), never typed in:
- `stations()` — each station with its latest package (time, period, record counts, audit chain head, whether
  the chain it sent checked out at import);
- `county_stats()` — per station and in total: units on the register, inspections and hazards in a period,
  hazards rectified (销号) and still open, the rectification rate (销号 / 发现);
- `export_ledger()` — any ledger kind across stations with a 所属消防所 column: each station's records are
  laid out in a private in-memory database with the real schema, and the station ledger's own query runs over
  it, so a county ledger is exactly the concatenation of the station ledgers.
"""

from __future__ import annotations

import base64
import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    LargeBinary,
    MetaData,
    Table,
    Time,
    and_,
    case,
    create_engine,
    func,
    insert,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:
    from fireoffice.services import ledgers
    from fireoffice.services.unit_export import ExportResult  # noqa: F401 - the annotation below

from fireoffice.db.base import Base
from fireoffice.db.models import AuditEvent, ExchangeRecord, ExchangeStation
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, StorageError, ValidationError
from fireoffice.services.exchange_import import IMPORT_ACTION
from fireoffice.services.exchange_package import canonical_time, exchanged_tables
from fireoffice.services.ledger_sources import instant_bounds
from fireoffice.services.permissions import require

STATION_COLUMN = "所属消防所"
TOTAL = "合计"


@dataclass(frozen=True)
class StationInfo:
    uid: str
    name: str
    township: str
    county: str
    package_created_at: str  # UTC ISO of the newest package imported
    imported_at: datetime | None
    period_since: str | None  # None: a full package
    period_until: str | None
    package_records: int  # records the newest package carried
    held_records: int  # records the county holds for the station (all packages merged)
    audit_head: str
    audit_verified: bool | None  # None: not recorded (imported by an older version)
    audit_note: str


@dataclass(frozen=True)
class StationStats:
    station: str  # name, or 合计
    units: int
    inspections: int
    hazards: int
    closed: int
    open: int

    @property
    def rate(self) -> float | None:
        """整改率 (%) = 销号 / 发现, one decimal; None when nothing was found."""
        return round(self.closed / self.hazards * 100, 1) if self.hazards else None


def has_stations(ctx: ServiceContext) -> bool:
    with ctx.db.read() as s:
        return s.execute(select(ExchangeStation.id).limit(1)).first() is not None


def stations(ctx: ServiceContext) -> list[StationInfo]:
    with ctx.db.read() as s:
        held = dict(s.execute(select(ExchangeRecord.station_id, func.count(ExchangeRecord.id))
                              .group_by(ExchangeRecord.station_id)).all())
        imports: dict[tuple[str, str], dict] = {}
        for uid, after in s.execute(select(AuditEvent.entity_uid, AuditEvent.after)
                                    .where(AuditEvent.action == IMPORT_ACTION).order_by(AuditEvent.id)):
            try:
                facts = json.loads(after or "{}")
            except ValueError:
                continue
            imports[(uid, facts.get("sha256", ""))] = facts  # the latest import of each package
        out = []
        for st in s.execute(select(ExchangeStation).order_by(ExchangeStation.name, ExchangeStation.id)).scalars():
            facts = imports.get((st.station_uid, st.package_sha256), {})
            period = facts.get("period") or {}
            out.append(StationInfo(
                st.station_uid, st.name, st.township, st.county, st.package_created_at, st.imported_at,
                period.get("since"), period.get("until"), sum(int(n) for n in (st.counts or {}).values()),
                held.get(st.id, 0), st.audit_head, facts.get("audit_verified"), facts.get("audit_note", "")))
        return out


def _field(s: Session, key: str):
    if s.get_bind().dialect.name == "postgresql":
        return func.cast(ExchangeRecord.data, JSONB).op("->>")(key)
    return func.json_extract(ExchangeRecord.data, f"$.{key}")


def _is_true(s: Session, key: str):
    value = _field(s, key)
    return value == "true" if s.get_bind().dialect.name == "postgresql" else value == 1


def county_stats(ctx: ServiceContext, first: date | None = None, last: date | None = None) -> list[StationStats]:
    """One row per station (by name) and a 合计 row; the period filters inspections and hazards found."""
    if first and last and first > last:
        raise ValidationError("统计期间", "开始日期不能晚于结束日期")
    lo, hi = instant_bounds(first, last)
    with ctx.db.read() as s:
        names = dict(s.execute(select(ExchangeStation.id, ExchangeStation.name)).all())
        rows: dict[int, list[int]] = {sid: [0, 0, 0, 0] for sid in names}

        def per_station(table: str, *where, extra=None) -> None:
            cols = [ExchangeRecord.station_id, func.count(ExchangeRecord.id)]
            if extra is not None:
                cols.append(func.sum(case((extra, 1), else_=0)))
            q = (select(*cols).where(ExchangeRecord.table_name == table, *where)
                 .group_by(ExchangeRecord.station_id))
            yield from s.execute(q)

        for sid, n in per_station("unit", ~_is_true(s, "archived")):
            rows[sid][0] = n
        started = _field(s, "started_at")
        where = ([started >= canonical_time(lo)] if lo else []) + ([started < canonical_time(hi)] if hi else [])
        for sid, n in per_station("inspection", *where):
            rows[sid][1] = n
        found = _field(s, "found_on")
        where = ([found >= first.isoformat()] if first else []) + ([found <= last.isoformat()] if last else [])
        for sid, n, closed in per_station("hazard", *where, extra=and_(_field(s, "state") == "已销号")):
            rows[sid][2], rows[sid][3] = n, int(closed or 0)
    out = [StationStats(names[sid], u, i, h, c, h - c) for sid, (u, i, h, c) in rows.items()]
    out.sort(key=lambda r: r.station)
    total = StationStats(TOTAL, *(sum(getattr(r, k) for r in out) for k in ("units", "inspections", "hazards",
                                                                           "closed", "open")))
    return [*out, total]


# ---- ledgers across stations ----------------------------------------------------------------------------

def _decoder(column) -> Callable | None:
    kind = column.type
    if isinstance(kind, LargeBinary):
        return lambda v: base64.b64decode(v)
    if isinstance(kind, DateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Time):
        return time.fromisoformat
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, JSON):
        return None
    return None


def _station_records(s: Session, station_id: int, table: str) -> Iterator[dict]:
    q = (select(ExchangeRecord.data).where(ExchangeRecord.station_id == station_id,
                                           ExchangeRecord.table_name == table).order_by(ExchangeRecord.id))
    for (data,) in s.execute(q, execution_options={"yield_per": 5000}):
        yield json.loads(data)


SKIP_IN_LEDGERS = {"photo", "training_attachment", "audit_event"}  # evidence files and the chain: not in ledgers


def _loose_schema() -> MetaData:
    """The real tables without NOT NULL: a package never carries secrets, and a delta may miss a parent."""
    meta = MetaData()
    for table in Base.metadata.sorted_tables:
        copy = table.to_metadata(meta)
        for col in copy.c:
            if not col.primary_key:
                col.nullable = True
    return meta


@contextmanager
def station_database(s: Session, station_id: int) -> Iterator[Session]:
    """A private scratch database (a temporary file: memory stays small) with the real schema, holding one
    station's merged records with uids turned back into ids; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="fireoffice-county-") as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'station.sqlite'}", poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = OFF")
                conn.exec_driver_sql("PRAGMA synchronous = OFF")
            _loose_schema().create_all(engine)
            ids: dict[str, dict[str, int]] = {}
            with engine.begin() as conn:
                for t in exchanged_tables():  # parents first
                    if t.name in SKIP_IN_LEDGERS:
                        continue
                    if "uid" in t.c and "id" in t.c:
                        ids[t.name] = {uid: i for i, (uid,) in enumerate(s.execute(
                            select(_field(s, "uid")).where(ExchangeRecord.station_id == station_id,
                                                           ExchangeRecord.table_name == t.name)
                            .order_by(ExchangeRecord.id)), 1)}
                    batch: list[dict] = []
                    done = 0
                    for rec in _station_records(s, station_id, t.name):
                        batch.append(rec)
                        if len(batch) >= 5000:
                            conn.execute(insert(t), list(_rows_for(t, batch, ids, done)))
                            done += len(batch)
                            batch = []
                    if batch:
                        conn.execute(insert(t), list(_rows_for(t, batch, ids, done)))
            with Session(engine) as local:
                yield local
        finally:
            engine.dispose()


def _rows_for(table: Table, records: list[dict], ids: dict[str, dict[str, int]], offset: int = 0) -> Iterator[dict]:
    plan = []
    for col in table.c:
        fk = next(iter(col.foreign_keys), None)
        if fk is not None:
            target = ids.get(fk.column.table.name, {})
            plan.append((col.name, lambda v, m=target: m.get(v, -1)))  # -1: a record the county does not hold
        else:
            plan.append((col.name, _decoder(col)))
    keyed = "uid" in table.c and "id" in table.c
    for i, rec in enumerate(records, offset + 1):
        row = {}
        for name, dec in plan:
            if name == "id" and keyed:
                row[name] = i
                continue
            value = rec.get(name)
            row[name] = dec(value) if dec is not None and value is not None else value
        yield row


def county_kinds() -> tuple[str, ...]:
    """The ledger kinds that can be exported across stations (the monthly report is per station)."""
    from fireoffice.services import ledgers

    return tuple(k for k in ledgers.exportable() if k != "stats")


def export_ledger(ctx: ServiceContext, kind: str, path: Path | str, period: ledgers.Period | None = None,
                  progress: Callable[[int, int], bool] | None = None) -> ExportResult:
    """One ledger across every imported station, with a 所属消防所 first column, the saved county template."""
    # Spreadsheet code is loaded here, not at import: the navigation asks has_stations() at start-up.
    from fireoffice.exchange.xlsx_stream import write_ledger
    from fireoffice.exchange.xlsx_units import Column, ExportCancelled
    from fireoffice.services import ledgers
    from fireoffice.services.unit_export import ExportResult, export_errors

    period = period or ledgers.Period()
    require(ctx, "export")
    if kind not in county_kinds():
        raise ValidationError("台账", f"没有可跨站导出的“{kind}”台账，可选：{'、'.join(county_kinds())}")
    source, picks, columns = ledgers.layout(ctx, kind)
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise StorageError(f"文件夹不存在：{path.parent}")
    with ctx.db.read() as s:
        names = list(s.execute(select(ExchangeStation.id, ExchangeStation.name)
                               .order_by(ExchangeStation.name, ExchangeStation.id)).all())
    if not names:
        raise ServiceError("还没有导入任何消防所的数据包，无法导出全县台账。")
    sums = [0] * len(picks)
    count = [0]
    cols = [source.columns[i] for i in picks]

    def rows() -> Iterator[list]:
        for n, (sid, name) in enumerate(names):
            with ctx.db.read() as s, station_database(s, sid) as local:
                for row in source.rows(local, period.first, period.last):
                    out = [row[i] for i in picks]
                    for j, c in enumerate(cols):
                        if c.total and out[j]:
                            sums[j] += out[j]
                    count[0] += 1
                    yield [name, *out]
            if progress is not None and progress(n + 1, len(names)) is False:
                raise ExportCancelled()

    def totals() -> list:
        return [f"合计 {count[0]:,} 条（{len(names)} 个消防所）", *(sums[j] if c.total else None
                                                                for j, c in enumerate(cols))]

    title = f"全县{source.title}（{len(names)} 个消防所）"
    if source.as_of_end and period.last is not None:
        title += f"（截至 {period.last.isoformat()} 在册）"
    subtitle = f"统计期间（{source.period_field}）：{period.text()}　导出日期：{date.today().isoformat()}"
    with export_errors(path):
        n = write_ledger(path, title, subtitle, [Column(STATION_COLUMN, 18), *columns], rows(), None,
                         sheet=source.title, totals=totals)
    return ExportResult(path, n)
