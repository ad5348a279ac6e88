"""Login at start once accounts with passwords exist; the status bar names the user; roles hide actions."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from fireoffice.services import demo, users
from fireoffice.services.context import ServiceContext
from fireoffice.ui import app as app_module
from fireoffice.ui.dialogs import login_dialog
from fireoffice.ui.dialogs.login_dialog import LoginDialog, ensure_login
from fireoffice.ui.dialogs.station_wizard import StationWizard
from fireoffice.ui.dialogs.users_dialog import UsersDialog
from fireoffice.ui.main_window import MainWindow
from fireoffice.ui.state import AppState


def _accounts(ctx):
    demo.fill_demo(ctx, units=20, seed=3)  # demo users have no passwords: no login yet
    assert ensure_login(ctx) and not users.login_required(ctx)
    users.create_user(ctx, "boss", "管理员", "secret123", "王管理")
    admin = ServiceContext(ctx.db, users.actor_for(users.authenticate(ctx, "boss", "secret123")))
    users.create_user(admin, "grid", "网格员", "gridpass1", "孙网格")


def test_login_dialog_refuses_then_accepts(qtbot, app, ctx):
    _accounts(ctx)
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.username.setText("grid")
    dialog.password.setText("wrong")
    dialog.try_login()
    assert "不正确" in dialog.error.text() and dialog.user is None and dialog.password.text() == ""
    dialog.password.setText("gridpass1")
    dialog.try_login()
    assert dialog.user.role == "网格员" and dialog.result() == QDialog.DialogCode.Accepted


def test_start_asks_for_login_and_shows_the_user(qtbot, app, ctx, monkeypatch):
    _accounts(ctx)

    def fake_exec(self):
        self.username.setText("grid")
        self.password.setText("gridpass1")
        self.try_login()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    monkeypatch.setattr(app_module, "start_daily_backup", lambda state: None)
    window = MainWindow()
    qtbot.addWidget(window)
    app_module._open_behind(window, str(ctx.db.sqlite_path), None, None)
    assert window.state.ctx.actor.username == "grid"
    assert "孙网格" in window.user_status.text() and "网格员" in window.user_status.text()
    visible = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.isVisible()]
    assert not any("Restore" in t or "恢复" in t for t in visible)  # a 网格员 may not restore


def test_cancelled_login_closes_the_app(qtbot, app, ctx, monkeypatch):
    _accounts(ctx)
    codes = []
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QApplication, "exit", lambda *args: codes.append(args[-1] if args else 0))
    window = MainWindow()
    qtbot.addWidget(window)
    app_module._open_behind(window, str(ctx.db.sqlite_path), None, None)
    assert codes == [0] and window.state is None


def test_wizard_creates_the_first_administrator(qtbot, app, ctx, monkeypatch):
    wizard = StationWizard(ctx)
    qtbot.addWidget(wizard)
    assert wizard.admin is not None
    wizard.form.load(None)
    monkeypatch.setattr(wizard.form, "values", lambda: {"name": "东城街道消防工作所"})
    wizard.admin.username.setText("chief")
    wizard.admin.password.setText("chiefpass1")
    wizard.admin.again.setText("chiefpass1")
    assert wizard.admin.isComplete()
    wizard.accept()
    assert users.login_required(ctx) and ctx.actor.username == "chief" and ctx.actor.role == "管理员"


def test_users_dialog_lists_and_resets(qtbot, app, ctx, monkeypatch):
    _accounts(ctx)
    ctx.actor = users.actor_for(users.authenticate(ctx, "boss", "secret123"))
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "boss" in names and "grid" in names
    dialog.table.selectRow(names.index("grid"))
    monkeypatch.setattr("fireoffice.ui.dialogs.users_dialog.QInputDialog.getText",
                        lambda *a, **k: ("newgrid1", True))
    dialog.reset()
    assert users.authenticate(ctx, "grid", "newgrid1")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    dialog.toggle()
    assert not next(u for u in users.list_users(ctx) if u.username == "grid").active


def test_switch_user_rebuilds_the_menus(qtbot, app, ctx, monkeypatch):
    _accounts(ctx)
    state = AppState(ctx)
    window = MainWindow(state)
    qtbot.addWidget(window)

    def fake_exec(self):
        self.username.setText("boss")
        self.password.setText("secret123")
        self.try_login()
        return self.result()

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", fake_exec)
    from fireoffice.ui import actions

    actions.switch_user(state, window)
    assert "王管理" in window.user_status.text()


def test_daily_backup_runs_in_the_background(qtbot, app, ctx):
    from fireoffice import paths
    from fireoffice.services import backups

    state = AppState(ctx)
    app_module.start_daily_backup(state)
    qtbot.waitUntil(lambda: bool(backups.automatic_backups(paths.backup_dir())), timeout=10_000)
    state.tasks.wait()
    app_module.start_daily_backup(state)  # once a day
    state.tasks.wait()
    assert len(backups.automatic_backups(paths.backup_dir())) == 1


def test_add_user_and_change_password_dialogs_show_refusals(qtbot, app, ctx):
    from fireoffice.ui.dialogs.login_dialog import ChangePasswordDialog
    from fireoffice.ui.dialogs.users_dialog import AddUserDialog

    _accounts(ctx)
    admin = ServiceContext(ctx.db, users.actor_for(users.authenticate(ctx, "boss", "secret123")))
    add = AddUserDialog(admin)
    qtbot.addWidget(add)
    add.username.setText("grid")  # taken
    add.password.setText("another1")
    add.save()
    assert add.error.text() and add.result() != QDialog.DialogCode.Accepted
    add.username.setText("clerk")
    add.save()
    assert add.result() == QDialog.DialogCode.Accepted
    assert "clerk" in {u.username for u in users.list_users(admin)}

    change = ChangePasswordDialog(admin)
    qtbot.addWidget(change)
    change.old.setText("secret123")
    change.new.setText("newsecret1")
    change.again.setText("different1")
    change.save()
    assert change.error.text() and change.result() != QDialog.DialogCode.Accepted
    change.again.setText("newsecret1")
    change.save()
    assert change.result() == QDialog.DialogCode.Accepted
    assert users.authenticate(ctx, "boss", "newsecret1").username == "boss"
