"""One unit of the register: create, read, update, archive, restore and delete — one transaction each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from fireoffice.db.base import Base, utcnow
from fireoffice.db.models import Grid, Unit, UnitPersonHistory, Village
from fireoffice.services import audit, privacy
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import allowed, require
from fireoffice.services.unit_fields import FIELDS, LABELS, PERSON_ROLES
from fireoffice.services.unit_pinyin import dedupe_key, search_columns
from fireoffice.services.unit_validation import DuplicateUnit, Vocab, load_vocab, validate_unit

VALUE_KEYS = tuple(f.key for f in FIELDS) + ("classification_rule",)
DEFAULTS = {"status": "营业", "risk_level": "一般"}
# Tables that belong to the unit itself and go with it on a hard delete; any other reference is a record.
OWN_TABLES = {"unit_person_history"}


@dataclass(frozen=True)
class UnitDetail:
    """A unit as the form shows it; `values` holds every field of unit_fields.FIELDS by key."""

    uid: str
    id: int
    values: dict[str, Any]
    village_name: str
    grid_name: str
    archived: bool
    archived_reason: str
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.values["name"]


@dataclass(frozen=True)
class PersonChange:
    role: str  # 法定代表人 / 消防安全责任人 / 消防安全管理人
    name: str
    phone: str
    changed_at: datetime
    changed_by: str


def utc(at: datetime | None) -> datetime | None:
    """SQLite gives naive UTC, PostgreSQL and fresh objects aware times: always aware UTC out."""
    if at is None:
        return None
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def _values(row: Unit) -> dict[str, Any]:
    return {k: getattr(row, k) for k in VALUE_KEYS}


def _detail(session: Session, row: Unit) -> UnitDetail:
    village = session.get(Village, row.village_id) if row.village_id else None
    grid = session.get(Grid, row.grid_id) if row.grid_id else None
    return UnitDetail(row.uid, row.id, _values(row), village.name if village else "", grid.name if grid else "",
                      row.archived, row.archived_reason, utc(row.archived_at), utc(row.created_at),
                      utc(row.updated_at))


def _load(session: Session, uid: str) -> Unit:
    row = session.execute(select(Unit).where(Unit.uid == uid)).scalar()
    if row is None:
        raise NotFound("没有找到这家单位（可能已被删除）。")
    return row


def find_duplicate(session: Session, values: Mapping[str, Any], exclude_id: int | None = None) -> DuplicateUnit | None:
    """The existing unit with the same USCC, or the same normalised name and address."""
    checks = []
    if values.get("uscc"):
        checks.append(("统一社会信用代码", Unit.uscc == values["uscc"]))
    checks.append(("单位名称", Unit.name_norm == dedupe_key(values.get("name", ""), values.get("address", ""))))
    for label, cond in checks:
        query = select(Unit.uid, Unit.name, Unit.address, Unit.archived).where(cond)
        if exclude_id is not None:
            query = query.where(Unit.id != exclude_id)
        hit = session.execute(query.order_by(Unit.archived, Unit.id).limit(1)).first()
        if hit:
            return DuplicateUnit(label, hit.uid, hit.name, hit.address, hit.archived)
    return None


def get_unit(ctx: ServiceContext, uid: str) -> UnitDetail:
    with ctx.db.read() as s:
        detail = _detail(s, _load(s, uid))
    # A viewer who may not edit units reads a 个体户's 身份证号 masked; an editor keeps the value it may correct.
    if not allowed(ctx, "units.edit") and detail.values.get("uscc"):
        detail.values["uscc"] = privacy.id_number(ctx, detail.values["uscc"])
    return detail


def vocab(ctx: ServiceContext) -> Vocab:
    """Villages, grids, categories and rule versions the form's combo boxes offer."""
    with ctx.db.read() as s:
        return load_vocab(s)


def create_unit(ctx: ServiceContext, values: Mapping[str, Any], *, allow_duplicate: bool = False) -> UnitDetail:
    """Validate and add one unit. Raises ValidationError (field label) or DuplicateUnit (existing uid)."""
    require(ctx, "units.edit")
    with ctx.db.write() as s:
        clean = validate_unit(values, load_vocab(s))
        for key, default in DEFAULTS.items():
            clean[key] = clean.get(key) or default
        clean["registered_on"] = clean.get("registered_on") or date.today()
        if not allow_duplicate and (dup := find_duplicate(s, clean)):
            raise dup
        row = Unit(**clean, **search_columns(clean))
        s.add(row)
        s.flush()
        for key, (role, phone_key) in PERSON_ROLES.items():
            if clean.get(key):  # the first holders, stamped with the unit's own creation time
                s.add(UnitPersonHistory(unit_id=row.id, role=role, name=clean[key], phone=clean.get(phone_key, ""),
                                        changed_at=row.created_at, changed_by=ctx.actor.username))
        audit.record(s, ctx.actor.username, "新建单位", "unit", row.uid, after=_values(row))
        return _detail(s, row)


