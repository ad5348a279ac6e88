"""县级汇总 (county mode): the stations that sent packages, figures across stations, import, ledgers across stations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import county, ledgers
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.errors import show_service_error, show_task_error
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.export_task import export_xlsx


def _item(text: str, right: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        item.setToolTip(tip)
    return item


def _local(utc_iso: str) -> str:
    from datetime import datetime, timezone

    if not utc_iso:
        return ""
    try:
        at = datetime.fromisoformat(utc_iso).replace(tzinfo=timezone.utc).astimezone()
    except ValueError:
        return utc_iso
    return at.strftime("%Y-%m-%d %H:%M")


class CountyPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("County summary"),
                         self.tr("Packages from the stations: each station's latest package, figures across "
                                 "stations and ledgers across stations, all computed from the imported records."),
                         parent)
        bar = QHBoxLayout()
        self.first = QDateEdit(QDate(date.today().year, 1, 1))
        self.last = QDateEdit(QDate.currentDate())
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        compute = QPushButton(self.tr("Compute"))
        compute.clicked.connect(self.refresh)
        self.import_button = QPushButton(self.tr("Import package…"))
        self.import_button.clicked.connect(self.import_package)
        self.import_button.setVisible(allowed(state.ctx, "exchange.import"))
        for w in (QLabel(self.tr("Period")), self.first, QLabel(self.tr("to")), self.last, compute):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        self.layout_.addLayout(bar)

        self.empty = QLabel(self.tr("No station package has been imported yet. Use “Import package…” to add the "
                                    ".zip a station exported with “exchange export”."))
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.empty)

        box = QGroupBox(self.tr("Stations and their latest package"))
        QVBoxLayout(box).addWidget(stations := QTableWidget(0, 7))
        self.stations = stations
        stations.setObjectName("countyStations")
        stations.setHorizontalHeaderLabels([
            self.tr("Station"), self.tr("Township"), self.tr("Package made"), self.tr("Period"),
            self.tr("Records (package / held)"), self.tr("Audit chain head"), self.tr("Audit chain")])
        self.layout_.addWidget(box, 2)

        box = QGroupBox(self.tr("Figures across stations"))
        QVBoxLayout(box).addWidget(figures := QTableWidget(0, 7))
        self.figures = figures
        figures.setObjectName("countyFigures")
        figures.setHorizontalHeaderLabels([
            self.tr("Station"), self.tr("Units"), self.tr("Inspections"), self.tr("Hazards found"),
            self.tr("Rectified"), self.tr("Still open"), self.tr("Rectification rate")])
        self.layout_.addWidget(box, 3)
        for table in (stations, figures):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        export = QHBoxLayout()
        self.kind = QComboBox()
        for kind in county.county_kinds():
            self.kind.addItem(ledgers.TITLES[kind], kind)
        self.export_button = QPushButton(self.tr("Export ledger across stations…"))
        self.export_button.clicked.connect(self.export)
        self.columns_button = QPushButton(self.tr("Columns…"))
        self.columns_button.setToolTip(self.tr("Choose, order and rename the columns of this ledger (county "
                                               "template)"))
        self.columns_button.clicked.connect(self.edit_columns)
        self.columns_button.setVisible(allowed(state.ctx, "station.edit"))
        self.export_button.setVisible(allowed(state.ctx, "export"))
        for w in (QLabel(self.tr("Ledger")), self.kind, self.columns_button, self.export_button):
            export.addWidget(w)
        export.addStretch(1)
        self.layout_.addLayout(export)
        self.infos: list[county.StationInfo] = []
        self.rows: list[county.StationStats] = []

    def period(self) -> ledgers.Period:
        return ledgers.Period(self.first.date().toPython(), self.last.date().toPython())

    def refresh(self) -> None:
        try:
            period = self.period()
            self.infos = county.stations(self.state.ctx)
            self.rows = county.county_stats(self.state.ctx, period.first, period.last)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.empty.setVisible(not self.infos)
        self._fill_stations()
        self._fill_figures()

    def _fill_stations(self) -> None:
        t = self.stations
        t.setRowCount(len(self.infos))
        yes, no, unknown = self.tr("Verified"), self.tr("FAILED"), self.tr("Not recorded")
        everything = self.tr("all")
        for r, info in enumerate(self.infos):
            period = f"{info.period_since or everything} – {info.period_until or ''}"
            verdict = yes if info.audit_verified else unknown if info.audit_verified is None else no
            values = [_item(info.name), _item(info.township), _item(_local(info.package_created_at)),
                      _item(period), _item(f"{info.package_records:,} / {info.held_records:,}", True),
                      _item(info.audit_head[:16], tip=info.audit_head), _item(verdict, tip=info.audit_note)]
            for c, item in enumerate(values):
                t.setItem(r, c, item)
            if info.audit_verified is False:
                values[-1].setForeground(Qt.GlobalColor.red)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _fill_figures(self) -> None:
        t = self.figures
        t.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            rate = "—" if row.rate is None else f"{row.rate:.1f}%"
            name = row.station if row.station != county.TOTAL else self.tr("Total")
            values = [_item(name), *(_item(f"{v:,}", True) for v in (row.units, row.inspections, row.hazards,
                                                                      row.closed, row.open)), _item(rate, True)]
            for c, item in enumerate(values):
                if row.station == county.TOTAL:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                t.setItem(r, c, item)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def import_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import station package"), str(Path.home()),
                                              self.tr("Station package (*.zip)"))
        if not path:
            return
        from fireoffice.services import exchange_import

        self.state.tasks.run(
            lambda progress: exchange_import.import_package(self.state.ctx, path, progress),
            self.tr("Checking and importing the package…"), on_done=self._imported, on_error=self._task_error,
            parent=self)

    def _imported(self, result) -> None:
        self.refresh()
        self.state.changed.emit("exchange")
        text = self.tr("{station}: {inserted} new, {updated} updated, {unchanged} unchanged records.").format(
            station=result.station, inserted=f"{result.inserted:,}", updated=f"{result.updated:,}",
            unchanged=f"{result.unchanged:,}")
        if not result.audit_ok:
            QMessageBox.warning(self, self.tr("Import station package"), text + "\n\n" + self.tr(
                "The station's audit chain did not check out: {note}").format(note=result.audit_note))
        else:
            QMessageBox.information(self, self.tr("Import station package"), text)

    def export(self) -> None:
        kind = self.kind.currentData()
        try:
            period = self.period()
        except ServiceError as error:
            show_service_error(self, error)
            return
        export_xlsx(self, self.state.tasks, self.tr("Export ledger across stations"),
                    f"全县{ledgers.TITLES[kind]}-{date.today():%Y%m%d}.xlsx",
                    lambda path, progress: county.export_ledger(self.state.ctx, kind, path, period, progress),
                    self.tr("Exporting…"), self.tr("{n} rows written to\n{path}"))

    def edit_columns(self) -> None:
        from fireoffice.ui.dialogs.ledger_mapping_dialog import LedgerMappingDialog

        dialog = LedgerMappingDialog(self.state.ctx, self.kind.currentData(), self)
        self.last_dialog = dialog
        dialog.open()

    def _task_error(self, error: BaseException) -> None:
        show_task_error(self, error)
