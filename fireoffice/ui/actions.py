"""Database actions shared by the menu, the demo banner and the settings page (confirm first, then act)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fireoffice import paths
from fireoffice.services import database, demo, users
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import require
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.state import AppState


def start_clean(state: AppState, parent: QWidget) -> bool:
    """Remove the demo data after a confirmation; a backup copy is made first."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("actions", "Start clean"),
        QCoreApplication.translate("actions", "Delete all demo data and start with an empty register?\n"
           "A backup copy of the demo database is kept in the backups folder."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        if state.ctx.db.is_sqlite:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            database.backup(state.ctx.db, paths.backup_dir() / f"demo-{stamp}.sqlite")
        demo.clear_demo(state.ctx)
    except ServiceError as error:
        show_service_error(parent, error)
        return False
    state.changed.emit("database")
    return True


def backup_database(state: AppState, parent: QWidget) -> None:
    default = paths.backup_dir() / f"fireoffice-{datetime.now():%Y%m%d-%H%M}.sqlite"
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("actions", "Back up database"), str(default),
                                          QCoreApplication.translate("actions", "Database files (*.sqlite)"))
    if not path:
        return
    try:
        dest = database.backup(state.ctx.db, Path(path))
    except ServiceError as error:
        show_service_error(parent, error)
        return
    QMessageBox.information(parent, QCoreApplication.translate("actions", "Back up database"), QCoreApplication.translate("actions", "Backed up to:\n{path}").format(path=dest))


def restore_database(state: AppState, parent: QWidget) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("actions", "Restore database"), str(paths.backup_dir()),
                                          QCoreApplication.translate("actions", "Database files (*.sqlite);;All files (*)"))
    if not path:
        return
    answer = QMessageBox.warning(
        parent, QCoreApplication.translate("actions", "Restore database"),
        QCoreApplication.translate("actions", "Replace the current data with the backup\n{path}?\n"
           "The current database is backed up first.").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        if users.login_required(state.ctx):
            require(state.ctx, "database.restore")
        safety = database.restore(state.ctx.db, Path(path))
    except ServiceError as error:
        show_service_error(parent, error)
        return
    state.changed.emit("database")
    QMessageBox.information(parent, QCoreApplication.translate("actions", "Restore database"),
                            QCoreApplication.translate("actions", "Restored. The previous data was saved to:\n{path}").format(path=safety or "-"))


def switch_user(state: AppState, parent: QWidget) -> None:
    """Log in as someone else; pages rebuild so they show what the new role may do."""
    from fireoffice.ui.dialogs.login_dialog import LoginDialog

    if not users.login_required(state.ctx):
        QMessageBox.information(parent, QCoreApplication.translate("actions", "Switch user"),
                                QCoreApplication.translate("actions", "No accounts with passwords yet: "
                                                           "create them in Settings → Users."))
        return
    dialog = LoginDialog(state.ctx, parent)
    if dialog.exec() and dialog.user is not None:
        state.ctx.actor = users.actor_for(dialog.user)
        state.changed.emit("user")


def change_password(state: AppState, parent: QWidget) -> None:
    from fireoffice.ui.dialogs.login_dialog import ChangePasswordDialog

    if ChangePasswordDialog(state.ctx, parent).exec():
        QMessageBox.information(parent, QCoreApplication.translate("actions", "Change password"),
                                QCoreApplication.translate("actions", "The password was changed."))
