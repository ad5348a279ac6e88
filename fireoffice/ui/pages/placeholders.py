"""Pages whose features arrive with later issues: each says what will be there, never a blank."""

from __future__ import annotations

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

