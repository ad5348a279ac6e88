"""送达回证 as a record: method, time to the minute, recipient, witness; the deemed date deadlines count from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import EnforcementDocument, ServiceRecord
from fireoffice.services import audit, documents_timing, penalties, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents import load
from fireoffice.services.documents_types import SERVICE_METHODS, title_of
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.inspections import as_local, to_utc
from fireoffice.services.permissions import require

PUBLIC_NOTICE_DAYS = 60  # 公告送达: deemed served 60 days after publication


@dataclass(frozen=True)
class ServiceInput:
    method: str
    served_at: datetime  # local time, to the minute
    place: str
    recipient: str
    relation: str
    server: str
    witness: str = ""
    tracking_no: str = ""
    note: str = ""


@dataclass(frozen=True)
class ServiceInfo:
    uid: str
    document_uid: str
    number: str
    method: str
    served_at: datetime
    deemed_on: date
    recipient: str
    relation: str
    witness: str
    server: str
    place: str
    note: str
    deadlines: tuple[str, ...]  # what now runs from the service date
    warnings: tuple[str, ...]


def validate(data: ServiceInput) -> None:
    if data.method not in SERVICE_METHODS:
        raise ValidationError("送达方式", "只能是 " + "、".join(SERVICE_METHODS))
    if not data.server.strip():
        raise ValidationError("送达人", "不能为空")
    if data.method in ("直接", "留置", "委托") and not data.recipient.strip():
        raise ValidationError("受送达人/收件人", "不能为空")
    if data.method == "直接" and data.recipient.strip() and not data.relation.strip():
        raise ValidationError("与受送达人关系", "请填写收件人与受送达人的关系（如 本人、法定代表人、收发室）")
    if data.method == "留置" and not data.witness.strip():
        raise ValidationError("见证人", "留置送达须有见证人签名")
    if data.method == "邮寄" and not data.tracking_no.strip():
        raise ValidationError("邮件单号", "邮寄送达请填写挂号信或快递单号")
    if data.method == "公告" and len(data.note.strip()) < 4:
        raise ValidationError("备注", "公告送达请写明原因和公告方式")


def deemed_date(method: str, served_at: datetime) -> date:
    day = served_at.date()
    return day + timedelta(days=PUBLIC_NOTICE_DAYS) if method == "公告" else day


def deadlines(session: Session, doc: EnforcementDocument, served: date) -> tuple[str, ...]:
    """Periods that start at service (行政处罚法; 复议 and 诉讼)."""
    cal = workdays.load_calendar(session)
    out = []
    if doc.doc_type == "行政处罚告知书":
        due = workdays.add_workdays(cal, served, penalties.HEARING_WORKDAYS)
        out.append(f"陈述、申辩和听证申请截止：{due}（送达之日起{penalties.HEARING_WORKDAYS}个工作日）")
    if doc.doc_type in ("行政处罚决定书", "当场处罚决定书") and doc.fields.get("penalty_kind") == "罚款":
        out.append(f"缴纳罚款截止：{workdays.add_natural_days(cal, served, penalties.PAYMENT_DAYS)}（15日）")
    if doc.doc_type not in ("消防监督检查记录", "举报投诉核查记录", "案件移送书"):
        out.append(f"申请行政复议截止：{workdays.add_natural_days(cal, served, penalties.REVIEW_DAYS)}（60日）")
        out.append(f"提起行政诉讼截止：{workdays.add_months(cal, served, penalties.LITIGATION_MONTHS)}（6个月）")
    return tuple(out)


def late_warning(session: Session, doc: EnforcementDocument, served: date,
                 served_at: datetime | None = None) -> tuple[str, ...]:
    """责令限期改正通知书 must be served within 3 working days of the inspection (消防监督检查规定 Art. 20);
    a 临时查封决定书 within 3 working days, or within 24 h of an emergency on-the-spot seal (Art. 22–23)."""
    if doc.doc_type == documents_timing.SEAL and doc.fields.get("inspected_on"):
        due, due_at, rule = documents_timing.seal_due(session, doc)
        late = served_at > due_at if due_at is not None and served_at is not None else served > due
        when = f"{due_at:%Y-%m-%d %H:%M}" if due_at is not None else str(due)
        return (f"送达超期：应{rule}，即{when}前。",) if late else ()
    if doc.doc_type != "责令限期改正通知书" or not doc.fields.get("inspected_on"):
        return ()
    due = workdays.deadline(workdays.load_calendar(session), "notice", date.fromisoformat(doc.fields["inspected_on"]))
    if served > due.due:
        return (f"送达超期：检查日 {doc.fields['inspected_on']}，应于 {due.due} 前送达（{due.rule}）。",)
    return ()


def service_hints(ctx: ServiceContext, document_uid: str) -> tuple[str, ...]:
    """For the 送达 form: by when this document must be served, and what starts to run at service."""
    with ctx.db.read() as s:
        doc = load(s, document_uid)
        out: list[str] = []
        try:
            if doc.doc_type == documents_timing.SEAL and doc.fields.get("inspected_on"):
                due, due_at, rule = documents_timing.seal_due(s, doc)
                out.append(f"应于 {f'{due_at:%Y-%m-%d %H:%M}' if due_at else due} 前送达（{rule}）。")
            elif doc.doc_type == "责令限期改正通知书" and doc.fields.get("inspected_on"):
                due = workdays.deadline(workdays.load_calendar(s), "notice",
                                        date.fromisoformat(doc.fields["inspected_on"]))
                out.append(f"应于 {due.due} 前送达（{due.rule}）。")
        except (ValidationError, ValueError):
            out.append("送达期限暂无法计算（检查日期或查封时间未填写完整），请核对文书内容。")
        if doc.doc_type == "行政处罚告知书":
            out.append(f"陈述、申辩和听证申请期限自送达之日起计算（{penalties.HEARING_WORKDAYS}个工作日），"
                       "期满后方可签发处罚决定书。")
        return tuple(out)


def _info(s: Session, rec: ServiceRecord, doc: EnforcementDocument, warnings: tuple[str, ...] = ()) -> ServiceInfo:
    return ServiceInfo(rec.uid, doc.uid, doc.number or "", rec.method, as_local(rec.served_at), rec.deemed_on,
                       rec.recipient, rec.relation, rec.witness, rec.server, rec.place, rec.note,
                       deadlines(s, doc, rec.deemed_on), warnings)


def record_service(ctx: ServiceContext, document_uid: str, data: ServiceInput) -> ServiceInfo:
    require(ctx, "documents.draft")
    validate(data)
    at = data.served_at.astimezone().replace(tzinfo=None) if data.served_at.tzinfo else data.served_at
    served_at = at.replace(second=0, microsecond=0)
    with ctx.db.write() as s:
        doc = load(s, document_uid, lock=True)
        if doc.status != "已签发":
            raise Conflict(f"只有已签发、未送达的文书可以登记送达；这份文书{doc.status}。")
        if doc.issued_on and served_at.date() < doc.issued_on:
            raise ValidationError("送达时间", f"不能早于签发日期 {doc.issued_on}")
        if served_at > datetime.now() + timedelta(minutes=5):
            raise ValidationError("送达时间", "不能晚于现在")
        deemed = deemed_date(data.method, served_at)
        rec = ServiceRecord(document_id=doc.id, method=data.method, served_at=to_utc(served_at), deemed_on=deemed,
                            place=data.place.strip(), recipient=data.recipient.strip(), relation=data.relation.strip(),
                            witness=data.witness.strip(), server=data.server.strip(),
                            tracking_no=data.tracking_no.strip(), note=data.note.strip(), created_by=ctx.actor.username)
        s.add(rec)
        doc.status, doc.served_on = "已送达", deemed
        s.flush()
        audit.record(s, ctx.actor.username, "登记送达", "enforcement_document", doc.uid, {"status": "已签发"},
                     {"status": "已送达", "method": data.method, "served_at": served_at, "deemed_on": deemed,
                      "recipient": rec.recipient, "witness": rec.witness, "server": rec.server})
        return _info(s, rec, doc, late_warning(s, doc, served_at.date(), served_at))


def get_service(ctx: ServiceContext, document_uid: str) -> ServiceInfo | None:
    with ctx.db.read() as s:
        doc = load(s, document_uid)
        rec = s.execute(select(ServiceRecord).where(ServiceRecord.document_id == doc.id)
                        .order_by(ServiceRecord.id.desc()).limit(1)).scalar()
        return _info(s, rec, doc) if rec else None


def receipt_pdf(ctx: ServiceContext, document_uid: str) -> bytes:
    """The 送达回证 form: filled from the record once served, otherwise blank to carry to the unit."""
    from fireoffice.printing.documents import MissingGlyphs, service
    from fireoffice.services import documents_pdf

    with ctx.db.read() as s:
        doc = load(s, document_uid)
        if not doc.number:
            raise NotFound("文书尚未签发，没有文号，不能制作送达回证。")
        rec = s.execute(select(ServiceRecord).where(ServiceRecord.document_id == doc.id)
                        .order_by(ServiceRecord.id.desc()).limit(1)).scalar()
        r = service.Receipt(doc.issuer_name, title_of(doc.doc_type, doc.fields), doc.number,
                            doc.fields.get("addressee", ""))
        if rec is not None:
            at = as_local(rec.served_at)
            r = service.Receipt(r.issuer, r.doc_title, r.doc_number, r.addressee,
                                f"{at.year}年{at.month}月{at.day}日 {at.hour:02d}时{at.minute:02d}分", rec.place,
                                rec.method + "送达", rec.recipient, rec.relation, rec.witness, rec.server,
                                rec.note + (f" 单号 {rec.tracking_no}" if rec.tracking_no else ""))
        try:
            return service.render(r, documents_pdf.print_options(s))
        except MissingGlyphs as exc:
            raise ValidationError("送达回证", f"字体中没有这些字：{exc}") from None
