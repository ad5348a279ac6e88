"""Read-only lists of the 举报投诉 register: paged and filtered in SQL, counts per status, the overdue list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select

from fireoffice.db.models import Complaint, Inspection, Unit
from fireoffice.services import complaints as _c
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.inspection_queries import MAX_PAGE, Page
from fireoffice.services.inspections import as_local
from fireoffice.services.permissions import require

SORT = {"received_at": Complaint.received_at, "due_at": Complaint.due_at, "complaint_no": Complaint.complaint_no,
        "status": Complaint.status}


@dataclass(frozen=True)
class ComplaintFilter:
    status: str | None = None  # one of complaints.STATUSES, "open" for every one not 已办结, None for all
    category: str | None = None
    urgent: bool | None = None  # 24小时类 only / 3个工作日类 only
    overdue_only: bool = False  # not verified and past the deadline now
    text: str = ""


@dataclass(frozen=True)
class ComplaintRow:
    uid: str
    complaint_no: str
    received_at: datetime
    source: str
    complainant: str  # as this actor may see it
    target: str  # 被举报单位 or the address given
    category: str
    urgent: bool
    due_at: datetime
    due_on: date
    status: str
    overdue: bool
    hours_overdue: int
    verified_late: bool
    result: str
    handling: str

    @property
    def category_class(self) -> str:
        return _c.URGENT_CLASS if self.urgent else _c.NORMAL_CLASS

    @property
    def due_text(self) -> str:
        return _c.due_text(self.urgent, self.due_at, self.due_on)


def _overdue(now_utc: datetime):
    return (Complaint.status == "待核查") & (Complaint.due_at < now_utc)


def _where(ctx: ServiceContext, f: ComplaintFilter, now_utc: datetime) -> list:
    where = []
    if f.status == "open":
        where.append(Complaint.status.in_(_c.OPEN_STATUSES))
    elif f.status:
        if f.status not in _c.STATUSES:
            raise ValidationError("状态", "只能是 " + "、".join(_c.STATUSES))
        where.append(Complaint.status == f.status)
    if f.category:
        where.append(Complaint.category == f.category)
    if f.urgent is not None:
        where.append(Complaint.urgent.is_(f.urgent))
    if f.overdue_only:
        where.append(_overdue(now_utc))
    searchable = [Complaint.complaint_no, Complaint.reported_name, Complaint.reported_address, Complaint.content,
                  Complaint.source_ref, Unit.name]
    if _c.sees_identity(ctx):  # searching by name would otherwise reveal who complained
        searchable += [Complaint.complainant_name, Complaint.complainant_contact]
    for word in f.text.split():
        like = f"%{word}%"
        where.append(or_(*(col.like(like) for col in searchable)))
    return where


def list_complaints(ctx: ServiceContext, f: ComplaintFilter = ComplaintFilter(), offset: int = 0, limit: int = 100,
                    sort: str = "received_at", descending: bool = True,
                    now: datetime | None = None) -> Page[ComplaintRow]:
    require(ctx, "complaints.view")
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError("分页", f"每页 1 到 {MAX_PAGE} 行")
    col = SORT.get(sort)
    if col is None:
        raise ValidationError("排序", f"不能按 {sort} 排序")
    current = _c._now(now)
    where = _where(ctx, f, current)
    with ctx.db.read() as s:
        base = select(Complaint.id).outerjoin(Unit, Unit.id == Complaint.unit_id).where(*where)
        total = s.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        q = (select(Complaint, Unit.name).outerjoin(Unit, Unit.id == Complaint.unit_id).where(*where)
             .order_by(col.desc() if descending else col, Complaint.id.desc() if descending else Complaint.id)
             .offset(offset).limit(limit))
        rows = [_row(ctx, c, unit_name, current) for c, unit_name in s.execute(q).all()]
    return Page(tuple(rows), total, offset)


def _row(ctx: ServiceContext, c: Complaint, unit_name: str | None, current: datetime) -> ComplaintRow:
    name, _contact, _masked = _c.identity(ctx, c)
    due = _c._aware(c.due_at)
    overdue = c.status == "待核查" and current > due
    verified = _c._aware(c.verified_at)
    return ComplaintRow(c.uid, c.complaint_no, as_local(c.received_at), c.source, name,
                        unit_name or c.reported_name or c.reported_address, c.category, c.urgent, as_local(due),
                        c.due_on, c.status, overdue, _c.hours_overdue(due, current) if overdue else 0,
                        verified is not None and verified > due, c.result, c.handling)


def complaint_counts(ctx: ServiceContext, now: datetime | None = None) -> dict[str, int]:
    """Per status, plus "open" (not 已办结), "逾期" (overdue now) and "all": the page's tabs."""
    require(ctx, "complaints.view")
    current = _c._now(now)
    with ctx.db.read() as s:
        counts = dict(s.execute(select(Complaint.status, func.count()).group_by(Complaint.status)).all())
        counts["逾期"] = s.execute(select(func.count()).select_from(Complaint).where(_overdue(current))).scalar_one()
    counts["open"] = sum(counts.get(st, 0) for st in _c.OPEN_STATUSES)
    counts["all"] = sum(counts.get(st, 0) for st in _c.STATUSES)
    return counts


def overdue_complaints(ctx: ServiceContext, now: datetime | None = None, limit: int = 200) -> list[ComplaintRow]:
    """Complaints not verified by their 核查期限, the longest overdue first (for the home page's due lists)."""
    page = list_complaints(ctx, ComplaintFilter(overdue_only=True), 0, limit, "due_at", False, now)
    return list(page.rows)


@dataclass(frozen=True)
class InspectionChoice:
    uid: str
    record_no: str
    started_at: datetime
    unit_name: str


def linkable_inspections(ctx: ServiceContext, uid: str, limit: int = 50) -> list[InspectionChoice]:
    """举报投诉核查 inspections made after the complaint was received (of the reported unit, when it has one)."""
    require(ctx, "complaints.view")
    with ctx.db.read() as s:
        row = _c._load(s, uid)
        q = (select(Inspection.uid, Inspection.record_no, Inspection.started_at, Unit.name)
             .join(Unit, Unit.id == Inspection.unit_id)
             .where(Inspection.inspection_type == _c.INSPECTION_TYPE, Inspection.started_at >= row.received_at)
             .order_by(Inspection.started_at).limit(limit))
        if row.unit_id is not None:
            q = q.where(Inspection.unit_id == row.unit_id)
        return [InspectionChoice(u, no, as_local(at), name) for u, no, at, name in s.execute(q).all()]
