"""The visible 演示数据 banner: says the data is invented and how to start clean."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DemoBanner(QFrame):
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        self.label = QLabel(self.tr(
            "<b>演示数据</b> — the units and people shown are invented for trying the program. "
            "To start clean, press the button on the right (or Settings → Start clean), or start with "
            "another database file: <code>fireoffice --db new.sqlite</code>."))
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(self.tr("Start clean…"))
        self.button.clicked.connect(self.clear_requested)
        layout.addWidget(self.button)
