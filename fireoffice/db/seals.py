"""Row seals: per table a row count and an order-free sum of row hashes, moved by every app write."""

# A write transaction notes the rows it touches (ORM flushes: by primary key; any other INSERT/UPDATE/DELETE
# on a table: the whole table). Before commit the table's seal moves from the touched rows' old hashes to
# their new ones (or is recomputed whole). `audit verify` recomputes each seal from the rows as they are, so a
# change made outside the app (the sqlite3 shell, another program) no longer matches. The audit log's own
# seal keeps its newest id and hash, so removing the newest events is detected as well.
# A bulk writer that knows its rows exactly as SQLite will return them (BulkInsert) adds their hashes to the
# seal instead of having the whole table reread.

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.orm import Session

from fireoffice.db.base import Base

SEAL_PREFIX = "audit.seal."
MOD = 1 << 256
_DML = re.compile(r'\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+(?:\w+\.)?"?(\w+)"?', re.I)
_SKIP = {"audit_event", "alembic_version"}


_cache: dict[int, dict[str, tuple[str, ...]]] = {}


def sealed_tables() -> dict[str, tuple[str, ...]]:
    """table name → primary-key columns, for every table the app writes except the audit log."""
    key = len(Base.metadata.tables)
    if key not in _cache:
        _cache[key] = {t.name: tuple(c.name for c in t.primary_key.columns)
                       for t in Base.metadata.sorted_tables if t.name not in _SKIP}
    return _cache[key]


def row_hash(row) -> int:
    """The values exactly as the driver returns them (the same path at write and at verify time)."""
    return int.from_bytes(hashlib.blake2b(repr(tuple(row)).encode("utf-8"), digest_size=32).digest(), "big")


def _where_not_seal(table: str) -> str:
    return " WHERE key NOT LIKE :seal" if table == "app_setting" else ""


def table_state(conn: Connection, table: str) -> tuple[int, int]:
    """(rows, sum of row hashes) as the table is now."""
    if table == "app_setting":
        rows = conn.execute(text(f'SELECT * FROM "{table}"' + _where_not_seal(table)), {"seal": SEAL_PREFIX + "%"})
        hashes = [row_hash(r) for r in rows]
        return len(hashes), sum(hashes) % MOD
    cursor = conn.connection.dbapi_connection.cursor()  # the raw driver: 100,000 rows in about a second
    try:
        cursor.execute(f'SELECT * FROM "{table}"')
        total = count = 0
        while batch := cursor.fetchmany(5000):
            total += sum(row_hash(r) for r in batch)
            count += len(batch)
    finally:
        cursor.close()
    return count, total % MOD


def _rows(conn: Connection, table: str, pk: tuple[str, ...], keys: list[tuple]) -> list:
    found = []
    for i in range(0, len(keys), 400):
        chunk = keys[i:i + 400]
        if len(pk) == 1:
            where = f'"{pk[0]}" IN ({",".join(f":k{j}" for j in range(len(chunk)))})'
            params = {f"k{j}": k[0] for j, k in enumerate(chunk)}
        else:
            where = " OR ".join("(" + " AND ".join(f'"{c}" = :k{j}_{n}' for n, c in enumerate(pk)) + ")"
                                for j in range(len(chunk)))
            params = {f"k{j}_{n}": v for j, k in enumerate(chunk) for n, v in enumerate(k)}
        found += conn.execute(text(f'SELECT * FROM "{table}" WHERE {where}'), params).all()
    if table == "app_setting":
        found = [r for r in found if not str(r[0]).startswith(SEAL_PREFIX)]
    return found


@dataclass
class Tracker:
    """What one write transaction touched."""

    in_flush: bool = False
    touched: dict[str, set[tuple]] = field(default_factory=dict)  # table → primary keys
    old: dict[str, tuple[int, int]] = field(default_factory=dict)  # table → (rows, hash sum) before
    whole: set[str] = field(default_factory=set)
    paused: bool = False
    conn: Connection | None = None
    new: list = field(default_factory=list)  # objects being inserted by the running flush
    added: dict[str, tuple[int, int]] = field(default_factory=dict)  # table → (rows, hash sum) bulk-inserted


def _key(obj) -> tuple[str, tuple] | None:
    state = inspect(obj)
    table = getattr(state.mapper, "local_table", None)
    if table is None or table.name not in sealed_tables() or state.identity is None:
        return None
    return table.name, tuple(state.identity)


def _before_flush(session: Session, _ctx, _instances) -> None:
    tracker: Tracker | None = session.info.get("fo_seal")
    if tracker is None:
        return
    conn = session.connection()
    pending: dict[str, list[tuple]] = {}
    for obj in list(session.dirty) + list(session.deleted):
        key = _key(obj)
        if key and key[0] not in tracker.whole and key[1] not in tracker.touched.get(key[0], set()):
            pending.setdefault(key[0], []).append(key[1])
    tables = sealed_tables()
    for table, keys in pending.items():
        rows = _rows(conn, table, tables[table], keys)
        n, h = tracker.old.get(table, (0, 0))
        tracker.old[table] = (n + len(rows), (h + sum(row_hash(r) for r in rows)) % MOD)
        tracker.touched.setdefault(table, set()).update(keys)
    tracker.new = list(session.new)
    tracker.in_flush = True


