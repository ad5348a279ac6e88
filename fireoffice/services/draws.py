"""双随机 draws: build the pools, draw with a cryptographic seed, record everything, replay and verify."""

from __future__ import annotations

import json
import math
import secrets
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from fireoffice.db.models import Draw, Grid, Hazard, InspectionPlan, PlanVisit, Unit, User
from fireoffice.services import audit, officers, plans
from fireoffice.services import draw_algorithm as algo
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.frequency import ACTIVE_STATUS, CATEGORIES, RISK_LEVELS, parse_month
from fireoffice.services.penalised import penalty_documents
from fireoffice.services.permissions import require

CLOSED_STATES = ("已销号", "已移送")


@dataclass(frozen=True)
class DrawParams:
    month: str  # YYYY-MM
    count: int | None = None
    ratio: float | None = None
    categories: tuple[str, ...] = ()  # 重点单位 / 人员密集场所 / 九小场所 / 其他; empty = all
    grid_uids: tuple[str, ...] = ()
    risk_levels: tuple[str, ...] = ()
    force_penalised: bool = True  # units penalised in the last 12 months
    force_major: bool = True  # units with an open 重大 hazard


@dataclass(frozen=True)
class DrawnUnit:
    uid: str
    name: str
    address: str
    officers: tuple[str, str]  # names
    officer_uids: tuple[str, str]
    forced: bool


@dataclass(frozen=True)
class DrawResult:
    uid: str
    plan_uid: str
    month: str
    seed: str
    seed_source: str
    pool_hash: str
    unit_pool_hash: str
    officer_pool_hash: str
    pool_size: int
    officer_count: int
    units: tuple[DrawnUnit, ...]
    status: str
    drawn_by: str
    warnings: tuple[str, ...] = ()


def validate_params(p: DrawParams) -> None:
    parse_month(p.month)
    if (p.count is None) == (p.ratio is None):
        raise ValidationError("抽取数量", "请填写抽取家数或抽取比例（二选一）")
    if p.count is not None and p.count < 1:
        raise ValidationError("抽取数量", "至少抽取 1 家")
    if p.ratio is not None and not 0 < p.ratio <= 1:
        raise ValidationError("抽取比例", "应大于 0 且不超过 1（例如 0.05 表示 5%）")
    bad = [c for c in p.categories if c not in CATEGORIES]
    if bad:
        raise ValidationError("单位类别", f"不认识：{'、'.join(bad)}")
    bad = [r for r in p.risk_levels if r not in RISK_LEVELS]
    if bad:
        raise ValidationError("风险等级", f"不认识：{'、'.join(bad)}")


def _category_clause(category: str):
    nine = Unit.nine_small_type != ""
    return {"重点单位": Unit.is_key_unit.is_(True),
            "人员密集场所": and_(Unit.is_key_unit.is_(False), Unit.is_crowded.is_(True)),
            "九小场所": and_(Unit.is_key_unit.is_(False), Unit.is_crowded.is_(False), nine),
            "其他": and_(Unit.is_key_unit.is_(False), Unit.is_crowded.is_(False), Unit.nine_small_type == "")}[category]


def unit_pool(session: Session, p: DrawParams) -> list[tuple[int, str]]:
    """(id, uid) of every unit the filters admit, ordered by uid — an order any PC reproduces."""
    q = select(Unit.id, Unit.uid).where(Unit.archived.is_(False), Unit.status == ACTIVE_STATUS)
    if p.categories:
        q = q.where(or_(*(_category_clause(c) for c in p.categories)))
    if p.grid_uids:
        q = q.where(Unit.grid_id.in_(select(Grid.id).where(Grid.uid.in_(p.grid_uids))))
    if p.risk_levels:
        q = q.where(Unit.risk_level.in_(p.risk_levels))
    return [(i, u) for i, u in session.execute(q.order_by(Unit.uid))]


def forced_unit_ids(session: Session, p: DrawParams, first_day: date) -> set[int]:
    """Units that must be inspected: penalised within 12 months, or with an open 重大 hazard."""
    clauses = []
    since = date(first_day.year - 1, first_day.month, 1)  # first_day is the 1st of the drawn month
    if p.force_penalised:
        clauses.append(and_(Hazard.escalation == "处罚", Hazard.escalated_on >= since))
    if p.force_major:
        clauses.append(and_(Hazard.severity == "重大", Hazard.state.not_in(CLOSED_STATES)))
    forced: set[int] = set()
    if p.force_penalised:
        forced |= set(penalty_documents(session, since, first_day - timedelta(days=1)))
    if clauses:
        forced |= set(session.execute(select(Hazard.unit_id).where(or_(*clauses)).distinct()).scalars())
    return forced


def _new_seed() -> str:
    return secrets.token_hex(16)  # 128 bits from the OS CSPRNG: nobody can choose or predict it


