"""The plans page's other tabs: a month calendar of planned visits, the workload planner, and the 双随机 draws."""

from __future__ import annotations

import calendar as _calendar
from collections import defaultdict
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import draws, frequency, officers, place_choices, plans
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.draw_publish_ui import publish, verify, void
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.plan_models import DueTableModel
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.list_helpers import record_table, refill_combo
from fireoffice.ui.widgets.quick_form import Field, run_form

MARKED = QColor("#ffe3a3")  # not the selection colour, so the chosen day still stands out


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))


def _table(headers: list[str], widths: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    for c, w in enumerate(widths):
        table.setColumnWidth(c, w)
    return table


class CalendarTab(QWidget):
    """Days with planned visits are marked; the list shows the chosen day's visits (double-click: enter it)."""

    enter_visit = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.by_day: dict[date, list[plans.CalendarEntry]] = {}
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.officer = QComboBox()
        self.officer.currentIndexChanged.connect(self.load)
        left.addWidget(self.officer)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumSize(420, 300)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.load())
        self.calendar.selectionChanged.connect(self.show_day)
        left.addWidget(self.calendar)
        self.month_label = QLabel()
        left.addWidget(self.month_label)
        left.addStretch(1)
        layout.addLayout(left)
        right = QVBoxLayout()
        self.day_label = QLabel()
        self.day_label.setStyleSheet("font-weight: bold;")
        right.addWidget(self.day_label)
        self.list = _table([self.tr("Unit"), self.tr("Plan"), self.tr("Officers"), self.tr("Record no"),
                            self.tr("Status")], (190, 170, 110, 110))
        self.list.cellDoubleClicked.connect(self._double_clicked)
        right.addWidget(self.list, 1)
        layout.addLayout(right, 1)

    def refresh(self) -> None:
        current = self.officer.currentData()
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(self.tr("Everyone's visits"), None)
        for p in officers.list_officers(self.state.ctx, enforcers_only=True):
            self.officer.addItem(p.name, p.uid)
        self.officer.setCurrentIndex(max(0, self.officer.findData(current)))
        self.officer.blockSignals(False)
        self.load()

    def load(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first, last = date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1])
        entries = plans.calendar(self.state.ctx, first, last, self.officer.currentData())
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every marked date
        self.by_day = defaultdict(list)
        for e in entries:
            self.by_day[e.day].append(e)
        marked = QTextCharFormat()
        marked.setBackground(MARKED)
        marked.setFontWeight(QFont.Weight.Bold)
        for day in self.by_day:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), marked)
        open_ = sum(1 for e in entries if e.status == "待检查")
        self.month_label.setText(self.tr("{n} planned visits this month, {open} still open, on {days} days").format(
            n=len(entries), open=open_, days=len(self.by_day)))
        self.show_day()

    def show_day(self) -> None:
        day = _pydate(self.calendar.selectedDate())
        entries = self.by_day.get(day, [])
        self.day_label.setText(self.tr("{day}: {n} visits").format(day=day.isoformat(), n=len(entries)))
        _fill(self.list, [(e.unit_name, e.plan_name, "、".join(e.officer_names), e.record_no, e.status)
                          for e in entries])
        self.entries = entries

    def _double_clicked(self, row: int, _col: int) -> None:
        if self.entries[row].status == "待检查":
            self.enter_visit.emit(self.entries[row].visit_uid)


