"""Drafting enforcement documents: prefill from the inspection, its hazards and the unit; edit while 草稿."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import (
    DocumentHazard,
    EnforcementDocument,
    Hazard,
    Inspection,
    StationProfile,
    Unit,
    User,
)
from fireoffice.services import audit, privacy
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents_types import (  # noqa: F401 - TYPES re-exported
    EDITABLE,
    NOTICE_RECORD,
    NOTICE_TYPES,
    TYPES,
    doc_type,
    title_of,
)
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import allowed, require


@dataclass(frozen=True)
class DocumentInfo:
    uid: str
    doc_type: str
    title: str
    status: str
    number: str
    unit_uid: str | None
    unit_name: str
    fields: dict[str, Any]
    officer_uids: tuple[str, ...]
    hazard_uids: tuple[str, ...]
    issued_on: date | None
    issued_at: datetime | None
    served_on: date | None
    void_reason: str
    ref_uid: str | None
    corrects_uid: str | None
    pdf_sha256: str
    warnings: tuple[str, ...] = field(default=())


def load(session: Session, uid: str, lock: bool = False) -> EnforcementDocument:
    q = select(EnforcementDocument).where(EnforcementDocument.uid == uid)
    doc = session.execute(q.with_for_update() if lock else q).scalar()
    if doc is None:
        raise NotFound("没有找到这份文书（可能已被删除）。")
    return doc


def _uid_of(session: Session, model, row_id: int | None) -> str | None:
    return session.get(model, row_id).uid if row_id else None


def info(session: Session, doc: EnforcementDocument, warnings: tuple[str, ...] = ()) -> DocumentInfo:
    unit = session.get(Unit, doc.unit_id) if doc.unit_id else None
    hazards = session.execute(select(Hazard.uid).join(DocumentHazard, DocumentHazard.hazard_id == Hazard.id)
                              .where(DocumentHazard.document_id == doc.id).order_by(DocumentHazard.position)).scalars()
    officers = tuple(u for u in (_uid_of(session, User, doc.officer1_id), _uid_of(session, User, doc.officer2_id)) if u)
    return DocumentInfo(doc.uid, doc.doc_type, title_of(doc.doc_type, doc.fields), doc.status, doc.number or "",
                        unit.uid if unit else None, unit.name if unit else doc.fields.get("addressee", ""),
                        dict(doc.fields), officers, tuple(hazards), doc.issued_on, doc.issued_at, doc.served_on,
                        doc.void_reason, _uid_of(session, EnforcementDocument, doc.ref_document_id),
                        _uid_of(session, EnforcementDocument, doc.corrects_id), doc.pdf_sha256, warnings)


def _hazard_item(h: Hazard) -> dict:
    text = h.description if h.location in h.description else f"{h.location}：{h.description}"
    return {"hazard_uid": h.uid, "text": text.strip(), "basis": h.legal_basis,
            "deadline": h.deadline.isoformat()}


def prefill(session: Session, kind: str, unit: Unit | None, inspection: Inspection | None,
            hazards: list[Hazard]) -> dict[str, Any]:
    """Field values a clerk would otherwise copy by hand; everything stays editable in the draft."""
    fields: dict[str, Any] = {}
    if unit is not None:
        fields.update(addressee=unit.name, address=unit.address, resp_person=unit.resp_person,
                      mgr_person=unit.mgr_person, legal_rep=unit.legal_rep, party_id=unit.uscc,
                      party_kind="个人" if unit.unit_type == "个人" else "单位", unit_name=unit.name)
    if inspection is not None:
        fields.update(inspected_on=inspection.started_at.date().isoformat(), inspection_kind=inspection.inspection_type,
                      summary=inspection.summary, unit_rep=inspection.unit_rep)
    if hazards:
        fields["items"] = [_hazard_item(h) for h in hazards]
        basis = next((h.penalty_basis for h in hazards if h.penalty_basis), "")
        fields.setdefault("facts", "；".join(i["text"] for i in fields["items"]))
        if basis:
            fields["basis"] = basis
    if kind == NOTICE_RECORD and unit is not None:
        person = unit.legal_rep or unit.resp_person
        fields.update(notified_person=person, place=unit.address,
                      relation="法定代表人" if person and person == unit.legal_rep else "消防安全责任人",
                      response="未当场表示意见", signature="已签名", hearing_applies="是")
    if kind == "案件移送书":
        station = session.execute(select(StationProfile).limit(1)).scalar()
        fields["addressee"] = station.brigade if station else ""
    return {k: v for k, v in fields.items() if k in _keys(kind) or k == "items"}


def _keys(kind: str) -> set[str]:
    return {f.key for f in TYPES[kind].fields}


def create_draft(ctx: ServiceContext, kind: str, unit_uid: str | None = None, inspection_uid: str | None = None,
                 hazard_uids: tuple[str, ...] = (), ref_uid: str | None = None,
                 fields: dict[str, Any] | None = None) -> DocumentInfo:
    require(ctx, "documents.draft")
    doc_type(kind)
    with ctx.db.write() as s:
        doc = insert_draft(s, ctx.actor.username, kind, unit_uid, inspection_uid, hazard_uids, ref_uid, fields)
        return info(s, doc)


def insert_draft(s: Session, actor: str, kind: str, unit_uid: str | None = None, inspection_uid: str | None = None,
                 hazard_uids: tuple[str, ...] = (), ref_uid: str | None = None,
                 fields: dict[str, Any] | None = None) -> EnforcementDocument:
    """The draft in the caller's transaction (demo data and corrections use it too)."""
    inspection = None
    if inspection_uid:
        inspection = s.execute(select(Inspection).where(Inspection.uid == inspection_uid)).scalar()
        if inspection is None:
            raise NotFound("没有找到这条检查记录。")
    unit = None
    if unit_uid or inspection is not None:
        unit = (s.get(Unit, inspection.unit_id) if inspection is not None and not unit_uid
                else s.execute(select(Unit).where(Unit.uid == unit_uid)).scalar())
        if unit is None:
            raise NotFound("没有找到这家单位。")
    if hazard_uids:
        hazards = s.execute(select(Hazard).where(Hazard.uid.in_(hazard_uids))).scalars().all()
        hazards.sort(key=lambda h: hazard_uids.index(h.uid))
    elif inspection is not None and TYPES[kind].items:
        hazards = s.execute(select(Hazard).where(Hazard.inspection_id == inspection.id).order_by(Hazard.id)
                            ).scalars().all()
    else:
        hazards = []
    if unit is not None and any(h.unit_id != unit.id for h in hazards):
        raise ValidationError("隐患", "所选隐患不全是这家单位的")
    ref = load(s, ref_uid) if ref_uid else None
    if unit is None and ref is not None and ref.unit_id:
        unit = s.get(Unit, ref.unit_id)
    values = prefill(s, kind, unit, inspection, hazards)
    if ref is not None and ref.doc_type in NOTICE_TYPES and kind == "行政处罚决定书":
        # the decision follows its 告知: same party, facts, articles and intended penalty, and the 立案 date
        values.update({k: v for k, v in ref.fields.items() if k in _keys(kind) and v not in (None, "")})
    if ref is not None and ref.number:
        values["notice_no"] = ref.number
    values.update(fields or {})
    doc = EnforcementDocument(doc_type=kind, status="草稿", unit_id=unit.id if unit else None,
                              inspection_id=inspection.id if inspection else None,
                              ref_document_id=ref.id if ref else None, fields=values, drafted_by=actor,
                              signatories=[])
    s.add(doc)
    s.flush()
    for n, h in enumerate(hazards):
        s.add(DocumentHazard(document_id=doc.id, hazard_id=h.id, position=n))
    s.flush()
    audit.record(s, actor, "起草文书", "enforcement_document", doc.uid, None,
                 {"type": kind, "unit": unit.name if unit else "", "hazards": [h.hazard_no for h in hazards]})
    return doc


