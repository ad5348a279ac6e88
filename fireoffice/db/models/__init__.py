"""All ORM models; importing this package registers every table on Base.metadata."""

from fireoffice.db.models.audit import AuditEvent
from fireoffice.db.models.classification import ClassificationRule, ClassificationRuleSet
from fireoffice.db.models.places import Grid, Village
from fireoffice.db.models.station import AppSetting, StationProfile
from fireoffice.db.models.units import Unit, UnitPersonHistory
from fireoffice.db.models.users import User

__all__ = [
    "AppSetting",
    "AuditEvent",
    "ClassificationRule",
    "ClassificationRuleSet",
    "Grid",
    "StationProfile",
    "Unit",
    "UnitPersonHistory",
    "User",
    "Village",
]