def _record_person_changes(s: Session, row: Unit, changes: Mapping[str, Any], actor: str) -> None:
    for key, (role, phone_key) in PERSON_ROLES.items():
        name, phone = changes.get(key, getattr(row, key)), changes.get(phone_key, getattr(row, phone_key))
        if (name, phone) == (getattr(row, key), getattr(row, phone_key)):
            continue
        known = s.execute(select(func.count()).select_from(UnitPersonHistory).where(
            UnitPersonHistory.unit_id == row.id, UnitPersonHistory.role == role)).scalar_one()
        if not known and getattr(row, key):
            # History starts on the first change for units that came in by import: keep the first holder.
            s.add(UnitPersonHistory(unit_id=row.id, role=role, name=getattr(row, key),
                                    phone=getattr(row, phone_key), changed_at=row.created_at, changed_by=""))
        s.add(UnitPersonHistory(unit_id=row.id, role=role, name=name, phone=phone, changed_at=utcnow(),
                                changed_by=actor))


def update_unit(ctx: ServiceContext, uid: str, changes: Mapping[str, Any], *,
                expected_updated_at: datetime | None = None, allow_duplicate: bool = False) -> UnitDetail:
    """Change some fields; `expected_updated_at` (from get_unit) refuses a save over someone else's edit."""
    require(ctx, "units.edit")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if expected_updated_at is not None and utc(row.updated_at) != utc(expected_updated_at):
            raise Conflict("这家单位已被他人修改。请关闭后重新打开，再做修改。")
        current = _values(row)
        clean = validate_unit(changes, load_vocab(s), current=current)
        for key in DEFAULTS:
            if key in clean and not clean[key]:
                raise ValidationError(LABELS[key], "不能为空")
        diff = {k: v for k, v in clean.items() if current.get(k) != v}
        if not diff:
            return _detail(s, row)
        merged = {**current, **diff}
        dup = None
        if not allow_duplicate and diff.keys() & {"uscc", "name", "address"}:
            dup = find_duplicate(s, merged, exclude_id=row.id)
        if dup:
            raise dup
        _record_person_changes(s, row, diff, ctx.actor.username)
        for key, value in {**diff, **search_columns(merged)}.items():
            setattr(row, key, value)
        s.flush()
        audit.record(s, ctx.actor.username, "修改单位", "unit", row.uid,
                     before={k: current[k] for k in diff}, after=diff)
        return _detail(s, row)


def archive_unit(ctx: ServiceContext, uid: str, reason: str) -> UnitDetail:
    """Take a unit out of the active register, keeping all its records; the reason is required."""
    require(ctx, "units.archive")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("归档原因", "不能为空（如：已注销、已搬离本辖区）")
    if len(reason) > 200:
        raise ValidationError("归档原因", "不能超过 200 个字")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if row.archived:
            raise Conflict(f"“{row.name}”已经归档。")
        row.archived, row.archived_reason, row.archived_at = True, reason, utcnow()
        s.flush()
        audit.record(s, ctx.actor.username, "归档单位", "unit", row.uid, after={"reason": reason})
        return _detail(s, row)


def restore_unit(ctx: ServiceContext, uid: str) -> UnitDetail:
    require(ctx, "units.edit")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if not row.archived:
            raise Conflict(f"“{row.name}”没有归档，无需恢复。")
        before = {"reason": row.archived_reason}
        row.archived, row.archived_reason, row.archived_at = False, "", None
        s.flush()
        audit.record(s, ctx.actor.username, "恢复单位", "unit", row.uid, before=before)
        return _detail(s, row)


def _record_tables(session: Session, unit_id: int) -> list[str]:
    """Tables (other than the unit's own) holding rows that refer to this unit."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in OWN_TABLES:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "unit" and fk.column.name == "id":
                hit = session.execute(select(fk.parent).where(fk.parent == unit_id).limit(1)).first()
                if hit:
                    found.append(table.name)
    return found


def has_records(ctx: ServiceContext, uid: str) -> bool:
    with ctx.db.read() as s:
        return bool(_record_tables(s, _load(s, uid).id))


def delete_unit(ctx: ServiceContext, uid: str) -> None:
    """Delete a unit entered by mistake; a unit with any record is refused and must be archived instead."""
    require(ctx, "units.archive")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if _record_tables(s, row.id):
            raise Conflict(f"“{row.name}”已有检查、隐患、文书等记录，不能删除。请改用“归档”，并填写归档原因。")
        before = _values(row)
        s.execute(delete(UnitPersonHistory).where(UnitPersonHistory.unit_id == row.id))
        s.delete(row)
        audit.record(s, ctx.actor.username, "删除单位", "unit", uid, before=before)


def person_history(ctx: ServiceContext, uid: str) -> list[PersonChange]:
    """Every holder of 法定代表人 / 消防安全责任人 / 消防安全管理人, oldest first."""
    with ctx.db.read() as s:
        row = _load(s, uid)
        rows = s.execute(select(UnitPersonHistory).where(UnitPersonHistory.unit_id == row.id)
                         .order_by(UnitPersonHistory.changed_at, UnitPersonHistory.id)).scalars()
        return [PersonChange(h.role, h.name, h.phone, h.changed_at, h.changed_by) for h in rows]


def find_units_by_keys(session: Session, usccs: list[str], keys: list[str]) -> list[Any]:
    """Existing units matching any of these USCCs or dedupe keys (used by the importer in batches)."""
    conds = []
    if usccs:
        conds.append(Unit.uscc.in_(usccs))
    if keys:
        conds.append(Unit.name_norm.in_(keys))
    if not conds:
        return []
    return list(session.execute(select(Unit.id, Unit.uid, Unit.uscc, Unit.name_norm, Unit.name, Unit.address,
                                       Unit.archived).where(or_(*conds))))
