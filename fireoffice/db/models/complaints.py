"""举报投诉 register (domain.md §3.4 L, 公安部令第120号 Art. 17–18): receipt, verification, notification, closing."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class Complaint(UidMixin, TimestampMixin, Base):
    """One complaint from receipt (受理) to 办结; the complainant's identity is shown masked to most roles."""

    __tablename__ = "complaint"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_no: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)  # 受理编号 JB-2026-001
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)  # 受理时间, to the minute
    source: Mapped[str] = mapped_column(String(10), nullable=False)  # 12345 / 119 / 来信 / 来访 / 网络
    source_ref: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 12345 工单号 …
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    complainant_name: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    complainant_contact: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)  # 被举报单位 in the register
    reported_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)  # as the complainant named it
    reported_address: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)  # 举报内容
    category: Mapped[str] = mapped_column(String(30), nullable=False)
    urgent: Mapped[bool] = mapped_column(Boolean, nullable=False)  # 24小时类 (else 3个工作日类)
    # 核查期限: an instant (24 h are counted in hours; 3 working days end with the last day) and its local day.
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    deadline_rule: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    deadline_calendar: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # 核查时间
    result: Mapped[str] = mapped_column(String(6), default="", nullable=False)  # 属实 / 不属实 / 部分属实
    findings: Mapped[str] = mapped_column(Text, default="", nullable=False)  # 核查情况
    handling: Mapped[str] = mapped_column(String(12), default="", nullable=False)  # 当场改正 / 责令改正 / …
    doc_no: Mapped[str] = mapped_column(String(60), default="", nullable=False)  # 文书号
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    notified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # 告知举报人
    notify_method: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    notify_note: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    unable_reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # 无法告知原因
    status: Mapped[str] = mapped_column(String(6), nullable=False)  # 待核查 / 已核查 / 已告知 / 已办结
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (
        Index("ix_complaint_status_due", "status", "due_at"),
        Index("ix_complaint_received_at", "received_at"),
    )


class ComplaintOfficer(UidMixin, TimestampMixin, Base):
    """核查人员; name and 执法证号 are copied so the record stays true after a user changes."""

    __tablename__ = "complaint_officer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), nullable=False, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    cert_no: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (UniqueConstraint("complaint_id", "user_id", name="uq_complaint_officer_pair"),)
