"""The login dialog shown before the main window attaches, once accounts with passwords exist."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from fireoffice.services import users
from fireoffice.services.context import ServiceContext
from fireoffice.ui.widgets.form_dialog import FormDialog


class LoginDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, username: str = ""):
        super().__init__(self.tr("Log in"), parent)
        self.ctx = ctx
        self.user: users.UserInfo | None = None
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        (self.password if username else self.username).setFocus()

    def save(self) -> None:
        self.try_login()

    def try_login(self) -> None:
        def login() -> None:
            self.user = users.authenticate(self.ctx, self.username.text(), self.password.text())

        if not self.attempt(login):
            self.password.clear()
            self.password.setFocus()


class ChangePasswordDialog(FormDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(self.tr("Change password"), parent)
        self.ctx = ctx
        self.old, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, label in ((self.old, self.tr("Current password")), (self.new, self.tr("New password")),
                            (self.again, self.tr("New password again"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.form.addRow(label, edit)

    def save(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        self.attempt(lambda: users.change_password(self.ctx, self.old.text(), self.new.text()))


def ensure_login(ctx: ServiceContext, parent: QWidget | None = None) -> bool:
    """Log in when accounts with passwords exist (the actor becomes that user); False when cancelled."""
    if not users.login_required(ctx):
        return True
    dialog = LoginDialog(ctx, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
        return False
    ctx.actor = users.actor_for(dialog.user)
    return True
