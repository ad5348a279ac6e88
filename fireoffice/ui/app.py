"""Start the desktop app: Qt application, translations, fonts, theme, database, demo data, main window."""

from __future__ import annotations

import getpass
import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QSplashScreen

from fireoffice import APP_NAME, __version__
from fireoffice.services import database, demo, station
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.ui.errors import install_excepthook
from fireoffice.ui.fonts import apply_ui_font
from fireoffice.ui.i18n import install_translators
from fireoffice.ui.icons import icon
from fireoffice.ui.theme import apply_theme

log = logging.getLogger(__name__)
DEMO_UNITS_ON_FIRST_START = 2000


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if app.property("fireoffice_ready"):
        return app  # styles and translators are installed once per process
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_translators(app)
    apply_theme(app)
    apply_ui_font(app)
    app.setWindowIcon(icon("app"))
    app.setProperty("fireoffice_ready", True)
    return app


def open_context(target: str, user: str | None = None) -> ServiceContext:
    """Open and migrate the database (backing up a file that is behind)."""
    db = database.open_database(target)
    database.upgrade(db)
    name = user or getpass.getuser()
    return ServiceContext(db=db, actor=Actor(username=name, display_name=name, role="管理员"))


def fill_demo_if_empty(ctx: ServiceContext, app: QApplication) -> bool:
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
    from fireoffice.ui.dialogs.station_wizard import StationWizard

    info = station.get_station(ctx)
    if info is None or not info.configured:
        StationWizard(ctx, parent).exec()


def run(target: str, user: str | None = None) -> int:
    app = create_application()
    install_excepthook()
    try:
        ctx = open_context(target, user)
        fill_demo_if_empty(ctx, app)
    except ServiceError as error:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open the database"), str(error))
        return 1
    from fireoffice.ui.main_window import MainWindow
    from fireoffice.ui.state import AppState

    state = AppState(ctx)
    ensure_station(ctx)
    window = MainWindow(state)
    state.changed.connect(lambda what: ensure_station(ctx, window) if what == "database" else None)
    window.show()
    log.info("GUI started on %s", ctx.db.display_name())
    return app.exec()