def draw(ctx: ServiceContext, params: DrawParams, seed: str | None = None,
         plan_uid: str | None = None) -> DrawResult:
    """Draw units and officer pairs for the month; creates (or fills) a 双随机 plan, in one transaction."""
    require(ctx, "plans.edit")
    validate_params(params)
    if seed is not None and not 1 <= len(seed.strip()) <= 128:
        raise ValidationError("随机种子", "长度应为 1 到 128 个字符")
    seed_source = "人工指定" if seed is not None else "系统随机"
    seed = seed.strip() if seed is not None else _new_seed()
    with ctx.db.write() as s:
        return draw_in_session(s, ctx.actor.username, params, seed, seed_source, plan_uid)


def draw_in_session(s: Session, actor: str, params: DrawParams, seed: str, seed_source: str,
                    plan_uid: str | None = None) -> DrawResult:
    """The draw inside the caller's transaction (the demo data uses it too)."""
    first, last = parse_month(params.month)
    plan = _target_plan(s, actor, plan_uid, params.month, first, last)
    pool = unit_pool(s, params)
    if not pool:
        raise ValidationError("抽查对象", "按当前筛选条件没有可抽取的单位（在管、营业的单位）")
    forced_ids = forced_unit_ids(s, params, first)
    forced = [uid for uid_id, uid in pool if uid_id in forced_ids]
    count = params.count if params.count is not None else math.ceil(params.ratio * len(pool))
    if count > len(pool):
        raise ValidationError("抽取数量", f"抽取 {count} 家超过了可抽取的 {len(pool)} 家")
    staff = officers.enforcers(s, last)  # valid for the whole month
    if len(staff) < 2:
        raise ValidationError("执法人员", f"执法证在 {last} 前有效的执法人员只有 {len(staff)} 名，至少需要 2 名")
    unit_ids = {uid: i for i, uid in pool}
    recused = officers.recusal_pairs(s, [u.id for u in staff], unit_ids.values())
    by_id = {u.id: u.uid for u in staff}
    id_to_uid = {i: uid for uid, i in unit_ids.items()}
    exclusions = sorted([id_to_uid[unit_id], by_id[officer_id]] for officer_id, unit_id in recused)
    unit_uids, officer_uids = [uid for _, uid in pool], [u.uid for u in staff]
    try:
        result = algo.run(seed, unit_uids, forced, officer_uids, exclusions, count)
    except algo.NotEnoughOfficers as exc:
        name = s.execute(select(Unit.name).where(Unit.uid == exc.unit_uid)).scalar()
        raise ValidationError("执法人员", f"{name}：回避后可派的执法人员只有 {exc.available} 名，至少需要 2 名") from None
    record = _store(s, actor, plan, params, seed, seed_source, unit_uids, forced, officer_uids,
                    exclusions, count, result)
    staff_by_uid = {u.uid: u for u in staff}
    items = [(unit_ids[r["unit"]], tuple(staff_by_uid[o].id for o in r["officers"]),
              "强制纳入" if r["forced"] else "抽取") for r in result]
    plans.insert_visits(s, plan, items, None, draw_id=record.id)
    warnings = (f"强制纳入的 {len(forced)} 家超过了抽取数量 {count}，已全部列入。",) if len(forced) > count else ()
    return _result(s, record, warnings)


def _target_plan(s: Session, actor: str, plan_uid: str | None, month: str, first: date, last: date) -> InspectionPlan:
    """The given 双随机 plan, else the month's (created when missing) — never one that already has a valid draw,
    so a draw cannot be quietly repeated until a preferred result comes up."""
    if plan_uid is not None:
        plan = plans.load_plan(s, plan_uid)
        if plan.plan_type != "双随机":
            raise ValidationError("检查计划", "只有“双随机”类型的计划可以抽取")
    else:
        plan = s.execute(select(InspectionPlan).where(
            InspectionPlan.plan_type == "双随机", InspectionPlan.period_start == first,
            InspectionPlan.period_end == last, InspectionPlan.status == "进行中").order_by(InspectionPlan.id)).scalar()
    if plan is None:
        return plans.insert_plan(s, actor, plans.PlanInput(
            name=f"{first.year}年{first.month}月双随机抽查", plan_type="双随机", period_start=first, period_end=last,
            note=f"由 {month} 双随机抽取生成"))
    done = s.execute(select(Draw.uid).where(Draw.plan_id == plan.id, Draw.status == "有效")).scalar()
    if done is not None:
        raise Conflict(f"“{plan.name}”已经抽取过（抽取编号 {done[:8]}）。如确需重新抽取，请先作废原抽取并说明理由"
                       "（原记录会保留备查）。")
    return plan


