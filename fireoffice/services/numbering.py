"""Document numbers (文书字号, domain.md §3.3): gap-free sequences per issuer, type and year, rendered by template.

Call `allocate` (or `issue_number`) inside the same `ctx.db.write()` transaction that stores the document:
if anything fails the whole transaction rolls back and the number is handed out again — no gaps, no reuse.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fireoffice.db.base import new_uid, utcnow
from fireoffice.db.models import AppSetting, DocSequence, StationProfile
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.permissions import require

# Enforcement forms follow the provincial 式样 ("第…号", padded); 公文 follow GB/T 9704 (no 第, no padding).
FORM_TEMPLATE = "{issuer}消{type}字〔{year}〕第{seq:03d}号"
GBT9704_TEMPLATE = "{issuer}〔{year}〕{seq}号"
# Suggested type codes (domain.md §3.3 [I]); confirm against the local 总队 template pack.
TYPE_CODES = {
    "消防监督检查记录": "检", "责令立即改正通知书": "即改", "责令限期改正通知书": "限", "复查意见书": "复",
    "延期整改通知书": "延", "重大火灾隐患限期整改通知书": "重改", "临时查封决定书": "封", "行政处罚告知书": "罚告",
    "行政处罚决定书": "罚决", "当场行政处罚决定书": "当罚", "行政告诫书": "告诫", "约谈通知书": "约", "移送案件通知书": "移",
    # the names the document types actually use (the migration seeds doc_number_format with the same codes)
    "当场处罚决定书": "当罚", "案件移送书": "移", "解除临时查封决定书": "解封", "举报投诉核查记录": "举",
    # 告知笔录 has no seeded row: its own code, so its numbers never collide with the 告知书's "罚告" sequence
    "行政处罚告知笔录": "罚告笔",
}
TEMPLATES_SETTING = "numbering.templates"  # AppSetting: {doc_type: template}; absent types use FORM_TEMPLATE
MIN_YEAR, MAX_YEAR = 2000, 2099
_FIELDS = {"issuer", "type", "year", "seq"}


@dataclass(frozen=True)
class IssuedNumber:
    issuer_code: str
    doc_type: str
    type_code: str
    year: int
    seq: int
    text: str  # 临东消约字〔2026〕第001号


def _key(issuer_code: str, doc_type: str, year: int):
    return (DocSequence.issuer_code == issuer_code, DocSequence.doc_type == doc_type, DocSequence.year == year)


def _check_key(issuer_code: str, doc_type: str, year: int) -> None:
    if not doc_type or len(doc_type) > 20:
        raise ValidationError("文书类型", "不能为空，且不超过 20 个字")
    if len(issuer_code) > 20:
        raise ValidationError("文书机关代字", "不能超过 20 个字")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError("年份", f"应在 {MIN_YEAR} 到 {MAX_YEAR} 之间")


def allocate(session: Session, issuer_code: str, doc_type: str, year: int) -> int:
    """The next number (1, 2, 3 …) of this issuer, type and year, atomically.

    SQLite: the caller's write transaction began with BEGIN IMMEDIATE, so it alone may write until commit.
    PostgreSQL: the counter row is created if missing (ON CONFLICT DO NOTHING, so two PCs creating it at
    once do not fail) and then locked with SELECT … FOR UPDATE until the caller commits; a second PC waits.
    """
    _check_key(issuer_code, doc_type, year)
    now = utcnow()
    values = {"uid": new_uid(), "issuer_code": issuer_code, "doc_type": doc_type, "year": year, "last_seq": 0,
              "created_at": now, "updated_at": now}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    session.execute(dialect_insert(DocSequence).values(**values).on_conflict_do_nothing(
        index_elements=["issuer_code", "doc_type", "year"]))
    # Core statements, not the ORM row: an identity-map copy loaded earlier could hold a stale last_seq.
    row_id, last = session.execute(select(DocSequence.id, DocSequence.last_seq)
                                   .where(*_key(issuer_code, doc_type, year)).with_for_update()).one()
    session.execute(update(DocSequence).where(DocSequence.id == row_id)
                    .values(last_seq=last + 1, updated_at=now).execution_options(synchronize_session=False))
    return last + 1


def peek(session: Session, issuer_code: str, doc_type: str, year: int) -> int:
    """The number `allocate` would hand out next (for previews; never reserve it)."""
    last = session.execute(select(DocSequence.last_seq).where(*_key(issuer_code, doc_type, year))).scalar()
    return (last or 0) + 1


def check_template(template: str) -> None:
    """Refuse a template a clerk typed that would not render: unknown fields, unbalanced braces, no {seq}."""
    try:
        names = {f for _t, f, _s, _c in string.Formatter().parse(template) if f is not None}
        render(template, "X", "约", 2026, 1)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError("文号格式", f"无法使用：{exc}") from None
    unknown = names - _FIELDS
    if unknown:
        raise ValidationError("文号格式", "只能使用 {issuer} {type} {year} {seq}，不认识：" + "、".join(sorted(unknown)))
    if "seq" not in names:
        raise ValidationError("文号格式", "必须包含序号 {seq}")


def render(template: str, issuer: str, type_code: str, year: int, seq: int) -> str:
    """E.g. render(FORM_TEMPLATE, "临东", "约", 2026, 7) → 临东消约字〔2026〕第007号."""
    return template.format(issuer=issuer, type=type_code, year=year, seq=seq)


def templates(session: Session) -> dict[str, str]:
    row = session.get(AppSetting, TEMPLATES_SETTING)
    try:
        stored = json.loads(row.value) if row else {}
    except ValueError:
        stored = {}
    return stored if isinstance(stored, dict) else {}


def template_for(session: Session, doc_type: str) -> str:
    return templates(session).get(doc_type) or FORM_TEMPLATE


def set_template(ctx: ServiceContext, doc_type: str, template: str) -> None:
    """Station setting: the number format of one document type ('' restores the default)."""
    require(ctx, "station.edit")
    template = template.strip()
    if template:
        check_template(template)
    with ctx.db.write() as s:
        current = templates(s)
        before = dict(current)
        if template:
            current[doc_type] = template
        else:
            current.pop(doc_type, None)
        row = s.get(AppSetting, TEMPLATES_SETTING) or AppSetting(key=TEMPLATES_SETTING)
        row.value = json.dumps(current, ensure_ascii=False, sort_keys=True)
        s.add(row)
        audit.record(s, ctx.actor.username, "修改文号格式", "app_setting", TEMPLATES_SETTING, before, current)


def station_issuer_code(session: Session) -> str:
    code = session.execute(select(StationProfile.issuer_code).order_by(StationProfile.id).limit(1)).scalar()
    if not code:
        raise ValidationError("文书机关代字", "尚未设置：请先在“设置”中填写文书机关代字（如“临东”），再制作带文号的文书")
    return code


def issue_number(session: Session, actor: str, doc_type: str, year: int, issuer_code: str | None = None,
                 type_code: str | None = None, template: str | None = None) -> IssuedNumber:
    """Allocate and render one number in the caller's transaction, with an audit event.

    `type_code` and `template` default to TYPE_CODES and the station setting (else FORM_TEMPLATE); a caller
    with its own per-type table passes them. The documents register stores (issuer_code, doc_type, year, seq)
    next to the text; a voided document keeps its number and reason, the number is never reused.
    """
    issuer = station_issuer_code(session) if issuer_code is None else issuer_code
    seq = allocate(session, issuer, doc_type, year)
    code = type_code or TYPE_CODES.get(doc_type, doc_type)
    text = render(template or template_for(session, doc_type), issuer, code, year, seq)
    audit.record(session, actor, "分配文号", "doc_sequence", f"{issuer}/{doc_type}/{year}", None,
                 {"seq": seq, "text": text})
    return IssuedNumber(issuer, doc_type, code, year, seq, text)
