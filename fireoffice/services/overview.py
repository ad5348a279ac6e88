"""Headline figures for the home page (the full dashboard arrives with the statistics issue)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from fireoffice.db.models import Grid, Unit, User, Village
from fireoffice.services.context import ServiceContext


@dataclass(frozen=True)
class Overview:
    units: int
    key_units: int
    nine_small: int
    crowded: int
    villages: int
    grids: int
    users: int


def overview(ctx: ServiceContext) -> Overview:
    active = Unit.archived.is_(False)
    with ctx.db.read() as s:
        row = s.execute(select(
            func.count(),
            func.count().filter(Unit.is_key_unit.is_(True)),
            func.count().filter(Unit.nine_small_type != ""),
            func.count().filter(Unit.is_crowded.is_(True)),
        ).where(active)).one()
        villages = s.execute(select(func.count()).select_from(Village)).scalar_one()
        grids = s.execute(select(func.count()).select_from(Grid)).scalar_one()
        users = s.execute(select(func.count()).select_from(User)).scalar_one()
    return Overview(units=row[0], key_units=row[1], nine_small=row[2], crowded=row[3],
                    villages=villages, grids=grids, users=users)

