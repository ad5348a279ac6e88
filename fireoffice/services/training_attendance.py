"""Attendance: the sign-in list of a session — 应到 / 实到 / 请假 / 缺席 per person, quick tick-off, walk-ins."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fireoffice.db.base import utcnow
from fireoffice.db.models import TrainingAttendee, TrainingSession, Unit
from fireoffice.services import audit, training
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

STATUSES = ("未签到", "实到", "请假", "缺席")
SOURCES = ("邀请", "现场补录", "签到表导入")
POSITIONS = ("消防安全责任人", "消防安全管理人", "法定代表人", "员工", "网格员", "其他")


@dataclass(frozen=True)
class AttendeeRow:
    uid: str
    seq: int
    unit_uid: str | None  # None: not in the register (a 网格员, a visitor's company)
    unit_name: str
    person_name: str
    position: str
    phone: str
    source: str
    status: str
    checked_at: datetime | None
    note: str

    @property
    def walk_in(self) -> bool:
        return self.source != "邀请"


@dataclass(frozen=True)
class PersonInput:
    person_name: str
    unit_uid: str | None = None
    unit_name: str = ""  # used when unit_uid is None; matched against the register by exact name
    position: str = ""
    phone: str = ""
    note: str = ""


def fold(text: str) -> str:
    """Comparison key for names: NFKC (full-width → half-width), no spaces, case-insensitive."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def _row(a: TrainingAttendee, unit_uids: dict[int, str]) -> AttendeeRow:
    return AttendeeRow(a.uid, a.seq, unit_uids.get(a.unit_id) if a.unit_id else None, a.unit_name, a.person_name,
                       a.position, a.phone, a.source, a.status, a.checked_at, a.note)


def _unit_uids(session: Session, ids: set[int]) -> dict[int, str]:
    ids.discard(None)
    return dict(session.execute(select(Unit.id, Unit.uid).where(Unit.id.in_(ids))).all()) if ids else {}


def row_of(session: Session, a: TrainingAttendee) -> AttendeeRow:
    return _row(a, _unit_uids(session, {a.unit_id}))


def list_attendees(ctx: ServiceContext, session_uid: str) -> list[AttendeeRow]:
    with ctx.db.read() as s:
        sess = training.load(s, session_uid)
        rows = s.execute(select(TrainingAttendee).where(TrainingAttendee.session_id == sess.id)
                         .order_by(TrainingAttendee.seq, TrainingAttendee.id)).scalars().all()
        uids = _unit_uids(s, {r.unit_id for r in rows})
        return [_row(r, uids) for r in rows]


def next_seq(session: Session, session_id: int) -> int:
    top = session.execute(select(func.max(TrainingAttendee.seq))
                          .where(TrainingAttendee.session_id == session_id)).scalar()
    return (top or 0) + 1


def find_duplicate(session: Session, session_id: int, unit_id: int | None, unit_name: str, person_name: str,
                   exclude_id: int | None = None) -> TrainingAttendee | None:
    """The same person of the same unit already on the list (blank names are placeholders, never duplicates)."""
    if not fold(person_name):
        return None
    q = select(TrainingAttendee).where(TrainingAttendee.session_id == session_id)
    q = q.where(TrainingAttendee.unit_id == unit_id) if unit_id else q.where(TrainingAttendee.unit_id.is_(None))
    for a in session.execute(q).scalars():
        if a.id != exclude_id and fold(a.person_name) == fold(person_name) \
                and (unit_id or fold(a.unit_name) == fold(unit_name)):
            return a
    return None


def duplicate_message(a: TrainingAttendee) -> str:
    who = f"{a.unit_name}　{a.person_name}" if a.unit_name else a.person_name
    return f"{who} 已在名单中（序号 {a.seq}，{a.status}），没有重复添加。"


def match_unit(session: Session, unit_uid: str | None, unit_name: str) -> Unit | None:
    """The register unit meant: by uid, else by exact (folded) name among active units."""
    if unit_uid:
        unit = session.execute(select(Unit).where(Unit.uid == unit_uid)).scalar()
        if unit is None:
            raise NotFound("没有找到这家单位（可能已被删除）。")
        return unit
    if not unit_name.strip():
        return None
    exact = session.execute(select(Unit).where(Unit.name == unit_name.strip(), Unit.archived.is_(False))).scalars().all()
    return exact[0] if len(exact) == 1 else None


def check_can_sign(sess: TrainingSession, status: str, today: date | None = None) -> None:
    if status not in STATUSES:
        raise ValidationError("签到状态", "只能是 " + "、".join(STATUSES))
    if sess.cancelled:
        raise Conflict("这次活动已取消，不能登记签到。")
    if status != "未签到" and sess.held_on > (today or date.today()):
        raise Conflict(f"活动日期 {sess.held_on.isoformat()} 还没到，不能登记实到、请假或缺席。")


def _load(session: Session, uid: str) -> TrainingAttendee:
    a = session.execute(select(TrainingAttendee).where(TrainingAttendee.uid == uid)).scalar()
    if a is None:
        raise NotFound("没有找到这条签到记录（可能已被移除）。")
    return a


