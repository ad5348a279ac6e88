"""A small station for the dashboard tests: two grids, inspections and hazards in known months."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update

from fireoffice.db.models import Grid, Hazard, Unit, Village
from fireoffice.services import hazards, inspections
from tests.services.insp_helpers import all_pass, hazard, make_officers, make_units

TODAY = date(2026, 3, 15)  # the window: 2025-04-01 … 2026-03-31


def fill(ctx) -> dict:
    """Grid A: 3 units, grid B: 1 unit, 1 unit without a grid.

    Inspections: 2026-01 ×2, 2026-03 ×1, 2025-03 ×1 (outside the window).
    Hazards found: 2026-01 电气 ×2 (one 已销号), 2026-03 疏散 ×1 (grid B), 2026-02 电气 ×1 (no grid),
    2025-03 电气 ×1 (outside the window)."""
    uids = make_units(ctx, 5)
    people = make_officers(ctx)
    pair = (people["张执法"], people["李执法"])
    with ctx.db.write() as s:
        village = Village(name="东关社区")
        s.add(village)
        s.flush()
        grid_a, grid_b = Grid(village_id=village.id, name="第1网格"), Grid(village_id=village.id, name="第2网格")
        s.add_all([grid_a, grid_b])
        s.flush()
        units = {u.uid: u for u in s.execute(select(Unit).where(Unit.uid.in_(uids))).scalars()}
        for uid in uids[:3]:
            units[uid].grid_id = grid_a.id
        units[uids[3]].grid_id = grid_b.id
        ids = {"A": grid_a.id, "B": grid_b.id}

    def visit(uid, when: datetime):
        return inspections.create_inspection(ctx, all_pass(ctx, uid, officers=pair, started_at=when,
                                                           ended_at=when.replace(hour=when.hour + 1)))

    visit(uids[0], datetime(2026, 1, 30, 9))
    visit(uids[1], datetime(2026, 1, 12, 9))
    visit(uids[3], datetime(2026, 3, 2, 9))
    visit(uids[2], datetime(2025, 3, 20, 9))
    closed = hazards.report_hazard(ctx, uids[0], hazard(category="电气"), date(2026, 1, 5))
    hazards.report_hazard(ctx, uids[1], hazard(category="电气", description="收银台下插线板串接使用"), date(2026, 1, 8))
    hazards.report_hazard(ctx, uids[3], hazard(category="疏散", description="一楼北侧疏散门上锁"), date(2026, 3, 3))
    hazards.report_hazard(ctx, uids[4], hazard(category="电气", description="后厨电线老化外皮破损"), date(2026, 2, 9))
    hazards.report_hazard(ctx, uids[2], hazard(category="电气", description="仓库照明线路私拉乱接"), date(2025, 3, 9))
    with ctx.db.write() as s:
        s.execute(update(Hazard).where(Hazard.uid == closed.uid).values(state="已销号"))
    return {"units": uids, "grids": ids}
