"""举报投诉台账: one row per complaint received in the period, registered as ledger kind `complaints`.

举报人保密: a ledger is a file that leaves the station (county packages, e-mail, print-outs), so the
complainant's name and contact are always masked here, whoever exports it; free text has mobiles and
identity numbers masked. The full identity stays on screen for the roles that hold complaints.view_identity.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Complaint, ComplaintOfficer, Inspection, Unit
from fireoffice.services import complaints, privacy
from fireoffice.services.ledger_sources import BATCH, Col, Source, instant_bounds, local


def _aware(at: datetime | None) -> datetime | None:
    if at is None:
        return None
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at


def _text(value: str) -> str:
    return privacy.mask_phone(privacy.mask_id_number(value or ""))


def where(first: date | None, last: date | None) -> list:
    lo, hi = instant_bounds(first, last)
    return ([Complaint.received_at >= lo] if lo else []) + ([Complaint.received_at < hi] if hi else [])


def rows(s: Session, first: date | None, last: date | None) -> Iterator[list]:
    w = where(first, last)
    staff: dict[int, list[str]] = {}
    for cid, name in s.execute(select(ComplaintOfficer.complaint_id, ComplaintOfficer.name)
                               .join(Complaint, Complaint.id == ComplaintOfficer.complaint_id).where(*w)
                               .order_by(ComplaintOfficer.complaint_id, ComplaintOfficer.position)):
        staff.setdefault(cid, []).append(name)
    q = (select(Complaint, Unit.name, Unit.address, Inspection.record_no)
         .outerjoin(Unit, Unit.id == Complaint.unit_id).outerjoin(Inspection, Inspection.id == Complaint.inspection_id)
         .where(*w).order_by(Complaint.received_at, Complaint.id))
    now = datetime.now(timezone.utc)
    for c, unit_name, unit_address, inspection_no in s.execute(q, execution_options={"yield_per": BATCH}):
        due, verified = _aware(c.due_at), _aware(c.verified_at)
        on_time = verified is not None and verified <= due
        late = (verified is not None and verified > due) or (verified is None and now > due)
        name = complaints.ANONYMOUS if c.anonymous else privacy.mask_name(c.complainant_name)
        contact = "" if c.anonymous else complaints.mask_contact(c.complainant_contact)
        yield [c.complaint_no, local(c.received_at), c.source, c.source_ref, name, contact,
               unit_name or c.reported_name, c.reported_address or unit_address or "", _text(c.content), c.category,
               complaints.URGENT_CLASS if c.urgent else complaints.NORMAL_CLASS, local(c.due_at),
               local(c.verified_at), "、".join(staff.get(c.id, [])), c.result, c.handling, c.doc_no,
               inspection_no or "", "是" if on_time else ("否" if late else ""), 1 if on_time else 0,
               local(c.notified_at), c.notify_method, c.unable_reason, c.status, 1]


C = Col
SOURCE = Source("complaints", "举报投诉台账", (
    C("complaint_no", "受理编号", 14), C("received_at", "受理时间", 17, "datetime"), C("source", "来源", 7),
    C("source_ref", "来源编号", 16), C("complainant", "举报人", 9), C("contact", "联系方式", 14),
    C("unit", "被举报单位", 30), C("address", "地址", 30), C("content", "举报内容", 40), C("category", "类别", 22),
    C("class", "时限类别", 11), C("due_at", "核查期限", 17, "datetime"), C("verified_at", "核查时间", 17, "datetime"),
    C("officers", "核查人员", 16), C("result", "核查结果", 9), C("handling", "处理", 11), C("doc_no", "文书号", 24),
    C("inspection_no", "核查检查记录号", 18), C("timely", "按期核查", 8),
    C("on_time", "按期核查（件）", 10, "number", True), C("notified_at", "告知时间", 17, "datetime"),
    C("notify_method", "告知方式", 9), C("unable_reason", "无法告知原因", 22), C("status", "状态", 8),
    C("count", "件数", 6, "number", True)), rows, "受理日期")
