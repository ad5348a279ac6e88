"""台账统计: the monthly statistics table (drill-down on double-click) and an export button per ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import ledgers, stats_monthly
from fireoffice.services.errors import ServiceError
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState

EXPORTABLE = tuple(k for k in ledgers.KINDS if k != "complaints")  # 举报投诉 has no register yet


class StatsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Ledgers & statistics"),
                         self.tr("Figures for the county center, computed from the records."), parent)
        bar = QHBoxLayout()
        self.month = QDateEdit(QDate.currentDate())
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        self.by = QComboBox()
        self.by.addItem(self.tr("By township"), "township")
        self.by.addItem(self.tr("By grid"), "grid")
        self.span = QComboBox()
        for key, label in ((s, stats_monthly.SPAN_LABELS[s]) for s in ("month", "ytd", "last_year")):
            self.span.addItem(label, key)
        self.span.addItem(stats_monthly.SPAN_LABELS["yoy"], "yoy")
        show = QPushButton(self.tr("Compute"))
        show.clicked.connect(self.refresh)
        for w in (QLabel(self.tr("Month")), self.month, self.by, QLabel(self.tr("Figures")), self.span, show):
            bar.addWidget(w)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(self.drill_down)
        self.table.setToolTip(self.tr("Double-click a figure to see the records behind it"))
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self._export_box())
        self.span.currentIndexChanged.connect(lambda _i: self._fill())
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.report: stats_monthly.Report | None = None

    def _export_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.first = QDateEdit(QDate(date.today().year, 1, 1))
        self.last = QDateEdit(QDate.currentDate())
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        grid.addWidget(QLabel(self.tr("Ledger period")), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        grid.addWidget(self.last, 0, 3)
        self.export_buttons = {}
        for i, kind in enumerate(EXPORTABLE):
            button = QPushButton(ledgers.TITLES[kind])
            button.clicked.connect(lambda _c=False, k=kind: self.export(k))
            grid.addWidget(button, 1 + i // 5, i % 5)
            self.export_buttons[kind] = button
        return box

    def _ym(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def refresh(self) -> None:
        year, month = self._ym()
        try:
            self.report = stats_monthly.monthly_report(self.state.ctx, year, month, self.by.currentData())
        except ServiceError as error:
            show_service_error(self, error)
            return
        self._fill()

    def _fill(self) -> None:
        r = self.report
        if r is None:
            return
        span = self.span.currentData()
        self.table.clear()
        self.table.setRowCount(len(r.areas))
        self.table.setColumnCount(len(r.columns))
        self.table.setHorizontalHeaderLabels([label for _k, label in r.columns])
        self.table.setVerticalHeaderLabels(list(r.areas))
        for row, area in enumerate(r.areas):
            for col, (key, _label) in enumerate(r.columns):
                cell = r.cell(area, key)
                value = cell.yoy if span == "yoy" else getattr(cell, span)
                text = value if isinstance(value, str) else f"{value:,.1f}".removesuffix(".0")
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def drill_down(self, row: int, col: int) -> None:
        r = self.report
        if r is None:
            return
        span = self.span.currentData()
        span = "month" if span == "yoy" else span
        area, (key, label) = r.areas[row], r.columns[col]
        try:
            rows = stats_monthly.records(self.state.ctx, r.year, r.month, r.by, area, key, span)
        except ServiceError as error:
            show_service_error(self, error)
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(f"{area} · {label} · {stats_monthly.SPAN_LABELS[span]}")
        layout = QVBoxLayout(dialog)
        table = QTableWidget(len(rows), 5)
        table.setObjectName("drillTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Unit"), self.tr("Area"), self.tr("Date"),
                                         self.tr("Value")])
        for i, d in enumerate(rows):
            values = (d.reference, d.unit, d.area, d.day.isoformat() if d.day else "", f"{d.value:g}")
            for j, text in enumerate(values):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(760, 480)
        self.last_drill = dialog
        dialog.open()

    def export(self, kind: str) -> None:
        default = Path.home() / f"{ledgers.TITLES[kind]}-{date.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export ledger"), str(default),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            period = ledgers.Period(self.first.date().toPython(), self.last.date().toPython())
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.state.tasks.run(
            lambda progress: ledgers.export_ledger(self.state.ctx, kind, path, period, progress),
            self.tr("Exporting…"),
            on_done=lambda result: QMessageBox.information(
                self, self.tr("Export ledger"),
                self.tr("{n} rows written to\n{path}").format(n=f"{result.rows:,}", path=result.path)),
            on_error=self._task_error, parent=self)

    def _task_error(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            show_service_error(self, error)
        else:
            raise error