def set_status(ctx: ServiceContext, attendee_uids: list[str], status: str,
               today: date | None = None) -> list[AttendeeRow]:
    """Mark one or more people at once (the tick-off list); one transaction, one audit event each."""
    require(ctx, "training.edit")
    if not attendee_uids:
        raise ValidationError("签到名单", "请先选择人员")
    with ctx.db.write() as s:
        out = []
        for uid in attendee_uids:
            a = _load(s, uid)
            check_can_sign(s.get(TrainingSession, a.session_id), status, today)
            if a.status != status:
                before = a.status
                a.status = status
                a.checked_at = utcnow() if status == "实到" else None
                audit.record(s, ctx.actor.username, "登记签到", "training_attendee", a.uid,
                             {"status": before}, {"status": status})
            out.append(a)
        s.flush()
        uids = _unit_uids(s, {a.unit_id for a in out})
        return [_row(a, uids) for a in out]


def toggle_present(ctx: ServiceContext, attendee_uid: str, today: date | None = None) -> AttendeeRow:
    """Space in the tick-off list: 实到 ↔ 未签到 (请假/缺席 become 实到)."""
    require(ctx, "training.edit")
    with ctx.db.read() as s:
        current = _load(s, attendee_uid).status
    return set_status(ctx, [attendee_uid], "未签到" if current == "实到" else "实到", today)[0]


def _clean_person(p: PersonInput, need_name: bool = True) -> PersonInput:
    name, position, phone = p.person_name.strip(), p.position.strip(), p.phone.strip()
    if need_name and not name:
        raise ValidationError("姓名", "请填写姓名")
    for value, label, limit in ((name, "姓名", 40), (position, "职务", 40), (phone, "联系电话", 30),
                                (p.unit_name.strip(), "单位", 120), (p.note.strip(), "备注", 200)):
        if len(value) > limit:
            raise ValidationError(label, f"不能超过 {limit} 个字")
    return PersonInput(name, p.unit_uid, p.unit_name.strip(), position, phone, p.note.strip())


def add_walk_in(ctx: ServiceContext, session_uid: str, person: PersonInput, status: str = "实到",
                source: str = "现场补录", today: date | None = None) -> AttendeeRow:
    """Someone not invited came (or is added on the spot): recorded as a walk-in, never silently merged."""
    require(ctx, "training.edit")
    p = _clean_person(person)
    with ctx.db.write() as s:
        sess = training.load(s, session_uid)
        check_can_sign(sess, status, today)
        unit = match_unit(s, p.unit_uid, p.unit_name)
        unit_name = unit.name if unit else p.unit_name
        dup = find_duplicate(s, sess.id, unit.id if unit else None, unit_name, p.person_name)
        if dup is not None:
            raise Conflict(duplicate_message(dup))
        a = TrainingAttendee(session_id=sess.id, seq=next_seq(s, sess.id), unit_id=unit.id if unit else None,
                             unit_name=unit_name, person_name=p.person_name, position=p.position, phone=p.phone,
                             source=source, status=status, checked_at=utcnow() if status == "实到" else None,
                             note=p.note)
        s.add(a)
        s.flush()
        audit.record(s, ctx.actor.username, "现场补录签到", "training_attendee", a.uid, None,
                     {"session": sess.uid, "unit": unit.uid if unit else unit_name, "person": p.person_name,
                      "status": status, "source": source})
        return row_of(s, a)


def update_person(ctx: ServiceContext, attendee_uid: str, person: PersonInput) -> AttendeeRow:
    """Correct a line (a name written on site in a blank line, a new phone); the unit stays."""
    require(ctx, "training.edit")
    p = _clean_person(person, need_name=False)
    with ctx.db.write() as s:
        a = _load(s, attendee_uid)
        dup = find_duplicate(s, a.session_id, a.unit_id, a.unit_name, p.person_name, exclude_id=a.id)
        if dup is not None:
            raise Conflict(duplicate_message(dup))
        before = {"person_name": a.person_name, "position": a.position, "phone": a.phone, "note": a.note}
        a.person_name, a.position, a.phone, a.note = p.person_name, p.position, p.phone, p.note
        audit.record(s, ctx.actor.username, "修改签到人员", "training_attendee", a.uid, before,
                     {"person_name": a.person_name, "position": a.position, "phone": a.phone, "note": a.note})
        return row_of(s, a)


def remove_attendee(ctx: ServiceContext, attendee_uid: str) -> None:
    require(ctx, "training.edit")
    with ctx.db.write() as s:
        a = _load(s, attendee_uid)
        if a.status == "实到":
            raise Conflict(f"{a.person_name or a.unit_name} 已签到，不能移除；如登记有误，请先改回“未签到”。")
        audit.record(s, ctx.actor.username, "移除签到人员", "training_attendee", a.uid,
                     {"unit": a.unit_name, "person": a.person_name, "status": a.status}, None)
        s.delete(a)
