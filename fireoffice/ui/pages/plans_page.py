"""检查计划: plans and their visits (assignment, 双随机 draws, the paper field kit, campaign entry), a calendar of
planned visits, the monthly workload planner and the record of draws."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import draw_publish, officers, plans
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.services.plans import PLAN_STATUSES, PLAN_TYPES, PlanInfo, PlanInput
from fireoffice.ui.dialogs.draw_dialog import DrawDialog
from fireoffice.ui.dialogs.draw_publish_ui import save_bytes
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.plan_models import VisitTableModel
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.pages.inspections_page import enter_for_visit, run_campaign
from fireoffice.ui.pages.plans_tabs import CalendarTab, DrawsTab, DueTab, WorkloadTab
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.list_helpers import open_on_enter, record_table
from fireoffice.ui.widgets.quick_form import Field, run_form
from fireoffice.ui.widgets.unit_picker import pick_units

VISIT_WIDTHS = [44, 110, 220, 260, 90, 130, 120, 70]


class PlansPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Inspection plans"),
                         self.tr("Whom to inspect and when: plans, 双随机 draws, the calendar and the workload"), parent)
        self.plans: list[PlanInfo] = []
        self.can_edit = allowed(state.ctx, "plans.edit")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._plans_tab(), self.tr("Plans"))
        self.calendar = CalendarTab(state)
        if allowed(state.ctx, "inspections.edit"):
            self.calendar.enter_visit.connect(lambda uid: enter_for_visit(state, uid, self))
        self.workload = WorkloadTab(state)
        self.draws = DrawsTab(state)
        self.draws.new_draw.connect(lambda: self.open_draw(None))
        self.due = DueTab(state)
        self.tabs.addTab(self.due, self.tr("Due / overdue units"))
        self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.addTab(self.workload, self.tr("Workload"))
        self.tabs.addTab(self.draws, self.tr("双随机 draws"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh_tab())
        self.layout_.addWidget(self.tabs, 1)
        self._dirty = True
        state.changed.connect(self._on_changed)

    def _plans_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        self.year, self.type, self.status = QComboBox(), QComboBox(), QComboBox()
        this_year = date.today().year
        for y in range(this_year + 1, this_year - 5, -1):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(1)
        self.type.addItem(self.tr("All types"), None)
        for t in PLAN_TYPES:
            self.type.addItem(t, t)
        self.status.addItem(self.tr("All statuses"), None)
        for s in PLAN_STATUSES:
            self.status.addItem(s, s)
        for combo in (self.year, self.type, self.status):
            combo.currentIndexChanged.connect(self.load_plans)
            row.addWidget(combo)
        self.new_button = QPushButton(self.tr("New plan…  Ctrl+N"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_plan)
        self.edit_button = QPushButton(self.tr("Edit plan…"))
        self.edit_button.clicked.connect(self.edit_plan)
        self.draw_button = QPushButton(self.tr("双随机 draw…"))
        self.draw_button.clicked.connect(lambda: self.open_draw(self.current_plan()))
        for b in (self.new_button, self.edit_button, self.draw_button):
            b.setEnabled(self.can_edit)
            b.setVisible(self.can_edit)
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        self.plan_table = QTableWidget(0, 7)
        self.plan_table.setHorizontalHeaderLabels([self.tr("Plan"), self.tr("Type"), self.tr("Plan period"),
                                                   self.tr("Status"), self.tr("Visits"), self.tr("Done"),
                                                   self.tr("Tried, not found")])
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.plan_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.plan_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for col, width in enumerate((300, 80, 190, 70, 60, 60, 100)):
            self.plan_table.setColumnWidth(col, width)
        self.plan_table.itemSelectionChanged.connect(self.load_visits)
        split.addWidget(self.plan_table)
        split.addWidget(self._detail())
        split.setSizes([220, 420])
        box.addWidget(split, 1)
        QShortcut(QKeySequence("Ctrl+N"), page, activated=self.new_plan)
        return page

    def _detail(self) -> QWidget:
        host = QWidget()
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet("font-weight: bold;")
        box.addWidget(self.detail_label)
        row = QHBoxLayout()
        self.visit_buttons = {}
        for key, text, slot, perm in (
                ("add", self.tr("Add units…"), self.add_units, "plans.edit"),
                ("assign", self.tr("Date && officers…"), self.assign, "plans.edit"),
                ("cancel", self.tr("Cancel visit…"), self.cancel_visit, "plans.edit"),
                ("enter", self.tr("Enter record  Enter"), self.enter_current, "inspections.edit"),
                ("campaign", self.tr("Campaign entry…"), self.campaign, "inspections.edit"),
                ("kit", self.tr("Field kit PDF…"), self.field_kit, None)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(perm is None or allowed(self.state.ctx, perm))
            button.setVisible(button.isEnabled())
            row.addWidget(button)
            self.visit_buttons[key] = button
        self.visit_buttons["campaign"].setToolTip(self.tr(
            "Enter the plan's open visits one after another: Save & next (Ctrl+Enter)"))
        self.visit_buttons["kit"].setToolTip(self.tr(
            "One checklist page per open visit (or per selected visit) with its record number, for paper entry"))
        row.addStretch(1)
        box.addLayout(row)
        self.visit_model = VisitTableModel(self)
        self.visit_view = record_table(self.visit_model, VISIT_WIDTHS, multi=True, stretch_last=True)
        self.visit_view.doubleClicked.connect(lambda _i: self.enter_current())
        open_on_enter(self.visit_view, self.enter_current)
        box.addWidget(self.visit_view, 1)
        return host

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._dirty:
            self.load_plans()
            self._dirty = False
        self.refresh_tab()

    def refresh_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in (self.due, self.calendar, self.workload, self.draws):
            tab.refresh()

    def _on_changed(self, what: str) -> None:
        if what in ("plans", "inspections", "hazards", "database", "units"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def load_plans(self) -> None:
        current = self.current_plan()
        self.plans = plans.list_plans(self.state.ctx, self.year.currentData(), self.type.currentData(),
                                      self.status.currentData())
        self.plan_table.blockSignals(True)
        self.plan_table.setRowCount(len(self.plans))
        for row, p in enumerate(self.plans):
            for col, text in enumerate((p.name, p.plan_type, f"{p.period_start} – {p.period_end}", p.status,
                                        str(p.visits), str(p.done), str(p.attempted or ""))):
                self.plan_table.setItem(row, col, QTableWidgetItem(text))
        self.plan_table.blockSignals(False)
        uids = [p.uid for p in self.plans]
        self.plan_table.selectRow(uids.index(current.uid) if current and current.uid in uids else 0)
        self.load_visits()

    def current_plan(self) -> PlanInfo | None:
        row = self.plan_table.currentRow() if hasattr(self, "plan_table") else -1
        return self.plans[row] if 0 <= row < len(self.plans) else None

    def select_plan(self, uid: str) -> None:
        for row, p in enumerate(self.plans):
            if p.uid == uid:
                self.plan_table.selectRow(row)

    def load_visits(self) -> None:
        plan = self.current_plan()
        self.visit_model.set_rows(plans.plan_visits(self.state.ctx, plan.uid) if plan else [])
        if plan is None:
            self.detail_label.setText(self.tr("No plan in this selection."))
            return
        left = plan.visits - plan.done
        self.detail_label.setText(self.tr("{name} · {type} · {start} – {end} · {done} of {n} done, {left} open").format(
            name=plan.name, type=plan.plan_type, start=plan.period_start, end=plan.period_end, done=plan.done,
            n=plan.visits, left=left) + (f" · {plan.campaign}" if plan.campaign else ""))
        self.draw_button.setEnabled(self.can_edit)
        self.draw_button.setVisible(self.can_edit)

    def selected_visits(self) -> list[plans.VisitInfo]:
        rows = sorted(i.row() for i in self.visit_view.selectionModel().selectedRows())
        return [self.visit_model.rows[r] for r in rows]

    # --- plan actions ----------------------------------------------------------------------------
    def _plan_fields(self, p: PlanInfo | None) -> list[Field]:
        today = date.today()
        start = p.period_start if p else today.replace(day=1)
        end = p.period_end if p else today.replace(day=monthrange(today.year, today.month)[1])
        return [Field("name", self.tr("Plan name"), default=p.name if p else ""),
                Field("type", self.tr("Type"), "choice", p.plan_type if p else "日常", [(t, t) for t in PLAN_TYPES]),
                Field("start", self.tr("Starts on"), "date", start), Field("end", self.tr("Ends on"), "date", end),
                Field("campaign", self.tr("Special campaign (专项) name"), default=p.campaign if p else ""),
                Field("target", self.tr("Target number of units (0 = none)"), "int", p.target_count or 0 if p else 0,
                      maximum=1_000_000), Field("note", self.tr("Note"), default=p.note if p else "")]

    @staticmethod
    def _plan_input(v: dict) -> PlanInput:
        return PlanInput(v["name"], v["type"], v["start"], v["end"], v["campaign"], v["target"] or None, v["note"])

    def new_plan(self) -> None:
        if not self.can_edit:
            return
        info = run_form(self, self.tr("New plan"), self._plan_fields(None),
                        lambda v: plans.create_plan(self.state.ctx, self._plan_input(v)))
        if info:
            self.state.changed.emit("plans")
            self.select_plan(info.uid)

    def edit_plan(self) -> None:
        p = self.current_plan()
        if p is None or not self.can_edit:
            return
        fields = [*self._plan_fields(p), Field("status", self.tr("Status"), "choice", p.status,
                                                [(s, s) for s in PLAN_STATUSES])]
        if run_form(self, self.tr("Edit plan"), fields, lambda v: plans.update_plan(
                self.state.ctx, p.uid, self._plan_input(v), v["status"])):
            self.state.changed.emit("plans")

    def open_draw(self, plan: PlanInfo | None) -> None:
        if plan is not None and plan.plan_type != "双随机":
            plan = None  # the draw makes (or fills) the month's 双随机 plan itself
        month = plan.period_start if plan else None
        DrawDialog(self.state, plan.uid if plan else None, month, self).exec()
        self.draws.refresh()

    # --- visit actions ---------------------------------------------------------------------------
    def add_units(self) -> None:
        p = self.current_plan()
        if p is None:
            return
        chosen = pick_units(self.state.ctx, self, self.tr("Add units to “{plan}”").format(plan=p.name), multi=True)
        if not chosen:
            return
        staff = [(o.name, o.uid) for o in officers.list_officers(self.state.ctx, enforcers_only=True)]
        fields = [Field("dated", self.tr("Set a planned date"), "bool", False),
                  Field("day", self.tr("Planned date"), "date", max(p.period_start, date.today())),
                  Field("pair", self.tr("Officers (optional)"), "pair", choices=staff)]
        intro = self.tr("{n} units: {names}").format(n=len(chosen), names="、".join(list(chosen.values())[:8]))
        if run_form(self, self.tr("Add units"), fields, lambda v: plans.add_units(
                self.state.ctx, p.uid, list(chosen), v["day"] if v["dated"] else None, v["pair"]), intro):
            self.state.changed.emit("plans")

    def assign(self) -> None:
        visits = [v for v in self.selected_visits() if v.status == "待检查"]
        if not visits:
            return
        staff = [(o.name, o.uid) for o in officers.list_officers(self.state.ctx, enforcers_only=True)]
        first = visits[0]
        fields = [Field("day", self.tr("Planned date"), "date", first.planned_date or date.today()),
                  Field("pair", self.tr("Officers (empty: keep)"), "pair", first.officer_uids, choices=staff)]

        def submit(v):
            for visit in visits:  # one transaction each: a refusal names the visit it stopped at
                pair = v["pair"] if tuple(v["pair"]) != tuple(visit.officer_uids) else ()
                plans.assign_visit(self.state.ctx, visit.uid, v["day"], pair)
            return len(visits)
        if run_form(self, self.tr("Date and officers for {n} visits").format(n=len(visits)), fields, submit):
            self.state.changed.emit("plans")

    def cancel_visit(self) -> None:
        visits = [v for v in self.selected_visits() if v.status == "待检查"]
        if not visits:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel visits"), self.tr(
            "Reason for cancelling {n} visits:").format(n=len(visits)))
        if not ok:
            return
        try:
            for v in visits:
                plans.cancel_visit(self.state.ctx, v.uid, reason)
        except ServiceError as error:
            show_service_error(self, error)
        self.state.changed.emit("plans")

    def enter_current(self) -> None:
        visits = self.selected_visits()
        if visits and visits[0].status == "待检查" and allowed(self.state.ctx, "inspections.edit"):
            enter_for_visit(self.state, visits[0].uid, self)

    def campaign(self) -> None:
        p = self.current_plan()
        if p is not None:
            run_campaign(self.state, p.uid, self)

    def field_kit(self) -> None:
        p = self.current_plan()
        if p is None:
            return
        chosen = tuple(v.uid for v in self.selected_visits() if v.status == "待检查")
        if len(chosen) <= 1:
            chosen = ()  # one row is just the cursor: print the whole batch
        count = len(chosen) or sum(1 for v in self.visit_model.rows if v.status == "待检查")
        if not count:
            QMessageBox.information(self, self.tr("Field kit"), self.tr("This plan has no open visit to print."))
            return
        save_bytes(self.state, self, f"现场检查表-{p.name}.pdf",
                   lambda: draw_publish.field_kit_pdf(self.state.ctx, p.uid, chosen),
                   self.tr("Printing {n} checklists…").format(n=count))
