"""Fast entry of many inspections in a row (seed 004: 700 shops in one sweep): the form for a visit or a unit,
the next unit of the batch, defaults carried over from the previous record, lookup by field-kit number."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Hazard, InspectionPlan, PlanVisit, Unit, User
from fireoffice.services import checklists, hazards, plans
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound
from fireoffice.services.inspections import InspectionInput, ResultInput


@dataclass(frozen=True)
class FormDefaults:
    """Everything the record form needs for one unit, pre-filled."""

    unit_uid: str
    unit_name: str
    address: str
    resp_person: str
    resp_phone: str
    mgr_person: str
    mgr_phone: str
    inspection_type: str
    record_no: str  # reserved on the visit; empty = allocated on save
    plan_uid: str | None
    visit_uid: str | None
    officer_uids: tuple[str, ...]
    officer_names: tuple[str, ...]
    checklist: str  # template and version shown on the form
    venue_tags: tuple[str, ...]
    items: tuple[checklists.ItemInfo, ...]
    open_hazards: tuple[hazards.HazardInfo, ...]  # for 复查: what to look at again
    attempts: int


def _form(s: Session, unit: Unit, inspection_type: str, visit: PlanVisit | None,
          template_uid: str | None) -> FormDefaults:
    version = checklists.active_version_row(s, template_uid)
    tags = checklists.unit_venue_tags(unit)
    items = checklists.select_items([checklists.item_info(i) for i in version.items], tags)
    people = [s.get(User, i) for i in ((visit.officer1_id, visit.officer2_id) if visit else ()) if i is not None]
    open_rows = s.execute(select(Hazard).where(Hazard.unit_id == unit.id, Hazard.state.in_(hazards.OPEN_STATES))
                          .order_by(Hazard.deadline)).scalars().all()
    plan = s.get(InspectionPlan, visit.plan_id) if visit else None
    return FormDefaults(
        unit.uid, unit.name, unit.address, unit.resp_person, unit.resp_phone, unit.mgr_person, unit.mgr_phone,
        inspection_type, visit.record_no or "" if visit else "", plan.uid if plan else None,
        visit.uid if visit else None, tuple(p.uid for p in people), tuple(p.display_name for p in people),
        f"{version.template.name} 第{version.version_no}版", tags, tuple(items),
        tuple(hazards.hazard_info(s, h) for h in open_rows), visit.attempts if visit else 0)


def form_for_visit(ctx: ServiceContext, visit_uid: str, template_uid: str | None = None) -> FormDefaults:
    with ctx.db.read() as s:
        visit = plans.load_visit(s, visit_uid)
        plan = s.get(InspectionPlan, visit.plan_id)
        return _form(s, s.get(Unit, visit.unit_id), plans.INSPECTION_TYPE[plan.plan_type], visit, template_uid)


def form_for_unit(ctx: ServiceContext, unit_uid: str, inspection_type: str = "日常检查",
                  template_uid: str | None = None) -> FormDefaults:
    with ctx.db.read() as s:
        unit = s.execute(select(Unit).where(Unit.uid == unit_uid)).scalar()
        if unit is None:
            raise NotFound("没有找到这家单位（可能已被删除）。")
        return _form(s, unit, inspection_type, None, template_uid)


def find_by_record_no(ctx: ServiceContext, record_no: str) -> plans.VisitInfo | None:
    """The open visit a paper form belongs to, from the number printed on it."""
    with ctx.db.read() as s:
        rows = plans.visit_rows(s, (PlanVisit.record_no == record_no.strip()) & (PlanVisit.status == "待检查"))
        return rows[0] if rows else None


def next_visit(ctx: ServiceContext, plan_uid: str, after_visit_uid: str | None = None) -> plans.VisitInfo | None:
    """The next open visit in batch order after the given one; at the end, wrap to units that were closed before."""
    with ctx.db.read() as s:
        plan = plans.load_plan(s, plan_uid)
        after = plans.load_visit(s, after_visit_uid).sequence if after_visit_uid else 0
        open_ = (PlanVisit.plan_id == plan.id) & (PlanVisit.status == "待检查")
        rows = plans.visit_rows(s, open_ & (PlanVisit.sequence > after), limit=1)
        if not rows:
            rows = plans.visit_rows(s, open_ & (PlanVisit.sequence <= after), limit=1)
        if rows and after_visit_uid and rows[0].uid == after_visit_uid:
            return None  # only the current one is left
        return rows[0] if rows else None


def carry_over(previous: InspectionInput, form: FormDefaults, gap_minutes: int = 5,
               default_result: str = "符合") -> InspectionInput:
    """The next record pre-filled from the previous one: same type and officers (unless the visit has its own
    pair), times following on, every item at the default result so only the exceptions are typed."""
    duration = previous.ended_at - previous.started_at
    start = previous.ended_at + timedelta(minutes=gap_minutes)
    return replace(
        previous, unit_uid=form.unit_uid, plan_visit_uid=form.visit_uid, record_no=form.record_no or None,
        inspection_type=form.inspection_type or previous.inspection_type,
        officer_uids=form.officer_uids or previous.officer_uids, started_at=start, ended_at=start + duration,
        outcome="完成", people_present="", unit_rep="", unit_rep_refused=False, witness="", summary="",
        results=tuple(ResultInput(i.code, default_result) for i in form.items), rechecks=(), photos=())


def first_input(form: FormDefaults, started_at: datetime, minutes: int = 20,
                officer_uids: tuple[str, ...] = ()) -> InspectionInput:
    """The first record of a campaign, every item at 符合."""
    return InspectionInput(
        unit_uid=form.unit_uid, inspection_type=form.inspection_type, started_at=started_at,
        ended_at=started_at + timedelta(minutes=minutes), officer_uids=form.officer_uids or officer_uids,
        plan_visit_uid=form.visit_uid, record_no=form.record_no or None,
        results=tuple(ResultInput(i.code, "符合") for i in form.items))
