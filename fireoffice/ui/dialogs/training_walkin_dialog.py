"""Add someone on the spot (not invited): unit from the register by quick search, or any name typed in."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import training_attendance, unit_query
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.training_attendance import POSITIONS, PersonInput

SEARCH_LIMIT = 15


class WalkInDialog(QDialog):
    """Emits `added(AttendeeRow)`; a duplicate is refused with the service's message, the form keeps its text."""

    added = Signal(object)

    def __init__(self, ctx: ServiceContext, session_uid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.session_uid = ctx, session_uid
        self.setWindowTitle(self.tr("Add a walk-in"))
        self.resize(480, 260)
        self._found: dict[str, str] = {}  # unit name → uid, from the last search
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.unit = QLineEdit(placeholderText=self.tr("Type to search the register, or any unit name"))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.setCompleter(completer)
        self.unit.textEdited.connect(self._search)
        self.name = QLineEdit()
        self.position = QComboBox(editable=True)
        self.position.addItems(POSITIONS)
        self.position.setCurrentText("")
        self.phone = QLineEdit()
        self.status = QComboBox()
        self.status.addItems(["实到", "请假"])
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Attendance"), self.status)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def _search(self, text: str) -> None:
        if len(text.strip()) < 2:
            return
        rows = unit_query.search(self.ctx, text, limit=SEARCH_LIMIT)
        self._found = {r.name: r.uid for r in rows}
        self._names.setStringList(list(self._found))

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def person(self) -> PersonInput:
        unit = self.unit.text().strip()
        return PersonInput(self.name.text(), unit_uid=self._found.get(unit), unit_name=unit,
                           position=self.position.currentText(), phone=self.phone.text())

    def save(self) -> None:
        try:
            row = training_attendance.add_walk_in(self.ctx, self.session_uid, self.person(),
                                                  status=self.status.currentText())
        except (ValidationError, ServiceError) as error:
            self.message.setText(str(error))  # stays open: nothing typed is lost
            return
        self.added.emit(row)
        self.accept()
