"""The evidence of a session (课件, photos, a scanned sign-in sheet): add files, save a copy, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import training_attachments
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.services.training_attachments import KINDS
from fireoffice.ui.errors import show_service_error


class AttachmentsTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.session_uid: str | None = None
        self.rows: list[training_attachments.AttachmentInfo] = []
        box = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("File"), self.tr("Size"), self.tr("Added")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for col, width in enumerate((70, 320, 90, 140)):
            self.table.setColumnWidth(col, width)
        box.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.save_button.clicked.connect(self.save_copy)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        for widget in (self.kind, self.add_button, self.save_button, self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        box.addLayout(row)

    def show_session(self, uid: str | None) -> None:
        self.session_uid = uid
        self.rows = training_attachments.list_attachments(self.ctx, uid) if uid else []
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            local = a.created_at.astimezone() if a.created_at.tzinfo else a.created_at
            for c, text in enumerate((a.kind, a.name, f"{a.size / 1024:,.0f} KB", local.strftime("%Y-%m-%d %H:%M"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for b in (self.add_button, self.save_button, self.remove_button):
            b.setEnabled(uid is not None)
        can = allowed(self.ctx, "training.edit")
        for b in (self.add_button, self.remove_button, self.kind):
            b.setVisible(can)  # hidden for roles that may not change training records
            if not can:
                b.setEnabled(False)

    def current(self) -> training_attachments.AttachmentInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add(self) -> None:
        if not self.session_uid:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add attachments"), str(Path.home()))
        try:
            for path in paths:
                training_attachments.add_attachment(self.ctx, self.session_uid, self.kind.currentText(),
                                                    Path(path).name, Path(path).read_bytes())
        except ServiceError as error:
            show_service_error(self, error)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Add attachments"), str(error))
        self.show_session(self.session_uid)
        self.changed.emit()

    def save_copy(self) -> None:
        item = self.current()
        if item is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), str(Path.home() / item.name))
        if not path:
            return
        try:
            _name, data = training_attachments.attachment_data(self.ctx, item.uid)
            Path(path).write_bytes(data)
        except ServiceError as error:
            show_service_error(self, error)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save a copy"), str(error))

    def remove(self) -> None:
        item = self.current()
        if item is None:
            return
        if QMessageBox.question(self, self.tr("Remove"), self.tr("Remove {name}?").format(name=item.name)) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            training_attachments.remove_attachment(self.ctx, item.uid)
        except ServiceError as error:
            show_service_error(self, error)
        self.show_session(self.session_uid)
        self.changed.emit()
