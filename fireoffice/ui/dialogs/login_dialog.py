"""The login dialog shown before the main window attaches, once accounts with passwords exist."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import users
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError


class LoginDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, username: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.user: users.UserInfo | None = None
        self.setWindowTitle(self.tr("Log in"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        try:
            self.user = users.authenticate(self.ctx, self.username.text(), self.password.text())
        except ServiceError as error:
            self.error.setText(str(error))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change password"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, label in ((self.old, self.tr("Current password")), (self.new, self.tr("New password")),
                            (self.again, self.tr("New password again"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(label, edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        try:
            users.change_password(self.ctx, self.old.text(), self.new.text())
        except ServiceError as error:
            self.error.setText(str(error))
            return
        self.accept()


def ensure_login(ctx: ServiceContext, parent: QWidget | None = None) -> bool:
    """Log in when accounts with passwords exist (the actor becomes that user); False when cancelled."""
    if not users.login_required(ctx):
        return True
    dialog = LoginDialog(ctx, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
        return False
    ctx.actor = users.actor_for(dialog.user)
    return True
