"""消防监督检查记录: create (with checklist results, 口头责令改正, hazards, photos, 复查), edit the header, read back.

Times: the caller gives local wall-clock times (naive = this PC's zone); they are stored as UTC, like every
timestamp here, and come back as local aware datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import (
    ChecklistResult,
    ChecklistVersion,
    Hazard,
    Inspection,
    InspectionOfficer,
    InspectionPlan,
    Photo,
    PlanVisit,
    Unit,
    User,
)
from fireoffice.services import audit, checklists, hazard_flow, hazards, officers, photos, plans, workdays
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

INSPECTION_TYPES = ("双随机抽查", "日常检查", "专项检查", "节前检查", "夜查", "复查", "举报投诉核查", "监督抽查",
                    "开业前检查", "大型活动前检查", "网格巡查")
NON_ENFORCEMENT = ("网格巡查",)  # 网格员/协管员 walk-rounds: one person, no enforcement documents
OUTCOMES = ("完成", "锁门", "停业", "找不到", "装修", "空置", "搬迁")
RESULTS = ("符合", "不符合", "不涉及")
MAX_HOURS = 12


@dataclass(frozen=True)
class ResultInput:
    code: str
    result: str
    note: str = ""
    location: str = ""
    corrected_on_spot: bool = False  # → 口头责令改正, no hazard
    hazard: hazards.HazardInput | None = None  # required for 不符合 not corrected on the spot
    photos: tuple[photos.PhotoInput, ...] = field(default=())


@dataclass(frozen=True)
class RecheckEntry:
    hazard_uid: str
    result: str  # 已改正 / 未改正 / 部分改正
    note: str = ""


@dataclass(frozen=True)
class InspectionInput:
    unit_uid: str
    inspection_type: str
    started_at: datetime
    ended_at: datetime
    officer_uids: tuple[str, ...]
    outcome: str = "完成"
    people_present: str = ""
    unit_rep: str = ""
    unit_rep_refused: bool = False
    witness: str = ""
    plan_visit_uid: str | None = None
    record_no: str | None = None  # keyed from a field-kit form; else allocated
    template_uid: str | None = None
    results: tuple[ResultInput, ...] = ()
    rechecks: tuple[RecheckEntry, ...] = ()
    summary: str = ""
    photos: tuple[photos.PhotoInput, ...] = field(default=())


@dataclass(frozen=True)
class InspectionSaved:
    uid: str
    record_no: str
    hazard_uids: tuple[str, ...]
    hazard_nos: tuple[str, ...]
    verbal_orders: int
    notice_due: date | None  # 责令限期改正通知书 to be served by
    requeued: bool  # not completed: the unit stays in the batch for another visit
    warnings: tuple[str, ...] = ()


def to_utc(at: datetime) -> datetime:
    return (at if at.tzinfo else at.astimezone()).astimezone(timezone.utc)


def as_local(at: datetime) -> datetime:
    return (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()


def _validate_header(data: InspectionInput) -> None:
    if data.inspection_type not in INSPECTION_TYPES:
        raise ValidationError("检查类型", "只能是 " + "、".join(INSPECTION_TYPES))
    if data.outcome not in OUTCOMES:
        raise ValidationError("检查情况", "只能是 " + "、".join(OUTCOMES))
    if data.ended_at <= data.started_at:
        raise ValidationError("结束时间", "应晚于开始时间")
    if data.ended_at - data.started_at > timedelta(hours=MAX_HOURS):
        raise ValidationError("结束时间", f"一次检查不超过 {MAX_HOURS} 小时，请核对日期")
    if to_utc(data.started_at) > datetime.now(timezone.utc) + timedelta(minutes=30):
        raise ValidationError("开始时间", "不能晚于现在")
    if data.outcome != "完成" and (data.results or data.rechecks):
        raise ValidationError("检查情况", f"未能检查（{data.outcome}）时不填写检查结果")
    if data.unit_rep_refused and not data.witness.strip():
        raise ValidationError("见证人", "被检查单位人员拒绝签名的，须有见证人")
    for entry in data.rechecks:
        if entry.result not in hazard_flow.RECHECK_RESULTS:
            raise ValidationError("复查结论", "只能是 " + "、".join(hazard_flow.RECHECK_RESULTS))


def check_officers(session: Session, data: InspectionInput, unit_id: int, on: date) -> list[User]:
    """≥ 2 enforcement officers with a valid 执法证 and no recusal (assistants may come along)."""
    uids = list(dict.fromkeys(data.officer_uids))
    if not uids:
        raise ValidationError("检查人员", "请填写检查人员")
    users = [officers.user_by_uid(session, uid) for uid in uids]
    if data.inspection_type in NON_ENFORCEMENT:
        return users
    for user in users:
        if user.role in officers.ENFORCER_ROLES:
            problem = officers.enforcer_problem(user, on)
            if problem:
                raise ValidationError("检查人员", problem)
    enforcers = [u for u in users if u.role in officers.ENFORCER_ROLES]
    if len(enforcers) < 2:
        raise ValidationError("检查人员", f"执法检查至少需要 2 名持有效执法证的执法人员（现有 {len(enforcers)} 名）")
    recused = officers.recusal_pairs(session, [u.id for u in users], [unit_id])
    for user in users:
        if (user.id, unit_id) in recused:
            raise ValidationError("检查人员", f"{user.display_name} 已申报与该单位有利害关系，应当回避")
    return enforcers + [u for u in users if u not in enforcers]


def _visit_and_number(s: Session, data: InspectionInput, unit: Unit, day: date) -> tuple[PlanVisit | None, str]:
    """The planned visit (given, or found by the number keyed from a field-kit form) and the record number."""
    typed = (data.record_no or "").strip()
    visit = plans.load_visit(s, data.plan_visit_uid) if data.plan_visit_uid else None
    if visit is None and typed:
        visit = s.execute(select(PlanVisit).where(PlanVisit.record_no == typed)).scalar()
    if visit is not None:
        if visit.unit_id != unit.id:
            raise ValidationError("检查记录编号", f"编号 {visit.record_no} 是为另一家单位预留的")
        if visit.status != "待检查":
            raise Conflict(f"这项计划检查{visit.status}，不能再录入。")
        if typed and visit.record_no and typed != visit.record_no:
            raise ValidationError("检查记录编号", f"计划中这家单位的编号是 {visit.record_no}")
    number = (visit.record_no if visit is not None else None) or typed
    if number and s.execute(select(Inspection.id).where(Inspection.record_no == number)).scalar():
        raise ValidationError("检查记录编号", f"编号 {number} 已被另一份检查记录使用")
    return visit, number or plans.allocate_record_nos(s, day.year, 1)[0]


def _checklist(s: Session, data: InspectionInput, unit: Unit):
    version = checklists.active_version_row(s, data.template_uid)
    tags = checklists.unit_venue_tags(unit)
    items = checklists.select_items([checklists.item_info(i) for i in version.items], tags)
    by_code = {i.code: i for i in items}
    given = {}
    for n, r in enumerate(data.results, 1):
        item = by_code.get(r.code)
        if item is None:
            raise ValidationError("检查项目", f"第 {n} 项编号 {r.code} 不在这家单位适用的检查表中", n)
        if r.code in given:
            raise ValidationError("检查项目", f"{r.code} 填写了两次", n)
        if r.result not in RESULTS:
            raise ValidationError("检查结果", f"{r.code}：只能是 符合、不符合 或 不涉及", n)
        if r.result == "不符合" and r.corrected_on_spot and not item.on_spot_fixable:
            raise ValidationError("当场改正", f"{r.code}“{item.text}”不属于可当场改正的项目", n)
        if r.result == "不符合" and not r.corrected_on_spot and r.hazard is None:
            raise ValidationError("隐患描述", f"{r.code} 不符合且未当场改正，须登记隐患（写明问题、部位和期限）", n)
        given[r.code] = r
    missing = [c for c in by_code if c not in given]
    if missing:
        raise ValidationError("检查项目", f"还有 {len(missing)} 项未填写结果：{'、'.join(missing[:5])}")
    return version, tags, items


def create_inspection(ctx: ServiceContext, data: InspectionInput) -> InspectionSaved:
    """Save one inspection record in one transaction; any refusal leaves nothing written."""
    require(ctx, "inspections.edit")
    _validate_header(data)
    photos.validate_photos(data.photos)
    for r in data.results:
        photos.validate_photos(r.photos, f"{r.code} 照片")
    day = as_local(to_utc(data.started_at)).date()
    with ctx.db.write() as s:
        unit = s.execute(select(Unit).where(Unit.uid == data.unit_uid)).scalar()
        if unit is None:
            raise NotFound("没有找到这家单位（可能已被删除）。")
        if unit.archived:
            raise ValidationError("被检查单位", f"{unit.name} 已归档")
        users = check_officers(s, data, unit.id, day)
        visit, number = _visit_and_number(s, data, unit, day)
        plan = s.get(InspectionPlan, visit.plan_id) if visit else None
        if plan is not None and day < plan.period_start:
            raise ValidationError("开始时间", f"早于计划“{plan.name}”的开始日期 {plan.period_start}")
        version, tags, items = _checklist(s, data, unit) if data.outcome == "完成" else (None, (), [])
        counts = (plan is not None and plan.plan_type == "双随机" and data.inspection_type == "双随机抽查")
        row = Inspection(
            record_no=number, unit_id=unit.id, plan_id=plan.id if plan else None,
            plan_visit_id=visit.id if visit else None, inspection_type=data.inspection_type,
            is_enforcement=data.inspection_type not in NON_ENFORCEMENT, counts_for_random=counts,
            started_at=to_utc(data.started_at), ended_at=to_utc(data.ended_at), outcome=data.outcome,
            people_present=data.people_present.strip()[:200], unit_rep=data.unit_rep.strip()[:40],
            unit_rep_refused=data.unit_rep_refused, witness=data.witness.strip()[:40],
            checklist_version_id=version.id if version else None, venue_tags="、".join(tags),
            summary=data.summary.strip(), created_by=ctx.actor.username)
        s.add(row)
        s.flush()
        s.add_all(InspectionOfficer(inspection_id=row.id, user_id=u.id, position=n, name=u.display_name,
                                    role=u.role, cert_no=u.cert_no) for n, u in enumerate(users))
        photos.store(s, ctx.actor.username, data.photos, "检查", inspection_id=row.id)
        created, verbal, warnings = _results(s, ctx.actor.username, row, unit, items, data, day)
        _rechecks(s, ctx.actor.username, row, data, day)
        requeued = _update_visit(s, visit, data.outcome, day)
        warnings += officers.same_name_warnings(s, [u.id for u in users], unit.id)
        notice = min((h.notice_due for h in created if h.notice_due), default=None)
        audit.record(s, ctx.actor.username, "新建检查记录", "inspection", row.uid, None, {
            "record_no": number, "unit": unit.uid, "type": data.inspection_type, "outcome": data.outcome,
            "officers": [u.display_name for u in users], "hazards": [h.hazard_no for h in created],
            "verbal_orders": verbal})
        return InspectionSaved(row.uid, number, tuple(h.uid for h in created), tuple(h.hazard_no for h in created),
                               verbal, notice, requeued, tuple(dict.fromkeys(warnings)))


def _results(s: Session, actor: str, row: Inspection, unit: Unit, items, data: InspectionInput,
             day: date) -> tuple[list[Hazard], int, list[str]]:
    given = {r.code: r for r in data.results}
    cal = workdays.load_calendar(s) if any(r.hazard for r in data.results) else None
    numbers = iter(hazards.next_hazard_nos(s, day.year, sum(1 for r in data.results if r.hazard
                                                                  and not r.corrected_on_spot)))
    created, verbal, warnings = [], 0, []
    for n, item in enumerate(items, 1):
        r = given[item.code]
        note = r.note.strip()
        if r.result == "不符合" and r.corrected_on_spot:
            verbal += 1
            note = ("已当场改正，口头责令改正。" + note).strip()
        result = ChecklistResult(inspection_id=row.id, item_id=item.id, position=n, code=item.code,
                                 section=item.section, text=item.text, legal_basis=item.legal_basis,
                                 result=r.result, note=note[:300], location=r.location.strip()[:100],
                                 corrected_on_spot=r.result == "不符合" and r.corrected_on_spot)
        s.add(result)
        s.flush()
        photos.store(s, actor, r.photos, "检查", inspection_id=row.id, result_id=result.id)
        if r.result == "不符合" and not r.corrected_on_spot:
            spec = replace(r.hazard, category=r.hazard.category or item.hazard_category,
                           severity=r.hazard.severity or item.default_severity,
                           legal_basis=r.hazard.legal_basis or item.legal_basis, item_code=item.code,
                           location=r.hazard.location or r.location)
            hazard, extra = hazards.insert_hazard(s, actor, cal, unit, spec, day, "检查", row, next(numbers), n)
            result.hazard_id = hazard.id
            created.append(hazard)
            warnings.extend(extra)
    return created, verbal, warnings


def _rechecks(s: Session, actor: str, row: Inspection, data: InspectionInput, day: date) -> None:
    if not data.rechecks:
        return
    pair = tuple(u.uid for u in check_officers(s, data, row.unit_id, day)[:2])
    for entry in data.rechecks:
        h = hazards.load_hazard(s, entry.hazard_uid)
        hazard_flow.insert_recheck(s, actor, h, hazard_flow.RecheckInput(day, pair, entry.result, entry.note), row)


def _update_visit(s: Session, visit: PlanVisit | None, outcome: str, day: date) -> bool:
    if visit is None:
        return False
    visit.last_outcome = outcome
    if outcome == "完成":
        visit.status = "已完成"
        return False
    # 锁门/停业/找不到…: an attempt; the unit stays open in the batch, with a fresh number for the next form.
    visit.attempts += 1
    visit.record_no = plans.allocate_record_nos(s, day.year, 1)[0]
    return True


HEADER_FIELDS = {"people_present": "在场人员", "unit_rep": "被检查单位签名人", "unit_rep_refused": "拒绝签名",
                 "witness": "见证人", "summary": "检查情况说明", "started_at": "开始时间", "ended_at": "结束时间"}


def update_inspection(ctx: ServiceContext, uid: str, changes: dict) -> None:
    """Correct the record's header (people, signatures, times, notes); results and hazards have their own flow."""
    require(ctx, "inspections.edit")
    unknown = [k for k in changes if k not in HEADER_FIELDS]
    if unknown:
        raise ValidationError(unknown[0], "检查记录的这一项不能在这里修改")
    with ctx.db.write() as s:
        row = load_inspection(s, uid)
        before = {k: getattr(row, k) for k in changes}
        values = {k: (to_utc(v) if k in ("started_at", "ended_at") else v) for k, v in changes.items()}
        start, end = values.get("started_at", row.started_at), values.get("ended_at", row.ended_at)
        if to_utc(end) <= to_utc(start):
            raise ValidationError("结束时间", "应晚于开始时间")
        if values.get("unit_rep_refused", row.unit_rep_refused) and not str(values.get("witness", row.witness)).strip():
            raise ValidationError("见证人", "被检查单位人员拒绝签名的，须有见证人")
        for key, value in values.items():
            setattr(row, key, value.strip() if isinstance(value, str) else value)
        s.flush()
        audit.record(s, ctx.actor.username, "修改检查记录", "inspection", row.uid, before, values)


