"""The record form's side panel for the current checklist line (note, 当场改正, the hazard sub-form with its
computed deadline, photos) and the 复查 table of the unit's open hazards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import hazard_flow, workdays
from fireoffice.services.checklists import HAZARD_CATEGORIES, SEVERITIES
from fireoffice.services.errors import ServiceError
from fireoffice.services.hazards import (
    HANDLINGS,
    LONG_DEADLINE_DAYS,
    HazardInfo,
    HazardInput,
    validate_hazard,
)
from fireoffice.services.inspections import RecheckEntry
from fireoffice.ui.models.inspection_models import ItemEntry
from fireoffice.ui.widgets.quick_form import choose_photos

DEFAULT_DAYS = {"一般": 7, "重大": 30}  # the officer changes it; domain.md §6.1 presets 3/7/15/30/60


def hazard_defaults(entry: ItemEntry) -> dict:
    severity = entry.item.default_severity or "一般"
    return {"description": "", "location": entry.location, "category": entry.item.hazard_category or "其他",
            "severity": severity, "handling": "责令限期改正", "deadline_amount": DEFAULT_DAYS.get(severity, 7),
            "deadline_unit": "days", "deadline_reason": ""}


def hazard_input(entry: ItemEntry) -> HazardInput:
    h = entry.hazard
    return HazardInput(description=h.get("description", ""), location=h.get("location", ""),
                       category=h.get("category", ""), severity=h.get("severity", ""),
                       handling=h.get("handling", "责令限期改正"), deadline_amount=h.get("deadline_amount"),
                       deadline_unit=h.get("deadline_unit", "days"), deadline_reason=h.get("deadline_reason", ""),
                       legal_basis=entry.item.legal_basis, item_code=entry.item.code)


def hazard_problem(entry: ItemEntry, found_on: date, cal: workdays.WorkCalendar) -> str | None:
    """The service's own checks on the sub-form (vague text, no place, long deadline without a reason)."""
    data = hazard_input(entry)
    try:
        validate_hazard(data, found_on)
        if data.handling != "责令立即改正":
            due = workdays.period(cal, found_on, data.deadline_amount or 0, data.deadline_unit).due
            if (due - found_on).days > LONG_DEADLINE_DAYS and not data.deadline_reason.strip():
                return f"延长理由：整改期限超过 {LONG_DEADLINE_DAYS} 天，请说明理由"
    except ServiceError as error:
        return str(error)
    return None


