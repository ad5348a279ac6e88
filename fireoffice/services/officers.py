"""Officers: roles, 执法证 validity, declared conflicts and the recusal (回避) checks every assignment runs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fireoffice.db.models import OfficerConflict, Unit, User
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

ROLES = ("所长", "执法人员", "协管员", "网格员", "管理员")
# Roles that may hold a 执法证 and sign enforcement records; the 所长 counts when they hold a valid one.
ENFORCER_ROLES = ("执法人员", "所长")
CONFLICT_KINDS = ("亲属", "利害关系", "其他")


@dataclass(frozen=True)
class OfficerInfo:
    uid: str
    username: str
    name: str
    role: str
    phone: str
    cert_no: str
    cert_valid_until: date | None
    active: bool
    can_enforce: bool  # on the day asked for: enforcer role + 执法证号 + not expired


@dataclass(frozen=True)
class ConflictInfo:
    uid: str
    officer_uid: str
    officer_name: str
    unit_uid: str | None
    unit_name: str
    person_name: str
    kind: str
    description: str
    declared_on: date
    active: bool


def can_enforce(user: User, on: date) -> bool:
    return (user.active and user.role in ENFORCER_ROLES and bool(user.cert_no)
            and user.cert_valid_until is not None and user.cert_valid_until >= on)


def enforcer_problem(user: User, on: date) -> str | None:
    """Why this person cannot act as an enforcement officer on that day, in words for the form."""
    if not user.active:
        return f"{user.display_name} 已停用"
    if user.role not in ENFORCER_ROLES:
        return f"{user.display_name} 是{user.role}，不是执法人员"
    if not user.cert_no:
        return f"{user.display_name} 没有登记执法证号"
    if user.cert_valid_until is None:
        return f"{user.display_name} 的执法证没有登记有效期"
    if user.cert_valid_until < on:
        return f"{user.display_name} 的执法证已于 {user.cert_valid_until.isoformat()} 过期"
    return None


def _info(user: User, on: date) -> OfficerInfo:
    return OfficerInfo(user.uid, user.username, user.display_name, user.role, user.phone, user.cert_no,
                       user.cert_valid_until, user.active, can_enforce(user, on))


def list_officers(ctx: ServiceContext, on: date | None = None, enforcers_only: bool = False) -> list[OfficerInfo]:
    on = on or date.today()
    with ctx.db.read() as s:
        users = s.execute(select(User).where(User.role != "管理员").order_by(User.display_name)).scalars()
        infos = [_info(u, on) for u in users]
    return [i for i in infos if i.can_enforce] if enforcers_only else infos


def enforcers(session: Session, on: date) -> list[User]:
    """Enforcement officers able to act on `on`, ordered by uid (the stable order a draw hashes)."""
    rows = session.execute(select(User).where(User.role.in_(ENFORCER_ROLES), User.active.is_(True))
                           .order_by(User.uid)).scalars()
    return [u for u in rows if can_enforce(u, on)]


def user_by_uid(session: Session, uid: str) -> User:
    user = session.execute(select(User).where(User.uid == uid)).scalar()
    if user is None:
        raise NotFound("没有找到这名人员（可能已被删除）。")
    return user


def add_officer(ctx: ServiceContext, username: str, name: str, role: str, cert_no: str = "",
                cert_valid_until: date | None = None, phone: str = "") -> OfficerInfo:
    """Register a person who inspects (the login/password part belongs to the users feature)."""
    require(ctx, "officers.manage")
    username, name, cert_no = username.strip(), name.strip(), cert_no.strip()
    if not username:
        raise ValidationError("用户名", "不能为空")
    if not name:
        raise ValidationError("姓名", "不能为空")
    _check_role_and_cert(role, cert_no, cert_valid_until)
    with ctx.db.write() as s:
        if s.execute(select(User.id).where(User.username == username)).scalar() is not None:
            raise ValidationError("用户名", f"“{username}”已被使用")
        user = User(username=username, display_name=name, role=role, cert_no=cert_no,
                    cert_valid_until=cert_valid_until, phone=phone.strip())
        s.add(user)
        s.flush()
        info = _info(user, date.today())
        audit.record(s, ctx.actor.username, "新增人员", "user_account", user.uid, None,
                     {"name": name, "role": role, "cert_no": cert_no, "cert_valid_until": cert_valid_until})
        return info


def _check_role_and_cert(role: str, cert_no: str, valid_until: date | None) -> None:
    if role not in ROLES:
        raise ValidationError("角色", "只能是 " + "、".join(ROLES))
    if cert_no and valid_until is None:
        raise ValidationError("执法证有效期", "登记了执法证号，请同时填写有效期")
    if role == "执法人员" and not cert_no:
        raise ValidationError("执法证号", "执法人员须登记执法证号")


def set_credentials(ctx: ServiceContext, uid: str, role: str, cert_no: str,
                    cert_valid_until: date | None) -> OfficerInfo:
    """Change a person's role and 执法证 (number and validity)."""
    require(ctx, "officers.manage")
    cert_no = cert_no.strip()
    _check_role_and_cert(role, cert_no, cert_valid_until)
    with ctx.db.write() as s:
        user = user_by_uid(s, uid)
        before = {"role": user.role, "cert_no": user.cert_no, "cert_valid_until": user.cert_valid_until}
        user.role, user.cert_no, user.cert_valid_until = role, cert_no, cert_valid_until
        s.flush()
        audit.record(s, ctx.actor.username, "修改执法资格", "user_account", user.uid, before,
                     {"role": role, "cert_no": cert_no, "cert_valid_until": cert_valid_until})
        return _info(user, date.today())


