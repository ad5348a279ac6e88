"""Replay a recorded 双随机 draw from its seed and stored pools, and name whatever no longer matches."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from fireoffice.db.models import AuditEvent, Draw, PlanVisit, Unit, User
from fireoffice.services import draw_algorithm as algo
from fireoffice.services.context import ServiceContext
from fireoffice.services.draws import find_draw, lookup


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    draw_uid: str
    seed: str
    pool_hash: str
    units: int
    status: str
    problems: tuple[str, ...]


def _names(s: Session, unit_uids: list[str], officer_uids: list[str]) -> dict[str, str]:
    return {**lookup(s, User.uid, User.display_name, officer_uids), **lookup(s, Unit.uid, Unit.name, unit_uids)}


def _stored_hashes(record: Draw) -> list[str]:
    problems = []
    if algo.sha256_text(record.unit_pool) != record.unit_pool_hash:
        problems.append("抽查对象名录与记录的哈希不符：名录在抽取后被改动过")
    if algo.sha256_text(record.officer_pool) != record.officer_pool_hash:
        problems.append("执法人员名录与记录的哈希不符：名录在抽取后被改动过")
    if algo.sha256_text(record.result) != record.result_hash:
        problems.append("抽取结果与记录的哈希不符：结果在抽取后被改动过")
    return problems


def _audit_problems(s: Session, record: Draw) -> list[str]:
    event = s.execute(select(AuditEvent).where(AuditEvent.entity == "inspection_draw",
                                               AuditEvent.entity_uid == record.uid,
                                               AuditEvent.action == "双随机抽取")).scalar()
    if event is None:
        return ["审计日志中没有这次抽取的记录：抽取记录不是由本软件正常生成的"]
    logged = json.loads(event.after or "{}")
    problems = []
    for key, label in (("seed", "随机种子"), ("pool_hash", "名录总哈希"), ("unit_pool_hash", "抽查对象名录哈希"),
                       ("officer_pool_hash", "执法人员名录哈希"), ("result_hash", "抽取结果哈希")):
        if logged.get(key) != getattr(record, key):
            problems.append(f"{label}与抽取时写入审计日志的不一致（记录为 {getattr(record, key)}，"
                            f"审计日志为 {logged.get(key)}）：抽取后被改动过")
    return problems


def _replay_problems(record: Draw, names: dict[str, str]) -> tuple[list[str], list[dict]]:
    units, forced = json.loads(record.unit_pool), json.loads(record.forced_pool)
    staff, exclusions = json.loads(record.officer_pool), json.loads(record.exclusions)
    count = int(record.parameters.get("count_resolved", 0))
    problems = []
    if algo.pool_hash(units, forced, staff, exclusions, count) != record.pool_hash:
        problems.append("名录总哈希与名录内容不符（对象、强制纳入、执法人员、回避或数量被改动）")
    if record.algorithm != algo.ALGORITHM:
        problems.append(f"不认识的抽取算法 {record.algorithm}，无法重放")
        return problems, []
    try:
        replay = algo.run(record.seed, units, forced, staff, exclusions, count)
    except algo.NotEnoughOfficers:
        return problems + ["按记录的名录重放时执法人员不足：名录被改动过"], []
    stored = json.loads(record.result)
    for n, (want, got) in enumerate(zip(replay, stored, strict=False), 1):
        if want != got:
            problems.append(f"第 {n} 家：按种子重放应为 {names.get(want['unit'], want['unit'])}"
                            f"（{'、'.join(names.get(o, o) for o in want['officers'])}），"
                            f"记录为 {names.get(got['unit'], got['unit'])}"
                            f"（{'、'.join(names.get(o, o) for o in got['officers'])}）")
            break
    if len(replay) != len(stored):
        problems.append(f"按种子重放应抽出 {len(replay)} 家，记录为 {len(stored)} 家")
    return problems, replay


def _plan_problems(s: Session, record: Draw, drawn: list[dict], names: dict[str, str]) -> list[str]:
    """The plan's visits against the recorded result (what was published), unit by unit."""
    o1, o2 = aliased(User), aliased(User)
    rows = s.execute(select(Unit.uid, o1.uid, o1.display_name, o2.uid, o2.display_name, PlanVisit.status)
                     .join(Unit, Unit.id == PlanVisit.unit_id).outerjoin(o1, o1.id == PlanVisit.officer1_id)
                     .outerjoin(o2, o2.id == PlanVisit.officer2_id).where(PlanVisit.draw_id == record.id)).all()
    names = {**names, **{u: n for _, u1, n1, u2, n2, _ in rows for u, n in ((u1, n1), (u2, n2)) if u}}
    planned = {unit: (a, b) for unit, a, _, b, _, status in rows if record.status == "作废" or status != "已取消"}
    expected = {r["unit"]: tuple(r["officers"]) for r in drawn}
    problems = []
    for unit in expected.keys() - planned.keys():
        problems.append(f"计划中缺少抽中的单位：{names.get(unit, unit)}")
    for unit in planned.keys() - expected.keys():
        problems.append(f"计划中多出未抽中的单位：{names.get(unit, unit)}")
    for unit in expected.keys() & planned.keys():
        if set(planned[unit]) != set(expected[unit]):
            problems.append(f"{names.get(unit, unit)} 的检查人员被改为 "
                            f"{'、'.join(names.get(o, str(o)) for o in planned[unit] if o)}，"
                            f"抽取结果为 {'、'.join(names.get(o, o) for o in expected[unit])}")
    return problems


def verify(ctx: ServiceContext, ident: str) -> VerifyReport:
    """Replay the draw; ok only when hashes, audit log, replayed result and the plan all agree."""
    with ctx.db.read() as s:
        record = find_draw(s, ident)
        stored = json.loads(record.result)
        names = _names(s, [r["unit"] for r in stored], json.loads(record.officer_pool))
        problems = _stored_hashes(record) + _audit_problems(s, record)
        problems += _replay_problems(record, names)[0]
        problems += _plan_problems(s, record, stored, names)
        return VerifyReport(not problems, record.uid, record.seed, record.pool_hash, len(stored), record.status,
                            tuple(problems))
