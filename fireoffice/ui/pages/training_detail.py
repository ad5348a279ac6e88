"""One session in the 培训约谈 page: the tick-off list (Space 实到, L 请假, A 缺席), walk-ins, invitations,
约谈 records, attachments, and the printouts (签到表, 约谈通知书, 约谈记录, 承诺书)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import (
    training,
    training_attendance,
    training_interviews,
    training_print,
    training_signin,
)
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.services.training import SessionInfo
from fireoffice.ui.errors import show_service_error, show_task_error
from fireoffice.ui.models.training_attendance import AttendanceModel
from fireoffice.ui.pages.training_attachments import AttachmentsTab
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.list_helpers import open_on_enter, record_table

ATTENDANCE_WIDTHS = [42, 220, 70, 115, 105, 70, 70]


def _button(text: str, slot: Callable, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    if tip:
        button.setToolTip(tip)
    return button


class SessionDetail(QWidget):
    """Emits `changed(uid)` after anything on the session changed (the list then refreshes that row)."""

    changed = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.ctx = state, state.ctx
        self.can_edit = allowed(self.ctx, "training.edit")
        self.info: SessionInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._attendance_tab(), self.tr("Attendance"))
        self.tabs.addTab(self._interviews_tab(), self.tr("Interviews"))
        self.attachments = AttachmentsTab(self.ctx, self)
        self.attachments.changed.connect(lambda: self.changed.emit(self.info.uid) if self.info else None)
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        layout.addWidget(self.tabs, 1)
        prints = QHBoxLayout()
        self.sheet_pdf_button = _button(self.tr("Sign-in sheet PDF…"), self.save_sheet_pdf)
        self.sheet_xlsx_button = _button(self.tr("Sign-in sheet Excel…"), self.save_sheet_xlsx)
        self.read_sheet_button = _button(self.tr("Read filled sheet…"), self.read_sheet,
                                         self.tr("Read attendance back from a filled sign-in spreadsheet"))
        self.notice_button = _button(self.tr("Interview notices…"), self.save_notices,
                                     self.tr("约谈通知书 of the selected units (all when none is selected); "
                                             "numbers are given on first print"))
        self.record_button = _button(self.tr("Interview records…"), self.save_records)
        self.pledge_button = _button(self.tr("Pledges…"), self.save_pledges,
                                     self.tr("消防安全承诺书 filled in for each unit on the list"))
        for b in (self.sheet_pdf_button, self.sheet_xlsx_button, self.read_sheet_button):
            prints.addWidget(b)
        prints.addStretch(1)
        for b in (self.notice_button, self.record_button, self.pledge_button):
            prints.addWidget(b)
        layout.addLayout(prints)
        for b in self.write_buttons():  # hidden for roles that may not change training records
            b.setVisible(self.can_edit)
        self.show_session(None)

    def write_buttons(self) -> tuple[QPushButton, ...]:
        return (self.invite_button, self.walk_in_button, self.present_button, self.leave_button, self.absent_button,
                self.reset_button, self.remove_button, self.read_sheet_button, self.edit_interview_button,
                self.notice_button)

    # --- attendance --------------------------------------------------------------------------------------
    def _attendance_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        self.invite_button = _button(self.tr("Invite units…"), self.invite)
        self.invite_button.setObjectName("primary")
        self.walk_in_button = _button(self.tr("Walk-in…  Ins"), self.add_walk_in)
        self.present_button = _button(self.tr("Present  Space"), lambda: self.mark(None))
        self.leave_button = _button(self.tr("Leave  L"), lambda: self.mark("请假"))
        self.absent_button = _button(self.tr("Absent  A"), lambda: self.mark("缺席"))
        self.reset_button = _button(self.tr("Not signed"), lambda: self.mark("未签到"))
        self.remove_button = _button(self.tr("Remove  Del"), self.remove)
        for b in (self.invite_button, self.walk_in_button, self.present_button, self.leave_button,
                  self.absent_button, self.reset_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        box.addLayout(row)
        self.counts = QLabel()
        box.addWidget(self.counts)
        self.model = AttendanceModel(self)
        self.view = record_table(self.model, ATTENDANCE_WIDTHS, multi=True)
        self.view.doubleClicked.connect(lambda _i: self.mark(None))
        box.addWidget(self.view, 1)
        for key, slot in ((Qt.Key.Key_Space, lambda: self.mark(None)), (Qt.Key.Key_L, lambda: self.mark("请假")),
                          (Qt.Key.Key_A, lambda: self.mark("缺席")), (Qt.Key.Key_Insert, self.add_walk_in),
                          (Qt.Key.Key_Delete, self.remove)):
            QShortcut(QKeySequence(key), self.view, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)
        return page

    def selected_uids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [uid for uid in (self.model.uid_at(r) for r in rows) if uid]

    def mark(self, status: str | None) -> None:
        if not self.can_edit:
            return
        """None toggles 实到; after one row the cursor moves on, so a list is ticked off key by key."""
        uids = self.selected_uids()
        if not uids or self.info is None:
            return
        try:
            if status is None and len(uids) == 1:
                updated = [training_attendance.toggle_present(self.ctx, uids[0])]
            else:
                updated = training_attendance.set_status(self.ctx, uids, status or "实到")
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.model.replace_rows(updated)
        if len(uids) == 1:
            current = self.view.currentIndex().row()
            if current + 1 < self.model.rowCount():
                self.view.selectRow(current + 1)
        self._after_change()

    def add_walk_in(self) -> None:
        if not self.can_edit:
            return
        if self.info is None:
            return
        from fireoffice.ui.dialogs.training_walkin_dialog import WalkInDialog

        dialog = WalkInDialog(self.ctx, self.info.uid, self)
        if dialog.exec():
            self.reload()
            self._after_change()

    def remove(self) -> None:
        if not self.can_edit:
            return
        uids = self.selected_uids()
        if not uids:
            return
        answer = QMessageBox.question(self, self.tr("Remove"), self.tr("Remove {n} people from the list?").format(
            n=len(uids)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            for uid in uids:
                training_attendance.remove_attendee(self.ctx, uid)
        except ServiceError as error:
            show_service_error(self, error)
        self.reload()
        self._after_change()

    def invite(self) -> None:
        if self.info is None:
            return
        from fireoffice.ui.dialogs.training_invite_dialog import InviteDialog

        dialog = InviteDialog(self.ctx, self.info.uid, self)
        dialog.invited.connect(lambda _r: (self.reload(), self._after_change()))
        dialog.exec()

    # --- interviews --------------------------------------------------------------------------------------
    def _interviews_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.interviews = QTableWidget(0, 6)
        self.interviews.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Interviewee"), self.tr("Reason"),
                                                   self.tr("Notice no."), self.tr("Hazards"), self.tr("Pledge")])
        self.interviews.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.interviews.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.interviews.verticalHeader().setVisible(False)
        for col, width in enumerate((190, 65, 150, 180, 45, 45)):
            self.interviews.setColumnWidth(col, width)
        self.interviews.doubleClicked.connect(lambda _i: self.edit_interview())
        box.addWidget(self.interviews, 1)
        row = QHBoxLayout()
        self.edit_interview_button = _button(self.tr("Edit record…  Enter"), self.edit_interview)
        row.addWidget(self.edit_interview_button)
        row.addStretch(1)
        box.addLayout(row)
        open_on_enter(self.interviews, self.edit_interview)
        return page

    def _load_interviews(self) -> None:
        self._interview_rows = training_interviews.list_interviews(self.ctx, self.info.uid) if self.info else []
        self.interviews.setRowCount(len(self._interview_rows))
        for r, i in enumerate(self._interview_rows):
            for c, text in enumerate((i.unit_name, i.interviewee, i.reason, i.notice_no, str(len(i.hazards)),
                                      "是" if i.pledge_signed else "")):
                self.interviews.setItem(r, c, QTableWidgetItem(text))

    def selected_interviews(self) -> list[str] | None:
        rows = sorted({i.row() for i in self.interviews.selectionModel().selectedRows()})
        return [self._interview_rows[r].uid for r in rows] or None

    def edit_interview(self) -> None:
        rows = self.selected_interviews()
        if not rows or self.info is None or not self.can_edit:
            return
        from fireoffice.ui.dialogs.training_interview_dialog import InterviewDialog

        dialog = InterviewDialog(self.ctx, training_interviews.get_interview(self.ctx, rows[0]), self.info.held_on, self)
        if dialog.exec():
            self._load_interviews()
            self._after_change()

    # --- showing -----------------------------------------------------------------------------------------
    def show_session(self, info: SessionInfo | None) -> None:
        self.info = info
        enabled = info is not None and not info.cancelled
        for b in (self.invite_button, self.walk_in_button, self.present_button, self.leave_button, self.absent_button,
                  self.reset_button, self.remove_button, self.read_sheet_button, self.edit_interview_button):
            b.setEnabled(enabled)
        for b in (self.sheet_pdf_button, self.sheet_xlsx_button, self.pledge_button):
            b.setEnabled(info is not None)
        for b in (self.notice_button, self.record_button):
            b.setEnabled(enabled and info.is_interview)
        if not self.can_edit:
            for b in self.write_buttons():
                b.setEnabled(False)
        self.tabs.setTabEnabled(1, info is not None and info.is_interview)
        self.reload()

    def reload(self) -> None:
        info = self.info
        self.model.set_rows(training_attendance.list_attendees(self.ctx, info.uid) if info else [])
        self._load_interviews()
        self.attachments.show_session(info.uid if info else None)
        self._update_header()

    def _update_header(self) -> None:
        info = self.info
        if info is None:
            self.header.setText(self.tr("Select a session on the left, or create one."))
            self.counts.setText("")
            return
        where = info.place or info.video_link
        extra = f"　{self.tr('Cancelled')}：{info.cancel_reason}" if info.cancelled else ""
        self.header.setText(f"<b>{info.session_no}　{info.kind}　{info.topic}</b><br>"
                            f"{training_print.when_text(info.held_on, info.start_time, info.end_time)}　{where}"
                            f"　{info.trainer}{extra}")
        c = self.model.counts()
        if not self.model.rows:
            self.counts.setText(self.tr("Nobody on the list yet: invite units, or add people who came (walk-ins)."))
            return
        self.counts.setText(self.tr("Expected {invited} · present {present} · leave {leave} · absent {absent} · "
                                    "not signed {pending} · walk-ins {walk}").format(
            invited=c["invited"], present=c["实到"], leave=c["请假"], absent=c["缺席"], pending=c["未签到"],
            walk=c["walk_in"]))

    def _after_change(self) -> None:
        self.info = training.get_session(self.ctx, self.info.uid)
        self._update_header()
        self.changed.emit(self.info.uid)

    # --- printing and spreadsheets -----------------------------------------------------------------------
    def _ask_path(self, title: str, name: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return path

    def _save_in_background(self, title: str, name: str, make: Callable[[], bytes]) -> None:
        if self.info is None:
            return
        path = self._ask_path(title, f"{name}-{self.info.session_no}.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return
        self.state.tasks.run(lambda _progress: training_print.save(make(), path), self.tr("Preparing {what}…").format(
            what=title), on_done=lambda written: self._saved(title, written), on_error=self._task_error,
            parent=self, cancellable=False)

    def _saved(self, title: str, path) -> None:
        self.reload() if self.info else None  # notice numbers given on first print show in the list
        QMessageBox.information(self, title, self.tr("Saved to\n{path}").format(path=path))

    def _task_error(self, error: BaseException) -> None:
        show_task_error(self, error)

    def save_sheet_pdf(self) -> None:
        uid = self.info.uid if self.info else ""
        self._save_in_background(self.tr("Sign-in sheet"), "签到表",
                                 lambda: training_print.sign_in_sheet_pdf(self.ctx, uid))

    def save_notices(self) -> None:
        uid, held, chosen = self.info.uid, self.info.held_on, self.selected_interviews()
        issued = min(date.today(), held)  # a notice goes out before the interview, never after it
        self._save_in_background(self.tr("Interview notices"), "约谈通知书",
                                 lambda: training_print.notices_pdf(self.ctx, uid, chosen, issued))

    def save_records(self) -> None:
        uid, chosen = self.info.uid, self.selected_interviews()
        self._save_in_background(self.tr("Interview records"), "约谈记录",
                                 lambda: training_print.records_pdf(self.ctx, uid, chosen))

    def save_pledges(self) -> None:
        uid = self.info.uid if self.info else ""
        self._save_in_background(self.tr("Pledges"), "消防安全承诺书", lambda: training_print.pledges_pdf(self.ctx, uid))

    def save_sheet_xlsx(self) -> None:
        if self.info is None:
            return
        path = self._ask_path(self.tr("Sign-in sheet"), f"签到表-{self.info.session_no}.xlsx",
                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            written = training_signin.export_sign_in_xlsx(self.ctx, self.info.uid, path)
        except ServiceError as error:
            show_service_error(self, error)
            return
        QMessageBox.information(self, self.tr("Sign-in sheet"), self.tr("Saved to\n{path}").format(path=written))

    def read_sheet(self) -> None:
        if self.info is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Read a filled sign-in sheet"), str(Path.home()),
                                              self.tr("Spreadsheets (*.xlsx *.xls *.ods)"))
        if not path:
            return
        try:
            report = training_signin.import_sign_in(self.ctx, self.info.uid, path)
        except ServiceError as error:
            show_service_error(self, error)
            return
        details = "\n".join(str(p) for p in report.problems[:20])
        QMessageBox.information(self, self.tr("Read a filled sign-in sheet"),
                                report.text() + ("\n\n" + details if details else ""))
        self.reload()
        self._after_change()
