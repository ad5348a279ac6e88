"""Draft form of an enforcement document, built from the type's field schema; violations edited as lines."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import documents, documents_timing, officers, penalties
from fireoffice.services.documents_types import TYPES
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.ui.errors import show_service_error

EMPTY_DATE = QDate(2000, 1, 1)  # the minimum of an optional date field, shown as "(none)"


class DocumentDialog(QDialog):
    """Edit a draft: every schema field, the two signatories, the violations with their deadlines."""

    def __init__(self, ctx, info: documents.DocumentInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Document draft — %1").replace("%1", info.title))
        self.resize(720, 640)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.form = QFormLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for spec in TYPES[info.doc_type].fields:
            widget = self._widget(spec, info.fields.get(spec.key))
            label = QLabel(spec.label + ("＊" if spec.required else ""))
            self.form.addRow(label, widget)
            self.widgets[spec.key], self.labels[spec.label] = widget, label
        self.items = QPlainTextEdit()
        self.items.setPlaceholderText(self.tr("One violation per line: text | deadline (YYYY-MM-DD)"))
        self.items.setPlainText("\n".join(f"{i.get('text', '')} | {i.get('deadline', '')}"
                                          for i in info.fields.get("items") or ()))
        if TYPES[info.doc_type].items:
            self.form.addRow(QLabel("违法行为（每行一项）"), self.items)
        enforcers = officers.list_officers(ctx, enforcers_only=True)
        self.officer_boxes = []
        for n in range(2):
            box = QComboBox()
            box.addItem(self.tr("(choose)"), None)
            for o in enforcers:
                box.addItem(f"{o.name}（{o.cert_no}）", o.uid)
            if n < len(info.officer_uids):
                box.setCurrentIndex(max(box.findData(info.officer_uids[n]), 0))
            self.officer_boxes.append(box)
            self.form.addRow(QLabel(f"执法人员{n + 1}"), box)
        # time rules the service will apply at issue (告知 window, 90 days from 立案, 24 h emergency seal)
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.timing.setStyleSheet("color: #92400e")
        outer.addWidget(self.timing)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        self.show_timing()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def show_timing(self) -> None:
        try:
            timing = documents_timing.document_timing(self.ctx, self.info.uid)
        except ServiceError:
            return
        self.timing.setText("\n".join((*timing.problems, *timing.notes)))

    def show_error(self, error: ValidationError) -> None:
        """The refusal under the form, and the named field's label in red."""
        self.error.setText(str(error))
        for text, label in self.labels.items():
            label.setStyleSheet("color: #b91c1c; font-weight: bold" if text == error.field else "")

    def _widget(self, spec, value) -> QWidget:
        if spec.kind == "date":
            w = QDateEdit(calendarPopup=True)
            w.setDisplayFormat("yyyy-MM-dd")
            if not spec.required:  # an optional date (放弃日期, 听证日期 …) stays empty until one is chosen
                w.setMinimumDate(EMPTY_DATE)
                w.setSpecialValueText(self.tr("(none)"))
            w.setDate(QDate.fromString(str(value), "yyyy-MM-dd") if value
                      else (QDate.currentDate() if spec.required else EMPTY_DATE))
            return w
        if spec.kind == "datetime":
            w = QDateTimeEdit(calendarPopup=True)
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
            if not spec.required:
                w.setMinimumDateTime(QDateTime(EMPTY_DATE, QTime(0, 0)))
                w.setSpecialValueText(self.tr("(none)"))
            w.setDateTime(QDateTime.fromString(str(value)[:16], "yyyy-MM-ddTHH:mm") if value
                          else (QDateTime.currentDateTime() if spec.required else QDateTime(EMPTY_DATE, QTime(0, 0))))
            return w
        if spec.kind == "int":
            w = QSpinBox()
            w.setRange(0, 10_000_000)
            w.setValue(int(value or 0))
            return w
        if spec.kind == "choice":
            w = QComboBox()
            choices = spec.choices or tuple(a.code for a in penalties.list_articles(self.ctx))
            for c in choices:
                w.addItem(c, c)
            w.setCurrentIndex(max(w.findData(value), 0))
            return w
        if spec.kind == "long":
            w = QPlainTextEdit(str(value or ""))
            w.setFixedHeight(72)
            return w
        return QLineEdit(str(value or ""))

    def values(self) -> dict:
        out: dict = {}
        for spec in TYPES[self.info.doc_type].fields:
            w = self.widgets[spec.key]
            if isinstance(w, QDateTimeEdit) and not spec.required and w.date() == EMPTY_DATE:
                out[spec.key] = ""
            elif isinstance(w, QDateTimeEdit) and not isinstance(w, QDateEdit):
                out[spec.key] = w.dateTime().toString("yyyy-MM-ddTHH:mm")
            elif isinstance(w, QDateEdit):
                out[spec.key] = w.date().toString("yyyy-MM-dd")
            elif isinstance(w, QSpinBox):
                out[spec.key] = w.value() or None
            elif isinstance(w, QComboBox):
                out[spec.key] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                out[spec.key] = w.toPlainText().strip()
            else:
                out[spec.key] = w.text().strip()
        if TYPES[self.info.doc_type].items:
            old = {i.get("text"): i for i in self.info.fields.get("items") or ()}
            items = []
            for line in self.items.toPlainText().splitlines():
                text, _, deadline = line.partition("|")
                if text.strip():
                    items.append({**old.get(text.strip(), {}), "text": text.strip(), "deadline": deadline.strip()})
            out["items"] = items
        return out

    def save(self) -> None:
        officer_uids = tuple(b.currentData() for b in self.officer_boxes if b.currentData())
        try:
            for item in self.values().get("items", ()):
                if item["deadline"]:
                    date.fromisoformat(item["deadline"])
        except ValueError:
            self.error.setText("违法行为：整改期限应写成 2026-03-01 的格式")
            return
        try:
            self.info = documents.update_draft(self.ctx, self.info.uid, self.values(), officer_uids)
        except ValidationError as e:
            self.show_error(e)
            return
        except ServiceError as e:
            show_service_error(self, e)
            return
        self.accept()
