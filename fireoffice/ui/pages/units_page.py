"""单位台账: the register — quick search and filters in SQL, a paged table, the unit form, import and export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from fireoffice.services import unit_export, unit_query, units
from fireoffice.services.errors import ServiceError
from fireoffice.services.permissions import allowed
from fireoffice.services.unit_query import ANY_NINE_SMALL, FLAGS, UnitQuery
from fireoffice.ui.dialogs.unit_dialog import UnitDialog, ask_archive_reason
from fireoffice.ui.errors import show_service_error, show_task_error
from fireoffice.ui.models.unit_table import BLOCK, UnitTableModel
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.export_task import export_xlsx
from fireoffice.ui.widgets.list_helpers import finish_filter_row, open_on_enter, refill_combo, reset_combos

SEARCH_DELAY_MS = 150
COLUMN_WIDTHS = [230, 230, 165, 70, 105, 60, 95, 105, 105, 125, 60, 60, 90]


class UnitsPage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Unit register"), "", parent)
        self.subtitle_label.setVisible(True)
        self.model = UnitTableModel(state.ctx, self)
        self._build_filters()
        self._build_actions()
        self._build_table()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._dirty = True
        state.changed.connect(self._on_changed)

    # --- layout ----------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr(
            "Search name, address, credit code, person, phone or pinyin (e.g. hgd)  Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        row.addWidget(self.search, 3)
        self.category = QComboBox()
        self.village = QComboBox()
        self.grid = QComboBox()
        self.risk = QComboBox()
        self.status = QComboBox()
        for combo in (self.category, self.village, self.grid, self.risk, self.status):
            combo.currentIndexChanged.connect(self.apply_filters)
            row.addWidget(combo, 1)
        self.village.currentIndexChanged.connect(self._fill_grids)
        self.archived = QCheckBox(self.tr("Archived"))
        self.archived.setToolTip(self.tr("Show archived units instead of the active register"))
        self.archived.toggled.connect(self.apply_filters)
        row.addWidget(self.archived)
        finish_filter_row(row, (), self.apply_filters, self.clear_filters)
        self.layout_.addLayout(row)

    def _build_actions(self) -> None:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New unit  Ctrl+N"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_unit)
        self.open_button = QPushButton(self.tr("Open  Enter"))
        self.open_button.clicked.connect(self.open_current)
        self.archive_button = QPushButton(self.tr("Archive…"))
        self.archive_button.clicked.connect(self.archive_current)
        self.import_button = QPushButton(self.tr("Import Excel…"))
        self.import_button.clicked.connect(self.import_excel)
        self.export_button = QPushButton(self.tr("Export Excel…"))
        self.export_button.clicked.connect(self.export_excel)
        self.template_button = QPushButton(self.tr("Import template…"))
        self.template_button.clicked.connect(self.save_template)
        for button in (self.new_button, self.open_button, self.archive_button):
            row.addWidget(button)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        for button in (self.import_button, self.export_button, self.template_button):
            row.addWidget(button)
        self.layout_.addLayout(row)
        # The UI hides what the role may not do (the services refuse it anyway).
        ctx = self.state.ctx
        self.new_button.setVisible(allowed(ctx, "units.edit"))
        self.archive_button.setVisible(allowed(ctx, "units.archive"))
        self.import_button.setVisible(allowed(ctx, "units.import"))
        self.template_button.setVisible(allowed(ctx, "units.import"))
        self.export_button.setVisible(allowed(ctx, "export"))

    def _build_table(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no per-row measuring
        vertical.setDefaultSectionSize(26)
        vertical.setVisible(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.layout_.addWidget(self.view, 1)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_unit)
        open_on_enter(self.view, self.open_current)

    # --- filters ---------------------------------------------------------------------------------
    def _fill_combos(self) -> None:
        options = unit_query.filter_options(self.state.ctx)
        self._options = options
        combos = {
            self.category: [(self.tr("All categories"), None), (self.tr("Key units (重点单位)"), ("key", True)),
                            (self.tr("All nine-small venues"), ("nine", ANY_NINE_SMALL)),
                            *[(t, ("nine", t)) for t in options.nine_small_types],
                            *[(label, ("flag", key)) for key, label in FLAGS.items() if key != "is_key_unit"]],
            self.village: [(self.tr("All villages"), None), *[(n, i) for i, n in options.villages]],
            self.risk: [(self.tr("All risk levels"), None), *[(r, r) for r in options.risk_levels]],
            self.status: [(self.tr("All statuses"), None), *[(s, s) for s in options.statuses]],
        }
        for combo, items in combos.items():
            refill_combo(combo, items)
        self._fill_grids()

    def _fill_grids(self) -> None:
        village = self.village.currentData()
        refill_combo(self.grid, ((name, gid) for gid, vid, name in self._options.grids
                                 if village is None or vid == village), self.tr("All grids"))

    def current_query(self) -> UnitQuery:
        q = UnitQuery(text=self.search.text(), village_id=self.village.currentData(),
                      grid_id=self.grid.currentData(), risk_level=self.risk.currentData(),
                      status=self.status.currentData(), archived_only=self.archived.isChecked(),
                      sort=self.model.query.sort, descending=self.model.query.descending, limit=BLOCK)
        category = self.category.currentData()
        if category:
            kind, value = category
            if kind == "key":
                q = replace(q, key_unit=True)
            elif kind == "nine":
                q = replace(q, nine_small_type=value)
            else:
                q = replace(q, flags=(value,))
        return q

    def apply_filters(self) -> None:
        query = self.current_query()
        self.model.set_query(query)
        self.count_label.setText(unit_query.counts(self.state.ctx, query, filtered=self.model.rowCount()).text())
        if self.model.rowCount():
            self.view.selectRow(0)

    def clear_filters(self) -> None:
        reset_combos((self.category, self.village, self.risk, self.status))
        self._fill_grids()
        self.grid.setCurrentIndex(0)
        self.archived.setChecked(False)
        self.search.clear()
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- refresh ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._dirty:
            self._fill_combos()
            self.apply_filters()
            self._dirty = False
        from fireoffice.services import station

        info = station.get_station(self.state.ctx)
        self.subtitle_label.setText(info.name if info else "")

    def _on_changed(self, what: str) -> None:
        if what in ("units", "database", "station"):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    # --- actions ---------------------------------------------------------------------------------
    def current_uid(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.uid_at(index.row()) if index.isValid() else None

    def open_row(self, row: int) -> None:
        uid = self.model.uid_at(row)
        if uid:
            self.open_unit(uid)

    def open_current(self) -> None:
        uid = self.current_uid()
        if uid:
            self.open_unit(uid)

    def open_unit(self, uid: str | None) -> None:
        dialog = UnitDialog(self.state.ctx, uid, self, self.state)
        dialog.saved.connect(lambda _uid: self.state.changed.emit("units"))
        dialog.open_other.connect(lambda other: QTimer.singleShot(0, lambda: self.open_unit(other)))
        dialog.exec()

    def new_unit(self) -> None:
        if not allowed(self.state.ctx, "units.edit"):
            return
        self.open_unit(None)

    def archive_current(self) -> None:
        uid = self.current_uid()
        if not uid:
            return
        try:
            if self.archived.isChecked():
                units.restore_unit(self.state.ctx, uid)
            else:
                reason = ask_archive_reason(self)
                if reason is None:
                    return
                units.archive_unit(self.state.ctx, uid, reason)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.state.changed.emit("units")

    def import_excel(self) -> None:
        from fireoffice.ui.dialogs.unit_import_dialog import run_import

        if run_import(self.state, self):
            self.state.changed.emit("units")

    def export_excel(self) -> None:
        query = self.current_query()
        export_xlsx(self, self.state.tasks, self.tr("Export the register"), f"列管单位台账-{date.today():%Y%m%d}.xlsx",
                    lambda path, progress: unit_export.export_units(self.state.ctx, path, query, progress=progress),
                    self.tr("Exporting the register…"), self.tr("{n} units written to\n{path}"))

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import template"),
                                              str(Path.home() / "列管单位导入模板.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            written = unit_export.write_import_template(self.state.ctx, path)
        except ServiceError as error:
            show_service_error(self, error)
            return
        QMessageBox.information(self, self.tr("Save the import template"),
                                self.tr("Template saved to\n{path}").format(path=written))

    def _task_error(self, error: BaseException) -> None:
        show_task_error(self, error)
