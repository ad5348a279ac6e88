"""The station's area: villages/communities (村/社区) and their grids (网格) with the grid worker (网格员)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from fireoffice.db.models import Grid, Unit, Village
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

KINDS = ("村", "社区")
_MOBILE_OR_LANDLINE = re.compile(r"(1[3-9]\d{9})|(0\d{2,3}-?\d{7,8})")


@dataclass(frozen=True)
class GridInfo:
    uid: str
    name: str
    worker_name: str
    worker_phone: str
    units: int


@dataclass(frozen=True)
class VillageInfo:
    uid: str
    name: str
    kind: str
    units: int
    grids: tuple[GridInfo, ...]


def list_villages(ctx: ServiceContext) -> list[VillageInfo]:
    """Every village with its grids and the number of active units in each (a few dozen rows)."""
    with ctx.db.read() as s:
        by_grid = dict(s.execute(select(Unit.grid_id, func.count()).where(Unit.archived.is_(False))
                                 .group_by(Unit.grid_id)).all())
        by_village = dict(s.execute(select(Unit.village_id, func.count()).where(Unit.archived.is_(False))
                                    .group_by(Unit.village_id)).all())
        grids: dict[int, list[GridInfo]] = {}
        for g in s.execute(select(Grid).order_by(Grid.name)).scalars():
            grids.setdefault(g.village_id, []).append(
                GridInfo(g.uid, g.name, g.worker_name, g.worker_phone, by_grid.get(g.id, 0)))
        return [VillageInfo(v.uid, v.name, v.kind, by_village.get(v.id, 0), tuple(grids.get(v.id, ())))
                for v in s.execute(select(Village).order_by(Village.name)).scalars()]


def _name(value: str, label: str) -> str:
    name = "".join((value or "").split())
    if not name:
        raise ValidationError(label, "不能为空")
    if len(name) > 60:
        raise ValidationError(label, "不能超过 60 个字")
    return name


def add_village(ctx: ServiceContext, name: str, kind: str = "社区") -> VillageInfo:
    require(ctx, "station.edit")
    name = _name(name, "村（社区）名称")
    if kind not in KINDS:
        raise ValidationError("类型", "只能是 村 或 社区")
    with ctx.db.write() as s:
        if s.execute(select(Village.id).where(Village.name == name)).first():
            raise Conflict(f"已有名为“{name}”的村（社区）。")
        row = Village(name=name, kind=kind)
        s.add(row)
        s.flush()
        audit.record(s, ctx.actor.username, "新增村（社区）", "village", row.uid, after={"name": name, "kind": kind})
        return VillageInfo(row.uid, name, kind, 0, ())


def add_grid(ctx: ServiceContext, village_uid: str, name: str, worker_name: str = "",
             worker_phone: str = "") -> GridInfo:
    require(ctx, "station.edit")
    name = _name(name, "网格名称")
    worker_name = (worker_name or "").strip()
    worker_phone = "".join((worker_phone or "").split())
    if len(worker_name) > 40:
        raise ValidationError("网格员", "不能超过 40 个字")
    if worker_phone and not _MOBILE_OR_LANDLINE.fullmatch(worker_phone):
        raise ValidationError("网格员电话", "应为 11 位手机号或带区号的固定电话（如 0358-4421119）")
    with ctx.db.write() as s:
        village = s.execute(select(Village).where(Village.uid == village_uid)).scalar()
        if village is None:
            raise NotFound("这个村（社区）不存在，可能已被他人修改。请刷新后重试。")
        if s.execute(select(Grid.id).where(Grid.village_id == village.id, Grid.name == name)).first():
            raise Conflict(f"“{village.name}”已有名为“{name}”的网格。")
        row = Grid(village_id=village.id, name=name, worker_name=worker_name, worker_phone=worker_phone)
        s.add(row)
        s.flush()
        audit.record(s, ctx.actor.username, "新增网格", "grid", row.uid,
                     after={"village": village.name, "name": name, "worker_name": worker_name,
                            "worker_phone": worker_phone})
        return GridInfo(row.uid, name, worker_name, worker_phone, 0)


def update_grid_worker(ctx: ServiceContext, grid_uid: str, worker_name: str, worker_phone: str) -> GridInfo:
    """The grid worker changes more often than the grid itself."""
    require(ctx, "station.edit")
    worker_name = (worker_name or "").strip()
    worker_phone = "".join((worker_phone or "").split())
    if worker_phone and not _MOBILE_OR_LANDLINE.fullmatch(worker_phone):
        raise ValidationError("网格员电话", "应为 11 位手机号或带区号的固定电话（如 0358-4421119）")
    with ctx.db.write() as s:
        row = s.execute(select(Grid).where(Grid.uid == grid_uid)).scalar()
        if row is None:
            raise NotFound("这个网格不存在，可能已被他人修改。请刷新后重试。")
        before = {"worker_name": row.worker_name, "worker_phone": row.worker_phone}
        row.worker_name, row.worker_phone = worker_name, worker_phone
        s.flush()
        audit.record(s, ctx.actor.username, "修改网格员", "grid", row.uid, before=before,
                     after={"worker_name": worker_name, "worker_phone": worker_phone})
        units = s.execute(select(func.count()).select_from(Unit).where(Unit.grid_id == row.id)).scalar_one()
        return GridInfo(row.uid, row.name, worker_name, worker_phone, units)
