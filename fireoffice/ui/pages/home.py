"""首页: the station at a glance (the full dashboard arrives with the statistics issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from fireoffice.services import overview, station
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState


class _Card(QFrame):
    def __init__(self, label: str):
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.figure = QLabel("–")
        self.figure.setObjectName("cardFigure")
        caption = QLabel(label)
        caption.setObjectName("cardLabel")
        layout.addWidget(self.figure)
        layout.addWidget(caption)


class HomePage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Home"), "", parent)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {
            "units": _Card(self.tr("Supervised units")),
            "key_units": _Card(self.tr("Key fire-safety units (重点单位)")),
            "nine_small": _Card(self.tr("Nine small venues (九小场所)")),
            "crowded": _Card(self.tr("Crowded venues (人员密集场所)")),
            "villages": _Card(self.tr("Villages and communities")),
            "grids": _Card(self.tr("Grids")),
        }
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        self.layout_.addLayout(grid)
        hint = QLabel(self.tr(
            "Due and overdue inspections, open hazards and this month's figures will appear here as the "
            "inspection, hazard and statistics sections are added."))
        hint.setObjectName("pageSubtitle")
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.layout_.addStretch(1)
        state.changed.connect(lambda _what: self.refresh())

    def refresh(self) -> None:
        info = station.get_station(self.state.ctx)
        self.subtitle_label.setText(info.name if info and info.name else self.tr("Station not set up yet"))
        self.subtitle_label.setVisible(True)
        figures = overview.overview(self.state.ctx)
        for key, card in self.cards.items():
            card.figure.setText(f"{getattr(figures, key):,}")
