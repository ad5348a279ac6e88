"""The rows of each ledger (台账): columns, the period each one filters on, and a streaming query per kind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from fireoffice.db.models import (
    EnforcementDocument,
    Grid,
    Hazard,
    Inspection,
    InspectionOfficer,
    InterviewRecord,
    TrainingAttendee,
    TrainingSession,
    Unit,
    Village,
)
from fireoffice.services.training import INTERVIEW_KINDS, PUBLICITY_KIND
from fireoffice.services.unit_fields import FIELDS, LEDGER_KEYS

PENALTY_TYPES = ("行政处罚决定书", "当场处罚决定书")
BATCH = 2000


@dataclass(frozen=True)
class Col:
    key: str
    label: str
    width: float = 12
    kind: str = "text"  # text, number, date, datetime
    total: bool = False  # summed in the 合计 row


@dataclass(frozen=True)
class Source:
    kind: str
    title: str  # 检查台账 …
    columns: tuple[Col, ...]
    rows: Callable[[Session, date | None, date | None], Iterator[list]]
    period_field: str  # what the period filters on, printed in the subtitle
    # Extra subtitle text for the period (e.g. how many units were added), or None.
    note: Callable[[Session, date | None, date | None], str] | None = None
    as_of_end: bool = False  # the rows are the state at the period end (said in the title), not events in it


def local(at: datetime | None) -> datetime | None:
    """Stored UTC (naive on SQLite) → naive local time, as a spreadsheet wants it."""
    if at is None:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone().replace(tzinfo=None)


def instant_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(first, time.min).astimezone().astimezone(timezone.utc) if first else None
    hi = datetime.combine(last + timedelta(days=1), time.min).astimezone().astimezone(timezone.utc) if last else None
    return lo, hi


def in_period(column, first: date | None, last: date | None) -> list:
    out = []
    if first is not None:
        out.append(column >= first)
    if last is not None:
        out.append(column <= last)
    return out


def _grids(s: Session) -> dict[int, str]:
    return dict(s.execute(select(Grid.id, Grid.name)).all())


def inspection_where(first: date | None, last: date | None) -> list:
    lo, hi = instant_bounds(first, last)
    return ([Inspection.started_at >= lo] if lo else []) + ([Inspection.started_at < hi] if hi else [])


def _inspections(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    grids = _grids(s)
    where = inspection_where(first, last)
    officers: dict[int, list[str]] = {}
    for iid, name in s.execute(select(InspectionOfficer.inspection_id, InspectionOfficer.name)
                               .join(Inspection, Inspection.id == InspectionOfficer.inspection_id).where(*where)
                               .order_by(InspectionOfficer.inspection_id, InspectionOfficer.position)):
        officers.setdefault(iid, []).append(name)
    found = dict(s.execute(select(Hazard.inspection_id, func.count(Hazard.id)).join(
        Inspection, Inspection.id == Hazard.inspection_id).where(*where).group_by(Hazard.inspection_id)).all())
    q = (select(Inspection.id, Inspection.record_no, Inspection.started_at, Unit.name, Unit.address, Unit.grid_id,
                Inspection.inspection_type, Inspection.counts_for_random, Inspection.outcome, Inspection.summary)
         .join(Unit, Unit.id == Inspection.unit_id).where(*where).order_by(Inspection.started_at, Inspection.id))
    for iid, no, at, name, address, grid, itype, rnd, outcome, summary in s.execute(
            q, execution_options={"yield_per": BATCH}):
        yield [no, local(at), name, address, grids.get(grid, ""), itype, "是" if rnd else "否", outcome,
               "、".join(officers.get(iid, [])), found.get(iid, 0), summary]


def _hazards(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    grids = _grids(s)
    q = (select(Hazard, Unit.name, Unit.grid_id).join(Unit, Unit.id == Hazard.unit_id)
         .where(*in_period(Hazard.found_on, first, last)).order_by(Hazard.found_on, Hazard.hazard_no))
    for h, name, grid in s.execute(q, execution_options={"yield_per": BATCH}):
        yield [h.hazard_no, name, grids.get(grid, ""), h.found_on, h.source, h.category, h.description, h.location,
               h.severity, h.handling, h.notice_no, h.deadline, h.recheck_due, h.state,
               1 if h.state == "已销号" else 0, h.closed_on, h.close_basis, h.responsible_person]


def _documents(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    q = (select(EnforcementDocument, Unit.name).outerjoin(Unit, Unit.id == EnforcementDocument.unit_id)
         .where(EnforcementDocument.number.is_not(None), *in_period(EnforcementDocument.issued_on, first, last))
         .order_by(EnforcementDocument.issued_on, EnforcementDocument.doc_type, EnforcementDocument.seq))
    for d, name in s.execute(q, execution_options={"yield_per": BATCH}):
        yield [d.number, d.doc_type, name or d.fields.get("addressee", ""), d.issued_on, d.served_on, d.status,
               d.drafted_by, d.issued_by, d.void_reason]


def _penalties(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    q = (select(EnforcementDocument, Unit.name).outerjoin(Unit, Unit.id == EnforcementDocument.unit_id)
         .where(EnforcementDocument.number.is_not(None), EnforcementDocument.doc_type.in_(PENALTY_TYPES),
                *in_period(EnforcementDocument.issued_on, first, last))
         .order_by(EnforcementDocument.issued_on, EnforcementDocument.seq))
    for d, name in s.execute(q):
        f = d.fields
        fine = int(f["fine"]) if f.get("fine") not in (None, "") and d.status != "已作废" else None
        yield [d.number, d.doc_type, name or f.get("addressee", ""), f.get("party_kind", ""),
               f.get("article_code", ""), f.get("penalty_kind", ""), fine, d.issued_on, d.served_on, d.status]


def session_counts(s: Session, ids: list[int]) -> tuple[dict[int, int], dict[int, int]]:
    people = dict(s.execute(select(TrainingAttendee.session_id, func.count(TrainingAttendee.id)).where(
        TrainingAttendee.session_id.in_(ids), TrainingAttendee.status == "实到").group_by(
        TrainingAttendee.session_id)).all())
    units = dict(s.execute(select(TrainingAttendee.session_id, func.count(TrainingAttendee.unit_id.distinct())).where(
        TrainingAttendee.session_id.in_(ids), TrainingAttendee.status == "实到").group_by(
        TrainingAttendee.session_id)).all())
    return people, units


def _sessions(s: Session, first: date | None, last: date | None, publicity: bool) -> list[TrainingSession]:
    kinds = (TrainingSession.kind == PUBLICITY_KIND) if publicity else TrainingSession.kind.not_in(
        (*INTERVIEW_KINDS, PUBLICITY_KIND))
    return list(s.execute(select(TrainingSession).where(kinds, TrainingSession.cancelled.is_(False),
                                                        *in_period(TrainingSession.held_on, first, last))
                          .order_by(TrainingSession.held_on, TrainingSession.session_no)).scalars())


def _trainings(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    sessions = _sessions(s, first, last, False)
    people, units = session_counts(s, [t.id for t in sessions])
    for t in sessions:
        yield [t.session_no, t.kind, t.topic, t.held_on, t.place or t.video_link, t.trainer, t.scope,
               people.get(t.id, 0) + t.audience_count, units.get(t.id, 0)]


def _publicity(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    for t in _sessions(s, first, last, True):
        yield [t.session_no, t.topic, t.held_on, t.place, t.organizer, t.scope, t.audience_count, t.materials_count,
               t.materials_note]


def _interviews(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    sess = aliased(TrainingSession)
    q = (select(InterviewRecord, sess, Unit.name).join(sess, sess.id == InterviewRecord.session_id)
         .join(Unit, Unit.id == InterviewRecord.unit_id)
         .where(sess.cancelled.is_(False), *in_period(sess.held_on, first, last))
         .order_by(sess.held_on, sess.session_no, Unit.name))
    for r, t, name in s.execute(q, execution_options={"yield_per": BATCH}):
        yield [t.session_no, t.kind, t.held_on, name, r.reason or t.reason, r.interviewee, r.interviewee_position,
               r.notice_no, r.rectify_by, "是" if r.pledge_signed else "否", 1 if r.pledge_signed else 0]


# 列管单位台账 and the period: the register as it stood at the end of the period (列管日期 — or the day the
# record was entered when it has none — not after the period end, and not removed from the register by then);
# "本期新增" marks the units registered within the period. No period: today's register.
UNIT_SPECS = tuple(f for f in FIELDS if f.key in LEDGER_KEYS)
UNIT_WIDTHS = {"name": 36, "short_name": 16, "address": 40, "uscc": 22, "village_id": 14, "grid_id": 18,
               "nine_small_type": 16, "key_unit_category": 16}
UNIT_KIND = {"int": "number", "float": "number", "date": "date", "bool": "text"}


def unit_where(first: date | None, last: date | None) -> list:
    if last is None:
        return [Unit.archived.is_(False)]
    _lo, hi = instant_bounds(None, last)
    registered = or_(Unit.registered_on <= last, and_(Unit.registered_on.is_(None), Unit.created_at < hi))
    return [registered, or_(Unit.archived.is_(False), Unit.archived_at >= hi)]


def unit_added(first: date | None):
    """True for a unit registered on or after `first` (None: no period start, nothing is marked)."""
    if first is None:
        return None
    lo, _hi = instant_bounds(first, None)
    return or_(Unit.registered_on >= first, and_(Unit.registered_on.is_(None), Unit.created_at >= lo))


def _units(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    villages = dict(s.execute(select(Village.id, Village.name)).all())
    grids = _grids(s)
    added = unit_added(first)
    cols = [getattr(Unit, f.key) for f in UNIT_SPECS] + ([added] if added is not None else [])
    convert = []
    for f in UNIT_SPECS:
        convert.append(villages.get if f.key == "village_id" else grids.get if f.key == "grid_id"
                       else (lambda v: "是" if v else "否") if f.kind == "bool" else None)
    mapped = [(i, c) for i, c in enumerate(convert) if c is not None]
    q = select(*cols).where(*unit_where(first, last)).order_by(Unit.name, Unit.id)
    for row in s.execute(q, execution_options={"yield_per": BATCH}):
        out = list(row)
        for i, conv in mapped:
            out[i] = conv(out[i])
        if added is None:
            out.append(None)
        else:
            out[-1] = 1 if out[-1] else 0
        yield out


def _units_note(s: Session, first: date | None, last: date | None) -> str:
    total = s.execute(select(func.count(Unit.id)).where(*unit_where(first, last))).scalar_one()
    text = f"在册单位按{'期末（' + last.isoformat() + '）' if last else '今日'}状态：共 {total:,} 家"
    added = unit_added(first)
    if added is not None:
        n = s.execute(select(func.count(Unit.id)).where(*unit_where(first, last), added)).scalar_one()
        text += f"，本期新增 {n:,} 家"
    return text


def _unit_col(f) -> Col:
    width = UNIT_WIDTHS.get(f.key) or {"phone": 15, "bool": 9, "date": 12, "int": 10, "float": 12,
                                        "choice": 10}.get(f.kind) or max(10, min(24, len(f.label) * 2 + 2))
    return Col(f.key, f.label, width, UNIT_KIND.get(f.kind, "text"))


C = Col
SOURCES: dict[str, Source] = {s.kind: s for s in (
    Source("units", "列管单位台账", (*map(_unit_col, UNIT_SPECS), C("added", "本期新增", 8, "number", True)),
           _units, "列管日期", _units_note, as_of_end=True),
    Source("inspections", "检查台账", (
        C("record_no", "检查记录号", 18), C("started_at", "检查时间", 17, "datetime"), C("unit", "被检查单位", 32),
        C("address", "地址", 32), C("grid", "所属网格", 14), C("type", "检查类型", 12), C("random", "双随机", 8),
        C("outcome", "检查情况", 10), C("officers", "检查人员", 16), C("hazards", "发现隐患（处）", 10, "number", True),
        C("summary", "检查情况摘要", 40)), _inspections, "检查日期"),
    Source("hazards", "隐患整改台账", (
        C("hazard_no", "隐患编号", 16), C("unit", "单位", 30), C("grid", "所属网格", 14),
        C("found_on", "发现日期", 11, "date"), C("source", "发现方式", 9), C("category", "隐患类别", 9),
        C("description", "隐患描述", 40), C("location", "部位", 16), C("severity", "隐患等级", 8),
        C("handling", "处置方式", 13), C("notice_no", "文书号", 22), C("deadline", "整改期限", 11, "date"),
        C("recheck_due", "复查期限", 11, "date"), C("state", "状态", 9), C("closed", "已销号", 7, "number", True),
        C("closed_on", "销号日期", 11, "date"), C("close_basis", "销号依据", 10),
        C("responsible", "整改责任人", 10)), _hazards, "发现日期"),
    Source("documents", "执法文书台账", (
        C("number", "文书号", 28), C("doc_type", "文书类型", 20), C("unit", "单位（当事人）", 30),
        C("issued_on", "签发日期", 11, "date"), C("served_on", "送达日期", 11, "date"), C("status", "状态", 8),
        C("drafted_by", "承办人", 10), C("issued_by", "签发人", 10), C("void_reason", "作废原因", 24)),
        _documents, "签发日期"),
    Source("penalties", "行政处罚台账", (
        C("number", "决定书文号", 28), C("doc_type", "文书类型", 16), C("party", "当事人", 30),
        C("party_kind", "当事人类型", 10), C("article", "违法条款", 18), C("penalty_kind", "处罚种类", 9),
        C("fine", "罚款金额（元）", 13, "number", True), C("issued_on", "决定日期", 11, "date"),
        C("served_on", "送达日期", 11, "date"), C("status", "状态", 8)), _penalties, "决定日期"),
    Source("trainings", "培训台账", (
        C("session_no", "培训编号", 14), C("kind", "类型", 12), C("topic", "主题", 32), C("held_on", "日期", 11, "date"),
        C("place", "地点", 24), C("trainer", "授课人", 10), C("scope", "对象范围", 18),
        C("people", "人次", 8, "number", True), C("units", "覆盖单位数", 10, "number", True)), _trainings, "培训日期"),
    Source("interviews", "约谈台账", (
        C("session_no", "约谈编号", 14), C("kind", "约谈类型", 14), C("held_on", "约谈日期", 11, "date"),
        C("unit", "被约谈单位", 30), C("reason", "约谈事由", 28), C("interviewee", "被约谈人", 10),
        C("position", "职务", 10), C("notice_no", "约谈通知书文号", 24), C("rectify_by", "整改期限", 11, "date"),
        C("pledge", "承诺书", 7), C("pledges", "签订承诺书（份）", 10, "number", True)), _interviews, "约谈日期"),
    Source("publicity", "宣传台账", (
        C("session_no", "活动编号", 14), C("topic", "主题", 32), C("held_on", "日期", 11, "date"), C("place", "地点", 24),
        C("organizer", "组织单位", 18), C("scope", "对象", 16), C("audience", "受众（人次）", 10, "number", True),
        C("materials", "发放宣传品（份）", 12, "number", True), C("note", "宣传品说明", 24)), _publicity, "活动日期"),
)}
