"""Shared set-up for the inspection, draw and hazard tests: units and officers written straight to the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from fireoffice.db.models import AuditEvent, Unit, User
from fireoffice.services import inspections
from fireoffice.services.hazards import HazardInput
from fireoffice.services.inspections import InspectionInput, ResultInput


def make_units(ctx, n: int, prefix: str = "测试单位", **values) -> list[str]:
    """n units (营业, 九小 小商店 by default); returns their uids in creation order."""
    defaults = {"use_nature": "商店", "nine_small_type": "小商店", "risk_level": "一般", "status": "营业",
                "resp_person": "店主甲", "legal_rep": "店主甲", "mgr_person": "店长乙",
                "registered_on": date(2025, 1, 1)}
    defaults.update(values)
    with ctx.db.write() as s:
        rows = [Unit(name=f"{prefix}{i:03d}", address=f"东城街道人民路{i}号", **defaults) for i in range(n)]
        s.add_all(rows)
        s.flush()
        return [r.uid for r in rows]


def make_officers(ctx) -> dict[str, str]:
    """Three valid 执法人员, one with an expired 执法证, the 所长, a 协管员 and a 网格员: name → uid."""
    people = [("张执法", "执法人员", "晋消执001", date(2030, 12, 31)),
              ("李执法", "执法人员", "晋消执002", date(2030, 12, 31)),
              ("王执法", "执法人员", "晋消执003", date(2030, 12, 31)),
              ("赵过期", "执法人员", "晋消执004", date(2025, 6, 30)),
              ("刘所长", "所长", "晋消执000", date(2030, 12, 31)),
              ("陈协管", "协管员", "", None),
              ("孙网格", "网格员", "", None)]
    with ctx.db.write() as s:
        rows = [User(username=f"u{n}", display_name=name, role=role, cert_no=cert, cert_valid_until=until)
                for n, (name, role, cert, until) in enumerate(people)]
        s.add_all(rows)
        s.flush()
        return {r.display_name: r.uid for r in rows}


def count(ctx, model) -> int:
    with ctx.db.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def audit_count(ctx) -> int:
    return count(ctx, AuditEvent)


def all_pass(ctx, unit_uid: str, **changes) -> InspectionInput:
    """A completed 日常检查 on Fri 2026-01-30 by two valid officers, every item 符合 unless `results` given."""
    from fireoffice.services import checklists

    _, items, _ = checklists.items_for_unit(ctx, unit_uid)
    officers = changes.pop("officers")
    overrides = {r.code: r for r in changes.pop("results", ())}
    results = tuple(overrides.get(i.code, ResultInput(i.code, "符合")) for i in items)
    if changes.get("outcome", "完成") != "完成":
        results = ()  # nobody there: nothing was checked
    base = InspectionInput(unit_uid=unit_uid, inspection_type="日常检查",
                           started_at=datetime(2026, 1, 30, 9, 0), ended_at=datetime(2026, 1, 30, 9, 40),
                           officer_uids=tuple(officers), results=results, people_present="店主甲")
    from dataclasses import replace

    return replace(base, **changes)


def hazard(description: str = "二层东侧安全出口被纸箱堵塞", location: str = "二层东侧安全出口", **kw) -> HazardInput:
    kw.setdefault("deadline_amount", 7)
    return HazardInput(description=description, location=location, **kw)


__all__ = ["all_pass", "audit_count", "count", "hazard", "inspections", "make_officers", "make_units"]
