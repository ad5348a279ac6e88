"""举报投诉 rules shared by the register, its lists and its ledger: the vocabularies and inputs, the 核查期限 (24 h or 3
working days, domain.md §2.2) and 举报人保密 (what each role may see of who complained)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone

from fireoffice.db.models import Complaint
from fireoffice.services import privacy, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.inspections import as_local, to_utc
from fireoffice.services.permissions import allowed

SOURCES = ("12345", "119", "来信", "来访", "网络")
# category → 24小时类? (公安部令第120号 Art. 18 (一): evacuation obstructed or fire facilities switched off)
CATEGORIES: dict[str, bool] = {
    "占用、堵塞、封闭疏散通道或安全出口": True,
    "其他妨碍安全疏散的行为": True,
    "擅自停用、损坏消防设施": True,
    "占用、堵塞消防车通道": False,
    "违规用火、用电、用气": False,
    "电动自行车违规停放、充电": False,
    "人员住宿与生产经营场所混合（三合一）": False,
    "其他消防安全违法行为": False,
}
URGENT_CLASS, NORMAL_CLASS = "24小时类", "3个工作日类"
STATUSES = ("待核查", "已核查", "已告知", "已办结")
OPEN_STATUSES = ("待核查", "已核查", "已告知")
RESULTS = ("属实", "不属实", "部分属实")
HANDLINGS = ("当场改正", "责令改正", "立案查处", "移交有关部门", "不予处理")
NEEDS_DOC_NO = ("责令改正", "立案查处")  # a document was issued: its number goes in the register
NOTIFY_METHODS = ("电话", "短信", "当面", "书面", "平台回复")
INSPECTION_TYPE = "举报投诉核查"
NUMBER_TYPE = "举报受理编号"  # numbering sequence of JB-YYYY-NNN (internal numbers, no issuer)
ANONYMOUS = "匿名"
MAX_PAST_YEARS = 5
FUTURE_SLACK = timedelta(minutes=30)  # a PC clock a little ahead must not refuse "now"
_LIMITS = {"source_ref": 40, "complainant_name": 40, "complainant_contact": 60, "reported_name": 100,
           "reported_address": 200, "content": 4000}
LABELS = {"received_at": "受理时间", "source": "来源", "source_ref": "来源编号", "complainant_name": "举报人",
          "complainant_contact": "联系方式", "unit_uid": "被举报单位", "reported_name": "被举报单位",
          "reported_address": "地址", "content": "举报内容", "category": "类别"}



@dataclass(frozen=True)
class ComplaintInput:
    received_at: datetime
    source: str
    content: str
    category: str
    anonymous: bool = False
    complainant_name: str = ""
    complainant_contact: str = ""
    unit_uid: str | None = None
    reported_name: str = ""
    reported_address: str = ""
    source_ref: str = ""


@dataclass(frozen=True)
class VerificationInput:
    verified_at: datetime
    result: str
    findings: str
    officer_uids: tuple[str, ...] = ()  # empty with a linked inspection: that inspection's officers
    handling: str = ""
    doc_no: str = ""
    inspection_uid: str | None = None


@dataclass(frozen=True)
class NotificationInput:
    notified_at: datetime | None = None
    method: str = ""
    note: str = ""
    unable_reason: str = ""  # 无法告知的原因, instead of a time and method


# --- privacy ----------------------------------------------------------------------------------------------

def sees_identity(ctx: ServiceContext) -> bool:
    return allowed(ctx, "complaints.view_identity")


def mask_contact(value: str) -> str:
    """Mobiles as privacy.mask_phone; any other contact (landline, e-mail, QQ) keeps only its ends."""
    value = (value or "").strip()
    masked = privacy.mask_phone(value)
    if masked != value or not value:
        return masked
    if len(value) >= 8:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    return value[:1] + "*" * (len(value) - 1)


def identity(ctx: ServiceContext, row: Complaint) -> tuple[str, str, bool]:
    """(name, contact, masked) as this actor may see them."""
    if row.anonymous:
        return ANONYMOUS, "", False
    if sees_identity(ctx):
        return row.complainant_name, row.complainant_contact, False
    return privacy.mask_name(row.complainant_name), mask_contact(row.complainant_contact), True


def visible_text(ctx: ServiceContext, value: str) -> str:
    """Free text (举报内容, 核查情况): identity numbers and mobiles masked for roles that may not see who complained."""
    return value if sees_identity(ctx) else privacy.mask_phone(privacy.mask_id_number(value))


def _audit_view(row: Complaint) -> dict:
    """What the audit log keeps: every field, the complainant's identity masked (audit viewers are not all
    allowed to know who complained)."""
    return {"complaint_no": row.complaint_no, "received_at": row.received_at, "source": row.source,
            "source_ref": row.source_ref, "anonymous": row.anonymous,
            "complainant": privacy.mask_name(row.complainant_name), "contact": mask_contact(row.complainant_contact),
            "unit_id": row.unit_id, "reported_name": row.reported_name, "reported_address": row.reported_address,
            "content": privacy.mask_phone(privacy.mask_id_number(row.content)), "category": row.category,
            "urgent": row.urgent, "due_at": row.due_at, "deadline_rule": row.deadline_rule,
            "deadline_calendar": row.deadline_calendar, "status": row.status}


def _changes(before: dict, after: dict) -> tuple[dict, dict]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


# --- deadline -----------------------------------------------------------------------------------------------

def due_text(urgent: bool, due_at: datetime, due_on: date) -> str:
    """24 h: the minute it runs out; 3 working days: the last day (the whole day counts)."""
    return f"{due_at:%Y-%m-%d %H:%M}" if urgent else due_on.isoformat()


def is_urgent(category: str) -> bool:
    if category not in CATEGORIES:
        raise ValidationError("类别", "只能是 " + "、".join(CATEGORIES))
    return CATEGORIES[category]


def compute_deadline(cal: workdays.WorkCalendar, received_utc: datetime, category: str) -> workdays.Deadline:
    """The 核查期限 of a complaint received at `received_utc`: due_at is an instant (UTC).

    24小时类: received + 24 h. 3个工作日类: the end of the 3rd working day after the local day of receipt.
    """
    urgent = is_urgent(category)
    local = as_local(received_utc)
    if urgent:
        d = workdays.deadline(cal, "complaint_urgent", local)
        due_at = to_utc(d.due_at)
        return replace(d, due=as_local(due_at).date(), due_at=due_at)
    d = workdays.deadline(cal, "complaint", local.date())
    end = datetime.combine(d.due + timedelta(days=1), time.min).astimezone()  # local midnight ending the day
    return replace(d, due_at=end.astimezone(timezone.utc))


def _aware(at: datetime | None) -> datetime | None:
    """Stored UTC (naive on SQLite) → aware UTC."""
    if at is None:
        return None
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def hours_overdue(due_at: datetime, now: datetime) -> int:
    late = now - _aware(due_at)
    return max(0, int(late.total_seconds() // 3600)) if late > timedelta(0) else 0
