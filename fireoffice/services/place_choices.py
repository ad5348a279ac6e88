"""Grids and villages by uid, for filter and draw choices (the register's own options carry integer ids only)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fireoffice.db.models import Grid, Village
from fireoffice.services.context import ServiceContext


@dataclass(frozen=True)
class GridChoice:
    uid: str
    name: str
    village_uid: str
    village_name: str


def grid_choices(ctx: ServiceContext) -> list[GridChoice]:
    """Every grid with its village, ordered by village then grid name (a few dozen rows)."""
    with ctx.db.read() as s:
        rows = s.execute(select(Grid.uid, Grid.name, Village.uid, Village.name)
                         .join(Village, Village.id == Grid.village_id).order_by(Village.name, Grid.name)).all()
    return [GridChoice(*r) for r in rows]
