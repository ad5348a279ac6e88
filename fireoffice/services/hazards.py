"""Hazards: creation with working-day deadlines, and the state machine every change of state goes through.

States: 待整改 → 待复查 → 已销号, or 逾期未改 → escalation / a new deadline; 已移送 when handed to the 大队.
Transitions are an explicit table; a state the table does not know is refused, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fireoffice.db.models import Hazard, HazardEvent, Inspection, Photo, Unit
from fireoffice.services import audit, photos, workdays
from fireoffice.services.checklists import HAZARD_CATEGORIES, SEVERITIES
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

STATES = ("待整改", "待复查", "逾期未改", "已销号", "已移送")
OPEN_STATES = ("待整改", "待复查", "逾期未改")
HANDLINGS = ("责令立即改正", "责令限期改正", "临时查封", "三停")
SOURCES = ("检查", "网格", "举报", "监测", "上级交办")
ESCALATIONS = ("处罚", "约谈", "临时查封", "三停")
LONG_DEADLINE_DAYS = 30  # longer periods need a written reason (domain.md §6.1)
# Too vague to act on or to check later (domain.md §6.2: "地下室应急照明失效", not "设施不全").
VAGUE = {"消防设施不全", "消防设施不完善", "设施不全", "存在隐患", "存在火灾隐患", "有隐患", "不符合要求",
         "不符合规定", "管理不到位", "消防安全管理不到位", "其他", "见附件"}

# action → (states it may start from, resulting state; None = decided by the action itself)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "申请延期": (frozenset({"待整改"}), "待整改"),
    "同意延期": (frozenset({"待整改"}), "待整改"),
    "不同意延期": (frozenset({"待整改"}), "待整改"),
    "申请复查": (frozenset({"待整改", "逾期未改"}), "待复查"),
    "期限届满": (frozenset({"待整改"}), "待复查"),
    "复查合格": (frozenset({"待整改", "待复查", "逾期未改"}), "已销号"),
    "复查不合格": (frozenset({"待整改", "待复查", "逾期未改"}), None),
    "证据销号": (frozenset({"待整改", "待复查", "逾期未改"}), "已销号"),
    "升级处置": (frozenset({"逾期未改"}), "逾期未改"),
    "重新限期": (frozenset({"逾期未改"}), "待整改"),
    "移送": (frozenset({"待整改", "待复查", "逾期未改"}), "已移送"),
}


@dataclass(frozen=True)
class HazardInput:
    description: str
    location: str
    category: str = ""  # empty: the checklist item's category, else 其他
    severity: str = ""  # empty: the checklist item's default severity, else 一般
    legal_basis: str = ""
    penalty_basis: str = ""
    handling: str = "责令限期改正"
    deadline: date | None = None  # an exact date, or:
    deadline_amount: int | None = None
    deadline_unit: str = "days"  # workdays / days / months
    deadline_reason: str = ""
    responsible_person: str = ""
    measures: str = ""
    item_code: str = ""
    photos: tuple[photos.PhotoInput, ...] = field(default=())


@dataclass(frozen=True)
class HazardInfo:
    uid: str
    hazard_no: str
    unit_uid: str
    unit_name: str
    found_on: date
    source: str
    category: str
    description: str
    location: str
    legal_basis: str
    severity: str
    major_stage: str
    handling: str
    state: str
    deadline: date
    deadline_rule: str
    deadline_calendar: str
    notice_due: date | None
    recheck_due: date | None
    escalation: str
    closed_on: date | None
    close_basis: str
    overdue: bool
    days_overdue: int
    inspection_uid: str | None = None
    warnings: tuple[str, ...] = ()


def check_transition(state: str, action: str) -> frozenset[str]:
    """The allowed start states of `action`, after refusing an unknown state or action or a wrong start."""
    if state not in STATES:
        raise Conflict(f"隐患状态“{state}”无法识别，系统不会自动处理，请联系管理员核对这条隐患。")
    if action not in TRANSITIONS:
        raise Conflict(f"未知的隐患处理操作“{action}”。")
    allowed, _ = TRANSITIONS[action]
    if state not in allowed:
        raise Conflict(f"隐患处于“{state}”状态，不能“{action}”（只有{'、'.join(sorted(allowed))}状态可以）。")
    return allowed


def transition(session: Session, actor: str, hazard: Hazard, action: str, on: date, note: str = "",
               ref_uid: str = "", target: str | None = None, changes: dict | None = None) -> HazardEvent:
    """Apply one action: check it against the table, change the state, write the event and the audit record."""
    check_transition(hazard.state, action)
    target = TRANSITIONS[action][1] or target
    if target not in STATES:
        raise Conflict(f"“{action}”没有给出结果状态。")
    before = {"state": hazard.state, **{k: getattr(hazard, k) for k in (changes or {})}}
    event = HazardEvent(hazard_id=hazard.id, on_day=on, action=action, from_state=hazard.state, to_state=target,
                        actor=actor, note=note[:300], ref_uid=ref_uid)
    hazard.state = target
    for key, value in (changes or {}).items():
        setattr(hazard, key, value)
    session.add(event)
    session.flush()
    audit.record(session, actor, f"隐患{action}", "hazard", hazard.uid, before,
                 {"state": target, **(changes or {}), "note": note, "ref": ref_uid})
    return event


def overdue_on(h: Hazard, today: date) -> int:
    """Days overdue (0 = not): past the deadline, past the 复查 due date, or found 逾期未改."""
    if h.state == "逾期未改":
        return max(1, (today - h.deadline).days)
    if h.state == "待整改" and h.deadline < today:
        return (today - h.deadline).days
    if h.state == "待复查" and h.recheck_due is not None and h.recheck_due < today:
        return (today - h.recheck_due).days
    return 0


def hazard_info(session: Session, h: Hazard, today: date | None = None, warnings: tuple[str, ...] = ()) -> HazardInfo:
    unit = session.get(Unit, h.unit_id)
    inspection_uid = session.get(Inspection, h.inspection_id).uid if h.inspection_id else None
    late = overdue_on(h, today or date.today())
    return HazardInfo(h.uid, h.hazard_no, unit.uid, unit.name, h.found_on, h.source, h.category, h.description,
                      h.location, h.legal_basis, h.severity, h.major_stage, h.handling, h.state, h.deadline,
                      h.deadline_rule, h.deadline_calendar, h.notice_due, h.recheck_due, h.escalation, h.closed_on,
                      h.close_basis, late > 0, late, inspection_uid, warnings)


def load_hazard(session: Session, uid: str) -> Hazard:
    row = session.execute(select(Hazard).where(Hazard.uid == uid)).scalar()
    if row is None:
        raise NotFound("没有找到这条隐患（可能已被删除）。")
    return row


def next_hazard_nos(session: Session, year: int, n: int = 1) -> list[str]:
    prefix = f"YH-{year}-"
    top = session.execute(select(func.max(Hazard.hazard_no)).where(Hazard.hazard_no.like(prefix + "%"))).scalar()
    start = int(top[len(prefix):]) if top else 0
    return [f"{prefix}{start + i:06d}" for i in range(1, n + 1)]


# --- creation ----------------------------------------------------------------------------------------------

def validate_hazard(data: HazardInput, found_on: date, row: int | None = None) -> None:
    """Refuse a hazard nobody could act on or check: vague text, no place, impossible deadline."""
    text = data.description.strip()
    if not text:
        raise ValidationError("隐患描述", "不能为空", row)
    if text in VAGUE or len(text) < 6:
        raise ValidationError("隐患描述", "请写明具体问题和部位，例如“二层东侧安全出口被货物堵塞”，"
                                       "不能只写“消防设施不全”这类笼统说法", row)
    if not data.location.strip():
        raise ValidationError("隐患部位", "请填写隐患所在部位，例如“一层厨房”", row)
    if data.category not in HAZARD_CATEGORIES:
        raise ValidationError("隐患类别", "只能是 " + "、".join(HAZARD_CATEGORIES), row)
    if data.severity not in SEVERITIES:
        raise ValidationError("隐患等级", "只能是 一般 或 重大", row)
    if data.handling not in HANDLINGS:
        raise ValidationError("处置方式", "只能是 " + "、".join(HANDLINGS), row)
    if data.deadline is not None and data.deadline < found_on:
        raise ValidationError("整改期限", f"不能早于检查（发现）日期 {found_on.isoformat()}", row)
    if data.handling == "责令限期改正" and data.deadline is None and not data.deadline_amount:
        raise ValidationError("整改期限", "责令限期改正须指定整改期限", row)
    if data.deadline_amount is not None and data.deadline_amount < 0:
        raise ValidationError("整改期限", "天数不能为负数", row)
    photos.validate_photos(data.photos, "隐患照片")


def _deadline(cal: workdays.WorkCalendar, data: HazardInput, found_on: date) -> workdays.Deadline:
    if data.handling == "责令立即改正":
        return workdays.Deadline(found_on, None, "责令立即改正：当场改正", cal.version)
    if data.deadline is not None:
        missing = cal.unknown_years(found_on, data.deadline)
        return workdays.Deadline(data.deadline, None, "指定日期", cal.version,
                                 (workdays.unknown_year_warning(missing),) if missing else ())
    return workdays.period(cal, found_on, data.deadline_amount or 0, data.deadline_unit)


def insert_hazard(session: Session, actor: str, cal: workdays.WorkCalendar, unit: Unit, data: HazardInput,
                  found_on: date, source: str = "检查", inspection: Inspection | None = None,
                  hazard_no: str | None = None, row: int | None = None) -> tuple[Hazard, tuple[str, ...]]:
    """Validate and insert one hazard with its deadlines, photos, first event and audit record."""
    data = replace(data, category=data.category or "其他", severity=data.severity or "一般")
    validate_hazard(data, found_on, row)
    if source not in SOURCES:
        raise ValidationError("发现方式", "只能是 " + "、".join(SOURCES), row)
    due = _deadline(cal, data, found_on)
    if (due.due - found_on).days > LONG_DEADLINE_DAYS and not data.deadline_reason.strip():
        raise ValidationError("延长理由", f"整改期限超过 {LONG_DEADLINE_DAYS} 天，请说明理由", row)
    notice = workdays.deadline(cal, "notice", found_on) if data.handling == "责令限期改正" else None
    recheck = workdays.deadline(cal, "recheck_deadline", due.due)
    hazard = Hazard(
        hazard_no=hazard_no or next_hazard_nos(session, found_on.year)[0], unit_id=unit.id,
        inspection_id=inspection.id if inspection else None, item_code=data.item_code, found_on=found_on,
        source=source, category=data.category, description=data.description.strip(),
        location=data.location.strip(), legal_basis=data.legal_basis.strip(),
        penalty_basis=data.penalty_basis.strip(), severity=data.severity,
        major_stage="拟判定" if data.severity == "重大" else "", handling=data.handling, state="待整改",
        deadline=due.due, deadline_rule=due.rule, deadline_calendar=due.calendar_version,
        deadline_reason=data.deadline_reason.strip(), notice_due=notice.due if notice else None,
        recheck_due=recheck.due, recheck_rule=recheck.rule, responsible_person=data.responsible_person.strip(),
        measures=data.measures.strip(), created_by=actor)
    session.add(hazard)
    session.flush()
    photos.store(session, actor, data.photos, "整改前", hazard_id=hazard.id,
                 inspection_id=inspection.id if inspection else None)
    session.add(HazardEvent(hazard_id=hazard.id, on_day=found_on, action="登记", from_state="", to_state="待整改",
                            actor=actor, note=f"{source}发现"))
    audit.record(session, actor, "登记隐患", "hazard", hazard.uid, None, {
        "hazard_no": hazard.hazard_no, "unit": unit.uid, "description": hazard.description,
        "severity": hazard.severity, "deadline": hazard.deadline, "deadline_rule": hazard.deadline_rule,
        "calendar": hazard.deadline_calendar})
    return hazard, due.warnings


def report_hazard(ctx: ServiceContext, unit_uid: str, data: HazardInput, found_on: date,
                  source: str = "网格") -> HazardInfo:
    """A hazard found outside an inspection (网格员 report, 举报, 监测, 上级交办)."""
    require(ctx, "hazards.report")
    with ctx.db.write() as s:
        unit = s.execute(select(Unit).where(Unit.uid == unit_uid)).scalar()
        if unit is None:
            raise NotFound("没有找到这家单位（可能已被删除）。")
        hazard, warnings = insert_hazard(s, ctx.actor.username, workdays.load_calendar(s), unit, data, found_on,
                                         source)
        return hazard_info(s, hazard, warnings=warnings)


def get_hazard(ctx: ServiceContext, uid: str, today: date | None = None) -> HazardInfo:
    with ctx.db.read() as s:
        return hazard_info(s, load_hazard(s, uid), today)


@dataclass(frozen=True)
class EventInfo:
    on_day: date
    action: str
    from_state: str
    to_state: str
    actor: str
    note: str


def hazard_events(ctx: ServiceContext, uid: str) -> list[EventInfo]:
    with ctx.db.read() as s:
        h = load_hazard(s, uid)
        rows = s.execute(select(HazardEvent).where(HazardEvent.hazard_id == h.id).order_by(HazardEvent.id)).scalars()
        return [EventInfo(e.on_day, e.action, e.from_state, e.to_state, e.actor, e.note) for e in rows]


def hazard_photos(ctx: ServiceContext, uid: str) -> list[photos.PhotoInfo]:
    with ctx.db.read() as s:
        h = load_hazard(s, uid)
        rows = s.execute(select(Photo).where(Photo.hazard_id == h.id).order_by(Photo.id)).scalars()
        return [photos.info(p) for p in rows]


def add_photos(ctx: ServiceContext, uid: str, items: Sequence[photos.PhotoInput], phase: str) -> int:
    """Add before/after photos to a hazard (整改前 / 整改后)."""
    require(ctx, "hazards.report")
    photos.validate_photos(items)
    if not items:
        raise ValidationError("照片", "请选择照片")
    with ctx.db.write() as s:
        h = load_hazard(s, uid)
        rows = photos.store(s, ctx.actor.username, items, phase, hazard_id=h.id)
        audit.record(s, ctx.actor.username, "添加隐患照片", "hazard", h.uid, None,
                     {"phase": phase, "sha256": [r.sha256 for r in rows]})
        return len(rows)
