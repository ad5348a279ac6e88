"""The station profile form, shared by the first-run wizard and the settings page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from fireoffice.services import station
from fireoffice.services.errors import ValidationError
from fireoffice.services.station import StationInfo


class StationForm(QWidget):
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        placeholders = {
            "name": self.tr("e.g. 东城街道消防工作所"),
            "township": self.tr("e.g. 东城街道"),
            "county": self.tr("e.g. 临县"),
            "parent_center": self.tr("e.g. 临县消防安全管理中心"),
            "brigade": self.tr("e.g. 临县消防救援大队"),
            "issuer_code": self.tr("Used in document numbers, e.g. 临东"),
            "head_name": "",
            "phone": "",
            "address": "",
        }
        labels = {
            "name": self.tr("Station name *"),
            "township": self.tr("Township / street"),
            "county": self.tr("County"),
            "parent_center": self.tr("County center"),
            "brigade": self.tr("Fire brigade"),
            "issuer_code": self.tr("Issuer code"),
            "head_name": self.tr("Station head"),
            "phone": self.tr("Phone"),
            "address": self.tr("Address"),
        }
        self.level = QComboBox()
        self.level.addItems(list(station.LEVELS))
        self.mode = QComboBox()
        self.mode.addItems(list(station.ENFORCEMENT_MODES))
        self.mode.setToolTip(self.tr(
            "赋权: the township issues documents in its own name; 委托: in the brigade's name; "
            "无权: record and refer (移送) only"))
        for key in ("name", "township", "county", "parent_center", "brigade", "issuer_code"):
            self._add_edit(form, key, labels[key], placeholders[key])
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Enforcement mode"), self.mode)
        for key in ("head_name", "phone", "address"):
            self._add_edit(form, key, labels[key], placeholders[key])
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.edits["name"].textChanged.connect(self._check)
        self._check()

    def _add_edit(self, form: QFormLayout, key: str, label: str, placeholder: str) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(station.TEXT_FIELDS[key][1])
        form.addRow(label, edit)
        self.edits[key] = edit

    def _check(self) -> None:
        ok = bool(self.edits["name"].text().strip())
        self.error.setText("" if ok else self.tr("The station name is required."))
        self.validity_changed.emit(ok)

    def is_valid(self) -> bool:
        return bool(self.edits["name"].text().strip())

    def load(self, info: StationInfo | None) -> None:
        if info is None:
            return
        for key, edit in self.edits.items():
            edit.setText(getattr(info, key))
        self.level.setCurrentText(info.level)
        self.mode.setCurrentText(info.enforcement_mode)

    def values(self) -> dict:
        data = {key: edit.text() for key, edit in self.edits.items()}
        data["level"] = self.level.currentText()
        data["enforcement_mode"] = self.mode.currentText()
        return data

    def show_error(self, error: ValidationError) -> None:
        """Put the service's refusal next to the field it names."""
        self.error.setText(str(error))
        for key, (label, _limit) in station.TEXT_FIELDS.items():
            if label == error.field and key in self.edits:
                self.edits[key].setFocus()
                self.edits[key].selectAll()
