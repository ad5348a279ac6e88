"""The hazard closed loop, one service call per step: 延期, 申请复查, 期限届满, 复查, 证据销号, 升级, 重新限期, 移送."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from fireoffice.db.models import (
    Hazard,
    HazardExtension,
    HazardRecheck,
    Inspection,
    InspectionPlan,
    Photo,
    PlanVisit,
    Unit,
)
from fireoffice.services import audit, officers, photos, plans, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.hazards import (
    ESCALATIONS,
    LONG_DEADLINE_DAYS,
    OPEN_STATES,
    HazardInfo,
    hazard_info,
    load_hazard,
    transition,
)
from fireoffice.services.permissions import require

RECHECK_RESULTS = ("已改正", "未改正", "部分改正")


@dataclass(frozen=True)
class ExtensionInfo:
    uid: str
    hazard_uid: str
    applied_on: date
    reason: str
    requested_deadline: date
    decision_due: date
    decision: str
    new_deadline: date | None


@dataclass(frozen=True)
class RecheckInput:
    rechecked_on: date
    officer_uids: tuple[str, ...]
    result: str  # 已改正 / 未改正 / 部分改正
    note: str = ""
    opinion_no: str = ""
    inspection_uid: str | None = None
    photos: tuple[photos.PhotoInput, ...] = field(default=())


def _ext_info(e: HazardExtension, hazard_uid: str) -> ExtensionInfo:
    return ExtensionInfo(e.uid, hazard_uid, e.applied_on, e.reason, e.requested_deadline, e.decision_due,
                         e.decision, e.new_deadline)


def apply_extension(ctx: ServiceContext, hazard_uid: str, applied_on: date, requested_deadline: date,
                    reason: str) -> ExtensionInfo:
    """延期申请: before the deadline, for a later date, one pending application at a time."""
    require(ctx, "hazards.manage")
    if len(reason.strip()) < 4:
        raise ValidationError("延期理由", "请写明不能按期整改的原因")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        if applied_on > h.deadline:
            raise ValidationError("申请日期", f"延期应在整改期限 {h.deadline} 届满前申请")
        if requested_deadline <= h.deadline:
            raise ValidationError("申请延期至", f"应晚于现在的整改期限 {h.deadline}")
        if s.execute(select(HazardExtension.id).where(HazardExtension.hazard_id == h.id,
                                                      HazardExtension.decision == "待审批")).scalar():
            raise Conflict("这条隐患已有一份待审批的延期申请。")
        due = workdays.deadline(workdays.load_calendar(s), "extension_decision", applied_on)
        ext = HazardExtension(hazard_id=h.id, applied_on=applied_on, reason=reason.strip()[:300],
                              requested_deadline=requested_deadline, decision_due=due.due)
        s.add(ext)
        s.flush()
        transition(s, ctx.actor.username, h, "申请延期", applied_on, ext.reason, ext.uid)
        return _ext_info(ext, h.uid)


def decide_extension(ctx: ServiceContext, extension_uid: str, approve: bool, decided_on: date,
                     new_deadline: date | None = None, refusal_reason: str = "", doc_no: str = "") -> HazardInfo:
    """同意 (the deadline moves, 复查 due follows) or 不同意 (with a reason) a pending extension."""
    require(ctx, "hazards.manage")
    with ctx.db.write() as s:
        ext = s.execute(select(HazardExtension).where(HazardExtension.uid == extension_uid)).scalar()
        if ext is None:
            raise NotFound("没有找到这份延期申请。")
        if ext.decision != "待审批":
            raise Conflict(f"这份延期申请已经{ext.decision}。")
        h = s.get(Hazard, ext.hazard_id)
        if decided_on < ext.applied_on:
            raise ValidationError("决定日期", "不能早于申请日期")
        ext.decided_on, ext.decided_by, ext.doc_no = decided_on, ctx.actor.username, doc_no.strip()
        if approve:
            target = new_deadline or ext.requested_deadline
            if target <= h.deadline:
                raise ValidationError("延期至", f"应晚于原整改期限 {h.deadline}")
            cal = workdays.load_calendar(s)
            recheck = workdays.deadline(cal, "recheck_deadline", target)
            ext.decision, ext.new_deadline = "同意", target
            transition(s, ctx.actor.username, h, "同意延期", decided_on, f"延期至 {target}", ext.uid, changes={
                "deadline": target, "deadline_rule": f"同意延期（原期限 {h.deadline}）",
                "deadline_calendar": cal.version, "recheck_due": recheck.due, "recheck_rule": recheck.rule})
        else:
            if len(refusal_reason.strip()) < 4:
                raise ValidationError("不同意理由", "请写明不同意延期的理由")
            ext.decision, ext.refusal_reason = "不同意", refusal_reason.strip()[:300]
            transition(s, ctx.actor.username, h, "不同意延期", decided_on, ext.refusal_reason, ext.uid)
        return hazard_info(s, h, decided_on)


def apply_recheck(ctx: ServiceContext, hazard_uid: str, applied_on: date) -> HazardInfo:
    """The unit reports it has corrected and asks for 复查: due 3 working days after the application."""
    require(ctx, "hazards.manage")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        if applied_on < h.found_on:
            raise ValidationError("申请日期", "不能早于隐患发现日期")
        due = workdays.deadline(workdays.load_calendar(s), "recheck_application", applied_on)
        transition(s, ctx.actor.username, h, "申请复查", applied_on, "单位申请复查", changes={
            "applied_on": applied_on, "recheck_due": due.due, "recheck_rule": due.rule})
        return hazard_info(s, h, applied_on)


def sweep_deadlines(ctx: ServiceContext, today: date | None = None) -> int:
    """Move every 待整改 hazard whose deadline has passed to 待复查 (期限届满); run daily or at start."""
    today = today or date.today()
    with ctx.db.write() as s:
        rows = s.execute(select(Hazard).where(Hazard.state == "待整改", Hazard.deadline < today)).scalars().all()
        for h in rows:
            transition(s, ctx.actor.username, h, "期限届满", today, f"整改期限 {h.deadline} 已届满，待复查")
        return len(rows)


def record_recheck(ctx: ServiceContext, hazard_uid: str, data: RecheckInput) -> HazardInfo:
    """复查 by two enforcement officers: 已改正 closes (销号); otherwise 逾期未改, or 待整改 before the deadline."""
    require(ctx, "hazards.manage")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        inspection = None
        if data.inspection_uid:
            inspection = s.execute(select(Inspection).where(Inspection.uid == data.inspection_uid)).scalar()
            if inspection is None:
                raise ValidationError("复查记录", "关联的检查记录不存在")
        insert_recheck(s, ctx.actor.username, h, data, inspection)
        return hazard_info(s, h, data.rechecked_on)


def insert_recheck(s, actor: str, h: Hazard, data: RecheckInput, inspection: Inspection | None = None) -> HazardRecheck:
    """The 复查 itself, in the caller's transaction (also used by a 复查 inspection record)."""
    if data.result not in RECHECK_RESULTS:
        raise ValidationError("复查结论", "只能是 " + "、".join(RECHECK_RESULTS))
    photos.validate_photos(data.photos, "复查照片")
    if data.rechecked_on < h.found_on:
        raise ValidationError("复查日期", f"不能早于隐患发现日期 {h.found_on}")
    if inspection is not None and inspection.unit_id != h.unit_id:
        raise ValidationError("复查记录", f"隐患 {h.hazard_no} 不是这家单位的")
    users = plans.check_pair(s, data.officer_uids, h.unit_id, data.rechecked_on)
    trigger = "当事人申请" if h.state == "待复查" and h.applied_on else "期限届满"
    rec = HazardRecheck(hazard_id=h.id, inspection_id=inspection.id if inspection else None,
                        rechecked_on=data.rechecked_on, officer1_id=users[0].id, officer2_id=users[1].id,
                        trigger=trigger, result=data.result, note=data.note.strip()[:300],
                        opinion_no=data.opinion_no.strip())
    s.add(rec)
    s.flush()
    photos.store(s, actor, data.photos, "复查", hazard_id=h.id, recheck_id=rec.id)
    names = "、".join(u.display_name for u in users)
    if data.result == "已改正":
        transition(s, actor, h, "复查合格", data.rechecked_on, f"复查人：{names}", rec.uid,
                   changes={"closed_on": data.rechecked_on, "close_basis": "复查"})
    else:
        target = "逾期未改" if data.rechecked_on > h.deadline else "待整改"
        transition(s, actor, h, "复查不合格", data.rechecked_on, f"{data.result}；复查人：{names}", rec.uid,
                   target=target)
    _finish_recheck_visit(s, h)
    return rec


