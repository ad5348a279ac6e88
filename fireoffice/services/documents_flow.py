"""Document workflow: submit → 所长 approves and issues (number, PDF archive) → served; void, correct, 移送."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.base import utcnow
from fireoffice.db.models import (
    DocNumberFormat,
    DocumentHazard,
    EnforcementDocument,
    Hazard,
    HazardRecheck,
    Inspection,
)
from fireoffice.services import audit, documents_checks, documents_pdf, documents_timing, numbering, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents import DocumentInfo, info, insert_draft, load
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.hazards import transition
from fireoffice.services.permissions import require

NOTICE_TYPES = ("责令限期改正通知书", "责令立即改正通知书", "重大火灾隐患限期整改通知书")
ESCALATION_OF = {"行政处罚决定书": "处罚", "当场处罚决定书": "处罚", "临时查封决定书": "临时查封"}


def submit(ctx: ServiceContext, uid: str) -> DocumentInfo:
    """草稿 → 待审批, once the form is complete (the head then checks and issues)."""
    require(ctx, "documents.draft")
    with ctx.db.write() as s:
        doc = load(s, uid, lock=True)
        if doc.status != "草稿":
            raise Conflict(f"只有草稿可以提交审批；这份文书{doc.status}。")
        documents_checks.check_fields(doc)
        documents_checks.check_penalty(s, doc)
        if documents_checks.needs_signatories(doc.doc_type):
            documents_checks.check_officers(s, doc, date.today())
        documents_timing.jurisdiction(s, doc, documents_pdf.station(s))
        if doc.doc_type == documents_timing.DECISION:
            documents_timing.notice_of(s, doc)
        doc.status, doc.submitted_at = "待审批", utcnow()
        audit.record(s, ctx.actor.username, "提交文书审批", "enforcement_document", doc.uid, {"status": "草稿"},
                     {"status": "待审批"})
        return info(s, doc)


def return_to_draft(ctx: ServiceContext, uid: str, reason: str) -> DocumentInfo:
    require(ctx, "documents.issue")
    with ctx.db.write() as s:
        doc = load(s, uid, lock=True)
        if doc.status != "待审批":
            raise Conflict(f"只有待审批的文书可以退回；这份文书{doc.status}。")
        doc.status = "草稿"
        audit.record(s, ctx.actor.username, "退回文书草稿", "enforcement_document", doc.uid, {"status": "待审批"},
                     {"status": "草稿", "reason": reason.strip()})
        return info(s, doc)


def issue(ctx: ServiceContext, uid: str, on: date | None = None, at: datetime | None = None) -> DocumentInfo:
    """Approve and issue: one transaction allocates the number, freezes the signatories and archives the PDF.

    The document row is locked first, so of two clients issuing it at once the second finds it 已签发.
    `at` is the local moment of issue (hour-based limits such as the 24 h emergency seal); it defaults to now
    when issuing today, and is unknown (dates are compared) for a back-dated issue.
    """
    require(ctx, "documents.issue")
    on = on or (at.date() if at else date.today())
    if at is None and on == date.today():
        at = datetime.now()
    with ctx.db.write() as s:
        doc = load(s, uid, lock=True)
        if doc.status != "待审批":
            raise Conflict(f"只有待审批的文书可以签发；这份文书{doc.status}"
                           + (f"（{doc.number}）" if doc.number else "") + "。")
        warnings = issue_in(s, ctx.actor.username, doc, on, at)
        return info(s, doc, warnings)


def _number(s: Session, actor: str, doc: EnforcementDocument, issuer_code: str, year: int) -> numbering.IssuedNumber:
    row = s.execute(select(DocNumberFormat).where(DocNumberFormat.doc_type == doc.doc_type)).scalar()
    template = numbering.templates(s).get(doc.doc_type) or (row.template if row else None)
    return numbering.issue_number(s, actor, doc.doc_type, year, issuer_code=issuer_code,
                                  type_code=row.type_code if row else None, template=template)


def issue_in(s: Session, actor: str, doc: EnforcementDocument, on: date,
             at: datetime | None = None) -> tuple[str, ...]:
    """Everything of an issue inside the caller's transaction (demo data uses it too); returns warnings."""
    station = documents_pdf.station(s)
    documents_checks.check_power(station, doc.doc_type)
    documents_checks.check_fields(doc)
    documents_checks.check_penalty(s, doc)
    users = documents_checks.check_officers(s, doc, on) if documents_checks.needs_signatories(doc.doc_type) else []
    notes = documents_timing.jurisdiction(s, doc, station)
    if doc.doc_type == documents_timing.DECISION:
        notes += documents_timing.check_decision(s, doc, on)
    elif doc.doc_type == documents_timing.SEAL:
        notes += documents_timing.check_seal(s, doc, on, at)
    elif doc.doc_type == documents_timing.RELEASE:
        notes += documents_timing.check_release(s, doc)
    if not station.issuer_code:
        raise ValidationError("文书机关代字", "尚未设置：请先在“设置”中填写文书机关代字（如“临东”）")
    issuer, _review = documents_pdf.issuing_authority(station)
    number = _number(s, actor, doc, station.issuer_code, on.year)
    doc.issuer_code, doc.year, doc.seq, doc.number = number.issuer_code, number.year, number.seq, number.text
    doc.issuer_name, doc.enforcement_mode = issuer, station.enforcement_mode
    doc.signatories = [{"name": u.display_name, "cert_no": u.cert_no, "role": u.role} for u in users]
    doc.status, doc.issued_at, doc.issued_on, doc.issued_by = "已签发", utcnow(), on, actor
    s.flush()
    _link_hazards(s, actor, doc, on)
    if doc.corrects_id:
        old = s.get(EnforcementDocument, doc.corrects_id)
        if old.status in ("已签发", "已送达"):
            void_in(s, actor, old, f"已由{doc.number}更正")
    pdf = documents_pdf.render(s, doc)
    doc.pdf, doc.pdf_sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    audit.record(s, actor, "签发文书", "enforcement_document", doc.uid, {"status": "待审批"},
                 {"status": "已签发", "number": doc.number, "signatories": doc.signatories, "sha256": doc.pdf_sha256,
                  **({"notes": list(notes)} if notes else {})})
    return notes + _late_warnings(s, doc, on)