def _after_flush(session: Session, _ctx) -> None:
    tracker: Tracker | None = session.info.get("fo_seal")
    if tracker is None:
        return
    tracker.in_flush = False
    new, tracker.new = tracker.new, []
    for obj in new:
        key = _key(obj)
        if key:
            tracker.touched.setdefault(key[0], set()).add(key[1])


def _before_cursor(conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
    tracker: Tracker | None = conn.info.get("fo_seal")
    if tracker is None or tracker.in_flush or tracker.paused:
        return
    if statement.lstrip()[:6].upper() == "SELECT":
        return
    tables = sealed_tables()
    tracker.whole.update(name for name in _DML.findall(statement) if name in tables)


def _affinity(declared: str) -> str:
    """SQLite's column affinity for a declared type (https://sqlite.org/datatype3.html §3.1)."""
    t = declared.upper()
    if "INT" in t:
        return "integer"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "text"
    if not t or "BLOB" in t:
        return "blob"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "real"
    return "numeric"


# Text that SQLite might turn into a number in a NUMERIC column (a numeric literal, generously matched).
_NUMERIC_TEXT = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+|inf\w*|nan\w*)(?:[eE][+-]?\d*)?\s*", re.I)
# The Python types that come back unchanged from a column of each affinity (bool would come back as int).
_KEEPS = {"integer": (int,), "real": (float,), "text": (str,), "blob": (int, float, str, bytes),
          "numeric": (int, str)}


class Same:
    """A column with one value on every row (for BulkInsert.insert)."""

    __slots__ = ("value",)

    def __init__(self, value):  # noqa: ANN001 - any column value
        self.value = value


