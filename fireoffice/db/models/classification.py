"""Editable, versioned classification rules: 九小 thresholds and 重点单位 criteria (domain.md §4.1–4.2)."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class ClassificationRuleSet(UidMixin, TimestampMixin, Base):
    """One version of the rules; never edited once units refer to it (a change is saved as a new version)."""

    __tablename__ = "classification_rule_set"
    __table_args__ = {"info": {"reference_data": True}}  # seeded by the migration; kept by clear_demo

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The version label stored on each classified unit (unit.classification_rule).
    name: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    rules: Mapped[list[ClassificationRule]] = relationship(
        back_populates="rule_set", order_by="ClassificationRule.position", cascade="all, delete-orphan")


class ClassificationRule(UidMixin, Base):
    """One condition: units of these uses whose metric compares with the threshold fall in the category.

    Rows of the same category are alternatives (OR); the first matching row in `position` order wins.
    """

    __tablename__ = "classification_rule"
    __table_args__ = {"info": {"reference_data": True}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_set_id: Mapped[int] = mapped_column(ForeignKey("classification_rule_set.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)  # 九小 / 重点
    category: Mapped[str] = mapped_column(String(60), nullable=False)
    use_natures: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # 、-separated
    keywords: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # name must contain one
    metric: Mapped[str] = mapped_column(String(20), nullable=False)
    op: Mapped[str] = mapped_column(String(2), nullable=False)  # < <= >= >
    threshold: Mapped[float] = mapped_column(Float, nullable=False)
    note: Mapped[str] = mapped_column(String(200), default="", nullable=False)

    rule_set: Mapped[ClassificationRuleSet] = relationship(back_populates="rules")
