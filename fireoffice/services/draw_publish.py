"""Printable and exportable 双随机 lists (抽查名单, 结果公示) and the paper field kit of a plan."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import (
    Draw,
    Hazard,
    Inspection,
    InspectionPlan,
    PlanVisit,
    StationProfile,
    Unit,
    User,
)
from fireoffice.exchange import xlsx_draw
from fireoffice.printing import draw_list, field_kit
from fireoffice.services import checklists, hazards, plans
from fireoffice.services.context import ServiceContext
from fireoffice.services.draw_algorithm import ALGORITHM
from fireoffice.services.draws import find_draw, lookup
from fireoffice.services.errors import ValidationError

LIST_COLUMNS = ("序号", "单位名称", "地址", "检查人员", "备注")
LIST_WIDTHS = (10, 48, 50, 30, 18)
RESULT_COLUMNS = ("序号", "单位名称", "检查日期", "检查结果", "处理情况")
RESULT_WIDTHS = (10, 50, 24, 36, 36)


def _issuer(s: Session) -> str:
    return s.execute(select(StationProfile.name).limit(1)).scalar() or "消防工作站"


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _month_title(record: Draw, s: Session) -> str:
    plan = s.get(InspectionPlan, record.plan_id)
    return f"{plan.period_start.year}年{plan.period_start.month}月"


def draw_sheet(ctx: ServiceContext, ident: str) -> draw_list.DrawSheet:
    """抽查名单 with the seed and the hashes that let anyone replay the draw."""
    with ctx.db.read() as s:
        record = find_draw(s, ident)
        result = json.loads(record.result)
        units = [r["unit"] for r in result]
        names, addresses = lookup(s, Unit.uid, Unit.name, units), lookup(s, Unit.uid, Unit.address, units)
        people = dict(s.execute(select(User.uid, User.display_name)).all())
        forced = sum(1 for r in result if r["forced"])
        at = record.created_at.replace(tzinfo=record.created_at.tzinfo or timezone.utc).astimezone()
        void = "（已作废）" if record.status != "有效" else ""
        info = (("抽取编号", record.uid), ("抽取时间", at.strftime("%Y-%m-%d %H:%M")), ("抽取人", record.drawn_by),
                ("随机种子", f"{record.seed}（{record.seed_source}）"), ("名录总哈希（SHA-256）", record.pool_hash),
                ("检查对象名录", f"{len(json.loads(record.unit_pool))} 家，SHA-256 {record.unit_pool_hash}"),
                ("执法人员名录", f"{len(json.loads(record.officer_pool))} 名，SHA-256 {record.officer_pool_hash}"),
                ("抽取结果", f"{len(result)} 家，其中强制纳入 {forced} 家"))
        if record.status != "有效":
            info += (("作废理由", record.void_reason),)
        rows = tuple((str(n), names.get(r["unit"], "（已删除）"), addresses.get(r["unit"], ""),
                      "、".join(people.get(o, "") for o in r["officers"]), "强制纳入" if r["forced"] else "")
                     for n, r in enumerate(result, 1))
        return draw_list.DrawSheet(
            _issuer(s), f"{void}{_month_title(record, s)}“双随机、一公开”消防监督抽查名单", info, LIST_COLUMNS,
            LIST_WIDTHS, rows, f"复核方法：以上述随机种子和名录按 {ALGORITHM} 算法重放（fireoffice plan verify "
                               f"{record.uid[:8]}），结果应与本名单一致。", _cn_date(date.today()))


def _result_text(s: Session, visit: PlanVisit | None) -> tuple[str, str, str]:
    if visit is None or visit.status == "已取消":
        return "", "未检查", "计划已取消"
    rows = s.execute(select(Inspection).where(Inspection.plan_visit_id == visit.id)
                     .order_by(Inspection.started_at.desc())).scalars().all()
    if not rows:
        return "", "尚未检查", ""
    last = rows[0]
    day = last.started_at.replace(tzinfo=last.started_at.tzinfo or timezone.utc).astimezone().date().isoformat()
    if last.outcome != "完成":
        return day, f"未能检查（{last.outcome}）", "另行安排检查"
    found = s.execute(select(Hazard).where(Hazard.inspection_id == last.id)).scalars().all()
    if not found:
        return day, "未发现问题", "—"
    closed = sum(1 for h in found if h.state == "已销号")
    return day, f"发现问题 {len(found)} 处", f"已责令改正，已整改 {closed} 处" if closed else "已责令限期改正"


def results_sheet(ctx: ServiceContext, ident: str) -> draw_list.DrawSheet:
    """结果公示: one line per drawn unit (复查 and 举报 visits are not part of it)."""
    with ctx.db.read() as s:
        record = find_draw(s, ident)
        if record.status != "有效":
            raise ValidationError("抽取记录", "这次抽取已作废，不能公示结果")
        result = json.loads(record.result)
        names = lookup(s, Unit.uid, Unit.name, [r["unit"] for r in result])
        visits = {v.unit_id: v for v in s.execute(select(PlanVisit).where(PlanVisit.draw_id == record.id)).scalars()}
        unit_ids = lookup(s, Unit.uid, Unit.id, [r["unit"] for r in result])
        rows = []
        for n, r in enumerate(result, 1):
            day, outcome, handling = _result_text(s, visits.get(unit_ids.get(r["unit"])))
            rows.append((str(n), names.get(r["unit"], "（已删除）"), day, outcome, handling))
        info = (("抽取编号", record.uid), ("随机种子", record.seed), ("名录总哈希（SHA-256）", record.pool_hash),
                ("公示期限", "检查结果产生之日起 20 个工作日内公示"))
        return draw_list.DrawSheet(_issuer(s), f"{_month_title(record, s)}“双随机、一公开”消防监督抽查结果公示",
                                   info, RESULT_COLUMNS, RESULT_WIDTHS, tuple(rows), "", _cn_date(date.today()))


def draw_list_pdf(ctx: ServiceContext, ident: str) -> bytes:
    return draw_list.render(draw_sheet(ctx, ident))


def results_pdf(ctx: ServiceContext, ident: str) -> bytes:
    return draw_list.render(results_sheet(ctx, ident))


def _xlsx(sheet: draw_list.DrawSheet, name: str) -> bytes:
    widths = [max(6.0, w / 2.2) for w in sheet.widths_mm]
    return xlsx_draw.write_list(sheet.title, sheet.info, sheet.columns, sheet.rows, widths, name)


def draw_list_xlsx(ctx: ServiceContext, ident: str) -> bytes:
    return _xlsx(draw_sheet(ctx, ident), "抽查名单")


def results_xlsx(ctx: ServiceContext, ident: str) -> bytes:
    return _xlsx(results_sheet(ctx, ident), "结果公示")


def field_kit_pdf(ctx: ServiceContext, plan_uid: str, visit_uids: Sequence[str] = ()) -> bytes:
    """One checklist form per open visit of the plan (or the chosen visits), with its record number."""
    with ctx.db.read() as s:
        plan = plans.load_plan(s, plan_uid)
        where = (PlanVisit.plan_id == plan.id) & (PlanVisit.status == "待检查")
        if visit_uids:
            where = where & PlanVisit.uid.in_(list(visit_uids))
        visits = s.execute(select(PlanVisit).where(where).order_by(PlanVisit.sequence)).scalars().all()
        if not visits:
            raise ValidationError("计划检查", "没有待检查的单位可打印")
        version = checklists.active_version_row(s, None)
        all_items = [checklists.item_info(i) for i in version.items]
        issuer, pages = _issuer(s), []
        for v in visits:
            unit = s.get(Unit, v.unit_id)
            items = checklists.select_items(all_items, checklists.unit_venue_tags(unit))
            people = [s.get(User, i) for i in (v.officer1_id, v.officer2_id) if i is not None]
            open_h = s.execute(select(Hazard).where(Hazard.unit_id == unit.id,
                                                    Hazard.state.in_(hazards.OPEN_STATES))).scalars().all()
            pages.append(field_kit.KitPage(
                issuer, v.record_no or "", plan.name, plans.INSPECTION_TYPE[plan.plan_type], unit.name, unit.address,
                f"{unit.resp_person} {unit.resp_phone}".strip(), f"{unit.mgr_person} {unit.mgr_phone}".strip(),
                "、".join(f"{p.display_name}（{p.cert_no}）" for p in people),
                v.planned_date.isoformat() if v.planned_date else "",
                f"{version.template.name} 第{version.version_no}版",
                tuple(field_kit.KitItem(i.code, i.section, i.text, i.on_spot_fixable) for i in items),
                tuple(f"{h.hazard_no} {h.location}：{h.description}（期限 {h.deadline}）" for h in open_h)))
    return field_kit.render(pages)