def update_draft(ctx: ServiceContext, uid: str, fields: dict[str, Any] | None = None,
                 officer_uids: tuple[str, ...] | None = None) -> DocumentInfo:
    """Edit a draft; an issued document is never edited — correct it with a new document instead."""
    require(ctx, "documents.draft")
    with ctx.db.write() as s:
        doc = load(s, uid, lock=True)
        if doc.status not in EDITABLE:
            raise Conflict(f"文书{doc.number or ''}已{doc.status}，不能修改。已签发的文书只能作废或另行制作更正文书；"
                           "待审批的请先退回草稿。")
        before = {"fields": doc.fields, "officers": [doc.officer1_id, doc.officer2_id]}
        if fields is not None:
            allowed = _keys(doc.doc_type) | {"items"}
            unknown = set(fields) - allowed
            if unknown:
                raise ValidationError("字段", "该文书没有这些字段：" + "、".join(sorted(unknown)))
            doc.fields = {**doc.fields, **fields}
        if officer_uids is not None:
            ids = [s.execute(select(User.id).where(User.uid == u)).scalar() for u in officer_uids]
            if None in ids:
                raise NotFound("有的执法人员没有找到。")
            doc.officer1_id, doc.officer2_id = (ids + [None, None])[:2]
        s.flush()
        audit.record(s, ctx.actor.username, "修改文书草稿", "enforcement_document", doc.uid, before,
                     {"fields": doc.fields, "officers": [doc.officer1_id, doc.officer2_id]})
        return info(s, doc)


