"""The session form: type, topic, date and time, place or video link, trainer, scope, 约谈事由, publicity counts.

Validated by the service's own rules on every change (OK stays disabled until valid, the message shows next
to the field it names).
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import training
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.training import KINDS, LABELS, SCOPES, SessionInfo, SessionInput
from fireoffice.ui.errors import show_service_error

KEY_OF_LABEL = {label: key for key, label in LABELS.items()}


class SessionDialog(QDialog):
    """New session (info None) or an existing one; emits `saved(uid)`."""

    saved = Signal(str)

    def __init__(self, ctx: ServiceContext, info: SessionInfo | None = None, parent: QWidget | None = None,
                 organizer: str = ""):
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Edit session {no}").format(no=info.session_no) if info
                            else self.tr("New training, interview or activity"))
        self.resize(620, 560)
        self.w: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._timer = QTimer(self, singleShot=True, interval=150)  # before the widgets: loading them signals
        self._timer.timeout.connect(self.check)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self._build()
        layout.addStretch(1)  # spare height goes below the form, not between its rows
        self.summary = QLabel()
        self.summary.setProperty("role", "error")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load(info, organizer)
        self._kind_changed()
        self.check()

    def _row(self, key: str, widget: QWidget, label: str) -> None:
        self.w[key] = widget
        error = QLabel()
        error.setProperty("role", "error")
        error.setVisible(False)
        self.errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(label, box)

    def _build(self) -> None:
        kind = QComboBox()
        kind.addItems(KINDS)
        kind.currentIndexChanged.connect(self._kind_changed)
        self._row("kind", kind, self.tr("Type *"))
        self._row("topic", QLineEdit(placeholderText=self.tr("e.g. 冬春火灾防控培训")), self.tr("Topic *"))
        day = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self._row("held_on", day, self.tr("Date *"))
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        self.has_time = QCheckBox(self.tr("Time"))
        self.start = QTimeEdit(displayFormat="HH:mm")
        self.end = QTimeEdit(displayFormat="HH:mm")
        for widget in (self.has_time, self.start, QLabel("—"), self.end):
            row.addWidget(widget)
        row.addStretch(1)
        self.has_time.toggled.connect(lambda on: (self.start.setEnabled(on), self.end.setEnabled(on)))
        self._row("end_time", times, self.tr("Time"))
        self._row("place", QLineEdit(), self.tr("Place"))
        self._row("video_link", QLineEdit(placeholderText=self.tr("Meeting link or number for a video interview")),
                  self.tr("Video link"))
        self._row("trainer", QLineEdit(), self.tr("Trainer / interviewer"))
        self._row("organizer", QLineEdit(), self.tr("Organiser"))
        scope = QComboBox(editable=True)
        scope.addItems(["", *SCOPES])
        self._row("scope", scope, self.tr("Target scope"))
        self._row("reason", QLineEdit(placeholderText=self.tr("e.g. 受到行政处罚 / 隐患逾期未改 / 专项行动")),
                  self.tr("Reason for the interview"))
        self._row("audience_count", QSpinBox(maximum=10_000_000, singleStep=10), self.tr("Other audience (people)"))
        self._row("materials_count", QSpinBox(maximum=10_000_000, singleStep=100), self.tr("Materials handed out"))
        self._row("materials_note", QLineEdit(), self.tr("Materials"))
        notes = QPlainTextEdit()
        notes.setFixedHeight(60)
        self._row("notes", notes, self.tr("Notes"))
        for key, widget in self.w.items():
            signal = {QLineEdit: "textChanged", QComboBox: "currentTextChanged", QDateEdit: "dateChanged",
                      QSpinBox: "valueChanged", QPlainTextEdit: "textChanged"}.get(type(widget))
            if signal:
                getattr(widget, signal).connect(lambda *_a: self._timer.start())
            elif key == "end_time":
                for w in (self.has_time, self.start, self.end):
                    (w.toggled if w is self.has_time else w.timeChanged).connect(lambda *_a: self._timer.start())

    def _load(self, info: SessionInfo | None, organizer: str) -> None:
        self.w["kind"].setCurrentText(info.kind if info else KINDS[0])
        held = info.held_on if info else date.today()
        self.w["held_on"].setDate(QDate(held.year, held.month, held.day))
        self.has_time.setChecked(bool(info is None or info.start_time))
        start = (info.start_time if info else None) or time(9, 0)
        end = (info.end_time if info else None) or time(start.hour + 2 if start.hour < 22 else 23, start.minute)
        self.start.setTime(QTime(start.hour, start.minute))
        self.end.setTime(QTime(end.hour, end.minute))
        for key in ("topic", "place", "video_link", "trainer", "organizer", "reason", "materials_note"):
            self.w[key].setText(getattr(info, key) if info else (organizer if key == "organizer" else ""))
        self.w["scope"].setCurrentText(info.scope if info else "")
        self.w["audience_count"].setValue(info.audience_count if info else 0)
        self.w["materials_count"].setValue(info.materials_count if info else 0)
        self.w["notes"].setPlainText(info.notes if info else "")

    def _kind_changed(self) -> None:
        kind = self.w["kind"].currentText()
        for key, visible in (("reason", kind in training.INTERVIEW_KINDS),
                             ("materials_count", kind == training.PUBLICITY_KIND),
                             ("materials_note", kind == training.PUBLICITY_KIND)):
            self.w[key].setVisible(visible)
            label = self.form.labelForField(self._box_of(key))
            if label is not None:
                label.setVisible(visible)

    def _box_of(self, key: str):
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is not None and item.layout() is not None and item.layout().indexOf(self.w[key]) >= 0:
                return item.layout()
        return None

    def values(self) -> SessionInput:
        q = self.w["held_on"].date()
        timed = self.has_time.isChecked()
        st, en = self.start.time(), self.end.time()
        return SessionInput(
            kind=self.w["kind"].currentText(), topic=self.w["topic"].text(), held_on=date(q.year(), q.month(), q.day()),
            start_time=time(st.hour(), st.minute()) if timed else None,
            end_time=time(en.hour(), en.minute()) if timed else None,
            place=self.w["place"].text(), video_link=self.w["video_link"].text(), trainer=self.w["trainer"].text(),
            organizer=self.w["organizer"].text(), scope=self.w["scope"].currentText(),
            reason=self.w["reason"].text() if self.w["kind"].currentText() in training.INTERVIEW_KINDS else "",
            audience_count=self.w["audience_count"].value(), materials_count=self.w["materials_count"].value(),
            materials_note=self.w["materials_note"].text(), notes=self.w["notes"].toPlainText())

    def check(self) -> bool:
        try:
            training.validate(self.values())
        except ValidationError as error:
            self.show_error(error)
            return False
        self.show_error(None)
        return True

    def show_error(self, error: ValidationError | None) -> None:
        key = KEY_OF_LABEL.get(error.field) if error else None
        for k, label in self.errors.items():
            label.setText(error.message if error and k == key else "")
            label.setVisible(bool(error) and k == key)
        self.summary.setText(str(error) if error and key is None else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(error is None)

    def save(self) -> None:
        if not self.check():
            return
        try:
            if self.info is None:
                result = training.create_session(self.ctx, self.values())
            else:
                result = training.update_session(self.ctx, self.info.uid, self.values())
        except ValidationError as error:
            self.show_error(error)
            return
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.result_info = result
        self.saved.emit(result.uid)
        self.accept()
