"""Whether 县级汇总 is listed in the navigation; kept light (no exports, no spreadsheets) as it runs at start-up."""

from __future__ import annotations

from fireoffice.services.county import has_stations
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import OWNER_ROLE, PERMISSIONS


def county_visible(ctx) -> bool:
    """Listed when the database holds imported stations, or for a role given county import (管理员, 只读)."""
    if ctx.actor.role != OWNER_ROLE and ctx.actor.role in PERMISSIONS["exchange.import"][1]:
        return True
    try:
        return has_stations(ctx)
    except ServiceError:
        return False
