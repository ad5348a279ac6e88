"""Administer login accounts: list, add, reset a password, deactivate or reactivate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import users
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import ROLES
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.widgets.form_dialog import FormDialog


class AddUserDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, first_admin: bool = False):
        super().__init__(self.tr("Add user"), parent)
        self.ctx = ctx
        self.username, self.name, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        self.role.addItems(["管理员"] if first_admin else list(ROLES))
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Password"), self.password)

    def save(self) -> None:
        self.attempt(lambda: users.create_user(self.ctx, self.username.text(), self.role.currentText(),
                                               self.password.text(), self.name.text()))


class UsersDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        self.resize(640, 400)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Role"),
                                              self.tr("Password"), self.tr("Status")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for text, slot in [(self.tr("Add…"), self.add), (self.tr("Reset password…"), self.reset),
                           (self.tr("Deactivate / reactivate"), self.toggle)]:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.rows: list[users.UserInfo] = []
        self.load()

    def load(self) -> None:
        self.rows = users.list_users(self.ctx)
        self.table.setRowCount(len(self.rows))
        for i, u in enumerate(self.rows):
            values = [u.username, u.display_name, u.role, self.tr("set") if u.has_password else self.tr("none"),
                      self.tr("active") if u.active else self.tr("deactivated")]
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))

    def selected(self) -> users.UserInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add(self) -> None:
        if AddUserDialog(self.ctx, self).exec():
            self.load()

    def reset(self) -> None:
        user = self.selected()
        if user is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Reset password"),
                                       self.tr("New password for {name}:").format(name=user.display_name),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        try:
            users.reset_password(self.ctx, user.username, new)
        except ServiceError as error:
            show_service_error(self, error)
        self.load()

    def toggle(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            users.set_active(self.ctx, user.username, not user.active)
        except ServiceError as error:
            show_service_error(self, error)
        self.load()
