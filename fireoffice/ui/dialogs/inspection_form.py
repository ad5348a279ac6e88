"""消防监督检查记录 entry: header, the checklist keyed with 1/2/3, hazards, 复查, photos — and campaign mode, where
Save & next (Ctrl+Enter) moves to the next unit of the batch with the defaults carried over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import inspection_campaign, inspections, officers, workdays
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.inspection_campaign import FormDefaults
from fireoffice.services.inspections import (
    InspectionInput,
    InspectionSaved,
    ResultInput,
)
from fireoffice.ui.dialogs.inspection_header import RecordHeader, default_start
from fireoffice.ui.dialogs.inspection_panel import (
    ItemPanel,
    RecheckTable,
    hazard_defaults,
    hazard_input,
    hazard_problem,
)
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.inspection_models import ChecklistModel, ItemEntry
from fireoffice.ui.widgets.quick_form import choose_photos, photo_inputs

KEYS = {Qt.Key.Key_1: "符合", Qt.Key.Key_2: "不符合", Qt.Key.Key_3: "不涉及"}


class InspectionForm(QDialog):
    saved = Signal(object)  # InspectionSaved, after each record written

    def __init__(self, ctx, form: FormDefaults, draft: InspectionInput | None = None,
                 campaign_plan: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.campaign_plan = ctx, campaign_plan
        self.setWindowTitle(self.tr("Inspection record"))
        self.resize(1200, 760)
        self.cal = workdays.get_calendar(ctx)
        self.staff = [p for p in officers.list_officers(ctx, date.today()) if p.active]
        self.model = ChecklistModel(self)
        self.count = 0  # records saved in this dialog
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #2f6f3e;")
        self.status.setVisible(False)
        layout.addWidget(self.status)
        self.header = RecordHeader(self.staff)
        self.header.outcome.currentTextChanged.connect(self._outcome_changed)
        self.header.paper_form.connect(self.key_paper_form)
        layout.addWidget(self.header)
        h = self.header  # the fields the form reads, by their short names
        self.type, self.outcome, self.start, self.end, self.record_no = h.type, h.outcome, h.start, h.end, h.record_no
        self.officer_list, self.officer_hint = h.officer_list, h.officer_hint
        self._build_body(layout)
        self._build_buttons(layout)
        self.load(form, draft or inspection_campaign.first_input(form, default_start(form)))

    # --- layout ----------------------------------------------------------------------------------
    def _build_body(self, layout: QVBoxLayout) -> None:
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        self.keys_hint = QLabel(self.tr("Checklist — keys: 1 符合 · 2 不符合 · 3 不涉及 · Space 当场改正 · "
                                        "Enter details · Esc back"))
        self.keys_hint.setObjectName("pageSubtitle")
        box.addWidget(self.keys_hint)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 56), (1, 70), (3, 64), (4, 84), (5, 200)):
            self.table.setColumnWidth(col, width)
        self.table.installEventFilter(self)
        box.addWidget(self.table, 3)
        self.rechecks_label = QLabel(self.tr("Recheck the unit's open hazards"))
        self.rechecks = RecheckTable()
        self.rechecks.setMaximumHeight(120)
        box.addWidget(self.rechecks_label)
        box.addWidget(self.rechecks, 1)
        row = QHBoxLayout()
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("Summary of the inspection (optional)"))
        row.addWidget(self.summary, 1)
        self.photos_button = QPushButton()
        self.photos_button.clicked.connect(self._add_photos)
        row.addWidget(self.photos_button)
        box.addLayout(row)
        split.addWidget(left)
        self.panel = ItemPanel(self.cal)
        self.panel.edited.connect(lambda: self.model.changed(self.table.currentIndex().row()))
        self.panel.leave.connect(self.table.setFocus)
        split.addWidget(self.panel)
        split.setSizes([760, 420])
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._bind(cur.row()))

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("Skip this unit"))
        self.skip_button.clicked.connect(self.skip)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save  Ctrl+S"))
        self.save_button.clicked.connect(self.save_and_close)
        self.next_button = QPushButton(self.tr("Save && next  Ctrl+Enter"))
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.save_and_next)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.next_button, close):
            row.addWidget(button)
        layout.addLayout(row)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_and_close)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save_and_next)

    # --- loading ---------------------------------------------------------------------------------
    def load(self, form: FormDefaults, draft: InspectionInput) -> None:
        """Show one unit's form, pre-filled from `draft` (first_input or carry_over)."""
        self.form, self.draft, self.photos = form, draft, []
        self.header.load(form, draft)
        self.summary.setText(draft.summary)
        given = {r.code: r.result for r in draft.results}
        self.model.set_entries([ItemEntry(i, given.get(i.code, "符合")) for i in form.items])
        self.rechecks.set_hazards(form.open_hazards)
        self.rechecks_label.setVisible(bool(form.open_hazards))
        self.rechecks.setVisible(bool(form.open_hazards))
        self.skip_button.setVisible(self.campaign_plan is not None)
        self.next_button.setVisible(self.campaign_plan is not None)
        self.error.setText("")
        self._photos_text()
        self._outcome_changed(self.outcome.currentText())
        if self.model.rowCount():
            self.table.selectRow(0)
        self._bind(0)
        self.table.setFocus()

    def _bind(self, row: int) -> None:
        entry = self.model.entries[row] if 0 <= row < self.model.rowCount() else None
        self.panel.bind(entry, self.found_on())

    def found_on(self) -> date:
        return self.header.found_on()

    def officer_uids(self) -> tuple[str, ...]:
        return self.header.officer_uids()

    def _outcome_changed(self, outcome: str) -> None:
        done = outcome == "完成"  # locked / closed …: nothing was checked, the visit is re-queued
        self.table.setEnabled(done)
        self.panel.setVisible(done)
        self.rechecks.setEnabled(done)

    def _add_photos(self) -> None:
        self.photos.extend(choose_photos(self))
        self._photos_text()

    def _photos_text(self) -> None:
        self.photos_button.setText(self.tr("Photos of the visit ({n})…").format(n=len(self.photos)))

    # --- keyboard on the checklist ---------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            row = self.table.currentIndex().row()
            if event.key() in KEYS and row >= 0:
                self.set_result(row, KEYS[event.key()])
                return True
            if event.key() == Qt.Key.Key_Space and row >= 0:
                self.toggle_corrected(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and row >= 0:
                self.panel.focus_first()
                return True
        return super().eventFilter(watched, event)

    def set_result(self, row: int, result: str) -> None:
        """1/3 move on to the next line; 2 stays, so Enter opens the hazard details of that line."""
        self.model.set_result(row, result)
        if result != "不符合" and row + 1 < self.model.rowCount():
            self.table.selectRow(row + 1)
        else:
            self._bind(row)

    def toggle_corrected(self, row: int) -> None:
        entry = self.model.entries[row]
        if entry.result == "不符合" and entry.item.on_spot_fixable:
            entry.corrected = not entry.corrected
            self.model.changed(row)
            self._bind(row)

    # --- saving ----------------------------------------------------------------------------------
    def build_input(self) -> InspectionInput:
        done = self.outcome.currentText() == "完成"
        results = []
        for e in self.model.entries if done else ():
            hazard = replace(hazard_input(e), photos=photo_inputs(e.photos)) if e.needs_hazard() else None
            results.append(ResultInput(e.item.code, e.result, e.note, e.location, e.corrected, hazard,
                                       () if e.needs_hazard() else photo_inputs(e.photos)))
        return replace(self.draft, **self.header.values(), summary=self.summary.text(), results=tuple(results),
                       rechecks=self.rechecks.entries() if done else (), photos=photo_inputs(self.photos))

    def first_problem(self) -> tuple[int, str] | None:
        """Inline check of the hazard sub-forms before asking the service: (row, message)."""
        if self.outcome.currentText() != "完成":
            return None
        for row, e in enumerate(self.model.entries):
            if e.needs_hazard():
                e.hazard = e.hazard or hazard_defaults(e)
                problem = hazard_problem(e, self.found_on(), self.cal)
                if problem:
                    return row, f"{e.item.code}：{problem}"
        return None

    def save(self) -> InspectionSaved | None:
        problem = self.first_problem()
        if problem:
            self._show_error(problem[1], problem[0])
            return None
        try:
            data = self.build_input()
            result = inspections.create_inspection(self.ctx, data)
        except ValidationError as error:
            self._show_error(str(error), (error.row - 1) if error.row else None)
            return None
        except ServiceError as error:
            show_service_error(self, error)
            return None
        self.draft, self.count = data, self.count + 1
        self.saved.emit(result)
        return result

    def _show_error(self, message: str, row: int | None) -> None:
        self.error.setText(message)
        if row is not None and 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.panel.focus_first()

    def save_and_close(self) -> None:
        result = self.save()
        if result is not None:
            self.last_saved = result
            self.accept()

    def save_and_next(self) -> None:
        if self.campaign_plan is None:
            self.save_and_close()
            return
        result = self.save()
        if result is not None:
            self.status.setText(saved_text(result, self.form.unit_name))
            self.status.setVisible(True)
            self.advance()

    def skip(self) -> None:
        self.advance(carry=False)

    def advance(self, carry: bool = True) -> None:
        """Open the next unit of the batch; the previous record's type, officers and timing carry over."""
        after = self.form.visit_uid
        try:
            nxt = inspection_campaign.next_visit(self.ctx, self.campaign_plan, after)
            if nxt is None:
                QMessageBox.information(self, self.tr("Campaign"), self.tr(
                    "No unit of this batch is left to enter. {n} records saved.").format(n=self.count))
                self.accept()
                return
            self.open_visit(nxt.uid, carry)
        except ServiceError as error:
            show_service_error(self, error)

    def open_visit(self, visit_uid: str, carry: bool = True) -> None:
        form = inspection_campaign.form_for_visit(self.ctx, visit_uid)
        draft = inspection_campaign.carry_over(self.draft, form)
        if not carry:  # skipped: same times again, nothing was written
            draft = replace(draft, started_at=self.draft.started_at, ended_at=self.draft.ended_at)
        self.load(form, draft)

    def key_paper_form(self, number: str) -> None:
        """A paper field-kit form: its printed number finds the planned visit; the batch continues from there."""
        if not number.strip():
            return
        try:
            visit = inspection_campaign.find_by_record_no(self.ctx, number)
            if visit is None:
                self.error.setText(self.tr("No open planned visit has the number {no}.").format(no=number.strip()))
                return
            self.campaign_plan = visit.plan_uid
            self.open_visit(visit.uid)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.header.paper_no.clear()


def saved_text(result: InspectionSaved, unit_name: str) -> str:
    """One line about what the save did, for the campaign's status line and the page's message."""
    translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")
    parts = [translate("InspectionForm", "Saved {no} — {unit}.").format(no=result.record_no, unit=unit_name)]
    if result.hazard_nos:
        parts.append(translate("InspectionForm", "Hazards: {nos}.").format(nos="、".join(result.hazard_nos)))
    if result.verbal_orders:
        parts.append(translate("InspectionForm", "{n} corrected on the spot.").format(n=result.verbal_orders))
    if result.notice_due:
        parts.append(translate("InspectionForm", "Serve the rectification notice by {day}.").format(
            day=result.notice_due.isoformat()))
    if result.requeued:
        parts.append(translate("InspectionForm", "Not inspected: the unit stays in the batch."))
    parts.extend(result.warnings)
    return " ".join(parts)
