"""Invitations: choose units by register filters and training history, or from generated proposals.

Invited persons default to each unit's 消防安全责任人 and 消防安全管理人 (one line when it is the same person).
A 约谈 session also gets one 约谈记录 per unit, carrying the proposal's reason and the hazards behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, func, insert, select
from sqlalchemy.orm import Session

from fireoffice.db.base import new_uid, utcnow
from fireoffice.db.models import InterviewHazard, InterviewRecord, TrainingAttendee, TrainingSession, Unit
from fireoffice.services import audit, training, unit_query
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.training_attendance import fold, next_seq
from fireoffice.services.unit_query import UnitQuery

HISTORY = {"": "不限培训情况", "never": "从未参加培训/约谈", "over_a_year": "一年以上未参加培训/约谈"}
PERSONS = {"both": "责任人和管理人", "resp": "只邀请消防安全责任人", "mgr": "只邀请消防安全管理人"}
MAX_INVITE = 50_000  # one session; a larger list is a mistake in the filters, not a training


@dataclass(frozen=True)
class InviteFilter:
    units: UnitQuery = field(default_factory=UnitQuery)  # category, village, grid … (text and sort ignored)
    history: str = ""  # key of HISTORY
    today: date | None = None


@dataclass(frozen=True)
class InviteResult:
    units_added: int
    people_added: int
    units_skipped: int  # already on the list: nothing duplicated
    units_without_person: int  # a blank line was added for the name to be written on site
    interviews_added: int

    def text(self) -> str:
        parts = [f"新邀请 {self.units_added} 家单位、{self.people_added} 人"]
        if self.units_skipped:
            parts.append(f"{self.units_skipped} 家已在名单中，未重复添加")
        if self.units_without_person:
            parts.append(f"{self.units_without_person} 家台账中没有责任人/管理人姓名，已留空行待现场填写")
        return "；".join(parts) + "。"


def attended_units(history_start: date | None = None, before: date | None = None) -> Select:
    """Unit ids with someone 实到 at a session that was not cancelled (optionally within a date window)."""
    q = (select(TrainingAttendee.unit_id).join(TrainingSession, TrainingSession.id == TrainingAttendee.session_id)
         .where(TrainingAttendee.status == "实到", TrainingAttendee.unit_id.is_not(None),
                TrainingSession.cancelled.is_(False)))
    if history_start is not None:
        q = q.where(TrainingSession.held_on >= history_start)
    if before is not None:
        q = q.where(TrainingSession.held_on <= before)
    return q


def _filtered(f: InviteFilter, columns) -> Select:
    base = UnitQuery(nine_small_type=f.units.nine_small_type, key_unit=f.units.key_unit, flags=f.units.flags,
                     village_id=f.units.village_id, grid_id=f.units.grid_id, risk_level=f.units.risk_level,
                     status=f.units.status, text=f.units.text)
    q = unit_query.apply_filters(select(*columns), base)
    today = f.today or date.today()
    if f.history == "never":
        q = q.where(Unit.id.not_in(attended_units(before=today)))
    elif f.history == "over_a_year":
        q = q.where(Unit.id.not_in(attended_units(today - timedelta(days=365), today)))
    elif f.history:
        raise ValidationError("培训情况", "只能是 " + "、".join(HISTORY.values()))
    return q


def count_candidates(ctx: ServiceContext, f: InviteFilter) -> int:
    with ctx.db.read() as s:
        return s.execute(_filtered(f, [func.count(Unit.id)])).scalar_one()


def candidate_uids(ctx: ServiceContext, f: InviteFilter) -> list[str]:
    with ctx.db.read() as s:
        return list(s.execute(_filtered(f, [Unit.uid]).order_by(Unit.name, Unit.id)).scalars())


def _people_of(unit: Unit, persons: str) -> list[tuple[str, str, str]]:
    resp = (unit.resp_person.strip(), "消防安全责任人", unit.resp_phone.strip())
    mgr = (unit.mgr_person.strip(), "消防安全管理人", unit.mgr_phone.strip())
    chosen = {"both": [resp, mgr], "resp": [resp], "mgr": [mgr]}[persons]
    out: list[tuple[str, str, str]] = []
    for name, position, phone in chosen:
        if not name:
            continue
        same = next((i for i, p in enumerate(out) if fold(p[0]) == fold(name)), None)
        if same is not None:  # one person holds both roles: one line, both titles
            out[same] = (out[same][0], out[same][1] + "、" + position.replace("消防安全", ""), out[same][2])
        else:
            out.append((name, position, phone))
    if not out and persons != "both":  # the asked-for role is empty: fall back to the other one
        return _people_of(unit, "both")
    return out


def invite_units(ctx: ServiceContext, session_uid: str, unit_uids: Sequence[str], persons: str = "both",
                 reasons: dict[str, tuple[str, tuple[int, ...]]] | None = None) -> InviteResult:
    """Add units to the list; units already on it are skipped and counted, nothing is duplicated.

    `reasons` maps unit uid → (约谈事由, hazard ids) from a proposal; used for the 约谈记录 of 约谈 sessions.
    """
    require(ctx, "training.edit")
    if not unit_uids:
        raise ValidationError("邀请单位", "没有选中任何单位：请先按条件筛选或在建议名单中勾选单位")
    if persons not in PERSONS:
        raise ValidationError("邀请人员", "只能是 " + "、".join(PERSONS.values()))
    if len(unit_uids) > MAX_INVITE:
        raise ValidationError("邀请单位", f"一次活动最多邀请 {MAX_INVITE:,} 家单位，请缩小筛选范围")
    reasons = reasons or {}
    with ctx.db.write() as s:
        sess = training.load(s, session_uid)
        if sess.cancelled:
            raise Conflict("这次活动已取消，不能再邀请单位。")
        wanted = list(dict.fromkeys(unit_uids))
        units = []
        for start in range(0, len(wanted), 900):  # SQLite's parameter limit
            units += s.execute(select(Unit).where(Unit.uid.in_(wanted[start:start + 900]))).scalars().all()
        by_uid = {u.uid: u for u in units}
        on_list = set(s.execute(select(TrainingAttendee.unit_id).where(
            TrainingAttendee.session_id == sess.id, TrainingAttendee.unit_id.is_not(None))).scalars())
        seq, now = next_seq(s, sess.id), utcnow()
        rows, added, skipped, blank, new_units = [], 0, 0, 0, []
        for uid in wanted:
            unit = by_uid.get(uid)
            if unit is None:
                continue
            if unit.id in on_list:
                skipped += 1
                continue
            people = _people_of(unit, persons)
            if not people:
                blank += 1
                people = [("", "消防安全责任人", unit.resp_phone or unit.mgr_phone)]
            for name, position, phone in people:
                rows.append({"uid": new_uid(), "created_at": now, "updated_at": now, "session_id": sess.id,
                             "seq": seq, "unit_id": unit.id, "unit_name": unit.name, "person_name": name,
                             "position": position, "phone": phone, "source": "邀请", "status": "未签到",
                             "note": ""})
                seq += 1
            added += 1
            new_units.append(unit)
        if len(by_uid) < len(wanted) and not by_uid:
            raise ValidationError("邀请单位", "选中的单位都已不在台账中（可能已被删除），请刷新后重试")
        if rows:
            s.execute(insert(TrainingAttendee.__table__), rows)
        interviews = add_interviews(s, sess, new_units, reasons) if sess.kind in training.INTERVIEW_KINDS else 0
        audit.record(s, ctx.actor.username, "邀请参加培训约谈", "training_session", sess.uid, None,
                     {"units": [u.uid for u in new_units], "people": len(rows), "skipped": skipped})
        return InviteResult(added, len(rows), skipped, blank, interviews)


def add_interviews(session: Session, sess: TrainingSession, units: Sequence[Unit],
                   reasons: dict[str, tuple[str, tuple[int, ...]]]) -> int:
    """One 约谈记录 per unit (the interviewee defaults to the 责任人), hazards linked from the proposal."""
    existing = set(session.execute(select(InterviewRecord.unit_id).where(InterviewRecord.session_id == sess.id))
                   .scalars())
    now, rows, links = utcnow(), [], {}
    for unit in units:
        if unit.id in existing:
            continue
        reason, hazard_ids = reasons.get(unit.uid, (sess.reason, ()))
        resp = bool(unit.resp_person.strip())
        uid = new_uid()
        rows.append({"uid": uid, "created_at": now, "updated_at": now, "session_id": sess.id, "unit_id": unit.id,
                     "reason": (reason or sess.reason)[:200],
                     "interviewee": unit.resp_person if resp else unit.mgr_person,
                     "interviewee_position": "消防安全责任人" if resp else ("消防安全管理人" if unit.mgr_person else ""),
                     "interviewee_phone": unit.resp_phone if resp else unit.mgr_phone})
        if hazard_ids:
            links[uid] = tuple(dict.fromkeys(hazard_ids))
    if rows:  # bulk: a 集中约谈 of the whole register is thousands of records
        session.execute(insert(InterviewRecord.__table__), rows)
    if links:
        ids = dict(session.execute(select(InterviewRecord.uid, InterviewRecord.id)
                                   .where(InterviewRecord.uid.in_(list(links)))).all())
        session.execute(insert(InterviewHazard.__table__), [{"interview_id": ids[uid], "hazard_id": hid}
                                                  for uid, hazards in links.items() for hid in hazards])
    return len(rows)


def invite_by_filter(ctx: ServiceContext, session_uid: str, f: InviteFilter, persons: str = "both") -> InviteResult:
    """Invite every unit the filters match (e.g. 全部列管单位, or 九小场所 of one grid never trained)."""
    require(ctx, "training.edit")
    uids = candidate_uids(ctx, f)
    if not uids:
        raise ValidationError("邀请单位", "没有符合条件的单位，请放宽筛选条件")
    return invite_units(ctx, session_uid, uids, persons)
