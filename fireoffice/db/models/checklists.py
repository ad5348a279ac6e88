"""Inspection checklists: templates, immutable versions and their items (domain.md §5.4)."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class ChecklistTemplate(UidMixin, TimestampMixin, Base):
    """A named checklist (e.g. 消防监督检查表); its content lives in versions."""

    __tablename__ = "checklist_template"
    __table_args__ = {"info": {"reference_data": True}}  # seeded by the migration; kept by clear_demo

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)

    versions: Mapped[list[ChecklistVersion]] = relationship(
        back_populates="template", order_by="ChecklistVersion.version_no")


class ChecklistVersion(UidMixin, TimestampMixin, Base):
    """One version of a template; inspections point at it, so a version is never edited — a change is a new one."""

    __tablename__ = "checklist_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_template.id"), nullable=False, index=True)
    version_no: Mapped[int] = mapped_column(Integer, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)

    template: Mapped[ChecklistTemplate] = relationship(back_populates="versions")
    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="version", order_by="ChecklistItem.position", cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("template_id", "version_no", name="uq_checklist_version_template_no"),
                      {"info": {"reference_data": True}})


class ChecklistItem(UidMixin, Base):
    """One question. `venues` empty = common core; else the 、-separated venue tags it applies to."""

    __tablename__ = "checklist_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("checklist_version.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    section: Mapped[str] = mapped_column(String(20), nullable=False)  # 管理 / 疏散 / 设施 / 电气 …
    venues: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    text: Mapped[str] = mapped_column(String(300), nullable=False)
    legal_basis: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    hazard_category: Mapped[str] = mapped_column(String(10), default="其他", nullable=False)
    default_severity: Mapped[str] = mapped_column(String(10), default="一般", nullable=False)
    on_spot_fixable: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # 当场可改

    version: Mapped[ChecklistVersion] = relationship(back_populates="items")

    __table_args__ = (UniqueConstraint("version_id", "code", name="uq_checklist_item_version_code"),
                      {"info": {"reference_data": True}})
