"""Which pages the navigation lists for this database and role; kept light (no exports, no spreadsheets) as it
runs at start-up. A page hidden here is still refused by its services if reached another way."""

from __future__ import annotations

from fireoffice.services.county import has_stations
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import OWNER_ROLE, PERMISSIONS, allowed


def county_visible(ctx) -> bool:
    """Listed when the database holds imported stations, or for a role given county import (管理员, 只读)."""
    if ctx.actor.role != OWNER_ROLE and ctx.actor.role in PERMISSIONS["exchange.import"][1]:
        return True
    try:
        return has_stations(ctx)
    except ServiceError:
        return False


def complaints_visible(ctx) -> bool:
    """A 网格员 reports hazards only: the 举报投诉 register (and its complainants) is not theirs to see."""
    return allowed(ctx, "complaints.view")


def audit_visible(ctx) -> bool:
    return allowed(ctx, "audit.view")
