"""Invite units to a session: by register filters and training history (with a live count), or from the
generated proposals (penalised this year, overdue hazards, repeat hazards)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import training_invite, training_proposals, unit_query
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.training_invite import HISTORY, PERSONS, InviteFilter
from fireoffice.services.unit_query import ANY_NINE_SMALL, FLAGS, UnitQuery
from fireoffice.ui.errors import show_service_error

PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1


class InviteDialog(QDialog):
    """Emits `invited(InviteResult)` after each successful invitation."""

    invited = Signal(object)

    def __init__(self, ctx: ServiceContext, session_uid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.session_uid = ctx, session_uid
        self.setWindowTitle(self.tr("Invite units"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Invite for each unit:")))
        self.persons = QComboBox()
        for key, label in PERSONS.items():
            self.persons.addItem(label, key)
        row.addWidget(self.persons)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._filters_tab(), self.tr("By filters"))
        self.tabs.addTab(self._proposals_tab(), self.tr("Proposals"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._count_timer = QTimer(self, singleShot=True, interval=120)
        self._count_timer.timeout.connect(self.update_count)
        self.update_count()
        self.load_proposals()

    # --- by filters --------------------------------------------------------------------------------------
    def _filters_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        options = unit_query.filter_options(self.ctx)
        self._grids = options.grids
        self.category = QComboBox()
        for text, data in [(self.tr("All categories"), None), (self.tr("Key units (重点单位)"), ("key", True)),
                           (self.tr("All nine-small venues"), ("nine", ANY_NINE_SMALL)),
                           *[(t, ("nine", t)) for t in options.nine_small_types],
                           *[(label, ("flag", key)) for key, label in FLAGS.items() if key != "is_key_unit"]]:
            self.category.addItem(text, data)
        self.village = QComboBox()
        self.village.addItem(self.tr("All villages"), None)
        for vid, name in options.villages:
            self.village.addItem(name, vid)
        self.grid = QComboBox()
        self.history = QComboBox()
        for key, label in HISTORY.items():
            self.history.addItem(label, key)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Village/community"), self.village)
        form.addRow(self.tr("Grid"), self.grid)
        form.addRow(self.tr("Training history"), self.history)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: bold;")
        form.addRow("", self.count_label)
        self.invite_filtered_button = QPushButton(self.tr("Invite all matching units"))
        self.invite_filtered_button.setObjectName("primary")
        self.invite_filtered_button.clicked.connect(self.invite_filtered)
        form.addRow("", self.invite_filtered_button)
        self._fill_grids()
        self.village.currentIndexChanged.connect(self._fill_grids)
        for combo in (self.category, self.village, self.grid, self.history):
            combo.currentIndexChanged.connect(lambda _i: self._count_timer.start())
        return page

    def _fill_grids(self) -> None:
        village = self.village.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("All grids"), None)
        for gid, vid, name in self._grids:
            if village is None or vid == village:
                self.grid.addItem(name, gid)
        self.grid.blockSignals(False)

    def current_filter(self) -> InviteFilter:
        q = UnitQuery(village_id=self.village.currentData(), grid_id=self.grid.currentData())
        category = self.category.currentData()
        if category:
            kind, value = category
            q = replace(q, key_unit=True) if kind == "key" else (
                replace(q, nine_small_type=value) if kind == "nine" else replace(q, flags=(value,)))
        return InviteFilter(units=q, history=self.history.currentData() or "")

    def update_count(self) -> None:
        n = training_invite.count_candidates(self.ctx, self.current_filter())
        self.count_label.setText(self.tr("{n} units match").format(n=f"{n:,}"))
        self.invite_filtered_button.setEnabled(n > 0)

    def invite_filtered(self) -> None:
        self._run(lambda: training_invite.invite_by_filter(self.ctx, self.session_uid, self.current_filter(),
                                                           self.persons.currentData()))

    # --- proposals ---------------------------------------------------------------------------------------
    def _proposals_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Unit"), self.tr("Reason"), self.tr("Hazards")])
        self.tree.setColumnWidth(0, 280)
        self.tree.setColumnWidth(1, 330)
        box.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.select_all_button = QPushButton(self.tr("Tick all not yet invited"))
        self.select_all_button.clicked.connect(self.tick_all)
        self.invite_selected_button = QPushButton(self.tr("Invite ticked units"))
        self.invite_selected_button.setObjectName("primary")
        self.invite_selected_button.clicked.connect(self.invite_ticked)
        row.addWidget(self.select_all_button)
        row.addStretch(1)
        row.addWidget(self.invite_selected_button)
        box.addLayout(row)
        return page

    def load_proposals(self) -> None:
        self.tree.clear()
        for plist in training_proposals.proposals(self.ctx, self.session_uid):
            top = QTreeWidgetItem([self.tr("{title} ({n})").format(title=plist.title, n=len(plist.items)), plist.basis])
            top.setToolTip(1, plist.basis)
            self.tree.addTopLevelItem(top)
            for p in plist.items:
                child = QTreeWidgetItem([p.unit_name + (self.tr(" (invited)") if p.invited else ""), p.reason,
                                         "、".join(p.hazard_nos)])
                child.setToolTip(1, p.reason)
                child.setData(0, PROPOSAL_ROLE, p)
                if p.invited:
                    child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                else:
                    child.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(child)
            top.setExpanded(bool(plist.items) and len(plist.items) <= 50)

    def _children(self):
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                yield top.child(j)

    def tick_all(self) -> None:
        for child in self._children():
            if child.flags() & Qt.ItemFlag.ItemIsEnabled:
                child.setCheckState(0, Qt.CheckState.Checked)

    def invite_ticked(self) -> None:
        reasons: dict[str, tuple[str, tuple[int, ...]]] = {}
        for child in self._children():
            if child.checkState(0) == Qt.CheckState.Checked:
                p = child.data(0, PROPOSAL_ROLE)
                old_reason, old_ids = reasons.get(p.unit_uid, ("", ()))
                reasons[p.unit_uid] = ("；".join(x for x in (old_reason, p.reason) if x), old_ids + p.hazard_ids)
        self._run(lambda: training_invite.invite_units(self.ctx, self.session_uid, list(reasons),
                                                       self.persons.currentData(), reasons))

    def _run(self, action) -> None:
        try:
            result = action()
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.invited.emit(result)
        QMessageBox.information(self, self.tr("Invite units"), result.text())
        self.load_proposals()
        self.update_count()
