"""重大火灾隐患 (GB 35181, domain.md §5.5): 判定 by ≥3 discussants or ≥7 experts with ≥2/3 agreement,
then 报政府 → 挂牌督办 → 销案. Only a 判定 that concludes 构成 starts the government workflow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Hazard, HazardEvent, MajorHazardDetermination, Unit
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.hazards import load_hazard
from fireoffice.services.permissions import require

STAGES = ("拟判定", "已判定", "不构成", "已报政府", "挂牌督办", "已销案")
METHODS = ("直接判定", "综合判定")
MODES = {"集体讨论": 3, "专家论证": 7}  # minimum number of participants
# step → (stages it may start from, resulting stage)
STEPS: dict[str, tuple[frozenset[str], str]] = {
    "报政府": (frozenset({"已判定"}), "已报政府"),
    "挂牌督办": (frozenset({"已报政府"}), "挂牌督办"),
    "销案": (frozenset({"已报政府", "挂牌督办"}), "已销案"),
}


@dataclass(frozen=True)
class DeterminationInput:
    method: str
    mode: str
    participants: tuple[str, ...]
    votes_for: int
    concluded_on: date
    measures: str = ""
    deadline: date | None = None  # the rectification deadline the discussion proposes
    element_codes: str = ""


@dataclass(frozen=True)
class MajorInfo:
    hazard_uid: str
    hazard_no: str
    stage: str
    conclusion: str
    mode: str
    participant_count: int
    votes_for: int
    concluded_on: date | None
    reported_on: date | None
    report_doc_no: str
    supervised_on: date | None
    supervisor: str
    case_closed_on: date | None


def _info(h: Hazard, d: MajorHazardDetermination | None) -> MajorInfo:
    return MajorInfo(h.uid, h.hazard_no, h.major_stage, d.conclusion if d else "", d.mode if d else "",
                     d.participant_count if d else 0, d.votes_for if d else 0, d.concluded_on if d else None,
                     d.reported_on if d else None, d.report_doc_no if d else "", d.supervised_on if d else None,
                     d.supervisor if d else "", d.case_closed_on if d else None)


def _determination(s: Session, h: Hazard) -> MajorHazardDetermination | None:
    return s.execute(select(MajorHazardDetermination).where(MajorHazardDetermination.hazard_id == h.id)
                     .order_by(MajorHazardDetermination.id.desc()).limit(1)).scalar()


def _event(s: Session, actor: str, h: Hazard, action: str, on: date, before: str, note: str, ref: str) -> None:
    s.add(HazardEvent(hazard_id=h.id, on_day=on, action=action, from_state=h.state, to_state=h.state,
                      actor=actor, note=note[:300], ref_uid=ref))
    audit.record(s, actor, f"重大隐患{action}", "hazard", h.uid, {"major_stage": before},
                 {"major_stage": h.major_stage, "note": note})


def validate_determination(data: DeterminationInput, unit: Unit, found_on: date) -> list[str]:
    if data.method not in METHODS:
        raise ValidationError("判定方法", "只能是 " + "、".join(METHODS))
    if data.mode not in MODES:
        raise ValidationError("判定方式", "只能是 " + "、".join(MODES))
    people = [p.strip() for p in data.participants if p.strip()]
    if len(set(people)) != len(people):
        raise ValidationError("参加人员", "有重复的姓名")
    need = MODES[data.mode]
    if len(people) < need:
        raise ValidationError("参加人员", f"{data.mode}至少需要 {need} 人参加，现有 {len(people)} 人")
    owners = {unit.legal_rep, unit.resp_person, unit.mgr_person} - {""}
    if owners & set(people):
        raise ValidationError("参加人员", "被检查单位的人员可以陈述意见，但不能参加判定")
    if not 0 <= data.votes_for <= len(people):
        raise ValidationError("同意人数", f"应在 0 到 {len(people)} 之间")
    if data.concluded_on < found_on:
        raise ValidationError("判定日期", f"不能早于隐患发现日期 {found_on}")
    return people


def determine(ctx: ServiceContext, hazard_uid: str, data: DeterminationInput) -> MajorInfo:
    """Record the 判定: ≥ 2/3 of participants agreeing makes it 构成 (已判定); otherwise it is an ordinary hazard."""
    require(ctx, "hazards.approve")
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        if h.severity != "重大" or h.major_stage != "拟判定":
            raise Conflict(f"隐患 {h.hazard_no} 不是待判定的重大火灾隐患（当前：{h.severity} {h.major_stage}）。")
        people = validate_determination(data, s.get(Unit, h.unit_id), h.found_on)
        major = data.votes_for * 3 >= len(people) * 2
        if major and (len(data.measures.strip()) < 4 or data.deadline is None):
            raise ValidationError("整改措施", "判定为重大火灾隐患的，须提出整改措施和整改期限")
        if major and data.deadline < data.concluded_on:
            raise ValidationError("整改期限", "不能早于判定日期")
        d = MajorHazardDetermination(
            hazard_id=h.id, method=data.method, mode=data.mode, element_codes=data.element_codes.strip(),
            participants="、".join(people), participant_count=len(people), votes_for=data.votes_for,
            conclusion="构成" if major else "不构成", concluded_on=data.concluded_on, measures=data.measures.strip())
        s.add(d)
        s.flush()
        before = h.major_stage
        if major:
            h.major_stage = "已判定"
            if data.deadline != h.deadline:
                h.deadline, h.deadline_rule = data.deadline, f"重大火灾隐患判定确定的期限（原 {h.deadline}）"
        else:
            h.major_stage, h.severity = "不构成", "一般"
        _event(s, ctx.actor.username, h, "判定", data.concluded_on, before,
               f"{data.mode}{len(people)}人，同意{data.votes_for}人：{d.conclusion}", d.uid)
        return _info(h, d)


def _step(ctx: ServiceContext, hazard_uid: str, step: str, on: date, note: str, **fields) -> MajorInfo:
    with ctx.db.write() as s:
        h = load_hazard(s, hazard_uid)
        if h.major_stage not in STAGES:
            raise Conflict(f"重大隐患阶段“{h.major_stage or '（无）'}”无法识别，系统不会自动处理。")
        allowed, target = STEPS[step]
        if h.major_stage not in allowed:
            raise Conflict(f"重大隐患处于“{h.major_stage}”阶段，不能“{step}”（只有{'、'.join(sorted(allowed))}可以）。")
        d = _determination(s, h)
        if d is None:
            raise NotFound("没有找到这条隐患的判定记录。")
        if step == "销案" and h.state != "已销号":
            raise Conflict(f"隐患尚未整改销号（当前：{h.state}），不能销案。")
        if on < d.concluded_on:
            raise ValidationError("日期", f"不能早于判定日期 {d.concluded_on}")
        for key, value in fields.items():
            setattr(d, key, value)
        before, h.major_stage = h.major_stage, target
        s.flush()
        _event(s, ctx.actor.username, h, step, on, before, note, d.uid)
        return _info(h, d)


def report_to_government(ctx: ServiceContext, hazard_uid: str, reported_on: date, doc_no: str = "") -> MajorInfo:
    """书面报告本级人民政府."""
    require(ctx, "hazards.manage")
    return _step(ctx, hazard_uid, "报政府", reported_on, f"书面报告政府 {doc_no}".strip(),
                 reported_on=reported_on, report_doc_no=doc_no.strip())


def supervise(ctx: ServiceContext, hazard_uid: str, supervised_on: date, supervisor: str) -> MajorInfo:
    """挂牌督办 by the government named."""
    require(ctx, "hazards.manage")
    if not supervisor.strip():
        raise ValidationError("督办单位", "请填写挂牌督办的政府或部门")
    return _step(ctx, hazard_uid, "挂牌督办", supervised_on, f"{supervisor.strip()}挂牌督办",
                 supervised_on=supervised_on, supervisor=supervisor.strip())


def close_case(ctx: ServiceContext, hazard_uid: str, closed_on: date) -> MajorInfo:
    """销案, once the hazard itself has been rectified and closed (已销号)."""
    require(ctx, "hazards.manage")
    return _step(ctx, hazard_uid, "销案", closed_on, "整改完毕，销案", case_closed_on=closed_on)


def major_info(ctx: ServiceContext, hazard_uid: str) -> MajorInfo:
    with ctx.db.read() as s:
        h = load_hazard(s, hazard_uid)
        return _info(h, _determination(s, h))
