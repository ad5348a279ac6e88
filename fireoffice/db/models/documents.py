"""Enforcement documents (domain.md §3): the numbered register, hazards they cover, 送达回证, and reference tables."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class EnforcementDocument(UidMixin, TimestampMixin, Base):
    """One document from draft to issue; after issue only status, service and void fields ever change."""

    __tablename__ = "enforcement_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(6), default="草稿", nullable=False)  # 草稿/待审批/已签发/已送达/已作废
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    ref_document_id: Mapped[int | None] = mapped_column(ForeignKey("enforcement_document.id"))  # 复查 → 限期通知
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("enforcement_document.id"))  # 更正 of an issued one
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)  # the per-type schema's values
    officer1_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    officer2_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # Number parts; NULL until issued. The unique key below is the last line of defence against duplicates.
    issuer_code: Mapped[str | None] = mapped_column(String(20))
    year: Mapped[int | None] = mapped_column(Integer)
    seq: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(60), unique=True)
    issuer_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)  # printed authority
    enforcement_mode: Mapped[str] = mapped_column(String(4), default="", nullable=False)
    signatories: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)  # names + 证号 at issue
    drafted_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    issued_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    issued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    issued_on: Mapped[date | None] = mapped_column(Date)
    served_on: Mapped[date | None] = mapped_column(Date)  # deemed service date (公告 + 60 days)
    void_reason: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    voided_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)  # the archive: reprints come from here
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    void_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)  # the same pages stamped 作废
    void_pdf_sha256: Mapped[str] = mapped_column(String(64), default="", nullable=False)

    __table_args__ = (
        UniqueConstraint("issuer_code", "doc_type", "year", "seq", name="uq_enforcement_document_seq"),
        Index("ix_enforcement_document_year_type", "year", "doc_type", "seq"),
        Index("ix_enforcement_document_status", "status", "issued_on"),
    )


class DocumentHazard(UidMixin, TimestampMixin, Base):
    """A hazard a document covers, in print order (per-item deadlines live on the hazard)."""

    __tablename__ = "document_hazard"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("enforcement_document.id"), nullable=False, index=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazard.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    __table_args__ = (UniqueConstraint("document_id", "hazard_id", name="uq_document_hazard_pair"),)


class ServiceRecord(UidMixin, TimestampMixin, Base):
    """送达回证 as a record (domain.md §3.4 J); the deemed date is what deadlines count from."""

    __tablename__ = "service_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("enforcement_document.id"), nullable=False, index=True)
    method: Mapped[str] = mapped_column(String(4), nullable=False)  # 直接/留置/邮寄/电子/委托/公告
    served_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    deemed_on: Mapped[date] = mapped_column(Date, nullable=False)
    place: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    recipient: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    relation: Mapped[str] = mapped_column(String(30), default="", nullable=False)  # 与受送达人关系
    witness: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    server: Mapped[str] = mapped_column(String(60), nullable=False)
    tracking_no: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)


class PenaltyArticle(Base):
    """Editable table of violated/penalty articles and fine ranges (yuan); seeded by the migration."""

    __tablename__ = "penalty_article"
    __table_args__ = {"info": {"reference_data": True}}  # seeded by the migration; kept by clear_demo

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)  # 消防法60-1-3/单位
    party_kind: Mapped[str] = mapped_column(String(4), nullable=False)  # 单位 / 个人
    violation: Mapped[str] = mapped_column(String(200), nullable=False)
    violated_article: Mapped[str] = mapped_column(String(200), nullable=False)
    penalty_article: Mapped[str] = mapped_column(String(200), nullable=False)
    warning_allowed: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    min_fine: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    max_fine: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    extra: Mapped[str] = mapped_column(String(100), default="", nullable=False)  # e.g. 责令停产停业
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class DocNumberFormat(Base):
    """Per-type number code and template (domain.md §3.3); a station override in settings wins over it."""

    __tablename__ = "doc_number_format"
    __table_args__ = {"info": {"reference_data": True}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)
    type_code: Mapped[str] = mapped_column(String(10), nullable=False)
    template: Mapped[str] = mapped_column(String(80), nullable=False)
