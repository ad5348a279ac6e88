"""Inspection plans, planned visits, 双随机 draws, inspection records with checklist results, photos, recusal."""

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


class InspectionPlan(UidMixin, TimestampMixin, Base):
    """A plan or batch: 双随机 / 日常 / 专项 / 节前 / 夜查 / 复查 / 举报核查, over a date window."""

    __tablename__ = "inspection_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    plan_type: Mapped[str] = mapped_column(String(10), nullable=False)
    campaign: Mapped[str] = mapped_column(String(60), default="", nullable=False)  # 专项 name, e.g. 冬春火灾防控
    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    period_end: Mapped[date] = mapped_column(Date, nullable=False)
    target_count: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="进行中", nullable=False)  # 进行中 / 已完成 / 已取消
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (Index("ix_inspection_plan_period", "period_start", "period_end"),)


class Draw(UidMixin, TimestampMixin, Base):
    """A recorded 双随机 draw: everything needed to replay it and prove it was not re-rolled.

    The pools are stored as the exact canonical JSON that was hashed, so a replay hashes the same bytes.
    """

    __tablename__ = "inspection_draw"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("inspection_plan.id"), nullable=False, index=True)
    algorithm: Mapped[str] = mapped_column(String(20), nullable=False)
    seed: Mapped[str] = mapped_column(String(128), nullable=False)
    seed_source: Mapped[str] = mapped_column(String(10), nullable=False)  # 系统随机 / 人工指定
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    unit_pool: Mapped[str] = mapped_column(Text, nullable=False)
    forced_pool: Mapped[str] = mapped_column(Text, nullable=False)
    officer_pool: Mapped[str] = mapped_column(Text, nullable=False)
    exclusions: Mapped[str] = mapped_column(Text, nullable=False)  # recusal pairs in force at draw time
    unit_pool_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    officer_pool_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    pool_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    result: Mapped[str] = mapped_column(Text, nullable=False)
    result_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    drawn_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    status: Mapped[str] = mapped_column(String(10), default="有效", nullable=False)  # 有效 / 作废
    void_reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class PlanVisit(UidMixin, TimestampMixin, Base):
    """One unit to visit in a plan, with its officer pair and the record number printed on the field kit."""

    __tablename__ = "plan_visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("inspection_plan.id"), nullable=False, index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), nullable=False, index=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    planned_date: Mapped[date | None] = mapped_column(Date, index=True)
    officer1_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    officer2_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[str] = mapped_column(String(10), default="待检查", nullable=False)  # 待检查 / 已完成 / 已取消
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)  # visits that found nobody
    last_outcome: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    source: Mapped[str] = mapped_column(String(10), default="手工", nullable=False)  # 抽取 / 强制纳入 / 手工 / 复查
    draw_id: Mapped[int | None] = mapped_column(ForeignKey("inspection_draw.id"), index=True)
    record_no: Mapped[str | None] = mapped_column(String(30), unique=True)
    note: Mapped[str] = mapped_column(String(200), default="", nullable=False)


class Inspection(UidMixin, TimestampMixin, Base):
    """消防监督检查记录 (domain.md §3.4 A): one visit to one unit, completed or not."""

    __tablename__ = "inspection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_no: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), nullable=False, index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("inspection_plan.id"), index=True)
    plan_visit_id: Mapped[int | None] = mapped_column(ForeignKey("plan_visit.id"), index=True)
    inspection_type: Mapped[str] = mapped_column(String(12), nullable=False)
    is_enforcement: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    # 复查 and 举报 visits never count in 双随机 statistics; stored so statistics need no rules.
    counts_for_random: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    ended_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    outcome: Mapped[str] = mapped_column(String(10), nullable=False)  # 完成 / 锁门 / 停业 / 找不到 / 装修 / 空置 / 搬迁
    people_present: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    unit_rep: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 被检查单位签名人
    unit_rep_refused: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    witness: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    checklist_version_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_version.id"))
    venue_tags: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    summary: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (
        Index("ix_inspection_started_at", "started_at"),
        Index("ix_inspection_unit_outcome", "unit_id", "outcome", "started_at"),
    )


class InspectionOfficer(UidMixin, TimestampMixin, Base):
    """Who inspected; name and 执法证号 are copied so the record stays true after a user changes."""

    __tablename__ = "inspection_officer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), nullable=False, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    cert_no: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (UniqueConstraint("inspection_id", "user_id", name="uq_inspection_officer_pair"),)


class ChecklistResult(UidMixin, TimestampMixin, Base):
    """One checklist answer; item text is copied so the record reads the same after the template changes."""

    __tablename__ = "checklist_result"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), nullable=False, index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_item.id"))
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    section: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    text: Mapped[str] = mapped_column(String(300), nullable=False)
    legal_basis: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    result: Mapped[str] = mapped_column(String(6), nullable=False)  # 符合 / 不符合 / 不涉及
    note: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    location: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    corrected_on_spot: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # 口头责令改正
    hazard_id: Mapped[int | None] = mapped_column(ForeignKey("hazard.id"), index=True)

    __table_args__ = (UniqueConstraint("inspection_id", "code", name="uq_checklist_result_item"),)


class Photo(UidMixin, TimestampMixin, Base):
    """A photo kept inside the database (so it travels with backups and county packages), named by SHA-256."""

    __tablename__ = "photo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    mime: Mapped[str] = mapped_column(String(40), default="image/jpeg", nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    original_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    path: Mapped[str] = mapped_column(String(300), default="", nullable=False)  # relative to the data folder
    phase: Mapped[str] = mapped_column(String(10), nullable=False)  # 检查 / 整改前 / 整改后 / 复查
    caption: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    result_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_result.id"), index=True)
    hazard_id: Mapped[int | None] = mapped_column(ForeignKey("hazard.id"), index=True)
    recheck_id: Mapped[int | None] = mapped_column(ForeignKey("hazard_recheck.id"), index=True)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)


class OfficerConflict(UidMixin, TimestampMixin, Base):
    """A declared conflict (回避): with one unit, or with a person wherever they are 法定代表人/责任人/管理人."""

    __tablename__ = "officer_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False, index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    person_name: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)  # 亲属 / 利害关系 / 其他
    description: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    declared_on: Mapped[date] = mapped_column(Date, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
