"""台账统计: the monthly statistics table (drill-down on double-click), month locking with its amendments (更正),
and an export button per ledger."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import ledgers, stats_lock, stats_monthly
from fireoffice.services.errors import ServiceError
from fireoffice.services.ledger_sources import local
from fireoffice.services.permissions import allowed
from fireoffice.ui.errors import show_service_error, show_task_error
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.drill_dialog import DrillDialog
from fireoffice.ui.widgets.export_task import export_xlsx

AMENDED = QColor("#fff4d6")

def _open_mapping(page: QWidget, ctx) -> None:
    from fireoffice.ui.dialogs.ledger_mapping_dialog import LedgerMappingDialog

    page.mapping_dialog = LedgerMappingDialog(ctx, "units", page)
    page.mapping_dialog.open()


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
        self.layout_.addLayout(self._lock_bar())
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(self.drill_down)
        self.table.setToolTip(self.tr("Double-click a figure to see the records behind it"))
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self._amendments_box())
        self.layout_.addWidget(self._export_box())
        self.span.currentIndexChanged.connect(lambda _i: self._fill())
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.report: stats_monthly.Report | None = None
        self.view: stats_lock.MonthView | None = None

    def _lock_bar(self) -> QVBoxLayout:
        bar = QHBoxLayout()
        self.lock_status = QLabel()
        self.lock_status.setObjectName("lockStatus")
        self.lock_status.setWordWrap(True)
        self.lock_button = QPushButton(self.tr("Lock month (submitted)"))
        self.lock_button.setToolTip(self.tr("Store the figures of this month as submitted to the county center"))
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button = QPushButton(self.tr("Unlock…"))
        self.unlock_button.clicked.connect(self.unlock)
        bar.addWidget(self.lock_status, 1)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.unlock_button)
        self.problem = QLabel()
        self.problem.setObjectName("lockProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("background: #fbe3e0; color: #8a1f11; padding: 6px; border-radius: 4px;")
        self.problem.setVisible(False)
        outer = QVBoxLayout()
        outer.addLayout(bar)
        outer.addWidget(self.problem)
        return outer

    def _amendments_box(self) -> QWidget:
        self.amend_box = QGroupBox(self.tr("Amendments since the month was locked"))
        layout = QVBoxLayout(self.amend_box)
        self.amend_table = QTableWidget(0, 5)
        self.amend_table.setObjectName("amendTable")
        self.amend_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.amend_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.amend_table.setHorizontalHeaderLabels([self.tr("Area"), self.tr("Figure"), self.tr("Span"),
                                                    self.tr("Submitted"), self.tr("Now")])
        self.amend_table.setToolTip(self.tr("Double-click an amendment to see the records changed after the lock"))
        self.amend_table.cellDoubleClicked.connect(lambda row, _col: self.amendment_drill(row))
        self.amend_table.setMaximumHeight(180)
        layout.addWidget(self.amend_table)
        self.amend_box.setVisible(False)
        return self.amend_box

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
        self.columns_button = QPushButton(self.tr("Column settings…"))  # the county template of each ledger
        self.columns_button.clicked.connect(lambda: _open_mapping(self, self.state.ctx))
        self.columns_button.setVisible(allowed(self.state.ctx, "station.edit"))
        grid.addWidget(self.columns_button, 0, 4)
        self.export_buttons = {}
        for i, kind in enumerate(ledgers.exportable()):
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
            self.view = stats_lock.month_view(self.state.ctx, year, month, self.by.currentData())
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.report = self.view.report
        self._show_lock()
        self._fill()

    def _show_lock(self) -> None:
        v = self.view
        may = allowed(self.state.ctx, stats_lock.PERMISSION)
        self.lock_button.setVisible(may and not v.locked)
        self.unlock_button.setVisible(may and v.locked)
        if v.lock is None:
            self.lock_status.setText(self.tr("Not locked: the figures are computed from the records now."))
        else:
            text = self.tr("Locked (submitted) {at} by {who}: the figures shown are those submitted.").format(
                at=f"{local(v.lock.locked_at):%Y-%m-%d %H:%M}", who=v.lock.locked_by)
            if v.lock.note:
                text += "  " + self.tr("Note: {note}").format(note=v.lock.note)
            if v.intact and v.amendments:
                text += "  " + self.tr("{n} figures changed since (see amendments below).").format(
                    n=len(v.amendments))
            self.lock_status.setText(text)
        self.problem.setText(v.problem)
        self.problem.setVisible(bool(v.problem))
        self.amend_table.setRowCount(len(v.amendments))
        for row, a in enumerate(v.amendments):
            values = (a.area, a.label, stats_monthly.SPAN_LABELS[a.span], _num(a.submitted), _num(a.current))
            for col, text in enumerate(values):
                self.amend_table.setItem(row, col, QTableWidgetItem(text))
        self.amend_table.resizeColumnsToContents()
        self.amend_box.setVisible(bool(v.amendments))

    def lock(self) -> None:
        year, month = self._ym()
        note, ok = QInputDialog.getText(
            self, self.tr("Lock month"),
            self.tr("Lock {period} as submitted? Later changes will show as amendments.\nNote (optional):").format(
                period=f"{year:04d}-{month:02d}"))
        if not ok:
            return
        self.state.tasks.run(lambda _progress: stats_lock.lock_month(self.state.ctx, year, month, note),
                             self.tr("Locking the month…"), on_done=lambda _info: self._changed(),
                             on_error=self._task_error, parent=self, cancellable=False)

    def unlock(self) -> None:
        year, month = self._ym()
        reason, ok = QInputDialog.getText(
            self, self.tr("Unlock month"),
            self.tr("Why is {period} unlocked? (recorded in the audit log)").format(period=f"{year:04d}-{month:02d}"))
        if not ok:
            return
        try:
            stats_lock.unlock_month(self.state.ctx, year, month, reason)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self._changed()

    def _changed(self) -> None:
        self.state.changed.emit("stats")
        self.refresh()

    def amendment_drill(self, row: int) -> None:
        v = self.view
        if v is None or not 0 <= row < len(v.amendments):
            return
        a = v.amendments[row]
        year, month = v.report.year, v.report.month
        try:
            rows = stats_lock.amendment_records(self.state.ctx, year, month, v.report.by, a.area, a.key, a.span)
        except ServiceError as error:
            show_service_error(self, error)
            return
        title = f"{a.area} · {a.label} · {stats_monthly.SPAN_LABELS[a.span]} · {self.tr('Amendment')}"
        note = self.tr("Submitted {old}, now {new}. Records behind the figure created or changed after the lock "
                       "(deleted records are in the audit log):").format(old=_num(a.submitted), new=_num(a.current))
        self.last_drill = DrillDialog(title, rows, self, changed=True, note=note)
        self.last_drill.open()

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
        amended = {}
        if self.view is not None:
            base = "month" if span == "yoy" else span
            amended = {(a.area, a.key): a for a in self.view.amendments if a.span == base}
        for row, area in enumerate(r.areas):
            for col, (key, _label) in enumerate(r.columns):
                cell = r.cell(area, key)
                value = cell.yoy if span == "yoy" else getattr(cell, span)
                text = value if isinstance(value, str) else _num(value)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                change = amended.get((area, key))
                if change is not None:
                    item.setBackground(QBrush(AMENDED))
                    item.setToolTip(self.tr("Submitted {old}, now {new}").format(
                        old=_num(change.submitted), new=_num(change.current)))
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
        self.last_drill = DrillDialog(f"{area} · {label} · {stats_monthly.SPAN_LABELS[span]}", rows, self)
        self.last_drill.open()

    def export(self, kind: str) -> None:
        try:
            period = ledgers.Period(self.first.date().toPython(), self.last.date().toPython())
        except ServiceError as error:
            show_service_error(self, error)
            return
        export_xlsx(self, self.state.tasks, self.tr("Export ledger"), f"{ledgers.TITLES[kind]}-{date.today():%Y%m%d}.xlsx",
                    lambda path, progress: ledgers.export_ledger(self.state.ctx, kind, path, period, progress),
                    self.tr("Exporting…"), self.tr("{n} rows written to\n{path}"))

    def _task_error(self, error: BaseException) -> None:
        show_task_error(self, error)


def _num(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")
