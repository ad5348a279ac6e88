"""The main window: a thin shell — navigation list, page stack, demo banner, menus, status bar.

It is built in two steps so it can appear before the database is open: the frame (`MainWindow()`),
then `attach(state)` once the services are ready. Services are imported only in `attach` and later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice import APP_TITLE_ZH
from fireoffice.ui.icons import icon
from fireoffice.ui.pages import page_specs
from fireoffice.ui.widgets.demo_banner import DemoBanner

if TYPE_CHECKING:
    from fireoffice.ui.state import AppState

NAV_WIDTH = 196


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None):
        super().__init__()
        self.state: AppState | None = None
        self.setWindowTitle(APP_TITLE_ZH)
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(1024, 640)
        self.specs = page_specs()
        self.pages: dict[str, QWidget] = {}

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = DemoBanner()
        self.banner.setVisible(False)
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)
        body.addWidget(self._build_navigation())
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        for _spec in self.specs:
            self.stack.addWidget(QWidget())  # real pages are built on first visit (fast start)
        self.setCentralWidget(central)

        self.db_status = QLabel(self.tr("Opening the database…"))
        self.user_status = QLabel()
        self.statusBar().addWidget(self.db_status, 1)
        self.statusBar().addPermanentWidget(self.user_status)
        self._restore_geometry()
        if state is not None:
            self.attach(state)

    def _build_navigation(self) -> QWidget:
        side = QWidget()
        side.setFixedWidth(NAV_WIDTH)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav_title = QLabel(APP_TITLE_ZH)
        self.nav_title.setObjectName("navTitle")
        self.nav_title.setWordWrap(True)
        layout.addWidget(self.nav_title)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setUniformItemSizes(True)
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon), QCoreApplication.translate("pages", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(NAV_WIDTH - 16, 40))
            self.nav.addItem(item)
        self.nav.setEnabled(False)  # until the database is open
        layout.addWidget(self.nav, 1)
        return side

    def attach(self, state: AppState) -> None:
        """The database is open: wire the services in and show the first page."""
        from fireoffice.ui import actions

        self.state = state
        self.banner.clear_requested.connect(lambda: actions.start_clean(state, self))
        state.changed.connect(self._on_changed)
        self._build_menus()
        self.nav.currentRowChanged.connect(self.show_page)
        self.nav.setEnabled(True)
        self.update_chrome()
        self.nav.setCurrentRow(0)

    def _build_menus(self) -> None:
        from fireoffice.services.permissions import allowed
        from fireoffice.ui import actions
        from fireoffice.ui.dialogs.about import AboutDialog

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for text, slot, perm in [
                (self.tr("Back up database…"), lambda: actions.backup_database(self.state, self), "database.backup"),
                (self.tr("Restore database…"), lambda: actions.restore_database(self.state, self), "database.restore"),
                (self.tr("Switch user…"), lambda: actions.switch_user(self.state, self), None),
                (self.tr("Change password…"), lambda: actions.change_password(self.state, self), None)]:
            act = QAction(text, self)
            act.triggered.connect(slot)
            act.setVisible(perm is None or allowed(self.state.ctx, perm))
            file_menu.addAction(act)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for row, spec in enumerate(self.specs):
            act = QAction(QCoreApplication.translate("pages", spec.title), self)
            act.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            act.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
            go_menu.addAction(act)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(lambda: AboutDialog(self.state.ctx, self).exec())
        help_menu.addAction(about)

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        if key not in self.pages:
            row = next(i for i, s in enumerate(self.specs) if s.key == key)
            widget = self.specs[row].build(self.state, self)
            placeholder = self.stack.widget(row)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(row, widget)
            self.pages[key] = widget
        return self.pages[key]

    def show_page(self, row: int) -> None:
        if row < 0 or self.state is None:
            return
        widget = self.page(self.specs[row].key)
        self.stack.setCurrentWidget(widget)
        widget.refresh()

    def current_page_key(self) -> str:
        return self.specs[self.nav.currentRow()].key

    def _on_changed(self, what: str) -> None:
        if what == "user":  # another role: rebuild what it may see
            self.menuBar().clear()
            self._build_menus()
        self.update_chrome()

    def update_chrome(self) -> None:
        from fireoffice.services import station

        info = station.get_station(self.state.ctx)
        self.banner.setVisible(bool(info and info.is_demo))
        name = info.name if info and info.name else ""
        self.nav_title.setText(name or APP_TITLE_ZH)
        self.setWindowTitle(f"{name} — {APP_TITLE_ZH}" if name else APP_TITLE_ZH)
        self.db_status.setText(self.tr("Database: {name}").format(name=self.state.ctx.db.display_name()))
        actor = self.state.ctx.actor
        self.user_status.setText(self.tr("User: {name} ({role})").format(name=actor.display_name, role=actor.role))
        for row, spec in enumerate(self.specs):  # pages listed only in some databases (县级汇总)
            self.nav.item(row).setHidden(not spec.visible(self.state.ctx))

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
