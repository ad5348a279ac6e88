"""First-run wizard: the station profile, so documents and reports carry the right names."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from fireoffice.services import station
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
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
        self.resize(620, 520)

    def accept(self) -> None:
        try:
            station.update_station(self.ctx, self.form.values())
        except ValidationError as error:
            self.form.show_error(error)
            return
        super().accept()
