"""Common page frame: a title, a subtitle, a body; refreshed when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fireoffice.ui.state import AppState


class PageBase(QWidget):
    def __init__(self, state: AppState, title: str, subtitle: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.setObjectName("page")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        self.layout_.setSpacing(10)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("pageTitle")
        self.layout_.addWidget(self.title_label)
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setVisible(bool(subtitle))
        self.layout_.addWidget(self.subtitle_label)

    def refresh(self) -> None:
        """Reload what the page shows; called when the page becomes visible."""
