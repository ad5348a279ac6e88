"""The pages behind the navigation list, in the order the clerk sees them.

Factories are named, not imported, so the window frame can be shown before any page (and the services
behind it) is loaded.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source string, translated in context "pages"
    icon: str
    factory: str  # "module:callable", called as callable(state, parent)
    shown: str = ""  # "module:callable" deciding from the ServiceContext whether the page is listed; "" always

    def visible(self, ctx) -> bool:
        if not self.shown:
            return True
        module, name = self.shown.split(":")
        return bool(getattr(importlib.import_module(module), name)(ctx))

    def build(self, state, parent: QWidget | None = None) -> QWidget:
        module, name = self.factory.split(":")
        return getattr(importlib.import_module(module), name)(state, parent)


_P = "fireoffice.ui.pages."


def page_specs() -> list[PageSpec]:
    return [
        PageSpec("home", QT_TRANSLATE_NOOP("pages", "Home"), "home", _P + "home:HomePage"),
        PageSpec("units", QT_TRANSLATE_NOOP("pages", "Unit register"), "units", _P + "units_page:UnitsPage"),
        PageSpec("plans", QT_TRANSLATE_NOOP("pages", "Inspection plans"), "plans", _P + "plans_page:PlansPage"),
        PageSpec("inspections", QT_TRANSLATE_NOOP("pages", "Inspection records"), "inspections",
                 _P + "inspections_page:InspectionsPage"),
        PageSpec("hazards", QT_TRANSLATE_NOOP("pages", "Hazard rectification"), "hazards",
                 _P + "hazards_page:HazardsPage"),
        PageSpec("documents", QT_TRANSLATE_NOOP("pages", "Enforcement documents"), "documents",
                 _P + "documents_page:DocumentsPage"),
        PageSpec("training", QT_TRANSLATE_NOOP("pages", "Training & interviews"), "training",
                 _P + "training_page:TrainingPage"),
        PageSpec("complaints", QT_TRANSLATE_NOOP("pages", "Complaints"), "complaints",
                 _P + "complaints_page:ComplaintsPage", shown=_P + "nav_visibility:complaints_visible"),
        PageSpec("stats", QT_TRANSLATE_NOOP("pages", "Ledgers & statistics"), "stats",
                 _P + "stats_page:StatsPage"),
        PageSpec("county", QT_TRANSLATE_NOOP("pages", "County summary"), "stats", _P + "county_page:CountyPage",
                 shown=_P + "nav_visibility:county_visible"),
        PageSpec("audit", QT_TRANSLATE_NOOP("pages", "Audit log"), "audit", _P + "audit_page:AuditPage",
                 shown=_P + "nav_visibility:audit_visible"),
        PageSpec("settings", QT_TRANSLATE_NOOP("pages", "Settings"), "settings", _P + "settings_page:SettingsPage"),
    ]
