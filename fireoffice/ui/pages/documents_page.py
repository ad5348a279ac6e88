"""执法文书: the register by year with filters and a gap check; draft, submit, issue with preview, serve, void."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from fireoffice.services import (
    documents,
    documents_flow,
    documents_pdf,
    documents_register,
    documents_timing,
    service_records,
    training_print,
)
from fireoffice.services.documents_types import NOTICE_TYPES, STATUSES, TYPES
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.document_dialog import DocumentDialog
from fireoffice.ui.dialogs.document_preview import PreviewDialog, print_pdf, save_pdf
from fireoffice.ui.dialogs.document_service_dialog import ServiceDialog
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.document_models import DocumentTableModel
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState

COLUMN_WIDTHS = [250, 170, 70, 220, 95, 130, 80, 200]


class DocumentsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Enforcement documents"), "", parent)
        self.model = DocumentTableModel(self)
        self._build_filters()
        self._build_actions()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(lambda _i: self.open_current())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_timing())
        self.layout_.addWidget(self.view, 1)
        # time rules of the selected draft: earliest issue date after the 告知, 90-day limit, 24 h seal
        self.timing_label = QLabel()
        self.timing_label.setWordWrap(True)
        self.timing_label.setObjectName("timing")
        self.layout_.addWidget(self.timing_label)
        self.gap_label = QLabel()
        self.gap_label.setWordWrap(True)
        self.layout_.addWidget(self.gap_label)
        state.changed.connect(lambda what: what in ("documents", "database") and self.refresh())

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        self.year, self.kind, self.status = QComboBox(), QComboBox(), QComboBox()
        self.kind.addItem(self.tr("All types"), None)
        for name in (*TYPES, documents_register.INTERVIEW_NOTICE):
            self.kind.addItem(name, name)
        self.status.addItem(self.tr("All statuses"), None)
        for s in STATUSES:
            self.status.addItem(s, s)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number or unit"))
        self.search.returnPressed.connect(self.refresh)
        for w in (self.year, self.kind, self.status):
            w.currentIndexChanged.connect(self.refresh)
            row.addWidget(w)
        row.addWidget(self.search, 1)
        self.layout_.addLayout(row)

    def _build_actions(self) -> None:
        row = QHBoxLayout()
        specs = [("new", self.tr("New…"), self.new_document), ("edit", self.tr("Edit…"), self.open_current),
                 ("submit", self.tr("Submit"), self.submit), ("issue", self.tr("Preview && issue…"), self.issue),
                 ("serve", self.tr("Record service…"), self.serve), ("void", self.tr("Void…"), self.void),
                 ("correct", self.tr("Correct"), self.correct), ("print", self.tr("Print / save…"), self.preview),
                 ("receipt", self.tr("Service form"), self.receipt),
                 ("decision", self.tr("Decision from notice"), self.decision_from_notice),
                 ("batch", self.tr("Print today's issued"), self.batch_print)]
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in specs:
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons[key] = b
        self.buttons["new"].setObjectName("primary")
        # The services refuse anyway; hiding spares the clerk a button that can only say no.
        needs = {"new": "documents.draft", "edit": "documents.draft", "submit": "documents.draft",
                 "serve": "documents.draft", "correct": "documents.draft", "decision": "documents.draft",
                 "issue": "documents.issue", "void": "documents.issue"}
        for key, permission in needs.items():
            self.buttons[key].setVisible(allowed(self.state.ctx, permission))
        row.addStretch(1)
        self.layout_.addLayout(row)

    # --- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.year.count() == 0:
            self.year.blockSignals(True)
            for y in documents_register.years(self.state.ctx):
                self.year.addItem(str(y), y)
            self.year.blockSignals(False)
        year = self.year.currentData() or date.today().year
        rows = documents_register.register(self.state.ctx, year, self.kind.currentData(), self.status.currentData(),
                                           self.search.text())
        selected = self.current()
        self.model.set_rows(rows)
        if selected is not None:  # keep the selection (and its time rules) across a refresh
            again = next((n for n, r in enumerate(rows) if r.uid == selected.uid), None)
            if again is not None:
                self.view.selectRow(again)
        self.show_timing()
        gaps = documents_register.gaps(self.state.ctx, year)
        if gaps:
            text = "；".join(f"{g.doc_type} 缺号 {', '.join(map(str, g.missing))}" for g in gaps)
            self.gap_label.setText(self.tr("Number gaps found: %1").replace("%1", text))
            self.gap_label.setStyleSheet("color: #b91c1c")
        else:
            issued = sum(1 for r in rows if r.number)
            self.gap_label.setText(self.tr("%1 numbered documents in %2, no gaps.").replace("%1", str(issued))
                                   .replace("%2", str(year)))
            self.gap_label.setStyleSheet("color: #15803d")

    def current(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _document(self):
        """The selected row when it is an enforcement document; a 约谈通知书 is managed on the training page."""
        row = self.current()
        if row is not None and row.source == "interview":
            QMessageBox.information(self, self.tr("Interview notice"), self.tr(
                "This interview notice belongs to an interview on the Training page: open it there to edit the "
                "record. It is listed here so that the register shows every number of the year."))
            return None
        return row

    def show_timing(self) -> None:
        """The selected draft's time rules, in the service's words; a refusal-to-be in red."""
        row = self.current()
        if row is None or row.source != "document" or row.status not in ("草稿", "待审批"):
            self.timing_label.setText("")
            return
        try:
            timing = documents_timing.document_timing(self.state.ctx, row.uid)
        except ServiceError:
            timing = None
        lines = [*(timing.problems if timing else ()), *(timing.notes if timing else ())]
        self.timing_label.setText("\n".join(lines))
        self.timing_label.setStyleSheet("color: #b91c1c" if timing and timing.problems else "color: #92400e")

    def _run(self, fn, *args):
        try:
            result = fn(*args)
        except ServiceError as e:
            show_service_error(self, e)
            return None
        self.state.changed.emit("documents")
        return result

    # --- actions ---------------------------------------------------------------------------------
    def new_document(self) -> None:
        kind, ok = QInputDialog.getItem(self, self.tr("New document"), self.tr("Type"), list(TYPES), 2, False)
        if not ok:
            return
        subject, ok = QInputDialog.getText(self, self.tr("New document"),
                                           self.tr("Inspection record number or unit name (prefills the form)"))
        if not ok:
            return
        try:
            unit_uid, inspection_uid = documents.lookup_subject(self.state.ctx, subject)
            info = documents.create_draft(self.state.ctx, kind, unit_uid, inspection_uid)
        except ServiceError as e:
            show_service_error(self, e)
            return
        self.state.changed.emit("documents")
        DocumentDialog(self.state.ctx, info, self).exec()
        self.refresh()

    def open_current(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.source == "interview" or row.status != "草稿" or not allowed(self.state.ctx, "documents.draft"):
            self.preview()
            return
        info = self._run(documents.get_document, self.state.ctx, row.uid)
        if info and DocumentDialog(self.state.ctx, info, self).exec():
            self.refresh()

    def submit(self) -> None:
        row = self._document()
        if row is not None:
            self._run(documents_flow.submit, self.state.ctx, row.uid)

    def issue(self) -> None:
        row = self._document()
        if row is None:
            return
        if row.status == "待审批":  # say why before the preview: the service would refuse the issue anyway
            try:
                timing = documents_timing.document_timing(self.state.ctx, row.uid)
            except ServiceError as e:
                show_service_error(self, e)
                return
            if timing.problems:
                QMessageBox.warning(self, self.tr("Cannot issue yet"), "\n".join(timing.problems))
                return
        data = self._run(documents_pdf.preview, self.state.ctx, row.uid)
        if data is None:
            return
        dialog = PreviewDialog(data, row.title, self.tr("Approve and issue") if row.status == "待审批" else "", self)
        if dialog.exec() and row.status == "待审批":
            info = self._run(documents_flow.issue, self.state.ctx, row.uid)
            if info is not None:
                QMessageBox.information(self, self.tr("Issued"), "\n".join((info.number, *info.warnings)))

    def preview(self) -> None:
        row = self.current()
        if row is not None and row.source == "interview":  # the 约谈通知书 as printed on the training page
            data = self._run(training_print.notices_pdf, self.state.ctx, row.session_uid, [row.uid])
            if data:
                PreviewDialog(data, row.number, "", self).exec()
            return
        data = row and self._run(documents_pdf.preview, self.state.ctx, row.uid)
        if data:
            PreviewDialog(data, row.number or row.title, "", self).exec()

    def serve(self) -> None:
        row = self._document()
        if row is None:
            return
        dialog = ServiceDialog(self.state.ctx, row.uid, row.number, self)
        if dialog.exec():
            self.state.changed.emit("documents")
            info = dialog.result_info
            QMessageBox.information(self, self.tr("Service recorded"), "\n".join((*info.warnings, *info.deadlines)))

    def void(self) -> None:
        row = self._document()
        if row is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Void document"), self.tr("Reason (kept with the number)"))
        if ok:
            self._run(documents_flow.void, self.state.ctx, row.uid, reason)

    def correct(self) -> None:
        row = self._document()
        info = row and self._run(documents_flow.correct, self.state.ctx, row.uid)
        if info and DocumentDialog(self.state.ctx, info, self).exec():
            self.refresh()

    def receipt(self) -> None:
        row = self._document()
        data = row and self._run(service_records.receipt_pdf, self.state.ctx, row.uid)
        if data:
            PreviewDialog(data, f"送达回证 {row.number}", "", self).exec()

    def decision_from_notice(self) -> None:
        """A 行政处罚决定书 draft that follows the selected 告知书/告知笔录 (party, facts, penalty, 立案 date)."""
        row = self._document()
        if row is None:
            return
        if row.doc_type not in NOTICE_TYPES or not row.number:
            QMessageBox.information(self, self.tr("Decision from notice"), self.tr(
                "Select an issued penalty notice (notice letter or notice record) first: the decision follows it."))
            return
        info = self._run(documents.create_draft, self.state.ctx, "行政处罚决定书", None, None, (), row.uid)
        if info and DocumentDialog(self.state.ctx, info, self).exec():
            self.refresh()

    def batch_print(self) -> None:
        rows = documents_register.issued_on_day(self.state.ctx, date.today())
        if not rows:
            QMessageBox.information(self, self.tr("Batch print"), self.tr("No documents were issued today."))
            return
        files = [self._run(documents_pdf.preview, self.state.ctx, r.uid) for r in rows]
        if all(files):
            print_pdf(self, files)

    def save_current(self) -> None:
        row = self._document()
        data = row and self._run(documents_pdf.preview, self.state.ctx, row.uid)
        if data:
            save_pdf(self, data, f"{row.number or row.title}.pdf")