def _finish_recheck_visit(s, h: Hazard) -> None:
    """A scheduled 复查 visit is done once every hazard it was planned for has been rechecked."""
    visit_id, h.recheck_visit_id = h.recheck_visit_id, None
    s.flush()
    if visit_id is None:
        return
    left = s.execute(select(func.count()).select_from(Hazard).where(Hazard.recheck_visit_id == visit_id)).scalar_one()
    visit = s.get(PlanVisit, visit_id)
    if not left and visit.status == "待检查":
        visit.status = "已完成"


def close_with_evidence(ctx: ServiceContext, hazard_uid: str, closed_on: date, approver_uid: str,
                        evidence: Sequence[photos.PhotoInput] = (), note: str = "") -> HazardInfo:
    """销号 without a 复查: needs 整改后 evidence (photos) and the approval of the 所长."""
    require(ctx, "hazards.approve")
    photos.validate_photos(evidence, "整改后照片")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        approver = officers.user_by_uid(s, approver_uid) if approver_uid else None
        if approver is None or approver.role != "所长" or not approver.active:
            raise ValidationError("批准人", "不经复查销号须由所长批准")
        stored_after = s.execute(select(func.count()).select_from(Photo).where(
            Photo.hazard_id == h.id, Photo.phase == "整改后")).scalar_one()
        if not evidence and not stored_after:
            raise ValidationError("整改后照片", "销号须有复查记录；不经复查的，须附整改后照片等证据并经所长批准")
        if closed_on < h.found_on:
            raise ValidationError("销号日期", "不能早于隐患发现日期")
        photos.store(s, ctx.actor.username, evidence, "整改后", hazard_id=h.id)
        transition(s, ctx.actor.username, h, "证据销号", closed_on, f"所长{approver.display_name}批准。{note}".strip(),
                   changes={"closed_on": closed_on, "close_basis": "证据审批", "approved_by": approver.display_name})
        return hazard_info(s, h, closed_on)


