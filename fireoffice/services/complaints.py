"""举报投诉: register a complaint, edit it while open, record the verification (核查) and the notification of the
complainant (告知), close it (办结). domain.md §2.2 / §3.4 L (公安部令第120号 Art. 17–18).

* 核查期限: 24 hours from 受理时间 (counted in hours) for blocked or locked escape routes and exits, other
  obstructions of evacuation, and fire facilities switched off or broken; otherwise 3 working days (workdays
  RULES "complaint_urgent" / "complaint"). The rule text and the calendar version are stored with the deadline.
* 举报人保密: the complainant's name and contact come back masked unless the actor holds
  `complaints.view_identity`; the audit log only ever holds them masked.
* Times: the caller gives local wall-clock times (naive = this PC's zone); stored as UTC, returned local aware.

Lists, counts and the overdue list (`overdue_complaints`, for the home page) live in complaint_queries.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Complaint, ComplaintOfficer, Inspection, Unit
from fireoffice.services import audit, numbering, officers, workdays
from fireoffice.services.complaint_rules import (  # noqa: F401 - the register's vocabulary, re-exported
    _LIMITS,
    ANONYMOUS,
    CATEGORIES,
    FUTURE_SLACK,
    HANDLINGS,
    INSPECTION_TYPE,
    LABELS,
    MAX_PAST_YEARS,
    NEEDS_DOC_NO,
    NORMAL_CLASS,
    NOTIFY_METHODS,
    NUMBER_TYPE,
    OPEN_STATUSES,
    RESULTS,
    SOURCES,
    STATUSES,
    URGENT_CLASS,
    ComplaintInput,
    NotificationInput,
    VerificationInput,
    _audit_view,
    _aware,
    _changes,
    compute_deadline,
    due_text,
    hours_overdue,
    identity,
    is_urgent,
    mask_contact,
    sees_identity,
    visible_text,
)
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.inspections import as_local, to_utc
from fireoffice.services.permissions import require


@dataclass(frozen=True)
class ComplaintInfo:
    uid: str
    complaint_no: str
    received_at: datetime
    source: str
    source_ref: str
    anonymous: bool
    complainant_name: str  # masked unless the actor may see it; "匿名" when anonymous
    complainant_contact: str
    identity_masked: bool
    unit_uid: str | None
    unit_name: str
    unit_address: str
    reported_name: str
    reported_address: str
    content: str
    category: str
    urgent: bool
    due_at: datetime
    due_on: date
    deadline_rule: str
    deadline_calendar: str
    status: str
    overdue: bool  # not verified and past the deadline now
    hours_overdue: int
    verified_late: bool  # verified, but after the deadline
    verified_at: datetime | None = None
    officer_uids: tuple[str, ...] = ()
    officer_names: tuple[str, ...] = ()
    result: str = ""
    findings: str = ""
    handling: str = ""
    doc_no: str = ""
    inspection_uid: str | None = None
    inspection_no: str = ""
    notified_at: datetime | None = None
    notify_method: str = ""
    notify_note: str = ""
    unable_reason: str = ""
    closed_at: datetime | None = None
    closed_by: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def category_class(self) -> str:
        return URGENT_CLASS if self.urgent else NORMAL_CLASS

    @property
    def due_text(self) -> str:
        return due_text(self.urgent, self.due_at, self.due_on)

    @property
    def target(self) -> str:
        """被举报单位 as the list shows it."""
        return self.unit_name or self.reported_name or self.reported_address


# --- validation ---------------------------------------------------------------------------------------------

def _now(now: datetime | None) -> datetime:
    return to_utc(now) if now is not None else datetime.now(timezone.utc)


def _minute(at: datetime) -> datetime:
    return to_utc(at).replace(second=0, microsecond=0)


def validate(data: ComplaintInput, now: datetime | None = None) -> ComplaintInput:
    clean = {f.name: getattr(data, f.name) for f in fields(ComplaintInput)}
    for key, limit in _LIMITS.items():
        clean[key] = (clean[key] or "").strip()
        if len(clean[key]) > limit:
            raise ValidationError(LABELS[key], f"不能超过 {limit} 个字")
    if not isinstance(clean["received_at"], datetime):
        raise ValidationError("受理时间", "请填写受理的日期和时间（时分）")
    received = _minute(clean["received_at"])
    current = _now(now)
    if received > current + FUTURE_SLACK:
        raise ValidationError("受理时间", "不能晚于现在")
    if received.year < current.year - MAX_PAST_YEARS:
        raise ValidationError("受理时间", f"早于 {current.year - MAX_PAST_YEARS} 年，请检查年份是否写错")
    clean["received_at"] = received
    if clean["source"] not in SOURCES:
        raise ValidationError("来源", "只能是 " + "、".join(SOURCES))
    is_urgent(clean["category"])
    if len(clean["content"]) < 4:
        raise ValidationError("举报内容", "请写明举报的具体问题（什么地方、什么问题）")
    if clean["anonymous"]:
        clean["complainant_name"] = clean["complainant_contact"] = ""
    elif not clean["complainant_name"]:
        raise ValidationError("举报人", "请填写举报人姓名；不愿留名的请勾选“匿名”")
    clean["unit_uid"] = clean["unit_uid"] or None
    if not clean["unit_uid"] and not clean["reported_name"] and not clean["reported_address"]:
        raise ValidationError("被举报单位", "请选择被举报单位，或填写被举报单位名称、地址")
    return ComplaintInput(**clean)


def _load(s: Session, uid: str) -> Complaint:
    row = s.execute(select(Complaint).where(Complaint.uid == uid)).scalar()
    if row is None:
        raise NotFound("没有找到这条举报投诉（可能已被删除）。")
    return row


def _unit(s: Session, uid: str | None) -> Unit | None:
    if not uid:
        return None
    unit = s.execute(select(Unit).where(Unit.uid == uid)).scalar()
    if unit is None:
        raise NotFound("没有找到被举报单位（可能已被删除）。")
    return unit


def _apply_deadline(s: Session, row: Complaint) -> tuple[str, ...]:
    d = compute_deadline(workdays.load_calendar(s), row.received_at, row.category)
    row.urgent = is_urgent(row.category)
    row.due_at, row.due_on, row.deadline_rule, row.deadline_calendar = d.due_at, d.due, d.rule, d.calendar_version
    return d.warnings


# --- read one -----------------------------------------------------------------------------------------------

def info_of(ctx: ServiceContext, s: Session, row: Complaint, now: datetime | None = None,
            warnings: tuple[str, ...] = ()) -> ComplaintInfo:
    current = _now(now)
    name, contact, masked = identity(ctx, row)
    unit = s.get(Unit, row.unit_id) if row.unit_id else None
    insp = s.get(Inspection, row.inspection_id) if row.inspection_id else None
    staff = s.execute(select(ComplaintOfficer).where(ComplaintOfficer.complaint_id == row.id)
                      .order_by(ComplaintOfficer.position)).scalars().all()
    from fireoffice.db.models import User

    user_uids = dict(s.execute(select(User.id, User.uid).where(User.id.in_([o.user_id for o in staff]))).all())
    due = _aware(row.due_at)
    verified = _aware(row.verified_at)
    overdue = row.status == "待核查" and current > due
    return ComplaintInfo(
        uid=row.uid, complaint_no=row.complaint_no, received_at=as_local(row.received_at), source=row.source,
        source_ref=row.source_ref, anonymous=row.anonymous, complainant_name=name, complainant_contact=contact,
        identity_masked=masked, unit_uid=unit.uid if unit else None, unit_name=unit.name if unit else "",
        unit_address=unit.address if unit else "", reported_name=row.reported_name,
        reported_address=row.reported_address,
        content=visible_text(ctx, row.content), category=row.category, urgent=row.urgent, due_at=as_local(due),
        due_on=row.due_on, deadline_rule=row.deadline_rule, deadline_calendar=row.deadline_calendar,
        status=row.status, overdue=overdue, hours_overdue=hours_overdue(due, current) if overdue else 0,
        verified_late=verified is not None and verified > due,
        verified_at=as_local(verified) if verified else None,
        officer_uids=tuple(user_uids.get(o.user_id, "") for o in staff), officer_names=tuple(o.name for o in staff),
        result=row.result, findings=visible_text(ctx, row.findings), handling=row.handling, doc_no=row.doc_no,
        inspection_uid=insp.uid if insp else None, inspection_no=insp.record_no if insp else "",
        notified_at=as_local(row.notified_at) if row.notified_at else None, notify_method=row.notify_method,
        notify_note=visible_text(ctx, row.notify_note), unable_reason=row.unable_reason,
        closed_at=as_local(row.closed_at) if row.closed_at else None, closed_by=row.closed_by, warnings=warnings)


def get_complaint(ctx: ServiceContext, uid: str, now: datetime | None = None) -> ComplaintInfo:
    require(ctx, "complaints.view")
    with ctx.db.read() as s:
        return info_of(ctx, s, _load(s, uid), now)


# --- register and edit --------------------------------------------------------------------------------------

def register_complaint(ctx: ServiceContext, data: ComplaintInput, now: datetime | None = None) -> ComplaintInfo:
    """受理登记: a new complaint with its 受理编号 and 核查期限, status 待核查."""
    require(ctx, "complaints.edit")
    clean = validate(data, now)
    year = as_local(clean.received_at).year
    with ctx.db.write() as s:
        unit = _unit(s, clean.unit_uid)
        seq = numbering.allocate(s, "", NUMBER_TYPE, year)
        row = Complaint(complaint_no=f"JB-{year}-{seq:03d}", received_at=clean.received_at, source=clean.source,
                        source_ref=clean.source_ref, anonymous=clean.anonymous,
                        complainant_name=clean.complainant_name, complainant_contact=clean.complainant_contact,
                        unit_id=unit.id if unit else None, reported_name=clean.reported_name,
                        reported_address=clean.reported_address, content=clean.content, category=clean.category,
                        status="待核查", created_by=ctx.actor.username)
        warnings = _apply_deadline(s, row)
        s.add(row)
        s.flush()
        audit.record(s, ctx.actor.username, "受理举报投诉", "complaint", row.uid, None, _audit_view(row))
        return info_of(ctx, s, row, now, warnings)


def update_complaint(ctx: ServiceContext, uid: str, data: ComplaintInput,
                     now: datetime | None = None) -> ComplaintInfo:
    """Correct the receipt while the complaint is open; the deadline follows a changed time or category.

    A role that sees the complainant masked may not change who complained: it sends back what it was shown
    (the masked values), which keeps the stored identity; anything else is refused.
    """
    require(ctx, "complaints.edit")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if row.status == "已办结":
            raise Conflict(f"举报投诉 {row.complaint_no} 已办结，不能再修改。")
        if not sees_identity(ctx):
            shown_name, shown_contact, _masked = identity(ctx, row)
            same = (data.anonymous == row.anonymous and (row.anonymous or (
                data.complainant_name.strip() in (shown_name, row.complainant_name)
                and data.complainant_contact.strip() in (shown_contact, row.complainant_contact))))
            if not same:
                raise ValidationError("举报人", "您无权查看举报人身份，也不能修改举报人信息；请由所长或执法人员修改")
            data = replace(data, complainant_name=row.complainant_name, complainant_contact=row.complainant_contact)
            shown_content = visible_text(ctx, row.content)
            if data.content.strip() in (shown_content.strip(), row.content.strip()):
                data = replace(data, content=row.content)  # what it was shown, masked: keep the original
            elif shown_content != row.content:
                raise ValidationError("举报内容", "举报内容中有您无权查看的号码，不能修改；请由所长或执法人员修改")
        clean = validate(data, now)
        if row.verified_at is not None and _aware(row.verified_at) < clean.received_at:
            raise ValidationError("受理时间", "不能晚于已登记的核查时间")
        unit = _unit(s, clean.unit_uid)
        before = _audit_view(row)
        old_identity = (row.anonymous, row.complainant_name, row.complainant_contact)
        row.received_at, row.source, row.source_ref = clean.received_at, clean.source, clean.source_ref
        row.anonymous, row.complainant_name = clean.anonymous, clean.complainant_name
        row.complainant_contact = clean.complainant_contact
        row.unit_id = unit.id if unit else None
        row.reported_name, row.reported_address = clean.reported_name, clean.reported_address
        row.content, row.category = clean.content, clean.category
        warnings = _apply_deadline(s, row)
        old, new = _changes(before, _audit_view(row))
        if old_identity != (row.anonymous, row.complainant_name, row.complainant_contact):
            new["identity_changed"] = True  # masked in the log, but the change itself is recorded
        if old or new:
            s.flush()
            audit.record(s, ctx.actor.username, "修改举报投诉", "complaint", row.uid, old, new)
        return info_of(ctx, s, row, now, warnings)


# --- verification, notification, closing -----------------------------------------------------------------

def _officers(s: Session, uids: tuple[str, ...], unit_id: int | None, on: date) -> list:
    """≥ 2 enforcement officers with a valid 执法证, nobody recused from the unit (assistants may come along)."""
    users = [officers.user_by_uid(s, uid) for uid in dict.fromkeys(u for u in uids if u)]
    for user in users:
        if user.role in officers.ENFORCER_ROLES:
            problem = officers.enforcer_problem(user, on)
            if problem:
                raise ValidationError("核查人员", problem)
    enforcers = [u for u in users if u.role in officers.ENFORCER_ROLES]
    if len(enforcers) < 2:
        raise ValidationError("核查人员", f"现场核查至少需要 2 名持有效执法证的执法人员（现有 {len(enforcers)} 名）")
    if unit_id is not None:
        recused = officers.recusal_pairs(s, [u.id for u in users], [unit_id])
        for user in users:
            if (user.id, unit_id) in recused:
                raise ValidationError("核查人员", f"{user.display_name} 已申报与被举报单位有利害关系，应当回避")
    return enforcers + [u for u in users if u not in enforcers]


def _inspection(s: Session, uid: str | None, row: Complaint) -> Inspection | None:
    if not uid:
        return None
    insp = s.execute(select(Inspection).where(Inspection.uid == uid)).scalar()
    if insp is None:
        raise NotFound("没有找到要关联的检查记录（可能已被删除）。")
    if insp.inspection_type != INSPECTION_TYPE:
        raise ValidationError("检查记录", f"{insp.record_no} 是{insp.inspection_type}，只能关联“{INSPECTION_TYPE}”类型的检查记录")
    if row.unit_id is not None and insp.unit_id != row.unit_id:
        raise ValidationError("检查记录", f"{insp.record_no} 检查的不是被举报单位")
    if _aware(insp.started_at) < _aware(row.received_at):
        raise ValidationError("检查记录", f"{insp.record_no} 早于受理时间，不是这次举报的核查")
    return insp


def record_verification(ctx: ServiceContext, uid: str, data: VerificationInput,
                        now: datetime | None = None) -> ComplaintInfo:
    """核查: time, ≥ 2 officers, result and handling (当场改正 / 文书号), optionally the 举报投诉核查 inspection."""
    require(ctx, "complaints.edit")
    if not isinstance(data.verified_at, datetime):
        raise ValidationError("核查时间", "请填写核查的日期和时间")
    verified = _minute(data.verified_at)
    if verified > _now(now) + FUTURE_SLACK:
        raise ValidationError("核查时间", "不能晚于现在")
    if data.result not in RESULTS:
        raise ValidationError("核查结果", "只能是 " + "、".join(RESULTS))
    findings, doc_no = data.findings.strip(), data.doc_no.strip()
    if len(findings) < 4:
        raise ValidationError("核查情况", "请写明现场核查的情况")
    if len(findings) > 4000 or len(doc_no) > 60:
        raise ValidationError("核查情况" if len(findings) > 4000 else "文书号", "内容过长")
    handling = data.handling.strip()
    if data.result == "不属实":
        if handling not in ("", "不予处理"):
            raise ValidationError("处理", "举报不属实的，不作处理（选“不予处理”）")
        handling = "不予处理"
    elif handling not in HANDLINGS or handling == "不予处理":
        raise ValidationError("处理", "举报属实或部分属实的，请选择处理方式：" + "、".join(HANDLINGS[:-1]))
    if handling in NEEDS_DOC_NO and not doc_no:
        raise ValidationError("文书号", f"{handling}的，请填写所制作文书的文书号")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if row.status in ("已告知", "已办结"):
            raise Conflict(f"举报投诉 {row.complaint_no} {row.status}，核查结果不能再修改。")
        if verified < _aware(row.received_at):
            raise ValidationError("核查时间", f"不能早于受理时间 {as_local(row.received_at):%Y-%m-%d %H:%M}")
        insp = _inspection(s, data.inspection_uid, row)
        officer_uids = data.officer_uids
        if insp is not None and not officer_uids:
            from fireoffice.db.models import InspectionOfficer, User

            officer_uids = tuple(s.execute(select(User.uid).join(InspectionOfficer, InspectionOfficer.user_id == User.id)
                                           .where(InspectionOfficer.inspection_id == insp.id)
                                           .order_by(InspectionOfficer.position)).scalars())
        unit_id = row.unit_id if row.unit_id is not None else (insp.unit_id if insp else None)
        users = _officers(s, officer_uids, unit_id, as_local(verified).date())
        before = {"status": row.status, "verified_at": row.verified_at, "result": row.result,
                  "handling": row.handling, "doc_no": row.doc_no}
        for old in s.execute(select(ComplaintOfficer).where(ComplaintOfficer.complaint_id == row.id)).scalars():
            s.delete(old)
        s.flush()
        for n, user in enumerate(users):
            s.add(ComplaintOfficer(complaint_id=row.id, user_id=user.id, position=n, name=user.display_name,
                                   cert_no=user.cert_no))
        row.verified_at, row.result, row.findings = verified, data.result, findings
        row.handling, row.doc_no = handling, doc_no
        row.inspection_id = insp.id if insp else None
        if row.unit_id is None and insp is not None:
            row.unit_id = insp.unit_id
        row.status = "已核查"
        s.flush()
        late = verified > _aware(row.due_at)
        audit.record(s, ctx.actor.username, "登记举报核查", "complaint", row.uid, before, {
            "status": row.status, "verified_at": verified, "result": row.result, "handling": handling,
            "doc_no": doc_no, "officers": [u.display_name for u in users],
            "inspection": insp.record_no if insp else "", "late": late})
        return info_of(ctx, s, row, now)


def record_notification(ctx: ServiceContext, uid: str, data: NotificationInput,
                        now: datetime | None = None) -> ComplaintInfo:
    """告知举报人 (time and method), or why the complainant could not be told."""
    require(ctx, "complaints.edit")
    reason, method, note = data.unable_reason.strip(), data.method.strip(), data.note.strip()
    if len(reason) > 200 or len(note) > 200:
        raise ValidationError("无法告知原因" if len(reason) > 200 else "告知情况", "不能超过 200 个字")
    told = data.notified_at is not None or method
    if told and reason:
        raise ValidationError("无法告知原因", "已告知举报人的，不填写无法告知的原因")
    if not told and not reason:
        raise ValidationError("告知举报人", "请填写告知时间和方式，或写明无法告知的原因")
    if reason and len(reason) < 2:
        raise ValidationError("无法告知原因", "请写明无法告知的原因，例如“匿名举报，未留联系方式”")
    notified = None
    if told:
        if data.notified_at is None:
            raise ValidationError("告知时间", "请填写告知举报人的时间")
        if method not in NOTIFY_METHODS:
            raise ValidationError("告知方式", "只能是 " + "、".join(NOTIFY_METHODS))
        notified = _minute(data.notified_at)
        if notified > _now(now) + FUTURE_SLACK:
            raise ValidationError("告知时间", "不能晚于现在")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if row.status == "待核查":
            raise Conflict(f"举报投诉 {row.complaint_no} 尚未核查，不能告知处理结果。请先登记核查情况。")
        if row.status == "已办结":
            raise Conflict(f"举报投诉 {row.complaint_no} 已办结，不能再修改。")
        if notified is not None and notified < _aware(row.verified_at):
            raise ValidationError("告知时间", f"不能早于核查时间 {as_local(row.verified_at):%Y-%m-%d %H:%M}")
        if told and method in ("电话", "短信") and not row.complainant_contact:
            raise ValidationError("告知方式", "举报人没有留下联系方式，不能电话或短信告知；请写明无法告知的原因")
        before = {"status": row.status, "notified_at": row.notified_at, "notify_method": row.notify_method,
                  "unable_reason": row.unable_reason}
        row.notified_at, row.notify_method = notified, method if told else ""
        row.notify_note, row.unable_reason = note, reason
        row.status = "已告知"
        s.flush()
        audit.record(s, ctx.actor.username, "告知举报人" if told else "登记无法告知原因", "complaint", row.uid,
                     before, {"status": row.status, "notified_at": notified, "notify_method": row.notify_method,
                              "unable_reason": reason})
        return info_of(ctx, s, row, now)


def close_complaint(ctx: ServiceContext, uid: str, now: datetime | None = None) -> ComplaintInfo:
    """办结: only after the verification and the notification (or its reason) are on record."""
    require(ctx, "complaints.edit")
    with ctx.db.write() as s:
        row = _load(s, uid)
        if row.status == "已办结":
            raise Conflict(f"举报投诉 {row.complaint_no} 已经办结。")
        if row.status == "待核查":
            raise Conflict(f"举报投诉 {row.complaint_no} 尚未核查，不能办结。")
        if row.status != "已告知" or (row.notified_at is None and not row.unable_reason):
            raise ValidationError("告知举报人", "尚未告知举报人处理结果，也未写明无法告知的原因，不能办结")
        row.status, row.closed_at, row.closed_by = "已办结", _now(now), ctx.actor.username
        s.flush()
        audit.record(s, ctx.actor.username, "办结举报投诉", "complaint", row.uid, {"status": "已告知"},
                     {"status": row.status, "closed_at": row.closed_at})
        return info_of(ctx, s, row, now)


def overdue_complaints(ctx: ServiceContext, now: datetime | None = None, limit: int = 200) -> list:
    """Complaints not verified by their 核查期限, longest overdue first: complaint_queries.ComplaintRow items."""
    from fireoffice.services import complaint_queries

    return complaint_queries.overdue_complaints(ctx, now, limit)


def timeline_source(session: Session, unit: Unit) -> list:
    """The unit's complaints for its timeline: number, category and progress — never who complained."""
    from fireoffice.services.unit_timeline import TimelineEntry

    rows = session.execute(select(Complaint).where(Complaint.unit_id == unit.id)).scalars()
    return [TimelineEntry(_aware(c.received_at), "举报", f"举报投诉 {c.complaint_no}：{c.category}",
                          "，".join(x for x in (c.status, c.result, c.handling, c.doc_no) if x), c.created_by,
                          "complaint", c.uid) for c in rows]


def _register_timeline() -> None:
    from fireoffice.services import unit_timeline

    if timeline_source not in unit_timeline.SOURCES:
        unit_timeline.SOURCES.append(timeline_source)


_register_timeline()  # loaded at GUI start through the demo module, like the other timeline sources
