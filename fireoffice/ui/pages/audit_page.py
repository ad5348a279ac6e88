"""The audit page: who did what and when, filtered and paged; a button verifies the chain and row seals."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fireoffice.services import audit_query
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState

PAGE = 200


class AuditPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Audit log"),
                         self.tr("Who changed what and when. Verify checks that nothing was changed outside "
                                 "the program."), parent)
        self.offset = 0
        layout = self.layout_
        bar = QHBoxLayout()
        self.actor, self.entity = QComboBox(), QComboBox()
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("Action contains…"))
        self.use_dates = QCheckBox(self.tr("From"))
        self.date_from, self.date_to = QDateEdit(QDate.currentDate().addMonths(-1)), QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        for w in (QLabel(self.tr("User")), self.actor, QLabel(self.tr("Record type")), self.entity, self.action,
                  self.use_dates, self.date_from, QLabel(self.tr("to")), self.date_to):
            bar.addWidget(w)
        search = QPushButton(self.tr("Search"))
        search.clicked.connect(self.search)
        self.action.returnPressed.connect(self.search)
        bar.addWidget(search)
        bar.addStretch(1)
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify)
        bar.addWidget(self.verify_button)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"),
                                              self.tr("Record type"), self.tr("Before"), self.tr("After")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        nav = QHBoxLayout()
        self.status = QLabel()
        self.prev_button, self.next_button = QPushButton(self.tr("Previous")), QPushButton(self.tr("Next"))
        self.prev_button.clicked.connect(lambda: self.move(-PAGE))
        self.next_button.clicked.connect(lambda: self.move(PAGE))
        nav.addWidget(self.status, 1)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        self.total = 0

    def current_filter(self) -> audit_query.AuditFilter:
        dates = self.use_dates.isChecked()
        return audit_query.AuditFilter(
            actor=self.actor.currentData() or "", action=self.action.text().strip(),
            entity=self.entity.currentData() or "",
            date_from=self.date_from.date().toPython() if dates else None,
            date_to=self.date_to.date().toPython() if dates else None)

    def refresh(self) -> None:
        if not allowed(self.state.ctx, "audit.view"):
            self.table.setRowCount(0)
            self.status.setText(self.tr("Your role may not view the audit log."))
            self.verify_button.setEnabled(False)
            return
        self.verify_button.setEnabled(True)
        actors, entities = audit_query.choices(self.state.ctx)
        for box, values in ((self.actor, actors), (self.entity, entities)):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(all)"), "")
            for v in values:
                box.addItem(v, v)
            box.setCurrentIndex(max(0, box.findData(keep))) if keep else None
            box.blockSignals(False)
        self.load()

    def search(self) -> None:
        self.offset = 0
        self.load()

    def move(self, delta: int) -> None:
        self.offset = max(0, min(self.offset + delta, max(0, self.total - 1)))
        self.load()

    def load(self) -> None:
        try:
            f = self.current_filter()
            self.total = audit_query.count(self.state.ctx, f)
            rows = audit_query.page(self.state.ctx, f, self.offset, PAGE)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [str(r.id), r.at.strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.action,
                      f"{r.entity} {r.entity_uid}".strip(), r.before, r.after]
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        last = min(self.offset + PAGE, self.total)
        self.status.setText(self.tr("{first}–{last} of {total}").format(
            first=self.offset + 1 if self.total else 0, last=last, total=self.total))
        self.prev_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(last < self.total)

    def verify(self) -> None:
        try:
            report = audit_query.verify(self.state.ctx)
        except ServiceError as error:
            show_service_error(self, error)
            return
        if report.ok:
            QMessageBox.information(self, self.tr("Verify chain"),
                                    self.tr("The audit chain is intact: {n} events, and the data matches them.")
                                    .format(n=report.events))
        else:
            QMessageBox.warning(self, self.tr("Verify chain"), report.problem)
