"""Station-edited calendar and planning tables: holiday/调休 overrides and inspection frequency rules."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class CalendarOverride(UidMixin, TimestampMixin, Base):
    """One day whose status differs from the built-in calendar, e.g. from next year's 国务院办公厅 notice.

    Overrides always win over chinese-calendar, so a wrong or missing built-in day can be corrected locally.
    """

    __tablename__ = "calendar_override"
    __table_args__ = {"info": {"reference_data": True}}  # station settings; kept by clear_demo

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # HOLIDAY / ADJUSTED_WORKDAY
    name: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 春节, 国庆节 …
    source_notice: Mapped[str] = mapped_column(String(120), default="", nullable=False)  # 国办发明电〔2025〕7号
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)


class FrequencyRule(UidMixin, TimestampMixin, Base):
    """How often a unit of a category and risk level should be inspected, and what a visit costs in time."""

    __tablename__ = "frequency_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(20), nullable=False)  # 重点单位 / 人员密集场所 / 九小场所 / 其他
    risk_level: Mapped[str] = mapped_column(String(10), nullable=False)  # 高 / 较高 / 一般 / 低
    interval_months: Mapped[int] = mapped_column(Integer, nullable=False)
    visit_minutes: Mapped[int] = mapped_column(Integer, nullable=False)  # on site, per visit
    travel_minutes: Mapped[int] = mapped_column(Integer, nullable=False)  # to and from the unit
    basis: Mapped[str] = mapped_column(Text, default="", nullable=False)  # why this interval (shown in the table)

    __table_args__ = (UniqueConstraint("category", "risk_level", name="uq_frequency_rule_category_risk"),
                      {"info": {"reference_data": True}})  # seeded by the migration; kept by clear_demo
