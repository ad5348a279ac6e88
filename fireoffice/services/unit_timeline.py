"""A unit's timeline: creation, edits, person changes, archiving — and, later, inspections, hazards, documents."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import AuditEvent, Unit, UnitPersonHistory
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound
from fireoffice.services.unit_fields import LABELS


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # 新建 修改 人员变更 归档 恢复 导入 检查 隐患 文书 培训 …
    title: str
    detail: str = ""
    actor: str = ""
    ref_entity: str = ""  # what to open on double-click: inspection / hazard / document / training_session

    ref_uid: str = ""


# Later features add their own source: a function (session, unit) → entries. Keeps this module closed.
TimelineSource = Callable[[Session, Unit], Iterable[TimelineEntry]]
SOURCES: list[TimelineSource] = []
# The known sources, by name: resolved when a timeline is asked for, so a caller (the unit form) gets the
# inspections and trainings even when nothing else has imported their modules yet; importing them here at
# module level would pull half the services into every unit-only command.
SOURCE_NAMES = ("fireoffice.services.inspection_queries:timeline_source",
                "fireoffice.services.training_stats:timeline_source")

_KINDS = {"新建单位": "新建", "修改单位": "修改", "归档单位": "归档", "恢复单位": "恢复", "导入更新单位": "导入"}


def _changed_labels(after: str) -> str:
    try:
        keys = list(json.loads(after or "{}"))
    except ValueError:
        return ""
    return "、".join(LABELS.get(k, k) for k in keys)


def _audit_entries(session: Session, unit: Unit) -> Iterable[TimelineEntry]:
    events = session.execute(select(AuditEvent).where(AuditEvent.entity == "unit",
                                                      AuditEvent.entity_uid == unit.uid)).scalars()
    for ev in events:
        kind = _KINDS.get(ev.action, ev.action)
        if kind in ("修改", "导入"):
            detail = "修改了：" + _changed_labels(ev.after)
        elif kind == "归档":
            detail = "原因：" + json.loads(ev.after or "{}").get("reason", "")
        else:
            detail = ""
        yield TimelineEntry(ev.at, kind, ev.action, detail, ev.actor)


def _person_entries(session: Session, unit: Unit) -> Iterable[TimelineEntry]:
    rows = session.execute(select(UnitPersonHistory).where(UnitPersonHistory.unit_id == unit.id)).scalars()
    for h in rows:
        if h.changed_at == unit.created_at:
            continue  # the first holders, recorded with the unit: part of 新建, not a change
        yield TimelineEntry(h.changed_at, "人员变更", f"{h.role}：{h.name or '（空）'}", h.phone, h.changed_by)


def _document_entries(session: Session, unit: Unit) -> Iterable[TimelineEntry]:
    """The unit's enforcement documents (drafts too: the clerk looks for them here), opened by uid."""
    from fireoffice.db.models import EnforcementDocument

    rows = session.execute(select(EnforcementDocument).where(EnforcementDocument.unit_id == unit.id)).scalars()
    for d in rows:
        title = f"{d.doc_type} {d.number}" if d.number else f"{d.doc_type}（未编号）"
        detail = d.status + (f"：{d.void_reason}" if d.status == "已作废" and d.void_reason else "")
        yield TimelineEntry(d.issued_at or d.created_at, "文书", title, detail, d.issued_by or d.drafted_by,
                            "document", d.uid)


def _aware(at: datetime) -> datetime:
    # SQLite gives naive UTC, PostgreSQL aware: compare them as aware UTC.
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at


def _sources() -> list[TimelineSource]:
    named = []
    for name in SOURCE_NAMES:
        module, attr = name.split(":")
        named.append(getattr(importlib.import_module(module), attr))
    return list(dict.fromkeys([*named, *SOURCES]))  # a module also registers itself in SOURCES: once each


def unit_timeline(ctx: ServiceContext, uid: str) -> list[TimelineEntry]:
    """Everything that happened to the unit, newest first."""
    with ctx.db.read() as s:
        unit = s.execute(select(Unit).where(Unit.uid == uid)).scalar()
        if unit is None:
            raise NotFound("没有找到这家单位（可能已被删除）。")
        entries = [*_audit_entries(s, unit), *_person_entries(s, unit), *_document_entries(s, unit)]
        if not any(e.kind == "新建" for e in entries):  # bulk-imported: no per-unit event, use the row itself
            source = f"来源：{unit.source}" if unit.source else ""
            entries.append(TimelineEntry(unit.created_at, "新建", "列入台账", source))
        for source_fn in _sources():
            entries.extend(source_fn(s, unit))
    return sorted(entries, key=lambda e: _aware(e.at), reverse=True)
