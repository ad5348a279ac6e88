"""约谈记录 of one unit: interviewee, reason, problems raised (ticking the unit's hazards), the unit's
commitments, the deadline and whether the 承诺书 was signed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import training_interviews
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.training_interviews import InterviewInfo, InterviewInput

UID_ROLE = Qt.ItemDataRole.UserRole + 1


class InterviewDialog(QDialog):
    saved = Signal(object)  # InterviewInfo

    def __init__(self, ctx: ServiceContext, info: InterviewInfo, held_on: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Interview record: {unit}").format(unit=info.unit_name))
        self.resize(720, 680)
        layout = QVBoxLayout(self)
        head = QLabel(f"{info.unit_name}　{info.unit_address}" + (f"　{info.notice_no}" if info.notice_no else ""))
        head.setStyleSheet("font-weight: bold;")
        head.setWordWrap(True)
        layout.addWidget(head)
        form = QFormLayout()
        self.reason = QLineEdit(info.reason)
        self.interviewee = QLineEdit(info.interviewee)
        self.position = QLineEdit(info.interviewee_position)
        self.phone = QLineEdit(info.interviewee_phone)
        self.documents = QLineEdit(info.documents_to_bring or training_interviews.DEFAULT_DOCUMENTS)
        self.problems = QPlainTextEdit(info.problems)
        self.problems.setPlaceholderText(self.tr("Problems raised that are not recorded hazards, one per line"))
        self.problems.setFixedHeight(70)
        self.hazards = QListWidget()
        self.hazards.setFixedHeight(120)
        for h in training_interviews.unit_hazards(ctx, info.uid):
            item = QListWidgetItem(h.text())
            item.setData(UID_ROLE, h.uid)
            item.setCheckState(Qt.CheckState.Checked if h.linked else Qt.CheckState.Unchecked)
            self.hazards.addItem(item)
        if not self.hazards.count():
            self.hazards.addItem(self.tr("No open or recent hazards of this unit"))
        self.commitments = QPlainTextEdit(info.commitments)
        self.commitments.setFixedHeight(90)
        deadline = QWidget()
        row = QHBoxLayout(deadline)
        row.setContentsMargins(0, 0, 0, 0)
        self.has_deadline = QCheckBox(self.tr("Rectify by"))
        self.deadline = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        due = info.rectify_by or held_on + timedelta(days=15)
        self.deadline.setDate(QDate(due.year, due.month, due.day))
        self.has_deadline.setChecked(info.rectify_by is not None)
        self.deadline.setEnabled(info.rectify_by is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline)
        row.addStretch(1)
        self.pledge = QCheckBox(self.tr("Fire-safety pledge (承诺书) signed"))
        self.pledge.setChecked(info.pledge_signed)
        for label, widget in ((self.tr("Reason"), self.reason), (self.tr("Interviewee"), self.interviewee),
                              (self.tr("Position"), self.position), (self.tr("Phone"), self.phone),
                              (self.tr("Documents to bring"), self.documents), (self.tr("Hazards raised"), self.hazards),
                              (self.tr("Other problems"), self.problems),
                              (self.tr("Commitments and measures"), self.commitments),
                              (self.tr("Deadline"), deadline), ("", self.pledge)):
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addStretch(1)  # spare height goes below the form, not between its rows
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> InterviewInput:
        ticked = tuple(self.hazards.item(i).data(UID_ROLE) for i in range(self.hazards.count())
                       if self.hazards.item(i).data(UID_ROLE) and self.hazards.item(i).checkState() == Qt.CheckState.Checked)
        q = self.deadline.date()
        return InterviewInput(self.reason.text(), self.interviewee.text(), self.position.text(), self.phone.text(),
                              self.documents.text(), self.problems.toPlainText(), self.commitments.toPlainText(),
                              date(q.year(), q.month(), q.day()) if self.has_deadline.isChecked() else None,
                              self.pledge.isChecked(), ticked)

    def save(self) -> None:
        try:
            info = training_interviews.update_interview(self.ctx, self.info.uid, self.values())
        except ServiceError as error:
            self.message.setText(str(error))  # the dialog stays open with everything typed
            return
        self.saved.emit(info)
        self.accept()