# --- conflicts and recusal --------------------------------------------------------------------------------

def declare_conflict(ctx: ServiceContext, officer_uid: str, kind: str, unit_uid: str | None = None,
                     person_name: str = "", description: str = "", declared_on: date | None = None) -> ConflictInfo:
    """Declare a conflict with one unit, or with a person (applies wherever they are 法定代表人/责任人/管理人)."""
    require(ctx, "officers.manage")
    person_name = person_name.strip()
    if kind not in CONFLICT_KINDS:
        raise ValidationError("回避事由", "只能是 " + "、".join(CONFLICT_KINDS))
    if not unit_uid and not person_name:
        raise ValidationError("关联单位", "请选择有利害关系的单位，或填写关联人姓名")
    with ctx.db.write() as s:
        user = user_by_uid(s, officer_uid)
        unit = None
        if unit_uid:
            unit = s.execute(select(Unit).where(Unit.uid == unit_uid)).scalar()
            if unit is None:
                raise NotFound("没有找到这家单位（可能已被删除）。")
        row = OfficerConflict(user_id=user.id, unit_id=unit.id if unit else None, person_name=person_name,
                              kind=kind, description=description.strip(), declared_on=declared_on or date.today())
        s.add(row)
        s.flush()
        audit.record(s, ctx.actor.username, "申报回避事项", "officer_conflict", row.uid, None,
                     {"officer": user.display_name, "unit": unit.name if unit else "", "person": person_name,
                      "kind": kind, "description": row.description})
        return ConflictInfo(row.uid, user.uid, user.display_name, unit.uid if unit else None,
                            unit.name if unit else "", person_name, kind, row.description, row.declared_on, True)


def withdraw_conflict(ctx: ServiceContext, conflict_uid: str, on: date | None = None) -> None:
    require(ctx, "officers.manage")
    with ctx.db.write() as s:
        row = s.execute(select(OfficerConflict).where(OfficerConflict.uid == conflict_uid)).scalar()
        if row is None:
            raise NotFound("没有找到这条回避事项。")
        if not row.active:
            raise Conflict("这条回避事项已经撤销。")
        row.active, row.withdrawn_on = False, on or date.today()
        audit.record(s, ctx.actor.username, "撤销回避事项", "officer_conflict", row.uid,
                     {"active": True}, {"active": False, "withdrawn_on": row.withdrawn_on})


def list_conflicts(ctx: ServiceContext, officer_uid: str | None = None, active_only: bool = True) -> list[ConflictInfo]:
    with ctx.db.read() as s:
        q = (select(OfficerConflict, User, Unit).join(User, User.id == OfficerConflict.user_id)
             .outerjoin(Unit, Unit.id == OfficerConflict.unit_id).order_by(OfficerConflict.declared_on))
        if officer_uid:
            q = q.where(User.uid == officer_uid)
        if active_only:
            q = q.where(OfficerConflict.active.is_(True))
        return [ConflictInfo(c.uid, u.uid, u.display_name, unit.uid if unit else None, unit.name if unit else "",
                             c.person_name, c.kind, c.description, c.declared_on, c.active)
                for c, u, unit in s.execute(q).all()]


def recusal_pairs(session: Session, officer_ids: Iterable[int], unit_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(officer id, unit id) pairs that must not meet: a declared conflict with the unit, or a declared
    person who is the unit's 法定代表人/责任人/管理人."""
    officer_ids, unit_ids = list(officer_ids), set(unit_ids)
    pairs: set[tuple[int, int]] = set()
    if not officer_ids or not unit_ids:
        return pairs
    conflicts = session.execute(select(OfficerConflict).where(
        OfficerConflict.active.is_(True), OfficerConflict.user_id.in_(officer_ids))).scalars().all()
    pairs |= {(c.user_id, c.unit_id) for c in conflicts if c.unit_id in unit_ids}
    names: dict[str, set[int]] = {}
    for c in conflicts:
        if c.person_name:
            names.setdefault(c.person_name, set()).add(c.user_id)
    for unit_id, *persons in _units_with_people(session, list(names)):
        if unit_id in unit_ids:
            for person in persons:
                pairs |= {(officer, unit_id) for officer in names.get(person, ())}
    return pairs


def _units_with_people(session: Session, names: list[str]) -> list:
    if not names:
        return []
    people = (Unit.legal_rep, Unit.resp_person, Unit.mgr_person)
    return session.execute(select(Unit.id, *people).where(or_(*(col.in_(names) for col in people)))).all()


def same_name_warnings(session: Session, officer_ids: Iterable[int], unit_id: int) -> list[str]:
    """An officer with the same name as the unit's 法定代表人/责任人/管理人: maybe a namesake, so only a warning."""
    unit = session.get(Unit, unit_id)
    if unit is None:
        return []
    roles = {unit.legal_rep: "法定代表人", unit.resp_person: "消防安全责任人", unit.mgr_person: "消防安全管理人"}
    warnings = []
    for user in session.execute(select(User).where(User.id.in_(list(officer_ids)))).scalars():
        if user.display_name in roles:
            warnings.append(f"{user.display_name} 与该单位{roles[user.display_name]}同名，请确认是否需要回避")
    return warnings