class WorkloadTab(QWidget):
    """“Can we meet this month's plan?” — the service's sentence, its figures and the lines behind them."""

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        today = date.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1), displayFormat="yyyy-MM", calendarPopup=True)
        self.hours = QDoubleSpinBox(minimum=0.5, maximum=10, value=4.0, singleStep=0.5, decimals=1)
        for label, w in ((self.tr("Month"), self.month), (self.tr("Field hours per officer per day"), self.hours)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        compute = QPushButton(self.tr("Compute"))
        compute.clicked.connect(self.refresh)
        row.addWidget(compute)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        layout.addWidget(self.figures)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #7a5200;")
        layout.addWidget(self.warnings)
        self.lines = _table([self.tr("Work"), self.tr("Visits needed"), self.tr("Minutes each (on site + travel)"),
                             self.tr("Officer-hours (two per visit)")], (260, 80, 220))
        layout.addWidget(self.lines, 1)
        self.month.dateChanged.connect(lambda _d: self.refresh())

    def refresh(self) -> None:
        m = self.month.date()
        try:
            w = frequency.monthly_workload(self.state.ctx, f"{m.year()}-{m.month():02d}", self.hours.value())
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.message.setText(w.message)
        color = "#2f6f3e" if w.feasible else "#b03a2e"
        self.message.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {color};")
        self.figures.setText(self.tr(
            "{days} working days · {officers} officers · capacity {cap:.0f} h · needed {need:.0f} h · "
            "{overdue} units already overdue · {planned} visits already in plans").format(
            days=w.workdays, officers=w.officers, cap=w.capacity_minutes / 60, need=w.demand_minutes / 60,
            overdue=w.overdue_units, planned=w.planned_visits))
        self.warnings.setText("\n".join(w.warnings))
        _fill(self.lines, [(line.label, line.visits, f"{line.minutes_each:g}", f"{line.officer_minutes / 60:.1f}")
                           for line in w.lines])


class DrawsTab(QWidget):
    """Every recorded draw with its seed and pool hash; replay, publish, void."""

    new_draw = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.draws: list[draws.DrawResult] = []
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New draw…"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_draw)
        self.new_button.setEnabled(allowed(state.ctx, "plans.edit"))
        self.new_button.setVisible(self.new_button.isEnabled())
        row.addWidget(self.new_button)
        self.action_buttons = []
        for text, slot in ((self.tr("Verify (replay)"), lambda i: verify(state, self, i)),
                           (self.tr("抽查名单 PDF…"), lambda i: publish(state, self, i, "list", "pdf")),
                           (self.tr("抽查名单 Excel…"), lambda i: publish(state, self, i, "list", "xlsx")),
                           (self.tr("结果公示 PDF…"), lambda i: publish(state, self, i, "results", "pdf")),
                           (self.tr("结果公示 Excel…"), lambda i: publish(state, self, i, "results", "xlsx")),
                           (self.tr("Void…"), lambda i: void(state, self, i))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: self._with_current(s))
            row.addWidget(button)
            self.action_buttons.append(button)
        for button, perm in zip(self.action_buttons, (None, "export", "export", "export", "export", "plans.edit"),
                                strict=True):
            button.setEnabled(perm is None or allowed(state.ctx, perm))
            button.setVisible(button.isEnabled())
        row.addStretch(1)
        layout.addLayout(row)
        self.table = _table([self.tr("Draw"), self.tr("Month"), self.tr("Status"), self.tr("Units"),
                             self.tr("Pool"), self.tr("Seed"), self.tr("Pool hash"), self.tr("By")],
                            (90, 70, 60, 50, 60, 260, 300))
        self.table.itemSelectionChanged.connect(self._show_detail)
        layout.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)

    def refresh(self) -> None:
        self.draws = draws.list_draws(self.state.ctx)
        _fill(self.table, [(d.uid[:8], d.month, d.status, len(d.units), d.pool_size, d.seed, d.pool_hash, d.drawn_by)
                           for d in self.draws])
        if self.draws:
            self.table.selectRow(0)

    def current(self) -> draws.DrawResult | None:
        row = self.table.currentRow()
        return self.draws[row] if 0 <= row < len(self.draws) else None

    def _with_current(self, slot) -> None:
        d = self.current()
        if d is not None:
            slot(d.uid)

    def _show_detail(self) -> None:
        d = self.current()
        self.detail.setText("" if d is None else self.tr(
            "Draw {uid} · seed {seed} ({source}) · pool hash {h} · unit pool {u} · officer pool {o}").format(
            uid=d.uid, seed=d.seed, source=d.seed_source, h=d.pool_hash, u=d.unit_pool_hash, o=d.officer_pool_hash))


