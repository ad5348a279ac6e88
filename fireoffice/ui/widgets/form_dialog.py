"""A small OK/Cancel dialog around a QFormLayout whose service refusal is shown in red under the form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from fireoffice.services.errors import ServiceError


class FormDialog(QDialog):
    """Subclasses add rows to `self.form` and implement `save()`, calling `self.attempt(...)` for the service."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:  # overridden by every subclass
        self.accept()

    def attempt(self, call: Callable[[], object]) -> bool:
        """Run one service call; on refusal show its message and keep the dialog open, else accept."""
        try:
            call()
        except ServiceError as error:
            self.error.setText(str(error))
            return False
        self.accept()
        return True