def _late_warnings(s: Session, doc: EnforcementDocument, on: date) -> tuple[str, ...]:
    if doc.doc_type != "责令限期改正通知书" or not doc.fields.get("inspected_on"):
        return ()
    due = workdays.deadline(workdays.load_calendar(s), "notice", date.fromisoformat(doc.fields["inspected_on"]))
    if on > due.due:
        return (f"按规定应在检查之日起3个工作日内（{due.due}前）制作送达，签发时已超期。",)
    return (f"请于 {due.due} 前送达（{due.rule}）。",)


def _link_hazards(s: Session, actor: str, doc: EnforcementDocument, on: date) -> None:
    """Record the issued document on the hazards it covers (notice number, 复查 opinion, escalation)."""
    hazards = s.execute(select(Hazard).join(DocumentHazard, DocumentHazard.hazard_id == Hazard.id)
                        .where(DocumentHazard.document_id == doc.id)).scalars().all()
    for h in hazards:
        if doc.doc_type in NOTICE_TYPES and not h.notice_no:
            h.notice_no = doc.number
            audit.record(s, actor, "隐患关联通知书", "hazard", h.uid, {"notice_no": ""}, {"notice_no": doc.number})
        elif doc.doc_type == "复查意见书":
            rec = s.execute(select(HazardRecheck).where(HazardRecheck.hazard_id == h.id)
                            .order_by(HazardRecheck.id.desc()).limit(1)).scalar()
            if rec is not None and not rec.opinion_no:
                rec.opinion_no = doc.number
                audit.record(s, actor, "复查关联意见书", "hazard_recheck", rec.uid, None, {"opinion_no": doc.number})
        elif doc.doc_type in ESCALATION_OF and h.state == "逾期未改" and not h.escalation:
            kind = ESCALATION_OF[doc.doc_type]
            transition(s, actor, h, "升级处置", on, f"{kind}：{doc.number}", doc.uid,
                       changes={"escalation": kind, "escalated_on": on, "escalation_ref": doc.uid})


