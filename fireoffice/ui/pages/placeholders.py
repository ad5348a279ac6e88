"""Pages whose features arrive with later issues: each says what will be there, never a blank."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState


class PlaceholderPage(PageBase):
    def __init__(self, state: AppState, title: str, subtitle: str, items: list[str],
                 parent: QWidget | None = None):
        super().__init__(state, title, subtitle, parent)
        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(18, 14, 18, 14)
        heading = QLabel(self.tr("Coming in this section:"))
        heading.setStyleSheet("font-weight: bold;")
        inner.addWidget(heading)
        for item in items:
            label = QLabel("•  " + item)
            label.setWordWrap(True)
            inner.addWidget(label)
        self.layout_.addWidget(card)
        self.layout_.addStretch(1)


def stats_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Ledgers & statistics"), QCoreApplication.translate("placeholders", "Figures for the county center, computed from the records."), [
        QCoreApplication.translate("placeholders", "Ledgers in Excel: units, inspections, hazards, documents, penalties, interviews, training"),
        QCoreApplication.translate("placeholders", "Monthly statistics with this month, year to date and year on year"),
        QCoreApplication.translate("placeholders", "A verifiable package for the county center"),
    ], parent)