def _store(s: Session, actor: str, plan: InspectionPlan, params: DrawParams, seed: str, seed_source: str,
           unit_uids: list[str], forced: list[str], officer_uids: list[str], exclusions: list[list[str]],
           count: int, result: list[dict]) -> Draw:
    unit_text, officer_text = algo.canonical(unit_uids), algo.canonical(officer_uids)
    result_text = algo.canonical(result)
    record = Draw(plan_id=plan.id, algorithm=algo.ALGORITHM, seed=seed, seed_source=seed_source,
                  parameters={**asdict(params), "count_resolved": count},
                  unit_pool=unit_text, forced_pool=algo.canonical(forced), officer_pool=officer_text,
                  exclusions=algo.canonical(exclusions), unit_pool_hash=algo.sha256_text(unit_text),
                  officer_pool_hash=algo.sha256_text(officer_text),
                  pool_hash=algo.pool_hash(unit_uids, forced, officer_uids, exclusions, count),
                  result=result_text, result_hash=algo.sha256_text(result_text), drawn_by=actor)
    s.add(record)
    s.flush()
    # The hash chain freezes what was drawn: editing the draw row later cannot also rewrite this event.
    audit.record(s, actor, "双随机抽取", "inspection_draw", record.uid, None, {
        "plan": plan.uid, "seed": seed, "seed_source": seed_source, "pool_hash": record.pool_hash,
        "unit_pool_hash": record.unit_pool_hash, "officer_pool_hash": record.officer_pool_hash,
        "result_hash": record.result_hash, "pool_size": len(unit_uids), "count": count})
    return record


def _result(s: Session, record: Draw, warnings: tuple[str, ...] = ()) -> DrawResult:
    rows = algo_result(record)
    unit_uids = [r["unit"] for r in rows]
    names = lookup(s, Unit.uid, Unit.name, unit_uids)
    addresses = lookup(s, Unit.uid, Unit.address, unit_uids)
    people = dict(s.execute(select(User.uid, User.display_name)).all())
    units = tuple(DrawnUnit(r["unit"], names.get(r["unit"], "（已删除）"), addresses.get(r["unit"], ""),
                            tuple(people.get(o, "（已删除）") for o in r["officers"]), tuple(r["officers"]),
                            r["forced"]) for r in rows)
    plan = s.get(InspectionPlan, record.plan_id)
    return DrawResult(record.uid, plan.uid, record.parameters.get("month", ""), record.seed, record.seed_source,
                      record.pool_hash, record.unit_pool_hash, record.officer_pool_hash,
                      len(_loads(record.unit_pool)), len(_loads(record.officer_pool)), units, record.status,
                      record.drawn_by, warnings)


def lookup(s: Session, key_col, value_col, keys: list[str], chunk: int = 900) -> dict:
    """key → value for many keys, in chunks (SQLite caps the number of bound parameters)."""
    out: dict = {}
    for i in range(0, len(keys), chunk):
        out.update(s.execute(select(key_col, value_col).where(key_col.in_(keys[i:i + chunk]))).all())
    return out


def _loads(text: str):
    return json.loads(text)


def algo_result(record: Draw) -> list[dict]:
    return _loads(record.result)


def find_draw(session: Session, ident: str) -> Draw:
    """By uid, or by a unique leading part of it (at least 6 characters) as typed on the command line."""
    ident = ident.strip().lower()
    if len(ident) < 6:
        raise ValidationError("抽取编号", "请至少输入编号的前 6 位")
    rows = session.execute(select(Draw).where(Draw.uid.like(ident + "%")).limit(2)).scalars().all()
    if not rows:
        raise NotFound(f"没有找到编号为 {ident} 的抽取记录。")
    if len(rows) > 1:
        raise ValidationError("抽取编号", "有多条记录以此开头，请输入更长的编号")
    return rows[0]


def get_draw(ctx: ServiceContext, ident: str) -> DrawResult:
    with ctx.db.read() as s:
        return _result(s, find_draw(s, ident))


def list_draws(ctx: ServiceContext, plan_uid: str | None = None) -> list[DrawResult]:
    with ctx.db.read() as s:
        q = select(Draw).order_by(Draw.id.desc())
        if plan_uid:
            q = q.where(Draw.plan_id == plans.load_plan(s, plan_uid).id)
        return [_result(s, r) for r in s.execute(q).scalars().all()]


def void_draw(ctx: ServiceContext, ident: str, reason: str) -> None:
    """Mark a draw void (kept for inspection) and cancel its open visits; the plan may then be drawn again."""
    require(ctx, "plans.edit")
    if len(reason.strip()) < 4:
        raise ValidationError("作废理由", "请写明作废理由（至少 4 个字）")
    with ctx.db.write() as s:
        record = find_draw(s, ident)
        if record.status != "有效":
            raise Conflict("这次抽取已经作废。")
        done = s.execute(select(func.count()).select_from(PlanVisit).where(
            PlanVisit.draw_id == record.id, PlanVisit.status == "已完成")).scalar_one()
        if done:
            raise Conflict(f"已按这次抽取完成了 {done} 家检查，不能作废。")
        record.status, record.void_reason = "作废", reason.strip()[:200]
        for visit in s.execute(select(PlanVisit).where(PlanVisit.draw_id == record.id)).scalars():
            visit.status, visit.note = "已取消", "抽取作废：" + record.void_reason[:180]
        audit.record(s, ctx.actor.username, "作废双随机抽取", "inspection_draw", record.uid,
                     {"status": "有效"}, {"status": "作废", "reason": record.void_reason})
