"""列管单位 — the supervised units (domain.md §4.4) and the history of their responsible persons."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin, utcnow


class Unit(UidMixin, TimestampMixin, Base):
    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Identity
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    short_name: Mapped[str] = mapped_column(String(80), default="", nullable=False)  # 招牌名
    uscc: Mapped[str] = mapped_column(String(30), default="", nullable=False, index=True)
    unit_type: Mapped[str] = mapped_column(String(20), default="", nullable=False)  # 企业/个体工商户/…
    industry_dept: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    # Location
    address: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    township: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), index=True)
    building_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    floor_located: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    longitude: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[float | None] = mapped_column(Float)
    # People
    legal_rep: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    legal_rep_phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    resp_person: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 消防安全责任人
    resp_phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    mgr_person: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 消防安全管理人
    mgr_phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    fire_staff_count: Mapped[int | None] = mapped_column(Integer)
    control_room_certified: Mapped[int | None] = mapped_column(Integer)
    # Building
    building_area: Mapped[float | None] = mapped_column(Float)
    business_area: Mapped[float | None] = mapped_column(Float)
    floors_above: Mapped[int | None] = mapped_column(Integer)
    floors_below: Mapped[int | None] = mapped_column(Integer)
    building_height: Mapped[float | None] = mapped_column(Float)
    fire_rating: Mapped[str] = mapped_column(String(30), default="", nullable=False)  # 结构/耐火等级
    fire_approval: Mapped[str] = mapped_column(String(100), default="", nullable=False)  # 验收/备案/开业前检查
    # Use and category
    use_nature: Mapped[str] = mapped_column(String(40), default="", nullable=False)  # 使用性质
    nine_small_type: Mapped[str] = mapped_column(String(20), default="", nullable=False)  # 九小子类
    is_key_unit: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    key_unit_category: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    key_unit_basis: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # 界定依据
    is_crowded: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # 人员密集场所
    is_multi_business: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # 多业态混合
    is_three_in_one: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)  # 三合一
    is_high_rise: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    is_underground: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_flammables: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    residents: Mapped[int | None] = mapped_column(Integer)  # 住宿人数 (三合一)
    beds: Mapped[int | None] = mapped_column(Integer)
    seats: Mapped[int | None] = mapped_column(Integer)
    staff: Mapped[int | None] = mapped_column(Integer)
    classification_rule: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    # Facilities
    has_auto_alarm: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_sprinkler: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_hydrant: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_smoke_control: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_control_room: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    has_micro_station: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    extinguishers: Mapped[int | None] = mapped_column(Integer)
    gas_type: Mapped[str] = mapped_column(String(20), default="", nullable=False)  # 管道/瓶装LPG/无
    has_gas_detector: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    ebike_parking: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    ebike_charging: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    # Status
    status: Mapped[str] = mapped_column(String(10), default="营业", nullable=False)
    risk_level: Mapped[str] = mapped_column(String(10), default="一般", nullable=False)
    registered_on: Mapped[date | None] = mapped_column(Date)  # 列管日期
    source: Mapped[str] = mapped_column(String(20), default="", nullable=False)  # 信息来源
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    archived_reason: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Search helpers, computed by the service on every write (name, people, phones, pinyin).
    name_norm: Mapped[str] = mapped_column(String(200), default="", nullable=False, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="", nullable=False)

    __table_args__ = (
        Index("ix_unit_list", "archived", "name"),
        Index("ix_unit_status", "status"),
        # Covers the home-page counts so they never scan the wide rows.
        Index("ix_unit_overview", "archived", "is_key_unit", "is_crowded", "nine_small_type"),
        # LIKE '%q%' over this narrow index instead of ~700-byte rows: ~25 ms instead of ~100 ms on 100,000
        # units. search_text is capped at 800 characters to stay under PostgreSQL's B-tree row limit.
        Index("ix_unit_search", "archived", "search_text"),
    )


class UnitPersonHistory(UidMixin, Base):
    """Every change of 法定代表人 / 消防安全责任人 / 消防安全管理人 is kept, never overwritten."""

    __tablename__ = "unit_person_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    changed_by: Mapped[str] = mapped_column(String(40), default="", nullable=False)
