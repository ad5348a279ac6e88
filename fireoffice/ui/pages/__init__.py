"""The pages behind the navigation list, in the order the clerk sees them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source string, translated in context "pages"
    icon: str
    factory: Callable  # (AppState, parent) -> QWidget


def page_specs() -> list[PageSpec]:
    from fireoffice.ui.pages import home, placeholders, settings_page

    return [
        PageSpec("home", QT_TRANSLATE_NOOP("pages", "Home"), "home", home.HomePage),
        PageSpec("units", QT_TRANSLATE_NOOP("pages", "Unit register"), "units", placeholders.units_page),
        PageSpec("plans", QT_TRANSLATE_NOOP("pages", "Inspection plans"), "plans", placeholders.plans_page),
        PageSpec("inspections", QT_TRANSLATE_NOOP("pages", "Inspection records"), "inspections",
                 placeholders.inspections_page),
        PageSpec("hazards", QT_TRANSLATE_NOOP("pages", "Hazard rectification"), "hazards",
                 placeholders.hazards_page),
        PageSpec("documents", QT_TRANSLATE_NOOP("pages", "Enforcement documents"), "documents",
                 placeholders.documents_page),
        PageSpec("training", QT_TRANSLATE_NOOP("pages", "Training & interviews"), "training",
                 placeholders.training_page),
        PageSpec("stats", QT_TRANSLATE_NOOP("pages", "Ledgers & statistics"), "stats", placeholders.stats_page),
        PageSpec("settings", QT_TRANSLATE_NOOP("pages", "Settings"), "settings", settings_page.SettingsPage),
    ]
