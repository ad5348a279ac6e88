"""One complaint: 受理登记 (intake), 核查 (verification) and 告知 (notification) on three tabs, and 办结.

Save records the tab in front with its own service call; the service's refusal shows in red under the tabs
(and focuses the field it names). The complainant's identity is shown masked — and cannot be changed — for
roles without complaints.view_identity. Esc closes.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import complaint_queries, complaints, officers
from fireoffice.services.complaints import ComplaintInfo, ComplaintInput, NotificationInput, VerificationInput
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.permissions import allowed
from fireoffice.ui.widgets.unit_picker import pick_units

UNABLE_SUGGESTIONS = ("", "匿名举报，未留联系方式", "联系方式有误，无法联系", "多次联系，举报人未接听")
TABS = ("intake", "verify", "notify")


def _qdt(at: datetime | None) -> QDateTime:
    at = (at or datetime.now()).replace(second=0, microsecond=0)
    if at.tzinfo is not None:
        at = at.astimezone().replace(tzinfo=None)
    return QDateTime(at.year, at.month, at.day, at.hour, at.minute, 0)


def _dt_edit() -> QDateTimeEdit:
    return QDateTimeEdit(calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class ComplaintDialog(QDialog):
    changed = Signal()  # something was recorded: the list and the home page refresh

    def __init__(self, ctx: ServiceContext, uid: str | None = None, parent: QWidget | None = None,
                 tab: str | None = None):
        super().__init__(parent)
        self.ctx, self.uid = ctx, uid
        self.info: ComplaintInfo | None = None
        self.can_edit = allowed(ctx, "complaints.edit")
        self.sees_identity = complaints.sees_identity(ctx)
        self.unit_uid: str | None = None
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        layout.addWidget(self.deadline_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._intake_tab(), self.tr("Intake"))
        self.tabs.addTab(self._verify_tab(), self.tr("Verification"))
        self.tabs.addTab(self._notify_tab(), self.tr("Notification"))
        layout.addWidget(self.tabs, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(self.tr("Save  Ctrl+S"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("primary")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.close_case_button = self.buttons.addButton(self.tr("Close the case (办结)"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.close_case_button.clicked.connect(self.close_case)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reload()
        self.show_tab(tab or self._default_tab())

    # --- tabs ----------------------------------------------------------------------------------------------
    def _intake_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.received_at = _dt_edit()
        form.addRow(self.tr("Received at *"), self.received_at)
        self.source = QComboBox()
        self.source.addItems(complaints.SOURCES)
        self.source_ref = QLineEdit(placeholderText=self.tr("12345 work order no., letter no. …"))
        row = QHBoxLayout()
        row.addWidget(self.source)
        row.addWidget(self.source_ref, 1)
        form.addRow(self.tr("Source *"), row)
        self.anonymous = QCheckBox(self.tr("Anonymous"))
        self.complainant_name = QLineEdit()
        self.complainant_contact = QLineEdit()
        self.anonymous.toggled.connect(self._anonymous_toggled)
        who = QHBoxLayout()
        who.addWidget(self.complainant_name, 1)
        who.addWidget(self.anonymous)
        form.addRow(self.tr("Complainant"), who)
        form.addRow(self.tr("Contact"), self.complainant_contact)
        self.identity_note = QLabel(self.tr("举报人保密: the complainant's identity is hidden from your role."))
        self.identity_note.setStyleSheet("color: #8a949e")
        form.addRow("", self.identity_note)
        self.unit_label = QLabel(self.tr("(not in the register)"))
        self.unit_button = QPushButton(self.tr("Choose unit…"))
        self.unit_button.clicked.connect(self.choose_unit)
        self.unit_clear = QPushButton(self.tr("Clear"))
        self.unit_clear.clicked.connect(lambda: self._set_unit(None, ""))
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit_label, 1)
        unit_row.addWidget(self.unit_button)
        unit_row.addWidget(self.unit_clear)
        form.addRow(self.tr("Reported unit"), unit_row)
        self.reported_name = QLineEdit(placeholderText=self.tr("Name as the complainant gave it"))
        form.addRow(self.tr("Name given"), self.reported_name)
        self.reported_address = QLineEdit()
        form.addRow(self.tr("Address"), self.reported_address)
        self.content = _text_edit(90)
        form.addRow(self.tr("Complaint *"), self.content)
        self.category = QComboBox()
        self.category.addItems(list(complaints.CATEGORIES))
        self.category.currentTextChanged.connect(self._show_class)
        form.addRow(self.tr("Category *"), self.category)
        self.class_label = QLabel()
        form.addRow(self.tr("Time limit"), self.class_label)
        self.intake_widgets = [self.received_at, self.source, self.source_ref, self.anonymous,
                               self.complainant_name, self.complainant_contact, self.unit_button, self.unit_clear,
                               self.reported_name, self.reported_address, self.content, self.category]
        return page

    def _verify_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.verified_at = _dt_edit()
        form.addRow(self.tr("Verified at *"), self.verified_at)
        self.inspection = QComboBox()
        form.addRow(self.tr("Inspection record"), self.inspection)
        self.officer_list = QListWidget()
        self.officer_list.setFixedHeight(110)
        form.addRow(self.tr("Officers (≥ 2) *"), self.officer_list)
        self.result = QComboBox()
        self.result.addItems(complaints.RESULTS)
        form.addRow(self.tr("Result *"), self.result)
        self.handling = QComboBox()
        self.handling.addItems(["", *complaints.HANDLINGS])
        form.addRow(self.tr("Handling"), self.handling)
        self.doc_no = QLineEdit(placeholderText=self.tr("Document no. when an order or a case was issued"))
        form.addRow(self.tr("Document no."), self.doc_no)
        self.findings = _text_edit(90)
        form.addRow(self.tr("Findings *"), self.findings)
        self.verify_widgets = [self.verified_at, self.inspection, self.officer_list, self.result, self.handling,
                               self.doc_no, self.findings]
        return page

    def _notify_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.told = QRadioButton(self.tr("The complainant was told the outcome"))
        self.unable = QRadioButton(self.tr("The complainant could not be told"))
        self.told.setChecked(True)
        self.told.toggled.connect(self._notify_mode)
        form.addRow(self.told)
        self.notified_at = _dt_edit()
        form.addRow(self.tr("Told at"), self.notified_at)
        self.method = QComboBox()
        self.method.addItems(complaints.NOTIFY_METHODS)
        form.addRow(self.tr("Method"), self.method)
        self.notify_note = QLineEdit()
        form.addRow(self.tr("Note"), self.notify_note)
        form.addRow(self.unable)
        self.unable_reason = QComboBox(editable=True)
        self.unable_reason.addItems(UNABLE_SUGGESTIONS)
        form.addRow(self.tr("Reason it could not be told"), self.unable_reason)
        self.notify_widgets = [self.told, self.unable, self.notified_at, self.method, self.notify_note,
                               self.unable_reason]
        return page

    # --- loading -------------------------------------------------------------------------------------------
    def _default_tab(self) -> str:
        if self.info is None:
            return "intake"
        return {"待核查": "verify", "已核查": "notify"}.get(self.info.status, "intake")

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def reload(self) -> None:
        self.info = complaints.get_complaint(self.ctx, self.uid) if self.uid else None
        info = self.info
        if info is None:
            self.setWindowTitle(self.tr("New complaint"))
            self.header.setText(self.tr("New complaint"))
            self.deadline_label.setText(self.tr("The deadline is computed from the time received and the category."))
            self.received_at.setDateTime(_qdt(None))
        else:
            self.setWindowTitle(self.tr("Complaint {no}").format(no=info.complaint_no))
            self.header.setText(f"{info.complaint_no}　{info.status}　{info.target}")
            self._load_intake(info)
        self._load_verification(info)
        self._load_notification(info)
        self._show_deadline()
        self._show_class()
        self._enable()

    def _load_intake(self, info: ComplaintInfo) -> None:
        self.received_at.setDateTime(_qdt(info.received_at))
        self.source.setCurrentText(info.source)
        self.source_ref.setText(info.source_ref)
        self.anonymous.setChecked(info.anonymous)
        self.complainant_name.setText("" if info.anonymous else info.complainant_name)
        self.complainant_contact.setText(info.complainant_contact)
        self._set_unit(info.unit_uid, f"{info.unit_name}（{info.unit_address}）" if info.unit_address else info.unit_name)
        self.reported_name.setText(info.reported_name)
        self.reported_address.setText(info.reported_address)
        self.content.setPlainText(info.content)
        self.category.setCurrentText(info.category)

    def _load_verification(self, info: ComplaintInfo | None) -> None:
        self.verified_at.setDateTime(_qdt(info.verified_at if info else None))
        self.inspection.clear()
        self.inspection.addItem(self.tr("(none)"), None)
        if info is not None:
            for choice in complaint_queries.linkable_inspections(self.ctx, info.uid):
                self.inspection.addItem(f"{choice.record_no}  {choice.started_at:%Y-%m-%d %H:%M}  {choice.unit_name}",
                                        choice.uid)
            if info.inspection_uid and self.inspection.findData(info.inspection_uid) < 0:
                self.inspection.addItem(info.inspection_no, info.inspection_uid)
            self.inspection.setCurrentIndex(max(0, self.inspection.findData(info.inspection_uid)))
        self.officer_list.clear()
        chosen = set(info.officer_uids) if info else set()
        staff = sorted(officers.list_officers(self.ctx), key=lambda p: (not p.can_enforce, p.role, p.name))
        for person in staff:  # those who can act as enforcement officers first
            if not person.active or person.role not in (*officers.ENFORCER_ROLES, "协管员"):
                continue
            item = QListWidgetItem(f"{person.name}（{person.role}{'' if person.can_enforce or person.role == '协管员' else '，执法证无效'}）")
            item.setData(Qt.ItemDataRole.UserRole, person.uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.uid in chosen else Qt.CheckState.Unchecked)
            self.officer_list.addItem(item)
        if info is not None and info.result:
            self.result.setCurrentText(info.result)
            self.handling.setCurrentText(info.handling)
        self.doc_no.setText(info.doc_no if info else "")
        self.findings.setPlainText(info.findings if info else "")

    def _load_notification(self, info: ComplaintInfo | None) -> None:
        self.notified_at.setDateTime(_qdt(info.notified_at if info else None))
        unable = bool(info and info.unable_reason) or bool(info and info.anonymous and not info.notified_at)
        (self.unable if unable else self.told).setChecked(True)
        if info is not None:
            if info.notify_method:
                self.method.setCurrentText(info.notify_method)
            self.notify_note.setText(info.notify_note)
            reason = info.unable_reason or ("匿名举报，未留联系方式" if info.anonymous else "")
            self.unable_reason.setCurrentText(reason)
        self._notify_mode()

    def _enable(self) -> None:
        info, edit = self.info, self.can_edit
        status = info.status if info else ""
        open_ = status != "已办结"
        masked = info is not None and not self.sees_identity  # who complained stays as it is for this role
        for w in self.intake_widgets:
            w.setEnabled(edit and open_)
        for w in (self.anonymous, self.complainant_name, self.complainant_contact):
            w.setEnabled(edit and open_ and not masked)
        self.identity_note.setVisible(bool(info and info.identity_masked))
        self._anonymous_toggled(self.anonymous.isChecked())
        verify_ok = edit and info is not None and status in ("待核查", "已核查")
        for w in self.verify_widgets:
            w.setEnabled(verify_ok)
        notify_ok = edit and status in ("已核查", "已告知")
        for w in self.notify_widgets:
            w.setEnabled(notify_ok)
        if notify_ok:
            self._notify_mode()
        self.tabs.setTabEnabled(1, info is not None)
        self.tabs.setTabEnabled(2, info is not None and status != "待核查")
        self.save_button.setVisible(edit and open_)
        self.close_case_button.setVisible(edit and info is not None and open_)
        self.close_case_button.setEnabled(status == "已告知")
        self.close_case_button.setToolTip("" if status == "已告知" else self.tr(
            "Close the case after the verification and the notification (or the reason) are recorded"))

    def _set_unit(self, uid: str | None, name: str) -> None:
        self.unit_uid = uid
        self.unit_label.setText(name or self.tr("(not in the register)"))

    def _anonymous_toggled(self, on: bool) -> None:
        masked = self.info is not None and not self.sees_identity
        for w in (self.complainant_name, self.complainant_contact):
            w.setEnabled(self.can_edit and not on and not masked and (self.info is None or self.info.status != "已办结"))
        if on and not masked:
            self.complainant_name.clear()
            self.complainant_contact.clear()

    def _notify_mode(self) -> None:
        told = self.told.isChecked()
        enabled = self.can_edit and bool(self.info) and self.info.status in ("已核查", "已告知")
        for w in (self.notified_at, self.method, self.notify_note):
            w.setEnabled(enabled and told)
        self.unable_reason.setEnabled(enabled and not told)

    def _show_class(self) -> None:
        urgent = complaints.CATEGORIES.get(self.category.currentText(), False)
        self.class_label.setText(self.tr("24 hours (counted in hours from receipt)") if urgent
                                 else self.tr("3 working days"))

    def _show_deadline(self) -> None:
        info = self.info
        if info is None:
            return
        text = self.tr("Verify by {due} — {rule}").format(due=info.due_text, rule=info.deadline_rule)
        if info.overdue:
            text += "　" + self.tr("OVERDUE by {n} h").format(n=info.hours_overdue)
            self.deadline_label.setStyleSheet("color: #b03a2e; font-weight: bold;")
        else:
            self.deadline_label.setStyleSheet("")
            if info.verified_late:
                text += "　" + self.tr("(verified after the deadline)")
        for warning in info.warnings:
            text += "\n" + warning
        self.deadline_label.setText(text)

    # --- actions -------------------------------------------------------------------------------------------
    def choose_unit(self) -> None:
        chosen = pick_units(self.ctx, self, self.tr("Reported unit"))
        if chosen:
            uid = next(iter(chosen))
            self._set_unit(uid, chosen[uid])

    def intake_input(self) -> ComplaintInput:
        return ComplaintInput(
            received_at=self.received_at.dateTime().toPython(), source=self.source.currentText(),
            content=self.content.toPlainText(), category=self.category.currentText(),
            anonymous=self.anonymous.isChecked(), complainant_name=self.complainant_name.text(),
            complainant_contact=self.complainant_contact.text(), unit_uid=self.unit_uid,
            reported_name=self.reported_name.text(), reported_address=self.reported_address.text(),
            source_ref=self.source_ref.text())

    def verification_input(self) -> VerificationInput:
        checked = tuple(self.officer_list.item(i).data(Qt.ItemDataRole.UserRole)
                        for i in range(self.officer_list.count())
                        if self.officer_list.item(i).checkState() == Qt.CheckState.Checked)
        return VerificationInput(
            verified_at=self.verified_at.dateTime().toPython(), result=self.result.currentText(),
            findings=self.findings.toPlainText(), officer_uids=checked, handling=self.handling.currentText(),
            doc_no=self.doc_no.text(), inspection_uid=self.inspection.currentData())

    def notification_input(self) -> NotificationInput:
        if self.told.isChecked():
            return NotificationInput(notified_at=self.notified_at.dateTime().toPython(),
                                     method=self.method.currentText(), note=self.notify_note.text())
        return NotificationInput(unable_reason=self.unable_reason.currentText())

    def save(self) -> bool:
        """Record the tab in front; True when the service accepted it."""
        tab = TABS[self.tabs.currentIndex()]
        try:
            if tab == "intake":
                if self.uid is None:
                    self.uid = complaints.register_complaint(self.ctx, self.intake_input()).uid
                else:
                    complaints.update_complaint(self.ctx, self.uid, self.intake_input())
            elif tab == "verify":
                complaints.record_verification(self.ctx, self.uid, self.verification_input())
            else:
                complaints.record_notification(self.ctx, self.uid, self.notification_input())
        except ServiceError as error:
            self._refused(error)
            return False
        self.error.clear()
        self.changed.emit()
        self.reload()
        self.show_tab(self._default_tab() if tab != "intake" else "intake")
        return True

    def close_case(self) -> bool:
        try:
            complaints.close_complaint(self.ctx, self.uid)
        except ServiceError as error:
            self._refused(error)
            return False
        self.error.clear()
        self.changed.emit()
        self.reload()
        return True

    def _refused(self, error: ServiceError) -> None:
        self.error.setText(str(error))
        if isinstance(error, ValidationError):
            widget = self._field_widget(error.field)
            if widget is not None and widget.isEnabled():
                widget.setFocus()

    def _field_widget(self, field: str) -> QWidget | None:
        return {"受理时间": self.received_at, "来源": self.source, "举报人": self.complainant_name,
                "被举报单位": self.reported_name, "举报内容": self.content, "类别": self.category,
                "核查时间": self.verified_at, "核查人员": self.officer_list, "核查结果": self.result,
                "核查情况": self.findings, "处理": self.handling, "文书号": self.doc_no,
                "检查记录": self.inspection, "告知时间": self.notified_at, "告知方式": self.method,
                "无法告知原因": self.unable_reason}.get(field)
