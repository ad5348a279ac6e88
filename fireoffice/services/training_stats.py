"""Figures for the monthly report (domain.md §8.3): 场次, 人次, distinct units and coverage of the register by
month and type; 约谈 and 宣传 columns; and the training entries of a unit's timeline.

Counted: sessions not cancelled, held on or before the day asked about. 人次 = people marked 实到 plus the
audience counted without sign-in rows. Coverage = distinct register units (not archived) with someone 实到,
over the units in the register; the goal is 100 %.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fireoffice.db.models import InterviewRecord, TrainingAttendee, TrainingSession, Unit
from fireoffice.services import training, unit_timeline
from fireoffice.services.context import ServiceContext


@dataclass(frozen=True)
class Row:
    label: str  # 1月 … 12月, a type, or 全年
    sessions: int  # 场次
    people: int  # 人次
    units: int  # distinct units reached
    coverage: float | None  # units / register (None with an empty register)
    cumulative_units: int = 0  # months only: distinct units from January to this month
    cumulative_coverage: float | None = None


@dataclass(frozen=True)
class TrainingStats:
    year: int
    as_of: date
    register: int
    months: tuple[Row, ...]
    by_kind: tuple[Row, ...]
    total: Row
    interview_units: int  # 约谈单位数
    interview_people: int  # 约谈人次
    one_to_one: int  # 一对一警示约谈 (units)
    pledges: int  # 签订承诺书
    publicity_activities: int
    publicity_audience: int
    publicity_materials: int


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def statistics(ctx: ServiceContext, year: int, as_of: date | None = None) -> TrainingStats:
    as_of = min(as_of or date.today(), date(year, 12, 31))
    with ctx.db.read() as s:
        register = s.execute(select(func.count(Unit.id)).where(Unit.archived.is_(False))).scalar_one()
        sessions = s.execute(select(TrainingSession).where(
            TrainingSession.cancelled.is_(False), TrainingSession.held_on >= date(year, 1, 1),
            TrainingSession.held_on <= as_of)).scalars().all()
        by_id = {x.id: x for x in sessions}
        present = s.execute(select(TrainingAttendee.session_id, TrainingAttendee.unit_id, Unit.archived)
                            .outerjoin(Unit, Unit.id == TrainingAttendee.unit_id)
                            .where(TrainingAttendee.status == "实到",
                                   TrainingAttendee.session_id.in_(list(by_id) or [0]))).all()
        records = s.execute(select(InterviewRecord.session_id, InterviewRecord.unit_id, InterviewRecord.pledge_signed)
                            .where(InterviewRecord.session_id.in_(list(by_id) or [0]))).all()
    people: dict[int, int] = defaultdict(int)
    units: dict[int, set[int]] = defaultdict(set)
    for session_id, unit_id, archived in present:
        people[session_id] += 1
        if unit_id is not None and not archived:
            units[session_id].add(unit_id)
    cover = (lambda n: n / register) if register else (lambda n: None)

    def row(label: str, group: Iterable[TrainingSession], cumulative: set[int] | None = None) -> Row:
        group = list(group)
        reached = set().union(*(units[x.id] for x in group)) if group else set()
        total_people = sum(people[x.id] + x.audience_count for x in group)
        if cumulative is None:
            return Row(label, len(group), total_people, len(reached), cover(len(reached)))
        cumulative |= reached
        return Row(label, len(group), total_people, len(reached), cover(len(reached)), len(cumulative),
                   cover(len(cumulative)))

    so_far: set[int] = set()
    months = tuple(row(f"{m}月", (x for x in sessions if x.held_on.month == m), so_far) for m in range(1, 13))
    kinds = tuple(row(k, (x for x in sessions if x.kind == k)) for k in training.KINDS)
    interview_ids = {x.id for x in sessions if x.kind in training.INTERVIEW_KINDS}
    publicity = [x for x in sessions if x.kind == training.PUBLICITY_KIND]
    return TrainingStats(
        year, as_of, register, months, kinds, row("全年", sessions),
        interview_units=len({u for sid, u, _p in records if sid in interview_ids}),
        interview_people=sum(people[i] + by_id[i].audience_count for i in interview_ids),
        one_to_one=len({u for sid, u, _p in records if by_id[sid].kind == "一对一警示约谈"}),
        pledges=sum(1 for _sid, _u, signed in records if signed),
        publicity_activities=len(publicity), publicity_audience=sum(people[x.id] + x.audience_count for x in publicity),
        publicity_materials=sum(x.materials_count for x in publicity))


def _at(sess: TrainingSession) -> datetime:
    # Local wall-clock time of the session, made aware so the timeline sorts it among UTC events.
    return datetime.combine(sess.held_on, sess.start_time or time(9, 0)).astimezone()


def timeline_source(session: Session, unit: Unit) -> Iterable[unit_timeline.TimelineEntry]:
    """The unit's trainings and interviews, for unit_timeline (registered below)."""
    rows = session.execute(select(TrainingSession, TrainingAttendee.person_name, TrainingAttendee.status)
                           .join(TrainingAttendee, TrainingAttendee.session_id == TrainingSession.id)
                           .where(TrainingAttendee.unit_id == unit.id)).all()
    people: dict[int, list[str]] = defaultdict(list)
    sessions: dict[int, TrainingSession] = {}
    for sess, name, status in rows:
        sessions[sess.id] = sess
        people[sess.id].append(f"{name or '（未填姓名）'}{status}")
    records = {r.session_id: r for r in session.execute(
        select(InterviewRecord).where(InterviewRecord.unit_id == unit.id)).scalars()}
    for sid in records:
        sessions.setdefault(sid, session.get(TrainingSession, sid))
    for sid, sess in sessions.items():
        kind = "约谈" if sess.kind in training.INTERVIEW_KINDS else "培训"
        state = "已取消" if sess.cancelled else ""
        detail = "、".join(people.get(sid, []))
        r = records.get(sid)
        if r is not None:
            extra = [r.reason, r.notice_no, "已签承诺书" if r.pledge_signed else ""]
            detail = "；".join(x for x in (detail, *extra) if x)
        title = f"{sess.kind}：{sess.topic}（{sess.session_no}{'，' + state if state else ''}）"
        yield unit_timeline.TimelineEntry(_at(sess), kind, title, detail, sess.created_by, "training_session", sess.uid)


if timeline_source not in unit_timeline.SOURCES:
    unit_timeline.SOURCES.append(timeline_source)
