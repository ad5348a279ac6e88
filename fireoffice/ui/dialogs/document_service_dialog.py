"""送达回证 entry: method, time to the minute, place, recipient and relation, witness, server."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import service_records
from fireoffice.services.documents_types import SERVICE_METHODS
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.ui.errors import show_service_error


class ServiceDialog(QDialog):
    def __init__(self, ctx, document_uid: str, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.document_uid, self.result_info = ctx, document_uid, None
        self.setWindowTitle(self.tr("Record service — %1").replace("%1", number))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.method = QComboBox()
        self.method.addItems(SERVICE_METHODS)
        self.served_at = QDateTimeEdit(QDateTime.currentDateTime(), calendarPopup=True)
        self.served_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place, self.recipient, self.relation = QLineEdit(), QLineEdit(), QLineEdit()
        self.witness, self.server, self.tracking, self.note = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.relation.setPlaceholderText("本人 / 法定代表人 / 收发室 …")
        for label, widget in (("送达方式", self.method), ("送达时间", self.served_at), ("送达地点", self.place),
                              ("受送达人/收件人", self.recipient), ("与受送达人关系", self.relation),
                              ("见证人", self.witness), ("送达人", self.server), ("邮件单号", self.tracking),
                              ("备注", self.note)):
            form.addRow(QLabel(label), widget)
        layout.addLayout(form)
        # by when it must be served (24 h emergency seal, 3 working days) and what runs from service
        self.hints = QLabel()
        self.hints.setWordWrap(True)
        self.hints.setStyleSheet("color: #92400e")
        # Hints are advice only: when they cannot be worked out, saving still checks everything and says why.
        with contextlib.suppress(ServiceError):
            self.hints.setText("\n".join(service_records.service_hints(ctx, document_uid)))
        layout.addWidget(self.hints)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def data(self) -> service_records.ServiceInput:
        return service_records.ServiceInput(
            self.method.currentText(), self.served_at.dateTime().toPython(), self.place.text(), self.recipient.text(),
            self.relation.text(), self.server.text(), self.witness.text(), self.tracking.text(), self.note.text())

    def save(self) -> None:
        try:
            self.result_info = service_records.record_service(self.ctx, self.document_uid, self.data())
        except ValidationError as e:
            self.error.setText(str(e))
            return
        except ServiceError as e:
            show_service_error(self, e)
            return
        self.accept()
