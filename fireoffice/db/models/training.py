"""Training, interviews (约谈), drills and publicity (domain.md §7): sessions, attendance, 约谈记录, attachments."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class TrainingSession(UidMixin, TimestampMixin, Base):
    """One session: 集中培训 / 约谈 / 演练 / 观影 / 宣传活动, with its date, place or video link and trainer."""

    __tablename__ = "training_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_no: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)  # PX-2026-007
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    topic: Mapped[str] = mapped_column(String(200), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    video_link: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    trainer: Mapped[str] = mapped_column(String(100), default="", nullable=False)  # 授课人 / 约谈人
    organizer: Mapped[str] = mapped_column(String(100), default="", nullable=False)  # 组织单位
    scope: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # 对象范围
    reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # 约谈事由
    # People reached without a sign-in row (a street campaign's crowd); 人次 = 实到 rows + this.
    audience_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    materials_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)  # 发放宣传品（份）
    materials_note: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (Index("ix_training_session_held", "held_on", "kind"),)


class TrainingAttendee(UidMixin, TimestampMixin, Base):
    """One line of the sign-in sheet: invited (应到) or a walk-in, and what became of them."""

    __tablename__ = "training_attendee"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), nullable=False, index=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)  # 序号 on the sheet
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)  # None: not in the register
    unit_name: Mapped[str] = mapped_column(String(120), default="", nullable=False)  # as printed
    person_name: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # '' = to be written on site
    position: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    source: Mapped[str] = mapped_column(String(10), nullable=False)  # 邀请 / 现场补录 / 签到表导入
    status: Mapped[str] = mapped_column(String(6), default="未签到", nullable=False)  # 未签到/实到/请假/缺席
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(String(200), default="", nullable=False)

    __table_args__ = (Index("ix_training_attendee_unit_status", "unit_id", "status"),)


class InterviewRecord(UidMixin, TimestampMixin, Base):
    """约谈通知书 + 约谈记录 of one unit in a 约谈 session (domain.md §3.4 K)."""

    __tablename__ = "interview_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), nullable=False, index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # 约谈事由
    interviewee: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    interviewee_position: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    interviewee_phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    documents_to_bring: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    notice_no: Mapped[str] = mapped_column(String(60), default="", nullable=False)  # 约谈通知书 文号
    notice_year: Mapped[int | None] = mapped_column(Integer)
    notice_seq: Mapped[int | None] = mapped_column(Integer)
    notice_issued_on: Mapped[date | None] = mapped_column(Date)
    problems: Mapped[str] = mapped_column(Text, default="", nullable=False)  # 通报的问题 beyond linked hazards
    commitments: Mapped[str] = mapped_column(Text, default="", nullable=False)  # 单位表态 / 整改措施
    rectify_by: Mapped[date | None] = mapped_column(Date)  # 整改期限
    pledge_signed: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # 承诺书
    recorded_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (UniqueConstraint("session_id", "unit_id", name="uq_interview_record_session_unit"),)


class InterviewHazard(Base):
    """A hazard raised in an interview (通报的问题/隐患), identified by both records' uids when exchanged."""

    __tablename__ = "interview_hazard"

    interview_id: Mapped[int] = mapped_column(ForeignKey("interview_record.id"), primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazard.id"), primary_key=True, index=True)


class TrainingAttachment(UidMixin, TimestampMixin, Base):
    """课件, photos, a scanned sign-in sheet: kept in the database so backups and packages carry them."""

    __tablename__ = "training_attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)  # 课件 / 照片 / 签到表 / 其他
    original_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    mime: Mapped[str] = mapped_column(String(60), default="application/octet-stream", nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
