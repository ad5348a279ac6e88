"""Start the desktop app: the window appears first, then the database opens behind it.

The main window's frame is shown before SQLAlchemy and the services are even imported (they cost ~0.25 s),
so the clerk sees the program at once; the pages fill in a moment later.
"""

from __future__ import annotations

import getpass
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSplashScreen

from fireoffice import APP_NAME, __version__
from fireoffice.ui.errors import install_excepthook
from fireoffice.ui.fonts import apply_ui_font
from fireoffice.ui.i18n import install_translators
from fireoffice.ui.icons import icon
from fireoffice.ui.theme import apply_theme

if TYPE_CHECKING:
    from fireoffice.services.context import ServiceContext
    from fireoffice.ui.main_window import MainWindow

log = logging.getLogger(__name__)
DEMO_UNITS_ON_FIRST_START = 2000
DAILY_BACKUP_DELAY_MS = 2000  # after the first page is up: start stays fast


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if app.property("fireoffice_ready"):
        return app  # styles and translators are installed once per process
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)  # lets Wayland/taskbars match the installed .desktop entry
    install_translators(app)
    apply_theme(app)
    apply_ui_font(app)
    app.setWindowIcon(icon("app"))
    app.setProperty("fireoffice_ready", True)
    return app


def open_context(target: str, user: str | None = None) -> ServiceContext:
    """Open and migrate the database (backing up a file that is behind)."""
    from fireoffice.services import database
    from fireoffice.services.context import Actor, ServiceContext

    db = database.open_database(target)
    database.upgrade(db)
    name = user or getpass.getuser()
    return ServiceContext(db=db, actor=Actor(username=name, display_name=name))


def fill_demo_if_empty(ctx: ServiceContext, app: QApplication) -> bool:
    from fireoffice.services import demo

    if not demo.database_is_empty(ctx):
        return False
    splash = QSplashScreen(icon("app").pixmap(256, 256))
    splash.showMessage(QCoreApplication.translate("app", "Preparing demo data for a first look…"),
                       Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
    splash.show()
    app.processEvents()
    try:
        demo.fill_demo(ctx, units=DEMO_UNITS_ON_FIRST_START)
    finally:
        splash.close()
    return True


def ensure_station(ctx: ServiceContext, parent=None) -> None:
    """The first-run wizard when the station has no profile yet (e.g. after starting clean)."""
    from fireoffice.services import station
    from fireoffice.ui.dialogs.station_wizard import StationWizard

    info = station.get_station(ctx)
    if info is None or not info.configured:
        StationWizard(ctx, parent).exec()


def start_daily_backup(state) -> None:
    """The first start of the day copies the database in the background; a failure is logged, not shown."""
    from fireoffice.services import backups

    def done(made) -> None:
        if made:
            log.info("daily backup written to %s", made)

    label = QCoreApplication.translate("app", "Daily backup…")
    state.tasks.run(lambda _progress: backups.daily_backup(state.ctx), label, done,
                    lambda error: log.warning("daily backup failed: %s", error), cancellable=False)


def _open_behind(window: MainWindow, target: str, user: str | None,
                 ready: Callable[[str], None] | None) -> None:
    from fireoffice.services.errors import ServiceError
    from fireoffice.ui.state import AppState

    app = QApplication.instance()
    try:
        ctx = open_context(target, user)
        fill_demo_if_empty(ctx, app)
    except ServiceError as error:
        QMessageBox.critical(window, QCoreApplication.translate("app", "Cannot open the database"), str(error))
        window.close()
        app.exit(1)
        return
    from fireoffice.ui.dialogs.login_dialog import ensure_login

    if not ensure_login(ctx, window):
        window.close()
        app.exit(0)
        return
    state = AppState(ctx)
    ensure_station(ctx, window)
    window.attach(state)
    # bound to the window: never fires after it is gone
    QTimer.singleShot(DAILY_BACKUP_DELAY_MS, window, lambda: start_daily_backup(state))
    state.changed.connect(lambda what: ensure_station(ctx, window) if what == "database" else None)
    log.info("GUI started on %s", ctx.db.display_name())
    if ready is not None:
        ready("data")


def run(target: str, user: str | None = None, ready: Callable[[str], None] | None = None) -> int:
    """The GUI's main loop; `ready` (for benchmarks) hears "shown" and then "data"."""
    app = create_application()
    install_excepthook()
    from fireoffice.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if ready is not None:
        QTimer.singleShot(0, lambda: ready("shown"))
    QTimer.singleShot(0, lambda: _open_behind(window, target, user, ready))
    return app.exec()
