"""First-run wizard: the station profile, so documents and reports carry the right names."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fireoffice.services import station, users
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.ui.widgets.station_form import StationForm


class _ProfilePage(QWizardPage):
    def __init__(self, form: StationForm):
        super().__init__()
        self.form = form
        self.setTitle(self.tr("Station profile"))
        self.setSubTitle(self.tr("Fields marked * are required; everything can be changed later in Settings."))
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        form.validity_changed.connect(lambda _ok: self.completeChanged.emit())

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.form.is_valid()


class _AdminPage(QWizardPage):
    """The first 管理员 account; skipping it keeps a single-user PC without a login."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("With an account, everyone logs in and the audit log shows who did what. "
                                 "More users can be added later in Settings."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username, self.name, self.password, self.again = QLineEdit("admin"), QLineEdit(), QLineEdit(), QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        layout.addLayout(form)
        self.skip = QCheckBox(self.tr("Skip: this is a single-user PC (no login)"))
        layout.addWidget(self.skip)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        for edit in (self.username, self.password, self.again):
            edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.skip.toggled.connect(lambda _on: self.completeChanged.emit())

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        if self.skip.isChecked():
            return True
        pw = self.password.text()
        return bool(self.username.text().strip()) and len(pw) >= users.MIN_PASSWORD and pw == self.again.text()


class StationWizard(QWizard):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        intro = QWizardPage()
        intro.setTitle(self.tr("Welcome to the fire station office system"))
        text = QLabel(self.tr(
            "This computer keeps the register of supervised units, inspections, hazards, enforcement "
            "documents, training and statistics.\n\nFirst, tell us which station this is. The names you "
            "enter here are printed on documents and reports."))
        text.setWordWrap(True)
        QVBoxLayout(intro).addWidget(text)
        self.form = StationForm()
        self.form.load(station.get_station(ctx))
        self.addPage(intro)
        self.addPage(_ProfilePage(self.form))
        self.admin = _AdminPage() if not users.login_required(ctx) else None
        if self.admin is not None:
            self.addPage(self.admin)
        self.resize(620, 520)

    def accept(self) -> None:
        try:
            station.update_station(self.ctx, self.form.values())
        except ValidationError as error:
            self.form.show_error(error)
            return
        if self.admin is not None and not self.admin.skip.isChecked():
            try:
                info = users.create_user(self.ctx, self.admin.username.text(), "管理员", self.admin.password.text(),
                                         self.admin.name.text())
            except ServiceError as error:
                self.admin.error.setText(str(error))
                return
            self.ctx.actor = users.actor_for(info)  # who set it up is logged in as the administrator
        super().accept()