class DueTab(QWidget):
    """到期/逾期单位: who is due under the frequency rules (this month or already late), filtered and sorted in
    SQL over the whole register, overdue rows in red; the selected units can be added to an open plan."""

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.mode, self.grid, self.category, self.risk = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for text, mode in ((self.tr("Due by the end of this month"), "all"),
                           (self.tr("Due this month, not yet late"), "due"), (self.tr("Overdue"), "overdue")):
            self.mode.addItem(text, mode)
        self.category.addItem(self.tr("All categories"), None)
        for c in frequency.CATEGORIES:
            self.category.addItem(c, c)
        self.risk.addItem(self.tr("All risk levels"), None)
        for r in frequency.RISK_LEVELS:
            self.risk.addItem(r, r)
        self.grid.setMinimumContentsLength(10)
        self.grid.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unplanned = QCheckBox(self.tr("Not yet in a plan"))
        for combo in (self.mode, self.grid, self.category, self.risk):
            combo.currentIndexChanged.connect(lambda _i: self.load())
            row.addWidget(combo)
        self.unplanned.toggled.connect(lambda _on: self.load())
        row.addWidget(self.unplanned)
        self.add_button = QPushButton(self.tr("Add selected to a plan…"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_to_plan)
        self.add_button.setVisible(allowed(state.ctx, "plans.edit"))
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.model = DueTableModel(state.ctx, self)
        # sorted by due day: the most overdue first
        self.view = record_table(self.model, (220, 260, 120, 100, 50, 80, 100, 100, 70), multi=True,
                                 sort=(7, Qt.SortOrder.AscendingOrder), stretch_last=True)
        layout.addWidget(self.view, 1)

    def query(self) -> frequency.DueQuery:
        return replace(self.model.query, on=date.today(), until=None, mode=self.mode.currentData(),
                       grid_uid=self.grid.currentData(), category=self.category.currentData(),
                       risk_level=self.risk.currentData(), unplanned_only=self.unplanned.isChecked())

    def refresh(self) -> None:
        refill_combo(self.grid, ((g.name, g.uid) for g in place_choices.grid_choices(self.state.ctx)),
                     self.tr("All grids"))
        self.load()

    def load(self) -> None:
        try:
            self.model.set_query(self.query())
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.summary.setText(self.tr("{n} units (rules: 检查频次; red = overdue)").format(n=self.model.rowCount()))

    def selected_uids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [uid for uid in (self.model.uid_at(r) for r in rows) if uid]

    def add_to_plan(self) -> None:
        uids = self.selected_uids()
        if not uids:
            QMessageBox.information(self, self.tr("Add to a plan"), self.tr("Select the units to add first."))
            return
        open_plans = plans.list_plans(self.state.ctx, status="进行中")
        if not open_plans:
            QMessageBox.information(self, self.tr("Add to a plan"),
                                    self.tr("There is no open plan. Create one on the Plans tab first."))
            return
        today = date.today()
        fields = [Field("plan", self.tr("Plan"), "choice", open_plans[0].uid,
                        [(f"{p.name}（{p.plan_type}，{p.period_start} – {p.period_end}）", p.uid) for p in open_plans]),
                  Field("dated", self.tr("Set a planned date"), "bool", False),
                  Field("day", self.tr("Planned date"), "date", today)]
        intro = self.tr("{n} units selected").format(n=len(uids))
        added = run_form(self, self.tr("Add to a plan"), fields, lambda v: plans.add_units(
            self.state.ctx, v["plan"], uids, v["day"] if v["dated"] else None), intro)
        if added:
            self.state.changed.emit("plans")
