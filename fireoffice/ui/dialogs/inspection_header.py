"""The record form's header: the unit, the record number (and a box to key a paper form by its number), type,
outcome, times, officers and the people present."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import inspections
from fireoffice.services.inspection_campaign import FormDefaults
from fireoffice.services.inspections import INSPECTION_TYPES, OUTCOMES, InspectionInput
from fireoffice.services.officers import OfficerInfo

UID = Qt.ItemDataRole.UserRole


def default_start(form: FormDefaults, planned: date | None = None) -> datetime:
    """A visit keyed in later starts on its planned day at 09:00; otherwise an hour ago (never in the future)."""
    now = datetime.now().replace(second=0, microsecond=0)
    if planned is not None and planned < now.date():
        return datetime.combine(planned, datetime.min.time()).replace(hour=9)
    return now.replace(minute=now.minute // 5 * 5) - timedelta(hours=1)


def _qdt(at: datetime) -> QDateTime:
    return QDateTime(at.year, at.month, at.day, at.hour, at.minute, 0)


def _py(q: QDateTime) -> datetime:
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class RecordHeader(QWidget):
    paper_form = Signal(str)  # a number typed in the paper-form box, Enter pressed

    def __init__(self, staff: list[OfficerInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.staff = staff
        self.duration = timedelta(minutes=20)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.unit_label = QLabel()
        self.unit_label.setWordWrap(True)
        row.addWidget(self.unit_label, 1)
        row.addWidget(QLabel(self.tr("Record no")))
        self.record_no = QLineEdit()
        self.record_no.setMaximumWidth(150)
        self.record_no.setPlaceholderText(self.tr("allocated on save"))
        row.addWidget(self.record_no)
        row.addWidget(QLabel(self.tr("Key a paper form no")))
        self.paper_no = QLineEdit()
        self.paper_no.setMaximumWidth(150)
        self.paper_no.setPlaceholderText(self.tr("JC…  Enter"))
        self.paper_no.returnPressed.connect(lambda: self.paper_form.emit(self.paper_no.text()))
        row.addWidget(self.paper_no)
        layout.addLayout(row)
        layout.addLayout(self._fields())

    def _fields(self) -> QGridLayout:
        grid = QGridLayout()
        self.type, self.outcome = QComboBox(), QComboBox()
        self.type.addItems(INSPECTION_TYPES)
        self.outcome.addItems(OUTCOMES)
        self.start = QDateTimeEdit(displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.end = QDateTimeEdit(displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        self.start.dateTimeChanged.connect(lambda v: self.end.setDateTime(v.addSecs(int(self.duration.total_seconds()))))
        self.end.dateTimeChanged.connect(self._keep_duration)
        self.people, self.unit_rep, self.witness = QLineEdit(), QLineEdit(), QLineEdit()
        self.refused = QCheckBox(self.tr("Refused to sign"))
        self.officer_list = QListWidget()
        self.officer_list.setFlow(QListView.Flow.LeftToRight)  # people side by side, wrapping: a compact header
        self.officer_list.setWrapping(True)
        self.officer_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.officer_list.setSpacing(2)
        self.officer_list.setMaximumHeight(60)
        for person in self.staff:
            mark = "" if person.can_enforce else self.tr(" (no valid certificate)")
            item = QListWidgetItem(f"{person.name}（{person.role}）{mark}")
            item.setData(UID, person.uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officer_list.addItem(item)
        self.officer_list.itemChanged.connect(lambda _i: self.officers_hint())
        self.type.currentTextChanged.connect(lambda _t: self.officers_hint())
        self.officer_hint = QLabel()
        self.officer_hint.setProperty("role", "error")
        cells = [(self.tr("Type"), self.type), (self.tr("Outcome"), self.outcome), (self.tr("Start"), self.start),
                 (self.tr("End"), self.end), (self.tr("People present"), self.people),
                 (self.tr("Unit representative"), self.unit_rep), ("", self.refused),
                 (self.tr("Witness"), self.witness)]
        for n, (label, widget) in enumerate(cells):
            grid.addWidget(QLabel(label), n // 4, (n % 4) * 2)
            grid.addWidget(widget, n // 4, (n % 4) * 2 + 1)
        grid.addWidget(QLabel(self.tr("Officers (≥2 with a valid certificate)")), 2, 0)
        grid.addWidget(self.officer_list, 2, 1, 1, 5)
        grid.addWidget(self.officer_hint, 2, 6, 1, 2)
        return grid

    def _keep_duration(self, end: QDateTime) -> None:
        span = _py(end) - _py(self.start.dateTime())
        if span > timedelta(0):  # the clerk corrected the end: later starts keep this length
            self.duration = span

    def load(self, form: FormDefaults, draft: InspectionInput) -> None:
        people = " · ".join(p for p in (f"{form.resp_person} {form.resp_phone}".strip(),
                                       f"{form.mgr_person} {form.mgr_phone}".strip()) if p)
        tries = self.tr("  ·  visited {n} times before, not inspected").format(n=form.attempts) if form.attempts else ""
        self.unit_label.setText(f"<b>{form.unit_name}</b>  {form.address}<br>{people}  ·  {form.checklist}{tries}")
        self.record_no.setText(form.record_no)
        self.record_no.setReadOnly(bool(form.record_no))  # reserved on the visit (printed on the paper form)
        self.paper_no.clear()
        self.type.setCurrentText(draft.inspection_type)
        self.outcome.setCurrentText(draft.outcome)
        self.duration = draft.ended_at - draft.started_at
        self.start.setDateTime(_qdt(draft.started_at))
        self.end.setDateTime(_qdt(draft.ended_at))
        for w, value in ((self.people, draft.people_present), (self.unit_rep, draft.unit_rep),
                         (self.witness, draft.witness)):
            w.setText(value)
        self.refused.setChecked(draft.unit_rep_refused)
        chosen = set(draft.officer_uids)
        for n in range(self.officer_list.count()):
            item = self.officer_list.item(n)
            item.setCheckState(Qt.CheckState.Checked if item.data(UID) in chosen else Qt.CheckState.Unchecked)
        self.officers_hint()

    def officer_uids(self) -> tuple[str, ...]:
        items = (self.officer_list.item(n) for n in range(self.officer_list.count()))
        return tuple(i.data(UID) for i in items if i.checkState() == Qt.CheckState.Checked)

    def officers_hint(self) -> None:
        chosen = set(self.officer_uids())
        valid = sum(1 for p in self.staff if p.uid in chosen and p.can_enforce)
        enforcement = self.type.currentText() not in inspections.NON_ENFORCEMENT
        self.officer_hint.setText(self.tr("{n} with a valid certificate").format(n=valid)
                                  if enforcement and valid < 2 else "")

    def found_on(self) -> date:
        return _py(self.start.dateTime()).date()

    def values(self) -> dict:
        """The header's part of an InspectionInput."""
        return {"inspection_type": self.type.currentText(), "outcome": self.outcome.currentText(),
                "started_at": _py(self.start.dateTime()), "ended_at": _py(self.end.dateTime()),
                "officer_uids": self.officer_uids(), "people_present": self.people.text(),
                "unit_rep": self.unit_rep.text(), "unit_rep_refused": self.refused.isChecked(),
                "witness": self.witness.text(), "record_no": self.record_no.text().strip() or None}
