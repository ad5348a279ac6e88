"""Gap-free document number sequences: one counter per issuer, document type and calendar year (domain.md §3.3)."""

from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fireoffice.db.base import Base, TimestampMixin, UidMixin


class DocSequence(UidMixin, TimestampMixin, Base):
    """The last number handed out; allocation and the document that uses it commit together, so no gaps."""

    __tablename__ = "doc_sequence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer_code: Mapped[str] = mapped_column(String(20), nullable=False)  # 机关代字, e.g. 临东
    doc_type: Mapped[str] = mapped_column(String(20), nullable=False)  # 约谈通知书, 责令限期改正通知书 …
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    __table_args__ = (UniqueConstraint("issuer_code", "doc_type", "year", name="uq_doc_sequence_key"),)