def escalate(ctx: ServiceContext, hazard_uid: str, kind: str, on: date, note: str = "", ref: str = "") -> HazardInfo:
    """逾期未改 → 处罚 / 约谈 / 临时查封 / 三停 (the document is linked once the documents feature exists)."""
    require(ctx, "hazards.manage")
    if kind not in ESCALATIONS:
        raise ValidationError("处置措施", "只能是 " + "、".join(ESCALATIONS))
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        transition(s, ctx.actor.username, h, "升级处置", on, f"{kind}。{note}".strip(), ref,
                   changes={"escalation": kind, "escalated_on": on, "escalation_ref": ref})
        return hazard_info(s, h, on)


def reset_deadline(ctx: ServiceContext, hazard_uid: str, on: date, new_deadline: date, reason: str) -> HazardInfo:
    """逾期未改 → 待整改 with a new deadline (e.g. ordered again after a penalty)."""
    require(ctx, "hazards.manage")
    if len(reason.strip()) < 4:
        raise ValidationError("理由", "请写明重新限期的理由")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        if new_deadline <= on:
            raise ValidationError("新的整改期限", "应晚于今天")
        if (new_deadline - on).days > LONG_DEADLINE_DAYS and len(reason.strip()) < 8:
            raise ValidationError("理由", f"整改期限超过 {LONG_DEADLINE_DAYS} 天，请详细说明理由")
        cal = workdays.load_calendar(s)
        recheck = workdays.deadline(cal, "recheck_deadline", new_deadline)
        transition(s, ctx.actor.username, h, "重新限期", on, reason.strip(), changes={
            "deadline": new_deadline, "deadline_rule": "重新限期（指定日期）", "deadline_calendar": cal.version,
            "recheck_due": recheck.due, "recheck_rule": recheck.rule, "applied_on": None})
        return hazard_info(s, h, on)


