"""The write half of an import: Core bulk inserts, grouped updates, person history and a bulk audit chain."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import Any

from sqlalchemy import Boolean, bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from fireoffice.db import seals
from fireoffice.db.base import new_uid, utcnow
from fireoffice.db.models import AuditEvent, Unit, UnitPersonHistory
from fireoffice.services import audit
from fireoffice.services.unit_fields import PERSON_ROLES
from fireoffice.services.unit_pinyin import search_columns, search_texts
from fireoffice.services.unit_validation import EMPTY_VALUES

BATCH = 2000
SOURCE = "表格导入"
DEFAULTS = {"status": "营业", "risk_level": "一般", "source": SOURCE}
_T = Unit.__table__
_VARIANT = {d: format(int(d, 16) & 3 | 8, "x") for d in "0123456789abcdef"}  # RFC 4122 variant nibble


def new_uids(n: int) -> list[str]:
    """n × db.base.new_uid() (str(uuid.uuid4())): the same random version-4 UUIDs from one os.urandom call,
    formatted without a UUID object each (100,000 rows: 0.2 s → 0.04 s)."""
    h = os.urandom(16 * n).hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-4{h[i + 13:i + 16]}-{_VARIANT[h[i + 16]]}{h[i + 17:i + 20]}-{h[i + 20:i + 32]}"
            for i in range(0, 32 * n, 32)]


class Accepted:
    """A valid row to write: a new unit, or an update of `existing_id` with the cells the file filled.

    `values` is a tuple over `keys` (shared by all rows of a file); `clean` builds the dict when needed.
    """

    __slots__ = ("row", "keys", "values", "present", "existing_id", "name_norm")

    def __init__(self, row: int, keys: tuple[str, ...], values: tuple, present: frozenset[str],
                 existing_id: int | None, name_norm: str):
        self.row, self.keys, self.values, self.present = row, keys, values, present
        self.existing_id, self.name_norm = existing_id, name_norm

    @property
    def clean(self) -> dict[str, Any]:
        return dict(zip(self.keys, self.values, strict=True))

    def merge(self, values: tuple, present: frozenset[str]) -> None:
        """A later row of the same file for the same unit: its filled cells win."""
        merged = list(self.values)
        for i, key in enumerate(self.keys):
            if key in present:
                merged[i] = values[i]
        self.values = tuple(merged)
        self.present = self.present | present


@dataclass(frozen=True)
class WriteCounts:
    inserted: int
    updated: int
    unchanged: int


class _Inserter:
    """New units as rows of the unit table, built a column at a time (one zip per batch, no dict per row).

    On SQLite the rows carry their id and store booleans as 0/1, so they are exactly what SQLite will
    return: db/seals.BulkInsert adds their hashes to the table's seal instead of rereading 100,000 rows.
    Elsewhere (PostgreSQL) a plain DBAPI executemany, the database numbering the rows; SQLAlchemy's
    per-row parameter processing would cost ~1 s per 100,000 rows. Only date/datetime values need the
    dialect's conversion (SQLite stores them as text).
    """

    def __init__(self, session: Session, now, today: date, keys: tuple[str, ...]):
        conn = session.connection()
        dialect = conn.dialect
        self.today, self.keys = today, keys
        self.bulk = seals.BulkInsert.open(session, _T.name)
        if self.bulk is not None:
            self.names = self.bulk.columns
            self.next_id = self.bulk.next_id()
        else:
            self.conn = conn
            self.names = [c.name for c in _T.columns if c.name != "id"]
            mark = "?" if dialect.paramstyle == "qmark" else "%s"
            self.sql = (f"INSERT INTO {_T.name} ({', '.join(self.names)}) "
                        f"VALUES ({', '.join([mark] * len(self.names))})")
        date_proc = _T.c.registered_on.type._cached_bind_processor(dialect)
        time_proc = _T.c.created_at.type._cached_bind_processor(dialect)
        self.date_proc = date_proc or (lambda v: v)
        stamp = time_proc(now) if time_proc else now
        self.fixed = {"created_at": stamp, "updated_at": stamp, "classification_rule": "", "archived": False,
                      "archived_reason": "", "archived_at": None}
        self.bools = {c.name for c in _T.columns if isinstance(c.type, Boolean)} if self.bulk else set()

    def columns(self, batch: list[Accepted]) -> list[Sequence | seals.Same]:
        """The batch's rows column by column, in table order: the same values as `dict(EMPTY_VALUES) | clean`,
        DEFAULTS for empty status/risk/source, today for an empty registered_on, search_columns(), a new uid
        and the fixed columns."""
        n = len(batch)
        at = {k: i for i, k in enumerate(self.keys)}
        given = list(zip(*[a.values for a in batch], strict=True)) if self.keys else []
        same: dict[str, Any] = dict(self.fixed)  # columns with one value for the whole batch

        def column(key: str) -> Sequence:
            return given[at[key]] if key in at else repeat(EMPTY_VALUES[key], n)

        cols: dict[str, Sequence] = {
            "uid": new_uids(n), "name_norm": [a.name_norm for a in batch],
            "search_text": search_texts(column("name"), column("short_name"), column("address"), column("uscc"),
                                        [column(k) for k in PERSON_ROLES],
                                        [column(phone) for _role, phone in PERSON_ROLES.values()])}
        for key, default in DEFAULTS.items():
            if key in at:
                cols[key] = [v or default for v in given[at[key]]]
            else:
                same[key] = EMPTY_VALUES[key] or default
        if "registered_on" in at:
            days = given[at["registered_on"]]
            stored = {d: self.date_proc(d or self.today) for d in set(days)}
            cols["registered_on"] = list(map(stored.__getitem__, days))
        else:
            same["registered_on"] = self.date_proc(EMPTY_VALUES["registered_on"] or self.today)
        if self.bulk is not None:
            cols["id"] = range(self.next_id, self.next_id + n)
            self.next_id += n
        out: list[Sequence | seals.Same] = []
        for name in self.names:
            if name in cols:
                out.append(cols[name])
            elif name in at:
                col = given[at[name]]
                out.append(list(map(int, col)) if name in self.bools else col)
            else:
                value = same[name] if name in same else EMPTY_VALUES[name]
                out.append(seals.Same(int(value) if name in self.bools else value))
        return out

    def insert(self, columns: list[Sequence | seals.Same], n: int) -> None:
        if self.bulk is not None:
            self.bulk.insert(columns, n)
        else:
            self.conn.exec_driver_sql(self.sql, list(zip(*[repeat(c.value, n) if isinstance(c, seals.Same) else c
                                                           for c in columns], strict=True)))


@contextmanager
def _big_cache(session: Session) -> Iterator[None]:
    """A 64 MB SQLite page cache while the indexes of 100,000 new rows are built (measured 2.9 s → 2.1 s)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _bulk_audit(session: Session, actor: str, events: list[tuple[str, str, str, Any, Any]]) -> None:
    """audit.record for many events at once: the same hash chain, written with one executemany."""
    if not events:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7307001)"))
    prev = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar() \
        or audit.GENESIS
    rows = []
    for action, entity, entity_uid, before, after in events:
        uid, at = new_uid(), utcnow()
        before_s, after_s = audit._to_json(before), audit._to_json(after)
        digest = audit._digest(prev, uid, at, actor, action, entity, entity_uid, before_s, after_s)
        rows.append({"uid": uid, "at": at, "actor": actor, "action": action, "entity": entity,
                     "entity_uid": entity_uid, "before": before_s, "after": after_s, "prev_hash": prev,
                     "hash": digest})
        prev = digest
    session.execute(insert(AuditEvent), rows)


