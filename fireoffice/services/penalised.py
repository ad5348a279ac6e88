"""Units penalised in a period: a 行政处罚决定书 or 当场处罚决定书 issued to them (voided ones do not count)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import EnforcementDocument

PENALTY_DOC_TYPES = ("行政处罚决定书", "当场处罚决定书")
COUNTING_STATES = ("已签发", "已送达")


def penalty_documents(session: Session, since: date, until: date) -> dict[int, list[str]]:
    """unit id → the numbers of its penalty decisions issued between `since` and `until` (inclusive)."""
    rows = session.execute(
        select(EnforcementDocument.unit_id, EnforcementDocument.number)
        .where(EnforcementDocument.doc_type.in_(PENALTY_DOC_TYPES),
               EnforcementDocument.status.in_(COUNTING_STATES),
               EnforcementDocument.issued_on >= since, EnforcementDocument.issued_on <= until,
               EnforcementDocument.unit_id.is_not(None))
        .order_by(EnforcementDocument.issued_on))
    out: dict[int, list[str]] = {}
    for unit_id, number in rows:
        out.setdefault(unit_id, []).append(number or "")
    return out