def transfer(ctx: ServiceContext, hazard_uid: str, on: date, note: str) -> HazardInfo:
    """移送 to the 大队 (outside the township's powers)."""
    require(ctx, "hazards.manage")
    if len(note.strip()) < 4:
        raise ValidationError("移送说明", "请写明移送对象和原因")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        transition(s, ctx.actor.username, h, "移送", on, note.strip())
        return hazard_info(s, h, on)


def list_extensions(ctx: ServiceContext, hazard_uid: str) -> list[ExtensionInfo]:
    with ctx.db.read() as s:
        h = load_hazard(s, hazard_uid)
        rows = s.execute(select(HazardExtension).where(HazardExtension.hazard_id == h.id)
                         .order_by(HazardExtension.id)).scalars()
        return [_ext_info(e, h.uid) for e in rows]


def schedule_rechecks(ctx: ServiceContext, hazard_uids: Sequence[str], planned_date: date | None = None,
                      officer_uids: Sequence[str] = ()) -> list[plans.VisitInfo]:
    """Bulk 复查 scheduling from the ledger: one visit per unit in that month's 复查 plan, linked to its hazards."""
    require(ctx, "hazards.manage")
    if not hazard_uids:
        raise ValidationError("隐患", "请至少选择一条隐患")
    with ctx.db.write() as s:
        rows = s.execute(select(Hazard).where(Hazard.uid.in_(list(hazard_uids)))).scalars().all()
        if len(rows) != len(set(hazard_uids)):
            raise NotFound("有的隐患没有找到（可能已被删除）。")
        closed = [h for h in rows if h.state not in OPEN_STATES]
        if closed:
            raise ValidationError("隐患", f"{closed[0].hazard_no} 已{closed[0].state}，无需复查")
        by_unit: dict[int, list[Hazard]] = {}
        for h in rows:
            by_unit.setdefault(h.unit_id, []).append(h)
        visits = []
        for unit_id, hazards in sorted(by_unit.items()):
            day = planned_date or min(h.recheck_due or h.deadline for h in hazards)
            plan = _recheck_plan(s, ctx.actor.username, day)
            pair = None
            if officer_uids:
                users = plans.check_pair(s, officer_uids, unit_id, day)
                pair = (users[0].id, users[1].id)
            visit = plans.insert_visits(s, plan, [(unit_id, pair, "复查")], day)[0]
            for h in hazards:
                h.recheck_visit_id = visit.id
            visits.append(visit)
            unit_name = s.get(Unit, unit_id).name
            audit.record(s, ctx.actor.username, "安排复查", "plan_visit", visit.uid, None,
                         {"unit": unit_name, "date": day, "hazards": [h.hazard_no for h in hazards]})
        return plans.visit_rows(s, PlanVisit.id.in_([v.id for v in visits]))


def _recheck_plan(s, actor: str, day: date) -> InspectionPlan:
    first = day.replace(day=1)
    plan = s.execute(select(InspectionPlan).where(
        InspectionPlan.plan_type == "复查", InspectionPlan.period_start == first,
        InspectionPlan.status == "进行中")).scalar()
    if plan is not None:
        return plan
    last = (first.replace(year=first.year + 1, month=1) if first.month == 12
            else first.replace(month=first.month + 1)).toordinal() - 1
    return plans.insert_plan(s, actor, plans.PlanInput(f"{first.year}年{first.month}月隐患复查", "复查", first,
                                                       date.fromordinal(last), note="由隐患台账批量安排"))
