"""All ORM models; importing this package registers every table on Base.metadata."""

from fireoffice.db.models.audit import AuditEvent
from fireoffice.db.models.calendar import CalendarOverride, FrequencyRule
from fireoffice.db.models.checklists import ChecklistItem, ChecklistTemplate, ChecklistVersion
from fireoffice.db.models.classification import ClassificationRule, ClassificationRuleSet
from fireoffice.db.models.complaints import Complaint, ComplaintOfficer
from fireoffice.db.models.documents import (
    DocNumberFormat,
    DocumentHazard,
    EnforcementDocument,
    PenaltyArticle,
    ServiceRecord,
)
from fireoffice.db.models.exchange import ExchangeRecord, ExchangeStation
from fireoffice.db.models.hazards import (
    Hazard,
    HazardEvent,
    HazardExtension,
    HazardRecheck,
    MajorHazardDetermination,
)
from fireoffice.db.models.inspections import (
    ChecklistResult,
    Draw,
    Inspection,
    InspectionOfficer,
    InspectionPlan,
    OfficerConflict,
    Photo,
    PlanVisit,
)
from fireoffice.db.models.numbering import DocSequence
from fireoffice.db.models.places import Grid, Village
from fireoffice.db.models.station import AppSetting, StationProfile
from fireoffice.db.models.stats import StatsMonthLock
from fireoffice.db.models.training import (
    InterviewHazard,
    InterviewRecord,
    TrainingAttachment,
    TrainingAttendee,
    TrainingSession,
)
from fireoffice.db.models.units import Unit, UnitPersonHistory
from fireoffice.db.models.users import User

__all__ = [
    "StatsMonthLock",
    "ServiceRecord",
    "PenaltyArticle",
    "EnforcementDocument",
    "DocumentHazard",
    "DocNumberFormat",
    "AppSetting",
    "AuditEvent",
    "CalendarOverride",
    "ChecklistItem",
    "ChecklistResult",
    "ChecklistTemplate",
    "ChecklistVersion",
    "ClassificationRule",
    "ClassificationRuleSet",
    "Complaint",
    "ComplaintOfficer",
    "DocSequence",
    "ExchangeRecord",
    "ExchangeStation",
    "Draw",
    "FrequencyRule",
    "Grid",
    "Hazard",
    "HazardEvent",
    "HazardExtension",
    "HazardRecheck",
    "Inspection",
    "InspectionOfficer",
    "InspectionPlan",
    "InterviewHazard",
    "InterviewRecord",
    "MajorHazardDetermination",
    "OfficerConflict",
    "Photo",
    "PlanVisit",
    "StationProfile",
    "TrainingAttachment",
    "TrainingAttendee",
    "TrainingSession",
    "Unit",
    "UnitPersonHistory",
    "User",
    "Village",
]
