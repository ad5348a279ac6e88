"""The document register (执法文书台账): every number of a year, filters, gap check, the day's issued documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select

from fireoffice.db.models import (
    DocSequence,
    EnforcementDocument,
    InterviewRecord,
    ServiceRecord,
    TrainingSession,
    Unit,
)
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents_types import TYPES, title_of

MAX_ROWS = 5000
INTERVIEW_NOTICE = "约谈通知书"  # = training_interviews.NOTICE_TYPE (not imported: that module loads training)


@dataclass(frozen=True)
class RegisterRow:
    uid: str
    number: str
    doc_type: str
    title: str
    status: str
    unit: str
    drafted_by: str
    issued_on: date | None
    issued_at: datetime | None
    served_on: date | None
    service_method: str
    void_reason: str
    seq: int | None
    source: str = "document"  # "document": an EnforcementDocument; "interview": a 约谈通知书 of a 约谈 record
    session_uid: str = ""  # the 约谈 session of an interview notice (printed from there)


@dataclass(frozen=True)
class Gap:
    issuer_code: str
    doc_type: str
    year: int
    missing: tuple[int, ...]
    last_seq: int


def register(ctx: ServiceContext, year: int | None = None, doc_type: str | None = None, status: str | None = None,
             text: str = "", include_drafts: bool = True) -> list[RegisterRow]:
    """Issued documents of the year in number order, then drafts and pending ones (no number yet)."""
    with ctx.db.read() as s:
        q = (select(EnforcementDocument, Unit.name).outerjoin(Unit, Unit.id == EnforcementDocument.unit_id)
             .order_by(EnforcementDocument.year.is_(None), EnforcementDocument.doc_type, EnforcementDocument.seq,
                       EnforcementDocument.id).limit(MAX_ROWS))
        if year is not None:
            drafts = func.extract("year", EnforcementDocument.created_at) == year
            q = q.where(or_(EnforcementDocument.year == year, EnforcementDocument.year.is_(None) & drafts)
                        if include_drafts else EnforcementDocument.year == year)
        elif not include_drafts:
            q = q.where(EnforcementDocument.number.is_not(None))
        if doc_type:
            q = q.where(EnforcementDocument.doc_type == doc_type)
        if status:
            q = q.where(EnforcementDocument.status == status)
        if text.strip():
            like = f"%{text.strip()}%"
            q = q.where(or_(EnforcementDocument.number.like(like), Unit.name.like(like)))
        rows = s.execute(q).all()
        methods = dict(s.execute(select(ServiceRecord.document_id, ServiceRecord.method)
                                 .where(ServiceRecord.document_id.in_([d.id for d, _ in rows]))).all())
        out = [RegisterRow(d.uid, d.number or "", d.doc_type, title_of(d.doc_type, d.fields), d.status,
                           name or d.fields.get("addressee", ""), d.drafted_by, d.issued_on, d.issued_at,
                           d.served_on, methods.get(d.id, ""), d.void_reason, d.seq) for d, name in rows]
        if doc_type in (None, "", INTERVIEW_NOTICE):
            out += _interview_rows(s, year, status, text)
        # numbered rows by type and number, then the unnumbered drafts (as the query orders documents)
        out.sort(key=lambda r: (r.seq is None, r.doc_type, r.issued_on.year if r.issued_on else 0, r.seq or 0))
        return out[:MAX_ROWS]


def _interview_rows(s, year: int | None, status: str | None, text: str) -> list[RegisterRow]:
    """约谈通知书 take their numbers from the same counters (services/training_interviews.py) but live on the
    约谈 record: listed here so the register shows every number of the year. A cancelled 约谈 keeps its number,
    shown as 已作废 with the reason."""
    if status not in (None, "", "已签发", "已作废"):
        return []
    q = (select(InterviewRecord, Unit.name, TrainingSession)
         .join(Unit, Unit.id == InterviewRecord.unit_id)
         .join(TrainingSession, TrainingSession.id == InterviewRecord.session_id)
         .where(InterviewRecord.notice_no != "").order_by(InterviewRecord.notice_seq).limit(MAX_ROWS))
    if year is not None:
        q = q.where(InterviewRecord.notice_year == year)
    if status == "已签发":
        q = q.where(TrainingSession.cancelled.is_(False))
    elif status == "已作废":
        q = q.where(TrainingSession.cancelled.is_(True))
    if text.strip():
        like = f"%{text.strip()}%"
        q = q.where(or_(InterviewRecord.notice_no.like(like), Unit.name.like(like)))
    return [RegisterRow(r.uid, r.notice_no, INTERVIEW_NOTICE, INTERVIEW_NOTICE,
                        "已作废" if sess.cancelled else "已签发", name, sess.created_by, r.notice_issued_on, None,
                        None, "", f"约谈已取消：{sess.cancel_reason}" if sess.cancelled else "", r.notice_seq,
                        "interview", sess.uid)
            for r, name, sess in s.execute(q).all()]


def gaps(ctx: ServiceContext, year: int) -> list[Gap]:
    """Numbers handed out by a sequence but held by no document: must always be empty (a voided one stays)."""
    with ctx.db.read() as s:
        seqs = s.execute(select(DocSequence).where(DocSequence.year == year, DocSequence.doc_type.in_(
            [*TYPES, INTERVIEW_NOTICE]))).scalars().all()
        out = []
        notice_issuers = sum(1 for sq in seqs if sq.doc_type == INTERVIEW_NOTICE)
        for sq in seqs:
            if sq.doc_type == INTERVIEW_NOTICE:
                used = _interview_seqs(s, sq.issuer_code, year, notice_issuers > 1)
            else:
                used = set(s.execute(select(EnforcementDocument.seq).where(
                    EnforcementDocument.issuer_code == sq.issuer_code, EnforcementDocument.doc_type == sq.doc_type,
                    EnforcementDocument.year == year)).scalars())
            missing = tuple(n for n in range(1, sq.last_seq + 1) if n not in used)
            if missing:
                out.append(Gap(sq.issuer_code, sq.doc_type, year, missing, sq.last_seq))
        return out


def _interview_seqs(s, issuer_code: str, year: int, several_issuers: bool) -> set[int]:
    """The 约谈通知书 numbers held by 约谈 records; the record keeps no issuer code, so when the station changed
    its code during the year a number is attributed by the code it was rendered with."""
    rows = s.execute(select(InterviewRecord.notice_seq, InterviewRecord.notice_no).where(
        InterviewRecord.notice_year == year, InterviewRecord.notice_seq.is_not(None))).all()
    return {seq for seq, text in rows if not several_issuers or issuer_code in text}


def years(ctx: ServiceContext) -> list[int]:
    with ctx.db.read() as s:
        found = set(s.execute(select(EnforcementDocument.year).where(EnforcementDocument.year.is_not(None))
                              .distinct()).scalars())
        found |= set(s.execute(select(InterviewRecord.notice_year).where(InterviewRecord.notice_year.is_not(None))
                               .distinct()).scalars())
    return sorted(found | {date.today().year}, reverse=True)


def issued_on_day(ctx: ServiceContext, day: date) -> list[RegisterRow]:
    """The batch print list: documents issued that day and not voided, in number order."""
    return [r for r in register(ctx, day.year, include_drafts=False)
            if r.issued_on == day and r.status != "已作废" and r.source == "document"]


def cli_rows(ctx: ServiceContext, year: int | None = None) -> list[dict]:
    """The `docs list --json` shape of ../shared/cli.md."""
    return [{"number": r.number, "type": r.title, "status": r.status, "unit": r.unit,
             "issued_at": r.issued_at.isoformat() if r.issued_at else ""}
            for r in register(ctx, year, include_drafts=False)]
