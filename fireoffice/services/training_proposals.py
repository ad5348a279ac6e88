"""Proposed 约谈/培训 lists generated from the records: penalised this year, overdue hazards, repeat hazards.

"Penalised" means a 行政处罚决定书 / 当场处罚决定书 issued to the unit in the year (services.penalised), or a
hazard of the year escalated to 处罚 or 三停 (责令停产停业) whose decision is not in the register yet.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from fireoffice.db.models import Hazard, TrainingAttendee, Unit
from fireoffice.services import training
from fireoffice.services.context import ServiceContext
from fireoffice.services.hazards import OPEN_STATES
from fireoffice.services.penalised import penalty_documents

PENALTY_ESCALATIONS = ("处罚", "三停")
REPEAT_WINDOW_DAYS = 365
TITLES = {"penalised": "本年度受到行政处罚的单位", "overdue": "隐患逾期未改的单位", "repeat": "同类隐患反复出现的单位"}
BASIS = {
    "penalised": "隐患逾期未改后升级为处罚或责令停产停业（本年度）——适用一对一警示约谈",
    "overdue": "仍未整改且已超过整改期限或复查期限的隐患",
    "repeat": f"近 {REPEAT_WINDOW_DAYS} 天内同一检查项目（或同一类别）的隐患在不同日期被发现两次以上",
}


@dataclass(frozen=True)
class Proposal:
    unit_uid: str
    unit_name: str
    address: str
    reason: str  # becomes the 约谈事由
    hazard_ids: tuple[int, ...]
    hazard_nos: tuple[str, ...]
    invited: bool = False  # already on the session's list


@dataclass(frozen=True)
class ProposalList:
    key: str
    title: str
    basis: str
    items: tuple[Proposal, ...]


def _units(session: Session, ids) -> dict[int, Unit]:
    ids = list(ids)
    return {u.id: u for u in session.execute(select(Unit).where(Unit.id.in_(ids), Unit.archived.is_(False)))
            .scalars()} if ids else {}


def _by_unit(session: Session, hazards: list[Hazard], reason) -> list[Proposal]:
    grouped: dict[int, list[Hazard]] = defaultdict(list)
    for h in hazards:
        grouped[h.unit_id].append(h)
    units = _units(session, grouped)
    out = [Proposal(units[uid].uid, units[uid].name, units[uid].address, reason(hs),
                    tuple(h.id for h in hs), tuple(h.hazard_no for h in hs))
           for uid, hs in grouped.items() if uid in units]
    return sorted(out, key=lambda p: p.unit_name)


def penalised_this_year(session: Session, year: int) -> list[Proposal]:
    rows = session.execute(select(Hazard).where(
        Hazard.escalation.in_(PENALTY_ESCALATIONS), Hazard.escalated_on >= date(year, 1, 1),
        Hazard.escalated_on <= date(year, 12, 31)).order_by(Hazard.escalated_on)).scalars().all()
    from_hazards = {p.unit_uid: p for p in _by_unit(
        session, rows, lambda hs: f"{year}年因隐患逾期未改受到{'、'.join(sorted({h.escalation for h in hs}))}"
        f"（隐患 {'、'.join(h.hazard_no for h in hs[:3])}{'等' if len(hs) > 3 else ''}）")}
    decisions = penalty_documents(session, date(year, 1, 1), date(year, 12, 31))
    units = _units(session, decisions)
    for unit_id, numbers in decisions.items():
        if unit_id not in units:
            continue
        unit = units[unit_id]
        reason = f"{year}年受到行政处罚（{'、'.join(numbers[:2])}{'等' if len(numbers) > 2 else ''}）"
        known = from_hazards.get(unit.uid)
        from_hazards[unit.uid] = Proposal(unit.uid, unit.name, unit.address, reason,
                                          known.hazard_ids if known else (), known.hazard_nos if known else ())
    return sorted(from_hazards.values(), key=lambda p: p.unit_name)


def overdue_hazards(session: Session, today: date) -> list[Proposal]:
    late = or_(Hazard.state == "逾期未改", and_(Hazard.state == "待整改", Hazard.deadline < today),
               and_(Hazard.state == "待复查", Hazard.recheck_due.is_not(None), Hazard.recheck_due < today))
    rows = session.execute(select(Hazard).where(Hazard.state.in_(OPEN_STATES), late)
                           .order_by(Hazard.deadline)).scalars().all()
    return _by_unit(session, rows, lambda hs: f"隐患逾期未改 {len(hs)} 处（最早期限 {min(h.deadline for h in hs)}）")


def repeat_hazards(session: Session, today: date) -> list[Proposal]:
    since = today - timedelta(days=REPEAT_WINDOW_DAYS)
    rows = session.execute(select(Hazard).where(Hazard.found_on >= since, Hazard.found_on <= today)
                           .order_by(Hazard.found_on)).scalars().all()
    groups: dict[tuple[int, str], list[Hazard]] = defaultdict(list)
    for h in rows:
        groups[(h.unit_id, h.item_code or h.category)].append(h)
    repeated = [h for hs in groups.values() if len({h.found_on for h in hs}) >= 2 for h in hs]

    def reason(hs: list[Hazard]) -> str:
        kinds = defaultdict(int)
        for h in hs:
            kinds[h.category] += 1
        return "同类隐患反复出现：" + "、".join(f"{k} {n} 次" for k, n in sorted(kinds.items()))

    return _by_unit(session, repeated, reason)


def proposals(ctx: ServiceContext, session_uid: str | None = None, today: date | None = None) -> list[ProposalList]:
    """All three lists, each unit marked when it is already invited to the given session."""
    today = today or date.today()
    with ctx.db.read() as s:
        lists = {"penalised": penalised_this_year(s, today.year), "overdue": overdue_hazards(s, today),
                 "repeat": repeat_hazards(s, today)}
        invited: set[str] = set()
        if session_uid:
            sess = training.load(s, session_uid)
            invited = set(s.execute(select(Unit.uid).join(TrainingAttendee, TrainingAttendee.unit_id == Unit.id)
                                    .where(TrainingAttendee.session_id == sess.id)).scalars())
    out = []
    for key, items in lists.items():
        marked = tuple(Proposal(p.unit_uid, p.unit_name, p.address, p.reason, p.hazard_ids, p.hazard_nos,
                                p.unit_uid in invited) for p in items)
        out.append(ProposalList(key, TITLES[key], BASIS[key], marked))
    return out