def _person_rows(session: Session, changed: list[tuple[dict, dict]], actor: str, now) -> list[dict]:
    """History rows for changed 法定代表人/责任人/管理人; the first holder is kept when history starts."""
    ids = [cur["id"] for cur, _d in changed]
    known = set()
    for i in range(0, len(ids), 500):
        known |= {(r[0], r[1]) for r in session.execute(
            select(UnitPersonHistory.unit_id, UnitPersonHistory.role)
            .where(UnitPersonHistory.unit_id.in_(ids[i:i + 500])))}
    rows = []
    for cur, diff in changed:
        for key, (role, phone_key) in PERSON_ROLES.items():
            if key not in diff and phone_key not in diff:
                continue
            if (cur["id"], role) not in known and cur[key]:
                rows.append({"uid": new_uid(), "unit_id": cur["id"], "role": role, "name": cur[key],
                             "phone": cur[phone_key], "changed_at": cur["created_at"], "changed_by": ""})
            rows.append({"uid": new_uid(), "unit_id": cur["id"], "role": role, "name": diff.get(key, cur[key]),
                         "phone": diff.get(phone_key, cur[phone_key]), "changed_at": now, "changed_by": actor})
    return rows


def _updates(session: Session, entries: list[Accepted], actor: str, now) -> tuple[int, int, list, list]:
    updated = unchanged = 0
    events, person_changed = [], []
    groups: dict[tuple[str, ...], list[dict]] = {}
    for i in range(0, len(entries), 500):
        chunk = entries[i:i + 500]
        current = {r["id"]: dict(r) for r in session.execute(
            select(_T).where(_T.c.id.in_([e.existing_id for e in chunk]))).mappings()}
        for e in chunk:
            cur = current[e.existing_id]
            clean = e.clean
            diff = {k: clean[k] for k in e.present if cur.get(k) != clean[k]}
            if not diff:
                unchanged += 1
                continue
            updated += 1
            merged = {**cur, **diff}
            values = {**diff, **search_columns(merged), "updated_at": now}
            groups.setdefault(tuple(sorted(values)), []).append({"_id": cur["id"], **values})
            events.append(("导入更新单位", "unit", cur["uid"], {k: cur[k] for k in diff}, diff))
            if diff.keys() & {*PERSON_ROLES, *(p for _r, p in PERSON_ROLES.values())}:
                person_changed.append((cur, diff))
    # executemany needs the same columns in every row: one statement per set of changed columns.
    for keys, rows in groups.items():
        stmt = update(_T).where(_T.c.id == bindparam("_id")).values({k: bindparam(k) for k in keys})
        session.execute(stmt, rows)
    return updated, unchanged, events, _person_rows(session, person_changed, actor, now)


def write_plan(session: Session, actor: str, accepted: list[Accepted], file_name: str,
               progress: Callable[[int], None]) -> WriteCounts:
    """Write inside the caller's transaction; `progress(done)` may raise to cancel (the caller rolls back)."""
    now, today = utcnow(), date.today()
    new = [a for a in accepted if a.existing_id is None]
    existing = [a for a in accepted if a.existing_id is not None]
    done = 0
    inserter = _Inserter(session, now, today, new[0].keys) if new else None
    with _big_cache(session):
        for i in range(0, len(new), BATCH):
            batch = new[i:i + BATCH]
            inserter.insert(inserter.columns(batch), len(batch))
            for a in batch:
                a.values = ()  # free each row once written
            done += len(batch)
            progress(done)
    updated, unchanged, events, person = _updates(session, existing, actor, now) if existing else (0, 0, [], [])
    if person:
        session.execute(insert(UnitPersonHistory), person)
    progress(done + len(existing))
    events.append(("导入单位", "unit_import", "", None,
                   {"file": file_name, "imported": len(new), "updated": updated, "unchanged": unchanged}))
    _bulk_audit(session, actor, events)
    return WriteCounts(len(new), updated, unchanged)
