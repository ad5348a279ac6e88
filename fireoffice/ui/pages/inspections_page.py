"""检查记录: the paged list of inspections with filters in SQL; new records for a unit, a planned visit or a paper
form; campaign entry of a whole batch (Save & next)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from fireoffice.services import inspection_campaign, officers, plans
from fireoffice.services.errors import ServiceError
from fireoffice.services.inspection_queries import InspectionFilter
from fireoffice.services.inspections import INSPECTION_TYPES, OUTCOMES
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.inspection_form import InspectionForm, saved_text
from fireoffice.ui.dialogs.inspection_view import InspectionView
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.inspection_models import InspectionTableModel
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
from fireoffice.ui.widgets.unit_picker import pick_units

COLUMN_WIDTHS = [120, 130, 280, 100, 70, 170, 60, 90]
CHANGES = ("inspections", "hazards", "plans")


def _run_form(state: AppState, form: InspectionForm) -> InspectionForm:
    """Show the record form; pages refresh once when it closes (not after every record of a campaign)."""
    saved = []
    form.saved.connect(saved.append)
    form.exec()
    if saved:
        for what in CHANGES:
            state.changed.emit(what)
    form.saved_results = saved
    return form


def enter_for_visit(state: AppState, visit_uid: str, parent: QWidget | None, campaign: bool = True) -> None:
    """The record of a planned visit; in campaign mode Save & next continues with the batch."""
    try:
        form = inspection_campaign.form_for_visit(state.ctx, visit_uid)
    except ServiceError as error:
        show_service_error(parent, error)
        return
    _run_form(state, InspectionForm(state.ctx, form, campaign_plan=form.plan_uid if campaign else None,
                                    parent=parent))


def run_campaign(state: AppState, plan_uid: str, parent: QWidget | None) -> InspectionForm | None:
    """Keyboard entry of a whole batch, starting at its first open visit."""
    try:
        first = inspection_campaign.next_visit(state.ctx, plan_uid)
        if first is None:
            QMessageBox.information(parent, QCoreApplication.translate("InspectionsPage", "Campaign entry"),
                                    QCoreApplication.translate("InspectionsPage", "This plan has no open visit left."))
            return None
        form = inspection_campaign.form_for_visit(state.ctx, first.uid)
    except ServiceError as error:
        show_service_error(parent, error)
        return None
    return _run_form(state, InspectionForm(state.ctx, form, campaign_plan=plan_uid, parent=parent))


class InspectionsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Inspection records"),
                         self.tr("消防监督检查记录: every visit, its checklist results and the hazards it found"), parent)
        self.model = InspectionTableModel(state.ctx, self)
        self._build_filters()
        self._build_actions()
        self._build_table()
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.apply_filters)
        self._dirty = True
        state.changed.connect(self._on_changed)

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        self.search = QLineEdit(placeholderText=self.tr("Search unit, address or record no  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        row.addWidget(self.search, 3)
        self.period, self.type, self.outcome, self.officer = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for text, key in ((self.tr("Any time"), None), (self.tr("This month"), "month"),
                          (self.tr("Last month"), "last_month"), (self.tr("Last 30 days"), "30d"),
                          (self.tr("This year"), "year")):
            self.period.addItem(text, key)
        self.type.addItem(self.tr("All types"), None)
        for t in INSPECTION_TYPES:
            self.type.addItem(t, t)
        self.outcome.addItem(self.tr("All outcomes"), None)
        for o in OUTCOMES:
            self.outcome.addItem(o, o)
        finish_filter_row(row, (self.period, self.type, self.outcome, self.officer), self.apply_filters, self.clear_filters)
        self.layout_.addLayout(row)

    def _build_actions(self) -> None:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New inspection…  Ctrl+N"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_for_unit)
        self.paper_button = QPushButton(self.tr("Key a paper form…  Ctrl+K"))
        self.paper_button.clicked.connect(self.key_paper_form)
        self.campaign_button = QPushButton(self.tr("Campaign entry…"))
        self.campaign_button.setToolTip(self.tr("Enter a whole batch in a row: Save & next (Ctrl+Enter) moves to "
                                                "the next unit, type and officers carry over"))
        self.campaign_button.clicked.connect(self.choose_campaign)
        self.open_button = QPushButton(self.tr("Open  Enter"))
        self.open_button.clicked.connect(self.open_current)
        for b in (self.new_button, self.paper_button, self.campaign_button, self.open_button):
            row.addWidget(b)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        self.layout_.addLayout(row)
        can = allowed(self.state.ctx, "inspections.edit")
        for b in (self.new_button, self.paper_button, self.campaign_button):
            b.setEnabled(can)
            b.setVisible(can)

    def _build_table(self) -> None:
        self.view = record_table(self.model, COLUMN_WIDTHS, sort=(1, Qt.SortOrder.DescendingOrder), stretch_last=True)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.layout_.addWidget(self.view, 1)
        search_shortcut(self, self.search)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_for_unit)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.key_paper_form)
        open_on_enter(self.view, self.open_current)

    # --- filters ---------------------------------------------------------------------------------
    def _fill_officers(self) -> None:
        refill_combo(self.officer, ((p.name, p.uid) for p in officers.list_officers(self.state.ctx)),
                     self.tr("All officers"))

    def current_filter(self) -> InspectionFilter:
        today = date.today()
        first, last = None, None
        period = self.period.currentData()
        if period == "month":
            first = today.replace(day=1)
        elif period == "last_month":
            last = today.replace(day=1) - timedelta(days=1)
            first = last.replace(day=1)
        elif period == "30d":
            first = today - timedelta(days=30)
        elif period == "year":
            first = today.replace(month=1, day=1)
        return InspectionFilter(date_from=first, date_to=last, inspection_type=self.type.currentData(),
                                outcome=self.outcome.currentData(), text=self.search.text(),
                                officer_uid=self.officer.currentData())

    def apply_filters(self) -> None:
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("{n} records").format(n=f"{self.model.total:,}"))
        if self.model.rowCount():
            self.view.selectRow(0)

    def clear_filters(self) -> None:
        reset_combos((self.period, self.type, self.outcome, self.officer))
        self.search.clear()
        self.apply_filters()

    def refresh(self) -> None:
        if self._dirty:
            self._fill_officers()
            self.apply_filters()
            self._dirty = False

    def _on_changed(self, what: str) -> None:
        if what in ("inspections", "database", "units"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    # --- actions ---------------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        uid = self.model.uid_at(row)
        if uid:
            InspectionView(self.state.ctx, uid, self).exec()

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def new_for_unit(self) -> None:
        chosen = pick_units(self.state.ctx, self, self.tr("New inspection: choose the unit"))
        if not chosen:
            return
        uid = next(iter(chosen))
        try:
            form = inspection_campaign.form_for_unit(self.state.ctx, uid)
        except ServiceError as error:
            show_service_error(self, error)
            return
        done = _run_form(self.state, InspectionForm(self.state.ctx, form, parent=self))
        self._report(done)

    def key_paper_form(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Key a paper form"),
                                          self.tr("Record number printed on the form (e.g. JC2026-00012):"))
        if not ok or not number.strip():
            return
        visit = inspection_campaign.find_by_record_no(self.state.ctx, number)
        if visit is None:
            QMessageBox.warning(self, self.tr("Key a paper form"),
                                self.tr("No open planned visit has the number {no}.").format(no=number.strip()))
            return
        enter_for_visit(self.state, visit.uid, self)

    def choose_campaign(self) -> None:
        open_plans = [p for p in plans.list_plans(self.state.ctx, status="进行中") if p.visits > p.done]
        if not open_plans:
            QMessageBox.information(self, self.tr("Campaign entry"), self.tr("No plan has open visits."))
            return
        labels = [self.tr("{name} — {left} of {total} open").format(name=p.name, left=p.visits - p.done,
                                                                      total=p.visits) for p in open_plans]
        label, ok = QInputDialog.getItem(self, self.tr("Campaign entry"), self.tr("Plan (batch) to enter:"),
                                         labels, 0, False)
        if ok and label in labels:
            run_campaign(self.state, open_plans[labels.index(label)].uid, self)

    def _report(self, form: InspectionForm) -> None:
        if form.result() == QDialog.DialogCode.Accepted and form.saved_results:
            QMessageBox.information(self, self.tr("Inspection saved"),
                                    saved_text(form.saved_results[-1], form.form.unit_name))
