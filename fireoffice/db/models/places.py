"""The station's villages/communities (村/社区) and the grids (网格) inside them."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class Village(UidMixin, TimestampMixin, Base):
    __tablename__ = "village"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), default="社区", nullable=False)  # 村 / 社区

    grids: Mapped[list[Grid]] = relationship(back_populates="village", order_by="Grid.name")


class Grid(UidMixin, TimestampMixin, Base):
    __tablename__ = "grid"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    worker_name: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    worker_phone: Mapped[str] = mapped_column(String(30), default="", nullable=False)

    village: Mapped[Village] = relationship(back_populates="grids")
