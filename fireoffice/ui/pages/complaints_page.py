"""举报投诉: the complaints register — status tabs with counts, category and time-limit filters, search, overdue
rows in red, and the complaint dialog for intake, verification and notification (Ctrl+N new, Enter opens)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)

from fireoffice.services import complaint_queries, complaints
from fireoffice.services.complaint_queries import ComplaintFilter
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.complaint_dialog import ComplaintDialog
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.complaint_models import ComplaintTableModel
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.list_helpers import (
    finish_filter_row,
    open_on_enter,
    record_table,
    reset_combos,
    search_shortcut,
)

COLUMN_WIDTHS = [100, 118, 56, 80, 200, 200, 84, 118, 80, 60, 70, 90]
# (key, label source or None for the status's own name, filter)
TABS = [("open", QT_TRANSLATE_NOOP("ComplaintsPage", "Open complaints"), ComplaintFilter(status="open")),
        *[(s, None, ComplaintFilter(status=s)) for s in complaints.OPEN_STATUSES],
        ("逾期", QT_TRANSLATE_NOOP("ComplaintsPage", "Overdue"), ComplaintFilter(overdue_only=True)),
        ("已办结", None, ComplaintFilter(status="已办结")),
        ("all", QT_TRANSLATE_NOOP("ComplaintsPage", "All complaints"), ComplaintFilter())]


class ComplaintsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Complaints"), self.tr(
            "举报投诉: verify within 24 hours (blocked exits, disabled fire facilities) or 3 working days, "
            "then tell the complainant; red rows are overdue"), parent)
        self.can_view = allowed(state.ctx, "complaints.view")
        self.can_edit = allowed(state.ctx, "complaints.edit")
        self.model = ComplaintTableModel(state.ctx, self)
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
        if not self.can_view:
            for w in (self.tabs, self.view, self.search, self.category, self.time_limit, self.open_button):
                w.setEnabled(False)
            self.count_label.setText(self.tr("Your role may not see the complaints register."))

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        self.search = QLineEdit(placeholderText=self.tr("Search number, unit, address or content  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        row.addWidget(self.search, 3)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for c in complaints.CATEGORIES:
            self.category.addItem(c, c)
        self.time_limit = QComboBox()
        self.time_limit.addItem(self.tr("Any time limit"), None)
        self.time_limit.addItem(complaints.URGENT_CLASS, True)
        self.time_limit.addItem(complaints.NORMAL_CLASS, False)
        finish_filter_row(row, (self.category, self.time_limit), self.apply_filters, self.clear_filters)
        self.layout_.addLayout(row)

    def _build_actions(self) -> None:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New complaint  Ctrl+N"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_complaint)
        self.open_button = QPushButton(self.tr("Open  Enter"))
        self.open_button.clicked.connect(self.open_current)
        self.verify_button = QPushButton(self.tr("Record verification…"))
        self.verify_button.clicked.connect(lambda: self.open_current("verify"))
        self.notify_button = QPushButton(self.tr("Record notification…"))
        self.notify_button.clicked.connect(lambda: self.open_current("notify"))
        for b in (self.new_button, self.open_button, self.verify_button, self.notify_button):
            row.addWidget(b)
        for b in (self.new_button, self.verify_button, self.notify_button):
            b.setVisible(self.can_edit)  # hidden, not just disabled: this role never records complaints
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        self.layout_.addLayout(row)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_complaint)

    def _build_table(self) -> None:
        self.view = record_table(self.model, COLUMN_WIDTHS, sort=(1, Qt.SortOrder.DescendingOrder))
        self.view.doubleClicked.connect(lambda index: self.open_complaint(self.model.uid_at(index.row())))
        self.layout_.addWidget(self.view, 1)
        search_shortcut(self, self.search)
        open_on_enter(self.view, self.open_current)

    # --- filters ---------------------------------------------------------------------------------------
    def _label_tabs(self) -> None:
        counts = complaint_queries.complaint_counts(self.state.ctx)
        for n, (key, label, _f) in enumerate(TABS):
            text = QCoreApplication.translate("ComplaintsPage", label) if label else key
            self.tabs.setTabText(n, f"{text}  {counts.get(key, 0):,}")
        self.tabs.setTabTextColor(next(n for n, t in enumerate(TABS) if t[0] == "逾期"), Qt.GlobalColor.darkRed)

    def current_filter(self) -> ComplaintFilter:
        base = TABS[max(0, self.tabs.currentIndex())][2]
        return replace(base, text=self.search.text(), category=self.category.currentData(),
                       urgent=self.time_limit.currentData())

    def apply_filters(self) -> None:
        if not self.can_view:
            return
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("{n} complaints").format(n=f"{self.model.total:,}"))

    def clear_filters(self) -> None:
        reset_combos((self.category, self.time_limit))
        self.search.clear()
        self.apply_filters()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(next(n for n, t in enumerate(TABS) if t[0] == key))

    def refresh(self) -> None:
        if self._dirty and self.can_view:
            self._label_tabs()
            self.apply_filters()
            self._dirty = False

    def _on_changed(self, what: str) -> None:
        if what in ("complaints", "inspections", "database", "units"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    # --- actions ---------------------------------------------------------------------------------------
    def open_current(self, tab: str | None = None) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_complaint(self.model.uid_at(index.row()), tab)

    def new_complaint(self) -> None:
        if self.can_edit:
            self.open_complaint(None)

    def open_complaint(self, uid: str | None, tab: str | None = None) -> ComplaintDialog | None:
        if uid is None and not self.can_edit:
            return None
        try:
            dialog = ComplaintDialog(self.state.ctx, uid, self, tab)
        except ServiceError as error:
            show_service_error(self, error)
            return None
        dialog.changed.connect(lambda: self.state.changed.emit("complaints"))
        self.last_dialog = dialog
        dialog.exec()
        return dialog
