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


def plans_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Inspection plans"), QCoreApplication.translate("placeholders", "Decide whom to inspect, and when."), [
        QCoreApplication.translate("placeholders", "Double-random draws (双随机) with a recorded seed that anyone can replay"),
        QCoreApplication.translate("placeholders", "Due and overdue inspections from the frequency rules"),
        QCoreApplication.translate("placeholders", "Monthly workload against the officers' available time, and a calendar of visits"),
    ], parent)


def inspections_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Inspection records"), QCoreApplication.translate("placeholders", "消防监督检查记录 with checklists by venue type."), [
        QCoreApplication.translate("placeholders", "Checklists with legal basis per item; results 符合 / 不符合 / 不涉及 with photos"),
        QCoreApplication.translate("placeholders", "Visit outcomes (locked, closed, not found …) that re-queue the unit"),
        QCoreApplication.translate("placeholders", "Items corrected on the spot are recorded as 口头责令改正; others become hazards"),
    ], parent)


def hazards_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Hazard rectification"), QCoreApplication.translate("placeholders", "The closed loop: 发现 → 责令改正 → 复查 → 销号."), [
        QCoreApplication.translate("placeholders", "Per-item deadlines counted in working days with the holiday calendar"),
        QCoreApplication.translate("placeholders", "Due today, due this week and overdue lists"),
        QCoreApplication.translate("placeholders", "Major hazards (重大火灾隐患): determination, report to the government, supervised closure"),
    ], parent)


def documents_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Enforcement documents"), QCoreApplication.translate("placeholders", "Numbered enforcement documents, approved and served."), [
        QCoreApplication.translate("placeholders", "Gap-free numbering per issuer, type and year; voided numbers keep their reason"),
        QCoreApplication.translate("placeholders", "Approval by the station head, two officers with valid certificates as signatories"),
        QCoreApplication.translate("placeholders", "Proof of service (送达回证) and official A4 PDF printing with embedded fonts"),
    ], parent)


def training_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Training & interviews"), QCoreApplication.translate("placeholders", "Training sessions, interviews (约谈), drills and publicity."), [
        QCoreApplication.translate("placeholders", "Sessions with invited units, attendance and printed sign-in sheets"),
        QCoreApplication.translate("placeholders", "One-to-one warning interviews with penalised units"),
        QCoreApplication.translate("placeholders", "Sessions, attendances and coverage of the register per month and year"),
    ], parent)


def stats_page(state: AppState, parent=None) -> QWidget:
    return PlaceholderPage(state, QCoreApplication.translate("placeholders", "Ledgers & statistics"), QCoreApplication.translate("placeholders", "Figures for the county center, computed from the records."), [
        QCoreApplication.translate("placeholders", "Ledgers in Excel: units, inspections, hazards, documents, penalties, interviews, training"),
        QCoreApplication.translate("placeholders", "Monthly statistics with this month, year to date and year on year"),
        QCoreApplication.translate("placeholders", "A verifiable package for the county center"),
    ], parent)