def void(ctx: ServiceContext, uid: str, reason: str) -> DocumentInfo:
    """作废 by the head with a reason: the number stays in the register, the archive gets a stamped copy."""
    require(ctx, "documents.issue")
    if len(reason.strip()) < 4:
        raise ValidationError("作废原因", "请写明作废原因（至少 4 个字）")
    with ctx.db.write() as s:
        doc = load(s, uid, lock=True)
        if doc.status not in ("已签发", "已送达"):
            raise Conflict(f"只有已签发的文书可以作废；这份文书{doc.status}。草稿可直接删除。")
        void_in(s, ctx.actor.username, doc, reason.strip())
        return info(s, doc)


def void_in(s: Session, actor: str, doc: EnforcementDocument, reason: str) -> None:
    before = doc.status
    doc.status, doc.void_reason, doc.voided_by, doc.voided_at = "已作废", reason[:300], actor, utcnow()
    for h in s.execute(select(Hazard).where(Hazard.notice_no == doc.number)).scalars():
        h.notice_no = ""  # the hazard again shows "notice not served" until a valid one is issued
    s.flush()
    pdf = documents_pdf.render(s, doc, voided=True)
    doc.void_pdf, doc.void_pdf_sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    audit.record(s, actor, "作废文书", "enforcement_document", doc.uid, {"status": before},
                 {"status": "已作废", "number": doc.number, "reason": reason})


def correct(ctx: ServiceContext, uid: str) -> DocumentInfo:
    """A correction is a new draft that references the issued original; issuing it voids the original."""
    require(ctx, "documents.draft")
    with ctx.db.write() as s:
        old = load(s, uid)
        if old.status not in ("已签发", "已送达"):
            raise Conflict("只有已签发的文书需要更正；草稿请直接修改。")
        hazards = tuple(s.execute(select(Hazard.uid).join(DocumentHazard, DocumentHazard.hazard_id == Hazard.id)
                                  .where(DocumentHazard.document_id == old.id)
                                  .order_by(DocumentHazard.position)).scalars())
        doc = _copy(s, ctx.actor.username, old, old.doc_type, hazards, dict(old.fields))
        doc.corrects_id = old.id
        doc.officer1_id, doc.officer2_id = old.officer1_id, old.officer2_id
        s.flush()
        return info(s, doc)


def _copy(s: Session, actor: str, old: EnforcementDocument, kind: str, hazards: tuple[str, ...],
          fields: dict) -> EnforcementDocument:
    unit_uid = None
    if old.unit_id:
        from fireoffice.db.models import Unit

        unit_uid = s.get(Unit, old.unit_id).uid
    inspection_uid = s.get(Inspection, old.inspection_id).uid if old.inspection_id else None
    ref_uid = s.get(EnforcementDocument, old.ref_document_id).uid if old.ref_document_id else None
    return insert_draft(s, actor, kind, unit_uid, inspection_uid, hazards, ref_uid, fields)


def make_transfer(ctx: ServiceContext, uid: str, reason: str = "") -> DocumentInfo:
    """From a draft the station has no power to issue: a 案件移送书 draft to the 大队 with the same facts."""
    require(ctx, "documents.draft")
    with ctx.db.write() as s:
        old = load(s, uid)
        f = old.fields
        items = "；".join(i.get("text", "") for i in f.get("items") or ())
        facts = f.get("facts") or items or f.get("summary", "")
        st = documents_pdf.station(s)
        fields = {"addressee": st.brigade, "unit_name": f.get("addressee", ""), "address": f.get("address", ""),
                  "facts": facts, "reason": reason or f"拟制作《{old.doc_type}》的事项不在本所执法权限内"}
        doc = _copy(s, ctx.actor.username, old, "案件移送书", (), fields)
        doc.ref_document_id = old.id
        s.flush()
        return info(s, doc)
