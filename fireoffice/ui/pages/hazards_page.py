"""隐患整改: the hazard ledger — state tabs with counts, filters in SQL, overdue rows in red with the days overdue,
bulk 复查 scheduling of the selected rows, and the hazard dialog with the closed-loop actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabBar,
    QWidget,
)

from fireoffice.services import hazard_flow, hazards, inspection_queries, officers, place_choices
from fireoffice.services.checklists import HAZARD_CATEGORIES, SEVERITIES
from fireoffice.services.errors import ServiceError
from fireoffice.services.hazards import OPEN_STATES
from fireoffice.services.inspection_queries import HazardFilter
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.hazard_dialog import HazardDialog
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.hazard_models import HazardTableModel, sweep_deadlines_daily
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.list_helpers import (
    finish_filter_row,
    open_on_enter,
    record_table,
    refill_combo,
    reset_combos,
    search_shortcut,
)
from fireoffice.ui.widgets.quick_form import Field, run_form
from fireoffice.ui.widgets.unit_picker import pick_units

COLUMN_WIDTHS = [118, 180, 250, 100, 66, 86, 64, 86, 56, 48, 110, 86, 120]
# (key, label source or None for the state's own name, filter)
TABS = [("open", QT_TRANSLATE_NOOP("HazardsPage", "Open"), HazardFilter(states=OPEN_STATES)),
        *[(s, None, HazardFilter(states=(s,))) for s in OPEN_STATES],
        ("逾期", QT_TRANSLATE_NOOP("HazardsPage", "Overdue"), HazardFilter(overdue_only=True)),
        ("重大", QT_TRANSLATE_NOOP("HazardsPage", "Major (open)"), HazardFilter(states=OPEN_STATES, severity="重大")),
        ("已销号", None, HazardFilter(states=("已销号",))), ("已移送", None, HazardFilter(states=("已移送",))),
        ("all", QT_TRANSLATE_NOOP("HazardsPage", "All"), HazardFilter())]


class HazardsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Hazard rectification"),
                         self.tr("The closed loop: 发现 → 责令改正 → 复查 → 销号; red rows are overdue"), parent)
        self.model = HazardTableModel(state.ctx, self)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for _key, _label, _f in TABS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(lambda _i: self.apply_filters())
        self.layout_.addWidget(self.tabs)
        self._build_filters()
        self._build_actions()
        self._build_table()
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.apply_filters)
        self._dirty = True
        state.changed.connect(self._on_changed)

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        self.search = QLineEdit(placeholderText=self.tr("Search unit, hazard no or description  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        row.addWidget(self.search, 3)
        self.category, self.severity, self.source, self.grid = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for combo, all_text, values in ((self.category, self.tr("All categories"), HAZARD_CATEGORIES),
                                        (self.severity, self.tr("All levels"), SEVERITIES),
                                        (self.source, self.tr("All sources"), hazards.SOURCES)):
            combo.addItem(all_text, None)
            for v in values:
                combo.addItem(v, v)
        finish_filter_row(row, (self.category, self.severity, self.source, self.grid), self.apply_filters, self.clear_filters)
        self.layout_.addLayout(row)

    def _build_actions(self) -> None:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open  Enter"))
        self.open_button.clicked.connect(self.open_current)
        self.schedule_button = QPushButton(self.tr("Schedule rechecks for the selected…"))
        self.schedule_button.setObjectName("primary")
        self.schedule_button.clicked.connect(self.schedule_rechecks)
        self.report_button = QPushButton(self.tr("Report a hazard…"))
        self.report_button.setToolTip(self.tr("A hazard found outside an inspection (grid report, complaint …)"))
        self.report_button.clicked.connect(self.report_hazard)
        for b in (self.open_button, self.schedule_button, self.report_button):
            row.addWidget(b)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        self.layout_.addLayout(row)
        for button, perm in ((self.schedule_button, "hazards.manage"), (self.report_button, "hazards.report")):
            can = allowed(self.state.ctx, perm)  # hidden and disabled: the service refuses it anyway
            button.setEnabled(can)
            button.setVisible(can)

    def _build_table(self) -> None:
        self.view = record_table(self.model, COLUMN_WIDTHS, multi=True, sort=(5, Qt.SortOrder.AscendingOrder))
        self.view.doubleClicked.connect(lambda index: self.open_hazard(self.model.uid_at(index.row())))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._show_count())
        self.layout_.addWidget(self.view, 1)
        search_shortcut(self, self.search)
        open_on_enter(self.view, self.open_current)

    # --- filters ---------------------------------------------------------------------------------
    def _fill_grids(self) -> None:
        refill_combo(self.grid, ((g.name, g.uid) for g in place_choices.grid_choices(self.state.ctx)),
                     self.tr("All grids"))

    def _label_tabs(self) -> None:
        counts = inspection_queries.hazard_counts(self.state.ctx)
        figures = {"open": sum(counts.get(s, 0) for s in OPEN_STATES), "all": sum(counts.get(s, 0)
                                                                                  for s in hazards.STATES)}
        for n, (key, label, _f) in enumerate(TABS):
            text = QCoreApplication.translate("HazardsPage", label) if label else key
            self.tabs.setTabText(n, f"{text}  {figures.get(key, counts.get(key, 0)):,}")
        self.tabs.setTabTextColor(TABS.index(next(t for t in TABS if t[0] == "逾期")), Qt.GlobalColor.darkRed)

    def current_filter(self) -> HazardFilter:
        base = TABS[max(0, self.tabs.currentIndex())][2]
        return replace(base, text=self.search.text(), category=self.category.currentData(),
                       severity=base.severity or self.severity.currentData(), source=self.source.currentData(),
                       grid_uid=self.grid.currentData())

    def apply_filters(self) -> None:
        self.model.set_filter(self.current_filter())
        self._show_count()

    def _show_count(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        text = self.tr("{n} hazards").format(n=f"{self.model.total:,}")
        self.count_label.setText(text + (self.tr(", {n} selected").format(n=selected) if selected > 1 else ""))

    def clear_filters(self) -> None:
        reset_combos((self.category, self.severity, self.source, self.grid))
        self.search.clear()
        self.apply_filters()

    def refresh(self) -> None:
        if sweep_deadlines_daily(self.state.ctx):
            self._dirty = True
        if self._dirty:
            self._fill_grids()
            self._label_tabs()
            self.apply_filters()
            self._dirty = False

    def _on_changed(self, what: str) -> None:
        if what in ("hazards", "inspections", "database", "units"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(next(n for n, t in enumerate(TABS) if t[0] == key))

    # --- actions ---------------------------------------------------------------------------------
    def selected_uids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [uid for uid in (self.model.uid_at(r) for r in rows) if uid]

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_hazard(self.model.uid_at(index.row()))

    def open_hazard(self, uid: str | None) -> None:
        if not uid:
            return
        try:
            dialog = HazardDialog(self.state.ctx, uid, self)
        except ServiceError as error:
            show_service_error(self, error)
            return
        dialog.changed.connect(lambda: self.state.changed.emit("hazards"))
        dialog.exec()

    def schedule_rechecks(self) -> None:
        uids = self.selected_uids()
        if not uids:
            QMessageBox.information(self, self.tr("Schedule rechecks"),
                                    self.tr("Select the hazards to recheck first (Ctrl+click, Shift+click)."))
            return
        staff = [(p.name, p.uid) for p in officers.list_officers(self.state.ctx, enforcers_only=True)]
        fields = [Field("own_dates", self.tr("Use each hazard's recheck due date"), "bool", True),
                  Field("day", self.tr("Or this date for all"), "date", date.today()),
                  Field("pair", self.tr("Officers (optional)"), "pair", choices=staff)]
        intro = self.tr("{n} hazards: one visit per unit in that month's recheck plan.").format(n=len(uids))
        visits = run_form(self, self.tr("Schedule rechecks"), fields, lambda v: hazard_flow.schedule_rechecks(
            self.state.ctx, uids, None if v["own_dates"] else v["day"], v["pair"]), intro)
        if visits:
            for what in ("hazards", "plans"):
                self.state.changed.emit(what)
            QMessageBox.information(self, self.tr("Schedule rechecks"), self.tr(
                "{n} recheck visits scheduled; they appear in the plans and on the home page.").format(n=len(visits)))

    def report_hazard(self) -> None:
        chosen = pick_units(self.state.ctx, self, self.tr("Report a hazard: choose the unit"))
        if not chosen:
            return
        uid = next(iter(chosen))
        fields = [Field("description", self.tr("Description (specific)")), Field("location", self.tr("Location")),
                  Field("category", self.tr("Category"), "choice", "其他", [(c, c) for c in HAZARD_CATEGORIES]),
                  Field("severity", self.tr("Level"), "choice", "一般", [(s, s) for s in SEVERITIES]),
                  Field("source", self.tr("Source"), "choice", "网格", [(s, s) for s in hazards.SOURCES if s != "检查"]),
                  Field("found_on", self.tr("Found on"), "date"),
                  Field("days", self.tr("Period (calendar days)"), "int", 7, maximum=366)]
        info = run_form(self, self.tr("Report a hazard — {unit}").format(unit=chosen[uid]), fields,
                        lambda v: hazards.report_hazard(self.state.ctx, uid, hazards.HazardInput(
                            v["description"], v["location"], v["category"], v["severity"],
                            deadline_amount=v["days"]), v["found_on"], v["source"]))
        if info:
            self.state.changed.emit("hazards")
            QMessageBox.information(self, self.tr("Report a hazard"), self.tr(
                "Hazard {no} recorded, deadline {day}.").format(no=info.hazard_no, day=info.deadline)
                + "".join("\n" + w for w in info.warnings))
