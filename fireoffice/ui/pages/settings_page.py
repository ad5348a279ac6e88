"""设置: the station profile, and the database (where it is, backup, restore, start clean)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from fireoffice.services import backups, station
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.permissions import allowed
from fireoffice.ui import actions
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.station_form import StationForm


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(16, 12, 16, 12)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
    layout.addWidget(heading)
    return card, layout


class SettingsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Settings"), "", parent)
        row = QHBoxLayout()
        profile, pl = _card(self.tr("Station profile"))
        self.form = StationForm()
        pl.addWidget(self.form)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.form.validity_changed.connect(self.save_button.setEnabled)
        self.saved_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        pl.addLayout(buttons)
        row.addWidget(profile, 3)

        data, dl = _card(self.tr("Database"))
        self.db_label = QLabel(state.ctx.db.display_name())
        self.db_label.setWordWrap(True)
        dl.addWidget(self.db_label)
        self.backup_button = QPushButton(self.tr("Back up…"))
        self.backup_button.clicked.connect(lambda: actions.backup_database(state, self))
        self.restore_button = QPushButton(self.tr("Restore from backup…"))
        self.restore_button.clicked.connect(lambda: actions.restore_database(state, self))
        dl.addWidget(self.backup_button)
        dl.addWidget(self.restore_button)
        self.users_button = QPushButton(self.tr("Users and passwords…"))
        self.users_button.clicked.connect(self.edit_users)
        dl.addWidget(self.users_button)
        password = QPushButton(self.tr("Change my password…"))
        password.clicked.connect(lambda: actions.change_password(state, self))
        dl.addWidget(password)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Daily automatic backups to keep")))
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.editingFinished.connect(self.save_keep)
        keep_row.addWidget(self.keep)
        dl.addLayout(keep_row)
        self.places_button = QPushButton(self.tr("Villages, communities and grids…"))
        self.places_button.clicked.connect(self.edit_places)
        dl.addWidget(self.places_button)
        self.rules_button = QPushButton(self.tr("Classification rules (九小 / 重点单位)…"))
        self.rules_button.clicked.connect(self.edit_rules)
        dl.addWidget(self.rules_button)
        printing = QPushButton(self.tr("Print settings…"))
        printing.clicked.connect(self.edit_print_settings)
        dl.addWidget(printing)
        self.clean_button = QPushButton(self.tr("Start clean (remove demo data)…"))
        self.clean_button.clicked.connect(lambda: actions.start_clean(state, self))
        dl.addWidget(self.clean_button)
        dl.addStretch(1)
        row.addWidget(data, 2)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)
        state.changed.connect(lambda _what: self.refresh())

    def refresh(self) -> None:
        info = station.get_station(self.state.ctx)
        self.form.load(info)
        self.clean_button.setEnabled(bool(info and info.is_demo))
        ctx = self.state.ctx
        # The services refuse anyway; a role sees only the buttons it may use (the print settings dialog
        # opens read-only for those who may not change it).
        for button, permission in ((self.users_button, "users.manage"), (self.save_button, "station.edit"),
                                   (self.places_button, "station.edit"), (self.rules_button, "rules.edit"),
                                   (self.backup_button, "database.backup"),
                                   (self.restore_button, "database.restore"), (self.clean_button, "demo.clear")):
            button.setVisible(allowed(ctx, permission))
        self.form.setEnabled(allowed(ctx, "station.edit"))
        self.keep.setEnabled(allowed(ctx, "station.edit"))
        self.keep.blockSignals(True)
        self.keep.setValue(backups.keep_count(self.state.ctx))
        self.keep.blockSignals(False)
        self.saved_label.clear()

    def edit_users(self) -> None:
        from fireoffice.ui.dialogs.users_dialog import UsersDialog

        UsersDialog(self.state.ctx, self).exec()

    def save_keep(self) -> None:
        if self.keep.value() == backups.keep_count(self.state.ctx):
            return
        try:
            backups.set_keep_count(self.state.ctx, self.keep.value())
        except ServiceError as error:
            show_service_error(self, error)

    def edit_places(self) -> None:
        from fireoffice.ui.dialogs.places_dialog import PlacesDialog

        PlacesDialog(self.state.ctx, self).exec()
        self.state.changed.emit("units")  # filters and forms list villages and grids

    def edit_rules(self) -> None:
        from fireoffice.ui.dialogs.rules_dialog import RulesDialog

        RulesDialog(self.state.ctx, self).exec()

    def edit_print_settings(self) -> None:
        from fireoffice.ui.dialogs.print_settings_dialog import PrintSettingsDialog

        PrintSettingsDialog(self.state.ctx, self).exec()

    def save(self) -> None:
        try:
            station.update_station(self.state.ctx, self.form.values())
        except ValidationError as error:
            self.form.show_error(error)
            return
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.state.changed.emit("station")
        self.saved_label.setText(self.tr("Saved."))