def load_inspection(session: Session, uid: str) -> Inspection:
    row = session.execute(select(Inspection).where(Inspection.uid == uid)).scalar()
    if row is None:
        raise NotFound("没有找到这份检查记录（可能已被删除）。")
    return row


@dataclass(frozen=True)
class ResultInfo:
    code: str
    section: str
    text: str
    legal_basis: str
    result: str
    note: str
    location: str
    corrected_on_spot: bool
    hazard_uid: str | None
    hazard_no: str


@dataclass(frozen=True)
class InspectionDetail:
    uid: str
    record_no: str
    unit_uid: str
    unit_name: str
    unit_address: str
    inspection_type: str
    is_enforcement: bool
    counts_for_random: bool
    started_at: datetime
    ended_at: datetime
    outcome: str
    people_present: str
    unit_rep: str
    unit_rep_refused: bool
    witness: str
    summary: str
    officers: tuple[tuple[str, str, str], ...]  # (name, role, 执法证号)
    checklist: str  # template name and version
    results: tuple[ResultInfo, ...]
    plan_uid: str | None
    visit_uid: str | None
    photo_uids: tuple[str, ...]


def get_inspection(ctx: ServiceContext, uid: str) -> InspectionDetail:
    with ctx.db.read() as s:
        row = load_inspection(s, uid)
        unit = s.get(Unit, row.unit_id)
        people = s.execute(select(InspectionOfficer).where(InspectionOfficer.inspection_id == row.id)
                           .order_by(InspectionOfficer.position)).scalars()
        results = s.execute(select(ChecklistResult, Hazard.uid, Hazard.hazard_no)
                            .outerjoin(Hazard, Hazard.id == ChecklistResult.hazard_id)
                            .where(ChecklistResult.inspection_id == row.id).order_by(ChecklistResult.position)).all()
        version = s.get(ChecklistVersion, row.checklist_version_id) if row.checklist_version_id else None
        plan = s.get(InspectionPlan, row.plan_id) if row.plan_id else None
        visit = s.get(PlanVisit, row.plan_visit_id) if row.plan_visit_id else None
        photo_uids = s.execute(select(Photo.uid).where(Photo.inspection_id == row.id).order_by(Photo.id)).scalars()
        return InspectionDetail(
            row.uid, row.record_no, unit.uid, unit.name, unit.address, row.inspection_type, row.is_enforcement,
            row.counts_for_random, as_local(row.started_at), as_local(row.ended_at), row.outcome,
            row.people_present, row.unit_rep, row.unit_rep_refused, row.witness, row.summary,
            tuple((p.name, p.role, p.cert_no) for p in people),
            f"{version.template.name} 第{version.version_no}版" if version else "",
            tuple(ResultInfo(r.code, r.section, r.text, r.legal_basis, r.result, r.note, r.location,
                             r.corrected_on_spot, huid, hno or "") for r, huid, hno in results),
            plan.uid if plan else None, visit.uid if visit else None, tuple(photo_uids))
