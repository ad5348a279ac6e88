"""The hazard ledger's item model: pages of inspection_queries.list_hazards, overdue rows in red."""

from __future__ import annotations

import logging
import weakref
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from fireoffice.services import hazard_flow, inspection_queries
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.inspection_queries import HazardFilter, Page
from fireoffice.ui.models.inspection_models import MUTED, RED, PagedTableModel

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")
_C = "HazardTableModel"
CLOSED_STATES = ("已销号", "已移送")
MAJOR = QColor("#7b1d12")


class HazardTableModel(PagedTableModel):
    COLUMNS = [
        ("hazard_no", QT_TRANSLATE_NOOP("HazardTableModel", "Hazard no")),
        ("unit_name", QT_TRANSLATE_NOOP("HazardTableModel", "Unit")),
        ("description", QT_TRANSLATE_NOOP("HazardTableModel", "Description")),
        ("location", QT_TRANSLATE_NOOP("HazardTableModel", "Location")),
        ("state", QT_TRANSLATE_NOOP("HazardTableModel", "State")),
        ("deadline", QT_TRANSLATE_NOOP("HazardTableModel", "Deadline")),
        ("days_overdue", QT_TRANSLATE_NOOP("HazardTableModel", "Overdue")),
        ("recheck_due", QT_TRANSLATE_NOOP("HazardTableModel", "Recheck due")),
        ("severity", QT_TRANSLATE_NOOP("HazardTableModel", "Level")),
        ("category", QT_TRANSLATE_NOOP("HazardTableModel", "Category")),
        ("grid", QT_TRANSLATE_NOOP("HazardTableModel", "Grid")),
        ("found_on", QT_TRANSLATE_NOOP("HazardTableModel", "Found on")),
        ("flags", QT_TRANSLATE_NOOP("HazardTableModel", "Notes")),
    ]
    CONTEXT = _C
    SORT_KEYS = {"hazard_no": "hazard_no", "unit_name": "unit", "found_on": "found_on", "state": "state",
                 "deadline": "deadline", "days_overdue": "deadline", "recheck_due": "recheck_due"}

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__(ctx, parent)
        self.filter = HazardFilter(states=("待整改", "待复查", "逾期未改"))
        self.sort_key = "deadline"

    def set_filter(self, f: HazardFilter) -> None:
        self.filter = f
        self.reload()

    def fetch(self, offset: int, limit: int) -> Page:
        return inspection_queries.list_hazards(self.ctx, self.filter, offset, limit, self.sort_key, self.descending)

    def display(self, item: Any, key: str) -> Any:
        if key == "days_overdue":
            return translate("HazardTableModel", "{n} days").format(n=item.days_overdue) if item.overdue else ""
        if key == "severity":
            return f"{item.severity}（{item.major_stage}）" if item.major_stage else item.severity
        if key == "flags":
            flags = []
            if item.pending_extension:
                flags.append(translate("HazardTableModel", "extension pending"))
            if item.recheck_scheduled:
                flags.append(translate("HazardTableModel", "recheck scheduled"))
            if item.escalation:
                flags.append(item.escalation)
            return "、".join(flags)
        return super().display(item, key)

    def style(self, item: Any, key: str, role) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.overdue:
                return RED  # the whole row: the clerk sees at a glance what is late
            if item.state in CLOSED_STATES:
                return MUTED
            if key == "severity" and item.severity == "重大":
                return MAJOR
        return None


_swept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine → the day it was last swept


def sweep_deadlines_daily(ctx: ServiceContext, today: date | None = None) -> int:
    """期限届满: move 待整改 hazards past their deadline to 待复查, once a day per open database.

    Called when the home page or the ledger refreshes (the home page is the first page shown), so every list
    shows the same states from the start, and a PC left on overnight catches up the next morning. A locked
    database only postpones it: the next refresh tries again.
    """
    today = today or date.today()
    if _swept.get(ctx.db.engine) == today:
        return 0
    try:
        moved = hazard_flow.sweep_deadlines(ctx, today)
    except ServiceError as error:
        log.warning("deadline sweep postponed: %s", error)
        return 0
    _swept[ctx.db.engine] = today
    if moved:
        log.info("deadline sweep: %d hazards now 待复查", moved)
    return moved
