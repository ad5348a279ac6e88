"""The county center's copy of station data: stations, their packages, and every exchanged record by uid."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, utcnow


class ExchangeStation(TimestampMixin, Base):
    """A station that sent packages, known by its station_profile uid; the latest package's manifest facts."""

    __tablename__ = "exchange_station"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_uid: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    township: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    county: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    issuer_code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    package_created_at: Mapped[str] = mapped_column(String(32), default="", nullable=False)  # UTC ISO
    package_sha256: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    audit_head: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)


class ExchangeRecord(Base):
    """One record of one station's table as last received; newer updated_at wins, an older one never overwrites."""

    __tablename__ = "exchange_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("exchange_station.id"), nullable=False)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    uid: Mapped[str] = mapped_column(String(80), nullable=False)
    updated_at: Mapped[str] = mapped_column(String(32), nullable=False)  # UTC ISO, compares as text
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)  # of `data`, to tell unchanged rows
    data: Mapped[str] = mapped_column(Text, nullable=False)  # the JSON line as received

    __table_args__ = (
        UniqueConstraint("table_name", "uid", name="uq_exchange_record_key"),
        Index("ix_exchange_record_station_table", "station_id", "table_name"),
    )
