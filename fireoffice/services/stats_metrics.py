"""The figures of the monthly report (domain.md §8.3), each a query over the records of a date span.

Every metric yields `(unit_id, value, reference, day, changed_at)` per record, so the same rows give the figure
(summed per township or grid) and its drill-down (the records behind it); `changed_at` (the record's last
created/updated time) lets a locked month name the records changed after it was submitted (stats_lock). Hazard figures count the hazards *found* in the
span; 已整改销号 and 逾期未改 are their state today, so 整改率 = 销号 / 发现 of the same hazards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fireoffice.db.models import (
    Complaint,
    EnforcementDocument,
    Hazard,
    HazardRecheck,
    Inspection,
    InterviewRecord,
    TrainingAttendee,
    TrainingSession,
    Unit,
)
from fireoffice.services.ledger_sources import (
    PENALTY_TYPES,
    in_period,
    inspection_where,
    instant_bounds,
    local,
    session_counts,
)
from fireoffice.services.training import INTERVIEW_KINDS, PUBLICITY_KIND

Record = tuple[int | None, float, str, date | None, datetime | None]
ON_THE_SPOT = ("当场改正", "责令立即改正")


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    rows: Callable[[Session, date, date], Iterable[Record]]
    per_area: bool = True  # False: station-wide only (sessions have no single unit)


def _units(s: Session, first: date, last: date) -> Iterable[Record]:
    q = select(Unit.id, Unit.name, Unit.registered_on, Unit.updated_at).where(Unit.archived.is_(False))
    for uid, name, on, at in s.execute(q):
        if on is None or on <= last:
            yield uid, 1, name, on, at


def _inspections(where_extra=None):
    def rows(s: Session, first: date, last: date) -> Iterable[Record]:
        q = select(Inspection.unit_id, Inspection.record_no, Inspection.started_at, Inspection.updated_at).where(
            *inspection_where(first, last))
        if where_extra is not None:
            q = q.where(where_extra)
        for unit, no, at, changed in s.execute(q):
            yield unit, 1, no, local(at).date(), changed
    return rows


def _hazards(where_extra=None):
    def rows(s: Session, first: date, last: date) -> Iterable[Record]:
        q = select(Hazard.unit_id, Hazard.hazard_no, Hazard.found_on, Hazard.updated_at).where(
            *in_period(Hazard.found_on, first, last))
        if where_extra is not None:
            q = q.where(where_extra)
        for unit, no, on, changed in s.execute(q):
            yield unit, 1, no, on, changed
    return rows


def _rechecks(s: Session, first: date, last: date) -> Iterable[Record]:
    q = (select(Hazard.unit_id, Hazard.hazard_no, HazardRecheck.rechecked_on, HazardRecheck.updated_at).join(
        Hazard, Hazard.id == HazardRecheck.hazard_id).where(*in_period(HazardRecheck.rechecked_on, first, last)))
    for unit, no, on, changed in s.execute(q):
        yield unit, 1, f"复查 {no}", on, changed


def _documents(types: tuple[str, ...] | None = None, fine: bool = False):
    def rows(s: Session, first: date, last: date) -> Iterable[Record]:
        q = select(EnforcementDocument).where(EnforcementDocument.number.is_not(None),
                                              EnforcementDocument.status != "已作废",
                                              *in_period(EnforcementDocument.issued_on, first, last))
        if types:
            q = q.where(EnforcementDocument.doc_type.in_(types))
        for d in s.execute(q).scalars():
            value = int(d.fields.get("fine") or 0) if fine else 1
            yield d.unit_id, value, d.number, d.issued_on, d.updated_at
    return rows


def _interviews(s: Session, first: date, last: date) -> Iterable[Record]:
    q = (select(InterviewRecord.unit_id, TrainingSession.session_no, TrainingSession.held_on,
                InterviewRecord.updated_at, TrainingSession.updated_at)
         .join(TrainingSession, TrainingSession.id == InterviewRecord.session_id)
         .where(TrainingSession.cancelled.is_(False), TrainingSession.kind.in_(INTERVIEW_KINDS),
                *in_period(TrainingSession.held_on, first, last)))
    for unit, no, on, changed, session_changed in s.execute(q):
        yield unit, 1, no, on, _latest(changed, session_changed)


def _complaints(on_time_only: bool):
    """举报投诉 verified in the span (from the 举报投诉 register); on time = verified by its 核查期限 (24 h / 3 工作日)."""
    def rows(s: Session, first: date, last: date) -> Iterable[Record]:
        lo, hi = instant_bounds(first, last)
        q = select(Complaint.unit_id, Complaint.complaint_no, Complaint.verified_at, Complaint.due_at,
                   Complaint.updated_at).where(Complaint.verified_at.is_not(None))
        if lo:
            q = q.where(Complaint.verified_at >= lo)
        if hi:
            q = q.where(Complaint.verified_at < hi)
        for unit, no, at, due, changed in s.execute(q):
            if not on_time_only or utc(at) <= utc(due):
                yield unit, 1, no, local(at).date(), changed
    return rows


def _latest(*stamps: datetime | None) -> datetime | None:
    """The latest of stored timestamps (SQLite returns them naive UTC, PostgreSQL aware)."""
    known = [utc(t) for t in stamps if t is not None]
    return max(known) if known else None


def utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def _sessions(publicity: bool, audience: bool):
    def rows(s: Session, first: date, last: date) -> Iterable[Record]:
        kind = (TrainingSession.kind == PUBLICITY_KIND) if publicity else TrainingSession.kind.not_in(
            (*INTERVIEW_KINDS, PUBLICITY_KIND))
        q = select(TrainingSession).where(kind, TrainingSession.cancelled.is_(False),
                                          *in_period(TrainingSession.held_on, first, last))
        # sign-in rows added later change 培训人次 without touching the session row
        attendee_changes = dict(s.execute(
            select(TrainingAttendee.session_id, func.max(TrainingAttendee.updated_at))
            .join(TrainingSession, TrainingSession.id == TrainingAttendee.session_id)
            .where(kind, *in_period(TrainingSession.held_on, first, last))
            .group_by(TrainingAttendee.session_id)).all())
        attendee_changes = {k: (v,) for k, v in attendee_changes.items()}
        for t in s.execute(q).scalars():
            changed = _latest(t.updated_at, *attendee_changes.get(t.id, ()))
            if audience and not publicity:
                people = session_counts(s, [t.id])[0].get(t.id, 0) + t.audience_count
                yield None, people, f"{t.session_no} {t.topic}", t.held_on, changed
            else:
                yield None, t.audience_count if audience else 1, f"{t.session_no} {t.topic}", t.held_on, changed
    return rows


M = Metric
METRICS: tuple[Metric, ...] = (
    M("units", "列管单位数", _units),
    M("inspections", "检查单位（家次）", _inspections()),
    M("random", "双随机抽查数", _inspections(Inspection.counts_for_random.is_(True))),
    M("rechecks", "复查数", _rechecks),
    M("complaints", "举报投诉核查数", _complaints(on_time_only=False)),
    M("complaints_on_time", "其中按期核查数", _complaints(on_time_only=True)),
    M("hazards", "发现隐患数", _hazards()),
    M("major", "其中重大隐患", _hazards(Hazard.severity == "重大")),
    M("on_spot", "当场整改数", _hazards(Hazard.handling.in_(ON_THE_SPOT))),
    M("deadline", "责令限期整改数", _hazards(Hazard.handling == "责令限期改正")),
    M("closed", "已整改销号数", _hazards(Hazard.state == "已销号")),
    M("overdue", "逾期未改数", _hazards(Hazard.state == "逾期未改")),
    M("documents", "下发文书数", _documents()),
    M("penalties", "行政处罚案件数", _documents(PENALTY_TYPES)),
    M("fines", "罚款金额（元）", _documents(PENALTY_TYPES, fine=True)),
    M("seals", "临时查封（家）", _documents(("临时查封决定书",))),
    M("interviews", "约谈单位数", _interviews),
    M("trainings", "培训场次", _sessions(False, False), per_area=False),
    M("training_people", "培训人次", _sessions(False, True), per_area=False),
    M("publicity", "宣传活动数", _sessions(True, False), per_area=False),
    M("publicity_people", "宣传受众人次", _sessions(True, True), per_area=False),
)
BY_KEY = {m.key: m for m in METRICS}
RATES = (("rectify_rate", "整改率", "closed", "hazards"), ("immediate_rate", "即时整改率", "on_spot", "hazards"),
         ("complaint_rate", "举报核查及时率", "complaints_on_time", "complaints"))