class ItemPanel(QWidget):
    edited = Signal()  # the current entry changed: the table repaints its row
    leave = Signal()  # Esc: back to the checklist

    def __init__(self, cal: workdays.WorkCalendar, parent: QWidget | None = None):
        super().__init__(parent)
        self.cal = cal
        self.entry: ItemEntry | None = None
        self.found_on = date.today()
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        form = QFormLayout()
        self.note, self.location = QLineEdit(), QLineEdit()
        self.corrected = QCheckBox(self.tr("Corrected on the spot (口头责令改正)  Space"))
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Location"), self.location)
        form.addRow("", self.corrected)
        layout.addLayout(form)
        self.hazard_box = QGroupBox(self.tr("Hazard (not corrected on the spot)"))
        hform = QFormLayout(self.hazard_box)
        self.description, self.h_location, self.reason = QLineEdit(), QLineEdit(), QLineEdit()
        self.description.setPlaceholderText(self.tr("Specific: what, where — e.g. 二层东侧安全出口被货物堵塞"))
        self.category, self.severity, self.handling = QComboBox(), QComboBox(), QComboBox()
        self.category.addItems(HAZARD_CATEGORIES)
        self.severity.addItems(SEVERITIES)
        self.handling.addItems(HANDLINGS)
        self.amount = QSpinBox(minimum=0, maximum=366)
        self.unit = QComboBox()
        for text, key in ((self.tr("calendar days"), "days"), (self.tr("working days"), "workdays"),
                          (self.tr("months"), "months")):
            self.unit.addItem(text, key)
        period = QHBoxLayout()
        period.addWidget(self.amount)
        period.addWidget(self.unit, 1)
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.photos_button = QPushButton(self.tr("Add photos…"))
        self.photos_label = QLabel()
        photos_row = QHBoxLayout()
        photos_row.addWidget(self.photos_button)
        photos_row.addWidget(self.photos_label, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        for label, widget in ((self.tr("Description *"), self.description), (self.tr("Location *"), self.h_location),
                              (self.tr("Category"), self.category), (self.tr("Level"), self.severity),
                              (self.tr("Handling"), self.handling), (self.tr("Period given"), period),
                              (self.tr("Due on (computed)"), self.due), (self.tr("Reason for a long period"), self.reason)):
            hform.addRow(label, widget)
        layout.addWidget(self.hazard_box)
        layout.addLayout(photos_row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for w in (self.note, self.location, self.description, self.h_location, self.reason):
            w.textEdited.connect(self._store)
            w.installEventFilter(self)
        for w in (self.category, self.severity, self.handling, self.unit):
            w.currentIndexChanged.connect(self._store)
        self.amount.valueChanged.connect(self._store)
        self.corrected.toggled.connect(self._store)
        self.photos_button.clicked.connect(self._add_photos)
        self.setEnabled(False)

    def bind(self, entry: ItemEntry | None, found_on: date) -> None:
        self.entry, self.found_on = entry, found_on
        self.setEnabled(entry is not None)
        if entry is None:
            return
        if entry.needs_hazard() and not entry.hazard:
            entry.hazard = hazard_defaults(entry)
        self._loading = True
        item = entry.item
        self.title.setText(f"{item.code}  {item.text}" + (f"\n{item.legal_basis}" if item.legal_basis else ""))
        self.note.setText(entry.note)
        self.location.setText(entry.location)
        self.corrected.setChecked(entry.corrected)
        self.corrected.setEnabled(entry.result == "不符合" and item.on_spot_fixable)
        h = entry.hazard or hazard_defaults(entry)
        self.description.setText(h["description"])
        self.h_location.setText(h["location"])
        self.reason.setText(h["deadline_reason"])
        for combo, key in ((self.category, "category"), (self.severity, "severity"), (self.handling, "handling")):
            combo.setCurrentText(h[key])
        self.amount.setValue(h["deadline_amount"] or 0)
        self.unit.setCurrentIndex(max(0, self.unit.findData(h["deadline_unit"])))
        self.hazard_box.setVisible(entry.needs_hazard())
        self._loading = False
        self._refresh()

    def _store(self, *_args) -> None:
        if self._loading or self.entry is None:
            return
        e = self.entry
        e.note, e.location, e.corrected = self.note.text(), self.location.text(), self.corrected.isChecked()
        if e.needs_hazard():
            e.hazard = {"description": self.description.text(), "location": self.h_location.text(),
                        "category": self.category.currentText(), "severity": self.severity.currentText(),
                        "handling": self.handling.currentText(), "deadline_amount": self.amount.value(),
                        "deadline_unit": self.unit.currentData(), "deadline_reason": self.reason.text()}
        self.hazard_box.setVisible(e.needs_hazard())
        self._refresh()
        self.edited.emit()

    def _refresh(self) -> None:
        e = self.entry
        self.photos_label.setText("、".join(p.name for p in e.photos) if e.photos else "")
        if not e.needs_hazard():
            self.error.setText("")
            return
        immediate = e.hazard.get("handling") == "责令立即改正"
        self.amount.setEnabled(not immediate)
        self.unit.setEnabled(not immediate)
        if immediate:
            self.due.setText(self.found_on.isoformat())
        else:
            d = workdays.period(self.cal, self.found_on, e.hazard.get("deadline_amount") or 0,
                                e.hazard.get("deadline_unit", "days"))
            self.due.setText(f"{d.due.isoformat()}（{d.rule}）" + "".join("\n" + w for w in d.warnings))
        self.error.setText(hazard_problem(e, self.found_on, self.cal) or "")

    def _add_photos(self) -> None:
        if self.entry is not None:
            self.entry.photos.extend(choose_photos(self))
            self._refresh()

    def focus_first(self) -> None:
        target = self.description if self.entry is not None and self.entry.needs_hazard() else self.note
        target.setFocus()
        target.selectAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            return True
        return super().eventFilter(watched, event)


class RecheckTable(QTableWidget):
    """The unit's open hazards, each with a 复查 conclusion to record with this visit (or none)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([self.tr("Hazard no"), self.tr("Description"), self.tr("Deadline"),
                                        self.tr("State"), self.tr("Recheck result")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 140)
        self.setColumnWidth(1, 300)
        self.uids: list[str] = []

    def set_hazards(self, hazards: tuple[HazardInfo, ...]) -> None:
        self.setRowCount(len(hazards))
        self.uids = [h.uid for h in hazards]
        for row, h in enumerate(hazards):
            for col, text in enumerate((h.hazard_no, f"{h.location}：{h.description}", h.deadline.isoformat(),
                                        h.state)):
                self.setItem(row, col, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(self.tr("— not rechecked"), None)
            for result in hazard_flow.RECHECK_RESULTS:
                combo.addItem(result, result)
            self.setCellWidget(row, 4, combo)

    def set_result(self, row: int, result: str | None) -> None:
        combo = self.cellWidget(row, 4)
        combo.setCurrentIndex(max(0, combo.findData(result)))

    def entries(self) -> tuple[RecheckEntry, ...]:
        out = []
        for row, uid in enumerate(self.uids):
            result = self.cellWidget(row, 4).currentData()
            if result:
                out.append(RecheckEntry(uid, result))
        return tuple(out)
