"""Hazard closed loop (domain.md §6): hazards, state changes, extensions, 复查 and 重大火灾隐患 determinations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class Hazard(UidMixin, TimestampMixin, Base):
    """One hazard (隐患台账 row, domain.md §6.2) with its own per-item deadline."""

    __tablename__ = "hazard"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hazard_no: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)  # YH-2026-000123
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), nullable=False, index=True)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    found_on: Mapped[date] = mapped_column(Date, nullable=False)
    source: Mapped[str] = mapped_column(String(10), default="检查", nullable=False)  # 检查/网格/举报/监测/上级交办
    category: Mapped[str] = mapped_column(String(10), default="其他", nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    location: Mapped[str] = mapped_column(String(100), nullable=False)
    legal_basis: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    penalty_basis: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    severity: Mapped[str] = mapped_column(String(4), default="一般", nullable=False)  # 一般 / 重大
    # '' for 一般; 拟判定 → 已判定 / 不构成 → 已报政府 → 挂牌督办 → 已销案 for 重大.
    major_stage: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    handling: Mapped[str] = mapped_column(String(10), default="责令限期改正", nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False)
    deadline: Mapped[date] = mapped_column(Date, nullable=False)
    deadline_rule: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    deadline_calendar: Mapped[str] = mapped_column(String(80), default="", nullable=False)
    deadline_reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # needed past 30 days
    notice_due: Mapped[date | None] = mapped_column(Date)  # 责令限期改正通知书 served by
    notice_no: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    applied_on: Mapped[date | None] = mapped_column(Date)  # the unit applied for 复查
    recheck_due: Mapped[date | None] = mapped_column(Date)
    recheck_rule: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    recheck_visit_id: Mapped[int | None] = mapped_column(ForeignKey("plan_visit.id"), index=True)
    escalation: Mapped[str] = mapped_column(String(10), default="", nullable=False)  # 处罚/约谈/临时查封/三停
    escalated_on: Mapped[date | None] = mapped_column(Date)
    escalation_ref: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # document uid, later
    closed_on: Mapped[date | None] = mapped_column(Date)
    close_basis: Mapped[str] = mapped_column(String(10), default="", nullable=False)  # 复查 / 证据审批
    approved_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    responsible_person: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 整改责任人
    measures: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    __table_args__ = (
        Index("ix_hazard_state_deadline", "state", "deadline"),
        Index("ix_hazard_state_recheck", "state", "recheck_due"),
        Index("ix_hazard_found_on", "found_on"),
    )


class HazardEvent(UidMixin, TimestampMixin, Base):
    """Every change of state, in order; the audit log holds the same facts in its hash chain."""

    __tablename__ = "hazard_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazard.id"), nullable=False, index=True)
    on_day: Mapped[date] = mapped_column(Date, nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    from_state: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    to_state: Mapped[str] = mapped_column(String(10), nullable=False)
    actor: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    note: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    ref_uid: Mapped[str] = mapped_column(String(36), default="", nullable=False)


class HazardExtension(UidMixin, TimestampMixin, Base):
    """延期申请 and its decision (同意/不同意延期整改通知书)."""

    __tablename__ = "hazard_extension"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazard.id"), nullable=False, index=True)
    applied_on: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(String(300), nullable=False)
    requested_deadline: Mapped[date] = mapped_column(Date, nullable=False)
    decision_due: Mapped[date] = mapped_column(Date, nullable=False)
    decision: Mapped[str] = mapped_column(String(10), default="待审批", nullable=False)  # 待审批 / 同意 / 不同意
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    new_deadline: Mapped[date | None] = mapped_column(Date)
    refusal_reason: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    doc_no: Mapped[str] = mapped_column(String(40), default="", nullable=False)


class HazardRecheck(UidMixin, TimestampMixin, Base):
    """复查: two officers look again; 已改正 closes the hazard, otherwise it is 逾期未改 (or back to 待整改)."""

    __tablename__ = "hazard_recheck"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazard.id"), nullable=False, index=True)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspection.id"), index=True)
    rechecked_on: Mapped[date] = mapped_column(Date, nullable=False)
    officer1_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False)
    officer2_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), nullable=False)
    trigger: Mapped[str] = mapped_column(String(10), nullable=False)  # 期限届满 / 当事人申请
    result: Mapped[str] = mapped_column(String(6), nullable=False)  # 已改正 / 未改正 / 部分改正
    note: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    opinion_no: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 复查意见书号


class MajorHazardDetermination(UidMixin, TimestampMixin, Base):
    """重大火灾隐患判定 (GB 35181): ≥3 discussants or ≥7 experts, ≥2/3 agreement, then 报政府 / 挂牌督办 / 销案."""

    __tablename__ = "major_hazard_determination"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazard.id"), nullable=False, index=True)
    method: Mapped[str] = mapped_column(String(10), nullable=False)  # 直接判定 / 综合判定
    mode: Mapped[str] = mapped_column(String(10), nullable=False)  # 集体讨论 / 专家论证
    element_codes: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    participants: Mapped[str] = mapped_column(Text, nullable=False)  # 、-separated names
    participant_count: Mapped[int] = mapped_column(Integer, nullable=False)
    votes_for: Mapped[int] = mapped_column(Integer, nullable=False)
    conclusion: Mapped[str] = mapped_column(String(10), nullable=False)  # 构成 / 不构成
    concluded_on: Mapped[date] = mapped_column(Date, nullable=False)
    measures: Mapped[str] = mapped_column(Text, default="", nullable=False)
    reported_on: Mapped[date | None] = mapped_column(Date)  # 书面报告政府
    report_doc_no: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    supervised_on: Mapped[date | None] = mapped_column(Date)  # 挂牌督办
    supervisor: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 县政府 / 市政府 …
    case_closed_on: Mapped[date | None] = mapped_column(Date)  # 销案
