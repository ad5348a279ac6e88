"""PDFs of enforcement documents: gather what prints, print settings (fonts, offsets), the SHA-256 archive."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import (
    AppSetting,
    EnforcementDocument,
    InterviewRecord,
    StationProfile,
    TrainingSession,
    Unit,
    User,
)
from fireoffice.services import penalties
from fireoffice.services.context import ServiceContext
from fireoffice.services.documents import load
from fireoffice.services.documents_types import TYPES, title_of
from fireoffice.services.errors import Conflict, StorageError, ValidationError

PRINT_SETTING = "documents.print"  # AppSetting JSON: body_font, title_font, offset_mm


def print_options(session: Session):
    from fireoffice.printing.documents import PrintOptions

    row = session.get(AppSetting, PRINT_SETTING)
    try:
        data = json.loads(row.value) if row else {}
    except ValueError:
        data = {}
    opts = PrintOptions()
    return PrintOptions(body_font=data.get("body_font", opts.body_font), title_font=data.get("title_font", opts.title_font),
                        offset_mm=tuple(data.get("offset_mm", opts.offset_mm)))


def get_print_options(ctx: ServiceContext):
    with ctx.db.read() as s:
        return print_options(s)


def set_print_options(ctx: ServiceContext, body_font: str, title_font: str, offset_mm: tuple[float, float]) -> None:
    """Kept for callers of the old signature; 打印设置 lives in `print_settings`."""
    from fireoffice.services import print_settings

    print_settings.save_settings(ctx, body_font, title_font, offset_mm[0], offset_mm[1])


def station(session: Session) -> StationProfile:
    row = session.execute(select(StationProfile).order_by(StationProfile.id).limit(1)).scalar()
    if row is None:
        raise ValidationError("站点资料", "尚未设置站点资料：请先在“设置”中填写")
    return row


def issuing_authority(st: StationProfile) -> tuple[str, str]:
    """(printed issuer, 复议机关) by enforcement mode (domain.md §2.5): 赋权 → the township in its own name,
    委托 → the 大队 as the legal issuer, 无权 → the station itself (records and 移送 only)."""
    review = f"{st.county}人民政府" if st.county else "本级人民政府"
    if st.enforcement_mode == "赋权" and st.township:
        return (f"{st.township}办事处" if st.township.endswith("街道") else f"{st.township}人民政府"), review
    if st.enforcement_mode == "委托" and st.brigade:
        return st.brigade, review
    return st.name, review


def source(session: Session, doc: EnforcementDocument, voided: bool = False):
    """Everything that prints, from the document row (fields and signatories are frozen at issue)."""
    from fireoffice.printing.documents import Source

    st = station(session)
    issuer, review = issuing_authority(st)
    f = dict(doc.fields)
    extra: dict = {}
    if TYPES[doc.doc_type].penal and f.get("article_code"):
        art = penalties.article(session, f["article_code"])
        extra = {"violated_article": art.violated_article, "penalty_article": art.penalty_article,
                 "rights": penalties.rights_text(), "remedies": penalties.remedies_text(review),
                 "payment": penalties.payment_text(f.get("bank", "")),
                 "amount_text": penalties.amount_text(int(f["fine"])) if f.get("fine") else ""}
    if doc.signatories:
        officers = tuple((o["name"], o["cert_no"]) for o in doc.signatories)
    else:
        users = [session.get(User, i) for i in (doc.officer1_id, doc.officer2_id) if i]
        officers = tuple((u.display_name, u.cert_no) for u in users)
    corrects = session.get(EnforcementDocument, doc.corrects_id).number if doc.corrects_id else ""
    unit = session.get(Unit, doc.unit_id) if doc.unit_id else None
    return Source(doc.doc_type, title_of(doc.doc_type, f), doc.number or "", doc.issuer_name or issuer,
                  f.get("addressee") or (unit.name if unit else ""), f, tuple(f.get("items") or ()), officers,
                  doc.issued_on, review, TYPES[doc.doc_type].stub, voided, doc.void_reason, corrects or "", extra)


def render(session: Session, doc: EnforcementDocument, voided: bool = False) -> bytes:
    from fireoffice.printing import documents as printing

    try:
        return printing.render(TYPES[doc.doc_type].family, source(session, doc, voided), print_options(session))
    except printing.MissingGlyphs as exc:
        raise ValidationError("文书内容", f"字体中没有这些字：{exc}。请改用同音规范字或在备注中说明后再打印") from None


def preview(ctx: ServiceContext, uid: str) -> bytes:
    """A draft or pending document as it would print (no number yet); an issued one from the archive."""
    with ctx.db.read() as s:
        doc = load(s, uid)
        if doc.status in ("已签发", "已送达", "已作废"):
            return archived(s, doc)
        return render(s, doc)


def archived(session: Session, doc: EnforcementDocument) -> bytes:
    """Reprints come from the archive, checked against the SHA-256 stored at issue."""
    data, digest = (doc.void_pdf, doc.void_pdf_sha256) if doc.status == "已作废" and doc.void_pdf else (doc.pdf, doc.pdf_sha256)
    if data is None:
        raise Conflict("这份文书尚未签发，没有存档的 PDF。")
    if hashlib.sha256(data).hexdigest() != digest:
        raise StorageError(f"文书 {doc.number} 的存档 PDF 与签发时的 SHA-256 不一致，可能被改动。请联系管理员核查。")
    return data


def pdf_by_number(ctx: ServiceContext, number: str) -> bytes:
    with ctx.db.read() as s:
        doc = s.execute(select(EnforcementDocument).where(EnforcementDocument.number == number.strip())).scalar()
        if doc is not None:
            return archived(s, doc)
        # 约谈通知书 share the numbering counter and the register but live with their 约谈 session
        interview = s.execute(select(InterviewRecord.uid, TrainingSession.uid)
                              .join(TrainingSession, TrainingSession.id == InterviewRecord.session_id)
                              .where(InterviewRecord.notice_no == number.strip())).first()
    if interview is None:
        raise ValidationError("文号", f"没有文号为“{number}”的文书")
    from fireoffice.services import training_print

    return training_print.notices_pdf(ctx, interview[1], [interview[0]])


def save(data: bytes, path: Path) -> Path:
    path = Path(path)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise StorageError(f"无法写入文件：{path}（{exc.strerror}）") from None
    return path


def options_dict(ctx: ServiceContext) -> dict:
    return asdict(get_print_options(ctx))
