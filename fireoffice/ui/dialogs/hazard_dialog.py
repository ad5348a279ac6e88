"""One hazard: its details, the events timeline, extensions, photos and the 重大 record — and the closed-loop
actions, each enabled only where the state machine allows it (the service's reason as the tooltip otherwise)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import hazard_flow, hazards, major_hazards, photos
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.hazard_actions import ACTIONS, Action, HazardActions
from fireoffice.ui.dialogs.photo_viewer import PhotoStrip
from fireoffice.ui.errors import show_service_error


def _table(headers: list[str], rows: list[tuple], widths: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    for c, width in enumerate(widths):
        table.setColumnWidth(c, width)
    return table


class HazardDialog(QDialog):
    changed = Signal()  # an action was recorded: the ledger and home page refresh

    def __init__(self, ctx: ServiceContext, uid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.uid = ctx, uid
        self.actions = HazardActions(ctx, self)
        self.resize(980, 700)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for n, action in enumerate(ACTIONS):
            button = QPushButton(QCoreApplication.translate("HazardActions", action.label))
            button.clicked.connect(lambda _c=False, a=action: self.run(a))
            grid.addWidget(button, n // 7, n % 7)
            self.buttons[action.key] = button
        layout.addLayout(grid)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.record_button = close.addButton(self.tr("Open the inspection record"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.clicked.connect(self.open_record)
        layout.addWidget(close)
        self.load()

    def load(self) -> None:
        h = self.info = hazards.get_hazard(self.ctx, self.uid)
        self.setWindowTitle(self.tr("Hazard {no}").format(no=h.hazard_no))
        late = self.tr("  — {n} days overdue").format(n=h.days_overdue) if h.overdue else ""
        self.header.setText(f"{h.hazard_no}  {h.unit_name}  ·  {h.state}{late}")
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold;" + (" color: #b03a2e;" if h.overdue else ""))
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [
            (self.tr("Description"), f"{h.location}：{h.description}"),
            (self.tr("Category / level"), f"{h.category} · {h.severity}" + (f"（{h.major_stage}）" if h.major_stage else "")),
            (self.tr("Found"), f"{h.found_on} · {h.source}"),
            (self.tr("Legal basis"), h.legal_basis),
            (self.tr("Handling"), h.handling),
            (self.tr("Deadline"), f"{h.deadline}（{h.deadline_rule}）"),
            (self.tr("Notice to serve by"), str(h.notice_due or "")),
            (self.tr("Recheck due"), str(h.recheck_due or "")),
            (self.tr("Escalation"), h.escalation),
            (self.tr("Closed"), f"{h.closed_on} · {h.close_basis}" if h.closed_on else ""),
        ]
        for label, text in rows:
            if text:
                value = QLabel(text)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.form.addRow(label, value)
        self._fill_tabs(h)
        for action in ACTIONS:
            self._enable(self.buttons[action.key], action, h)
        self.record_button.setVisible(h.inspection_uid is not None)
        visible_major = bool(h.major_stage) or h.severity == "重大"
        for key in ("determine", "report", "supervise", "close_case"):
            self.buttons[key].setVisible(visible_major)

    def _fill_tabs(self, h) -> None:
        current = self.tabs.currentIndex()
        self.tabs.clear()
        events = hazards.hazard_events(self.ctx, self.uid)
        self.events = _table([self.tr("Date"), self.tr("Action"), self.tr("From state"), self.tr("To state"), self.tr("By"),
                              self.tr("Note")], [(e.on_day, e.action, e.from_state, e.to_state, e.actor, e.note)
                                                 for e in events], (96, 90, 80, 80, 90))
        self.tabs.addTab(self.events, self.tr("Timeline ({n})").format(n=len(events)))
        ext = hazard_flow.list_extensions(self.ctx, self.uid)
        self.tabs.addTab(_table([self.tr("Applied"), self.tr("Requested"), self.tr("Decide by"), self.tr("Decision"),
                                 self.tr("New deadline"), self.tr("Reason")],
                                [(e.applied_on, e.requested_deadline, e.decision_due, e.decision, e.new_deadline,
                                  e.reason) for e in ext], (96, 96, 96, 70, 96)),
                         self.tr("Extensions ({n})").format(n=len(ext)))
        gallery = photos.hazard_gallery(self.ctx, self.uid)
        self.photo_strip = PhotoStrip(self.ctx)
        self.photo_strip.set_photos(gallery)
        host = QWidget()
        box = QVBoxLayout(host)
        before = sum(1 for p in gallery if photos.PHASE_ORDER.get(p.phase) == 0)
        hint = QLabel(self.tr("{before} before, {after} after rectification. Double-click or Enter: full size "
                              "(the SHA-256 recorded when the photo was added is checked).").format(
            before=before, after=len(gallery) - before))
        hint.setObjectName("pageSubtitle")
        box.addWidget(hint)
        if not all(self.photo_strip.intact):
            alarm = QLabel(self.tr("Warning: {n} photo(s) no longer match the SHA-256 recorded when they were added "
                                   "— they may have been changed and cannot serve as evidence.").format(
                n=self.photo_strip.intact.count(False)))
            alarm.setWordWrap(True)
            alarm.setStyleSheet("color: #b03a2e; font-weight: bold;")
            box.addWidget(alarm)
        box.addWidget(self.photo_strip, 1)
        self.tabs.addTab(host, self.tr("Photos ({n})").format(n=len(gallery)))
        if h.major_stage or h.severity == "重大":
            m = major_hazards.major_info(self.ctx, self.uid)
            rows = [(self.tr("Stage"), m.stage), (self.tr("Conclusion"), m.conclusion),
                    (self.tr("Form"), f"{m.mode} {m.participant_count}" if m.mode else ""),
                    (self.tr("Agreeing"), str(m.votes_for) if m.mode else ""),
                    (self.tr("Concluded"), m.concluded_on), (self.tr("Reported"), f"{m.reported_on or ''} {m.report_doc_no}"),
                    (self.tr("Supervised"), f"{m.supervised_on or ''} {m.supervisor}"),
                    (self.tr("Case closed"), m.case_closed_on)]
            self.tabs.addTab(_table([self.tr("Field"), self.tr("Value")], rows, (140,)), self.tr("Major hazard"))
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))

    def open_record(self) -> None:
        from fireoffice.ui.dialogs.inspection_view import InspectionView  # it opens hazards too: import late

        InspectionView(self.ctx, self.info.inspection_uid, self).exec()

    def _enable(self, button: QPushButton, action: Action, h) -> None:
        if not allowed(self.ctx, action.permission):
            button.setEnabled(False)
            button.setToolTip(self.tr("Your role may not do this."))
            return
        reason = self.actions.refusal(action, h)
        button.setEnabled(reason is None)
        button.setToolTip(reason or "")

    def run(self, action: Action) -> bool:
        """Run one step; the service refuses what the state (perhaps changed meanwhile) does not allow."""
        try:
            done = getattr(self.actions, action.key)(self.info)
        except ServiceError as error:
            show_service_error(self, error)
            done = None
        try:
            self.load()
        except ServiceError as error:
            show_service_error(self, error)
        if done:
            self.changed.emit()
        return bool(done)
