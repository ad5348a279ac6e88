"""Hash-chained audit log: record one event inside the caller's transaction; verify the whole chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fireoffice.db import seals
from fireoffice.db.base import new_uid, utcnow
from fireoffice.db.models import AuditEvent

GENESIS = "0" * 64


def _canonical_time(at: datetime) -> str:
    # SQLite returns naive UTC, PostgreSQL aware in the session zone: hash one normalised form.
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def _digest(prev_hash: str, uid: str, at: datetime, actor: str, action: str, entity: str,
            entity_uid: str, before: str, after: str) -> str:
    payload = json.dumps(
        [prev_hash, uid, _canonical_time(at), actor, action, entity, entity_uid, before, after],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _to_json(data: Any) -> str:
    if data is None:
        return ""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def record(session: Session, actor: str, action: str, entity: str, entity_uid: str = "",
           before: Any = None, after: Any = None) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise chain appends across PCs; released at commit.
        session.execute(text("SELECT pg_advisory_xact_lock(7307001)"))
    prev = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    uid, at = new_uid(), utcnow()
    before_s, after_s = _to_json(before), _to_json(after)
    event = AuditEvent(
        uid=uid, at=at, actor=actor, action=action, entity=entity, entity_uid=entity_uid,
        before=before_s, after=after_s, prev_hash=prev or GENESIS,
        hash=_digest(prev or GENESIS, uid, at, actor, action, entity, entity_uid, before_s, after_s),
    )
    session.add(event)
    session.flush()
    return event


@dataclass
class ChainReport:
    ok: bool
    events: int
    head: str
    problem: str = ""


def verify(session: Session) -> ChainReport:
    """Walk the chain in id order; name the first event whose link or content does not match."""
    prev = GENESIS
    count = 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
    for ev in rows:
        count += 1
        if ev.prev_hash != prev:
            return ChainReport(False, count, prev, f"审计记录 #{ev.id}（{ev.action} {ev.entity}）之前的记录被删除、插入或改动")
        expected = _digest(ev.prev_hash, ev.uid, ev.at, ev.actor, ev.action, ev.entity, ev.entity_uid,
                           ev.before, ev.after)
        if expected != ev.hash:
            return ChainReport(False, count, prev, f"审计记录 #{ev.id}（{ev.action} {ev.entity}）的内容被改动过")
        prev = ev.hash
    return _check_seals(session, ChainReport(True, count, prev))


TABLE_NAMES = {"unit": "单位", "user_account": "用户", "station_profile": "站点资料", "hazard": "隐患",
               "inspection": "检查记录", "app_setting": "设置", "audit_event": "审计记录"}


def _check_seals(session: Session, report: ChainReport) -> ChainReport:
    """Rows changed outside the app: each table's seal (db/seals.py) against its rows as they are now."""
    for table, what in seals.check(session.connection()):
        last = session.execute(select(AuditEvent.id, AuditEvent.action).where(AuditEvent.entity == table)
                               .order_by(AuditEvent.id.desc()).limit(1)).first()
        after = f"审计记录 #{last[0]}（{last[1]}）之后，" if last else ""
        name = TABLE_NAMES.get(table, table)
        report = ChainReport(False, report.events, report.head,
                             f"{after}表「{name}」({table}) 在程序之外{what}")
        return report
    return report