def get_document(ctx: ServiceContext, uid: str) -> DocumentInfo:
    """A document as this role may see it: a party's 身份证号 masked for those who neither draft nor need it.

    Drafters get the full value (the editor must never save a masked one back); the issued PDF is the legal
    record and always prints it in full.
    """
    with ctx.db.read() as s:
        found = info(s, load(s, uid))
    if allowed(ctx, "documents.draft"):
        return found
    return replace(found, fields=privacy.fields(ctx, found.fields))


def find_by_number(ctx: ServiceContext, number: str) -> DocumentInfo:
    with ctx.db.read() as s:
        doc = s.execute(select(EnforcementDocument).where(EnforcementDocument.number == number.strip())).scalar()
        if doc is None:
            raise NotFound(f"没有文号为“{number}”的文书。")
        return info(s, doc)


def delete_draft(ctx: ServiceContext, uid: str) -> None:
    """A draft has no number yet, so discarding it leaves no gap."""
    require(ctx, "documents.draft")
    with ctx.db.write() as s:
        doc = load(s, uid, lock=True)
        if doc.status not in EDITABLE:
            raise Conflict(f"只能删除草稿；这份文书{doc.status}。")
        for link in s.execute(select(DocumentHazard).where(DocumentHazard.document_id == doc.id)).scalars():
            s.delete(link)
        audit.record(s, ctx.actor.username, "删除文书草稿", "enforcement_document", doc.uid,
                     {"type": doc.doc_type, "fields": doc.fields}, None)
        s.delete(doc)


def lookup_subject(ctx: ServiceContext, text: str) -> tuple[str | None, str | None]:
    """(unit uid, inspection uid) for what a clerk typed: an inspection record number or a unit name."""
    text = text.strip()
    if not text:
        return None, None
    with ctx.db.read() as s:
        insp = s.execute(select(Inspection).where(Inspection.record_no == text)).scalar()
        if insp is not None:
            return s.get(Unit, insp.unit_id).uid, insp.uid
        units = s.execute(select(Unit.uid).where(Unit.name.like(f"%{text}%")).limit(2)).scalars().all()
    if len(units) != 1:
        raise NotFound(f"“{text}”没有找到唯一的单位或检查记录编号，请输入更完整的名称。")
    return units[0], None
