"""The station profile (one row) and station-wide settings kept in the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class StationProfile(UidMixin, TimestampMixin, Base):
    __tablename__ = "station_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    level: Mapped[str] = mapped_column(String(20), default="消防所", nullable=False)
    township: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    county: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    parent_center: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    brigade: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    issuer_code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    enforcement_mode: Mapped[str] = mapped_column(String(10), default="委托", nullable=False)
    head_name: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    phone: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    address: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    demo_created_on: Mapped[date | None] = mapped_column(Date)
    configured: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class AppSetting(TimestampMixin, Base):
    """Key → JSON text; station data (templates, thresholds) lives here so it is backed up and exported."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="null", nullable=False)
