"""培训约谈: sessions (training, 约谈, drills, films, publicity) with invitations, attendance and printouts; and
the statistics of 场次, 人次 and coverage."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import station, training
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.training_session_dialog import SessionDialog
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.training_sessions import SessionTableModel
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.pages.training_detail import SessionDetail
from fireoffice.ui.pages.training_stats_tab import StatsTab
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.list_helpers import record_table

SESSION_WIDTHS = [92, 82, 96, 190, 44, 44, 52, 56]


class TrainingPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Training & interviews"),
                         self.tr("Training sessions, interviews (约谈), drills, warning films and publicity"), parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._sessions_tab(), self.tr("Sessions"))
        self.stats = StatsTab(state.ctx, self)
        self.tabs.addTab(self.stats, self.tr("Statistics"))
        self.tabs.currentChanged.connect(lambda i: self.stats.refresh() if i == 1 else None)
        self.layout_.addWidget(self.tabs, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.load)
        self._dirty = True
        state.changed.connect(self._on_changed)

    def _sessions_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        self.year = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All types"), None)
        for k in training.KINDS:
            self.kind.addItem(k, k)
        self.search = QLineEdit(placeholderText=self.tr("Search topic, number, place, trainer"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.new_button = QPushButton(self.tr("New  Ctrl+N"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_session)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_session)
        self.cancel_button = QPushButton(self.tr("Cancel session…"))
        self.cancel_button.clicked.connect(self.cancel_session)
        for w in (self.year, self.kind):
            w.currentIndexChanged.connect(self.load)
            row.addWidget(w)
        row.addWidget(self.search, 1)
        self.can_edit = allowed(self.state.ctx, "training.edit")
        for w in (self.new_button, self.edit_button, self.cancel_button):
            w.setEnabled(self.can_edit)
            w.setVisible(self.can_edit)  # the service refuses it anyway
            row.addWidget(w)
        box.addLayout(row)
        self.count_label = QLabel()
        box.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = SessionTableModel(self)
        self.view = record_table(self.model, SESSION_WIDTHS)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show(cur.row()))
        self.view.doubleClicked.connect(lambda _i: self.edit_session())
        splitter.addWidget(self.view)
        self.detail = SessionDetail(self.state, self)
        self.detail.changed.connect(self._session_changed)
        splitter.addWidget(self.detail)
        splitter.setSizes([640, 700])
        box.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_session)
        return page

    # --- loading -----------------------------------------------------------------------------------------
    def _fill_years(self) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for y in training.years(self.state.ctx):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(current if current else date.today().year)))
        self.year.blockSignals(False)

    def load(self, keep_uid: str | None = None) -> None:
        keep_uid = keep_uid if isinstance(keep_uid, str) else self.current_uid()
        rows = training.list_sessions(self.state.ctx, year=self.year.currentData(), kind=self.kind.currentData(),
                                      text=self.search.text())
        self.model.set_rows(rows)
        held = sum(1 for r in rows if not r.cancelled and r.held_on <= date.today())
        self.count_label.setText(self.tr("{n} sessions, {held} held, {people} attendances").format(
            n=len(rows), held=held, people=f"{sum(r.people for r in rows if not r.cancelled):,}"))
        row = self.model.row_of(keep_uid) if keep_uid else -1
        self.select_row(row if row >= 0 else 0)

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.detail.show_session(None)
            return
        index = self.model.index(max(0, min(row, self.model.rowCount() - 1)), 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show(index.row())

    def _show(self, row: int) -> None:
        info = self.model.row_at(row)
        if info is None or (self.detail.info is not None and self.detail.info == info):
            return
        self.detail.show_session(info)

    def current_uid(self) -> str | None:
        info = self.model.row_at(self.view.currentIndex().row())
        return info.uid if info else None

    def refresh(self) -> None:
        if self._dirty:
            self._fill_years()
            self.load()
            self._dirty = False
        if self.tabs.currentIndex() == 1:
            self.stats.refresh()

    def _on_changed(self, what: str) -> None:
        if what in ("training", "units", "database", "station", "hazards"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def _session_changed(self, uid: str) -> None:
        self.model.replace_rows([training.get_session(self.state.ctx, uid)])

    # --- actions -----------------------------------------------------------------------------------------
    def new_session(self) -> None:
        if not self.can_edit:
            return
        info = station.get_station(self.state.ctx)
        dialog = SessionDialog(self.state.ctx, None, self, organizer=info.name if info else "")
        dialog.saved.connect(self._saved)
        dialog.exec()

    def edit_session(self) -> None:
        uid = self.current_uid()
        if not uid or not self.can_edit:
            return
        dialog = SessionDialog(self.state.ctx, training.get_session(self.state.ctx, uid), self)
        dialog.saved.connect(self._saved)
        dialog.exec()

    def _saved(self, uid: str) -> None:
        self._fill_years()
        year = training.get_session(self.state.ctx, uid).held_on.year
        if self.year.currentData() not in (None, year):  # show the session just saved
            self.year.blockSignals(True)
            self.year.setCurrentIndex(max(0, self.year.findData(year)))
            self.year.blockSignals(False)
        self.detail.info = None
        self.load(uid)
        self.state.changed.emit("training")

    def cancel_session(self) -> None:
        uid = self.current_uid()
        if not uid:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel session"), self.tr("Reason for cancelling:"))
        if not ok:
            return
        try:
            training.cancel_session(self.state.ctx, uid, reason)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.detail.info = None
        self.load(uid)
        self.state.changed.emit("training")
