"""The document register (执法文书台账): every number of a year, filters, gap check, the day's issued documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select

from fireoffice.db.models import DocSequence, EnforcementDocument, ServiceRecord, Unit
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents_types import TYPES, title_of

MAX_ROWS = 5000


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
        return [RegisterRow(d.uid, d.number or "", d.doc_type, title_of(d.doc_type, d.fields), d.status,
                            name or d.fields.get("addressee", ""), d.drafted_by, d.issued_on, d.issued_at,
                            d.served_on, methods.get(d.id, ""), d.void_reason, d.seq) for d, name in rows]


def gaps(ctx: ServiceContext, year: int) -> list[Gap]:
    """Numbers handed out by a sequence but held by no document: must always be empty (a voided one stays)."""
    with ctx.db.read() as s:
        seqs = s.execute(select(DocSequence).where(DocSequence.year == year,
                                                   DocSequence.doc_type.in_(list(TYPES)))).scalars().all()
        out = []
        for sq in seqs:
            used = set(s.execute(select(EnforcementDocument.seq).where(
                EnforcementDocument.issuer_code == sq.issuer_code, EnforcementDocument.doc_type == sq.doc_type,
                EnforcementDocument.year == year)).scalars())
            missing = tuple(n for n in range(1, sq.last_seq + 1) if n not in used)
            if missing:
                out.append(Gap(sq.issuer_code, sq.doc_type, year, missing, sq.last_seq))
        return out


def years(ctx: ServiceContext) -> list[int]:
    with ctx.db.read() as s:
        found = set(s.execute(select(EnforcementDocument.year).where(EnforcementDocument.year.is_not(None))
                              .distinct()).scalars())
    return sorted(found | {date.today().year}, reverse=True)


def issued_on_day(ctx: ServiceContext, day: date) -> list[RegisterRow]:
    """The batch print list: documents issued that day and not voided, in number order."""
    return [r for r in register(ctx, day.year, include_drafts=False) if r.issued_on == day and r.status != "已作废"]


def cli_rows(ctx: ServiceContext, year: int | None = None) -> list[dict]:
    """The `docs list --json` shape of ../shared/cli.md."""
    return [{"number": r.number, "type": r.title, "status": r.status, "unit": r.unit,
             "issued_at": r.issued_at.isoformat() if r.issued_at else ""}
            for r in register(ctx, year, include_drafts=False)]