class BulkInsert:
    """Insert many rows whose values are exactly what SQLite will return for them, and move the table's
    seal by their hashes instead of rereading the whole table (100,000 imported units: ~1.5 s saved).

    Only on SQLite, inside a `Database.write()` transaction. `columns` is the table's column order as
    `SELECT *` returns it; `insert()` takes every column, the primary key included. Each batch is checked
    column by column (types that SQLite stores unchanged, no NaN, no text that a NUMERIC column would turn
    into a number) and a sample is read back; on any doubt the table falls back to the full recompute.
    """

    def __init__(self, session: Session, table: str):
        self.table = table
        self.conn = session.connection()
        self.tracker: Tracker | None = session.info.get("fo_seal")
        info = self.conn.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
        self.columns: list[str] = [r[1] for r in info]
        self.affinities = [_affinity(r[2] or "") for r in info]
        pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
        self.pk_at = self.columns.index(pk[0]) if len(pk) == 1 else None
        quoted = ", ".join(f'"{c}"' for c in self.columns)
        self.sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(self.columns))})'

    @classmethod
    def open(cls, session: Session, table: str) -> BulkInsert | None:
        if session.get_bind().dialect.name != "sqlite" or table not in sealed_tables():
            return None
        return cls(session, table)

    def next_id(self) -> int:
        """The first free integer primary key (the writer holds the write lock: nobody else inserts)."""
        pk = self.columns[self.pk_at]
        return (self.conn.exec_driver_sql(f'SELECT max("{pk}") FROM "{self.table}"').scalar() or 0) + 1

    def insert(self, columns: Sequence[Sequence | Same], n: int) -> None:
        """Insert `n` rows given column by column (a Same for a column with one value)."""
        if n == 0:
            return
        if len(columns) != len(self.columns):
            raise ValueError(f"{self.table}: {len(self.columns)} columns expected, {len(columns)} given")
        rows = list(zip(*[repeat(c.value, n) if type(c) is Same else c for c in columns], strict=True))
        tracker = self.tracker
        if tracker is not None:
            tracker.paused = True  # this INSERT does not mark the whole table
        try:
            self.conn.exec_driver_sql(self.sql, rows)
        finally:
            if tracker is not None:
                tracker.paused = False
        if tracker is None or self.table in tracker.whole:
            return
        if self.pk_at is None or not self._exact(columns, rows):
            tracker.whole.add(self.table)
            tracker.added.pop(self.table, None)
            return
        count, total = tracker.added.get(self.table, (0, 0))
        tracker.added[self.table] = (count + n, (total + sum(map(row_hash, rows))) % MOD)

    def _exact(self, columns: Sequence[Sequence | Same], rows: list[tuple]) -> bool:
        """True when every value will come back from SQLite as it is in `rows` (so its hash is known)."""
        for affinity, column in zip(self.affinities, columns, strict=True):
            same = type(column) is Same
            types = {type(column.value)} if same else set(map(type, column))
            types.discard(type(None))
            if not types.issubset(_KEEPS[affinity]):  # e.g. True would come back as 1, 5 as 5.0 or '5'
                return False
            values = [column.value] if same else column
            if float in types and any(v != v for v in values if type(v) is float):  # NaN is stored as NULL
                return False
            if affinity == "numeric" and str in types and any(
                    _NUMERIC_TEXT.fullmatch(v) for v in set(values) if type(v) is str):
                return False
        picks = sorted({0, len(rows) // 2, len(rows) - 1})
        pk = self.columns[self.pk_at]
        back = self.conn.exec_driver_sql(
            f'SELECT * FROM "{self.table}" WHERE "{pk}" IN ({", ".join("?" * len(picks))}) ORDER BY "{pk}"',
            tuple(rows[i][self.pk_at] for i in picks)).all()
        wanted = sorted((rows[i] for i in picks), key=lambda r: r[self.pk_at])
        return [repr(tuple(r)) for r in back] == [repr(r) for r in wanted]


def install(engine: Engine) -> None:
    event.listen(engine, "before_cursor_execute", _before_cursor)


def start(session: Session) -> Tracker:
    tracker = Tracker(conn=session.connection())
    session.info["fo_seal"] = tracker
    tracker.conn.info["fo_seal"] = tracker
    event.listen(session, "before_flush", _before_flush)
    event.listen(session, "after_flush_postexec", _after_flush)
    return tracker


def stop(session: Session) -> None:
    tracker: Tracker | None = session.info.pop("fo_seal", None)
    if tracker is not None and tracker.conn is not None:
        tracker.conn.info.pop("fo_seal", None)
    if event.contains(session, "before_flush", _before_flush):
        event.remove(session, "before_flush", _before_flush)
        event.remove(session, "after_flush_postexec", _after_flush)


def read_seals(conn: Connection, lock: bool = False) -> dict[str, dict]:
    q = "SELECT key, value FROM app_setting WHERE key LIKE :seal"
    if lock and conn.dialect.name == "postgresql":
        q += " FOR UPDATE"
    return {k[len(SEAL_PREFIX):]: json.loads(v) for k, v in conn.execute(text(q), {"seal": SEAL_PREFIX + "%"})}


def _write(conn: Connection, seals: dict[str, dict], existing: set[str]) -> None:
    for name, value in seals.items():
        params = {"k": SEAL_PREFIX + name, "v": json.dumps(value)}
        if name in existing:
            conn.execute(text("UPDATE app_setting SET value = :v WHERE key = :k"), params)
        else:
            conn.execute(text("INSERT INTO app_setting (key, value, created_at, updated_at) "
                              "VALUES (:k, :v, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), params)


def audit_head(conn: Connection) -> dict:
    row = conn.exec_driver_sql("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").first()
    return {"id": row[0], "hash": row[1]} if row else {"id": 0, "hash": ""}


def finish(session: Session) -> None:
    """Move the seals of the touched tables to the rows' new state; called just before commit."""
    tracker: Tracker | None = session.info.get("fo_seal")
    if tracker is None:
        return
    session.flush()
    conn = session.connection()
    tracker.paused = True
    seals = read_seals(conn, lock=True)
    existing = set(seals)
    tables = sealed_tables()
    moved = set(tracker.touched) | tracker.whole | set(tracker.added)
    for table in moved:
        seal = seals.get(table)
        if table in tracker.whole or seal is None:
            n, h = table_state(conn, table)
        else:
            old_n, old_h = tracker.old.get(table, (0, 0))
            rows = _rows(conn, table, tables[table], list(tracker.touched.get(table, ())))
            add_n, add_h = tracker.added.get(table, (0, 0))  # bulk-inserted rows (BulkInsert)
            n = seal["rows"] - old_n + len(rows) + add_n
            h = (int(seal["sum"], 16) - old_h + sum(row_hash(r) for r in rows) + add_h) % MOD
        seals[table] = {"rows": n, "sum": format(h, "x")}
    seals["audit_event"] = audit_head(conn)
    _write(conn, {k: v for k, v in seals.items() if k in moved or k == "audit_event" or k not in existing},
           existing)
    stop(session)


def seal_all(conn: Connection) -> None:
    """Recompute every seal from the rows as they are (after a migration or a restore)."""
    seals = {table: dict(zip(("rows", "sum"), table_state(conn, table), strict=True))
             for table in sealed_tables()}
    for seal in seals.values():
        seal["sum"] = format(seal["sum"], "x")
    seals["audit_event"] = audit_head(conn)
    _write(conn, seals, set(read_seals(conn)))


def check(conn: Connection) -> list[tuple[str, str]]:
    """(table, what is wrong) for each seal that no longer matches its table."""
    seals = read_seals(conn)
    problems = []
    for table in sealed_tables():
        seal = seals.get(table)
        if seal is None:
            continue
        n, h = table_state(conn, table)
        if n != seal["rows"]:
            what = "被增加了记录" if n > seal["rows"] else "被删除了记录"
            problems.append((table, f"{what}（现有 {n} 行，应有 {seal['rows']} 行）"))
        elif format(h, "x") != seal["sum"]:
            problems.append((table, "有记录的内容被改动"))
    head = seals.get("audit_event")
    if head is not None and audit_head(conn) != head:
        problems.append(("audit_event", f"最新的审计记录（#{head['id']}）之后被删除或追加了记录"))
    return problems
