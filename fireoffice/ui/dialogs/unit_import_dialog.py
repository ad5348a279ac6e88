"""Excel import of units: column mapping, a dry-run preview listing every refused row, then the import.

Reading, checking and writing run off the UI thread with progress and Cancel; Cancel writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import unit_import
from fireoffice.services.errors import ServiceError
from fireoffice.services.unit_import import FileAnalysis, ImportReport
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.state import AppState

SPREADSHEETS = "*.xlsx *.xlsm *.xls *.ods"
MAX_LISTED = 2000  # refused rows listed in the dialog (the count is always exact)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class UnitImportDialog(QDialog):
    def __init__(self, state: AppState, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.path = state, path
        self.analysis: FileAnalysis | None = None
        self.report: ImportReport | None = None
        self.imported = 0
        self.setWindowTitle(self.tr("Import units from Excel"))
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        self.file_label = QLabel(Path(path).name)
        self.file_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.file_label)

        header_row = QHBoxLayout()
        header_row.addWidget(QLabel(self.tr("Header row:")))
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 1000)
        header_row.addWidget(self.header_spin)
        reread = QPushButton(self.tr("Read again"))
        reread.clicked.connect(lambda: self.analyse(self.header_spin.value()))
        header_row.addWidget(reread)
        header_row.addStretch(1)
        layout.addLayout(header_row)

        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header in the file"),
                                                      self.tr("Imported as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setColumnWidth(1, 260)
        self.mapping_table.verticalHeader().setVisible(False)
        layout.addWidget(self.mapping_table, 2)
        self.missing_label = QLabel()
        self.missing_label.setProperty("role", "error")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)

        options = QHBoxLayout()
        self.skip_radio = QRadioButton(self.tr("Skip units already in the register"))
        self.update_radio = QRadioButton(self.tr("Update them from the file"))
        self.skip_radio.setChecked(True)
        self.valid_only = QCheckBox(self.tr("Import only the valid rows"))
        self.valid_only.setToolTip(self.tr("By default one refused row blocks the whole import."))
        for widget in (self.skip_radio, self.update_radio, self.valid_only):
            options.addWidget(widget)
        options.addStretch(1)
        layout.addLayout(options)

        self.summary = QLabel(self.tr("Reading the file…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.errors_table = QTableWidget(0, 3)
        self.errors_table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"), self.tr("Problem")])
        self.errors_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors_table.verticalHeader().setVisible(False)
        layout.addWidget(self.errors_table, 2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = self.buttons.addButton(self.tr("Check (preview)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("primary")
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._set_busy(True)

    # --- analysis ----------------------------------------------------------------------------
    def analyse(self, header_row: int | None = None) -> None:
        self._set_busy(True)
        self.state.tasks.run(lambda _p: unit_import.analyse_file(self.path, header_row=header_row),
                             self.tr("Reading the file…"), on_done=self._analysed, on_error=self._failed,
                             parent=self, cancellable=False)

    def _analysed(self, analysis: FileAnalysis) -> None:
        self.analysis = analysis
        self.header_spin.setValue(analysis.header_row)
        fields = [("", self.tr("(not imported)")), *analysis.fields]
        self.mapping_table.setRowCount(len(analysis.headers))
        for col, header in enumerate(analysis.headers):
            self.mapping_table.setItem(col, 0, QTableWidgetItem(column_letter(col)))
            self.mapping_table.setItem(col, 1, QTableWidgetItem(header))
            combo = QComboBox()
            for key, label in fields:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(analysis.mapping.get(col, "")), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(col, 2, combo)
        self._mapping_changed()
        self.summary.setText(self.tr("Sheet “{sheet}”, header on row {row}, {n} data rows.").format(
            sheet=analysis.sheet_name, row=analysis.header_row, n=f"{analysis.data_rows:,}"))
        self._set_busy(False)
        self.run(dry_run=True)

    def mapping(self) -> dict[int, str | None]:
        return {col: (self.mapping_table.cellWidget(col, 2).currentData() or None)
                for col in range(self.mapping_table.rowCount())}

    def _mapping_changed(self) -> None:
        if self.analysis is None:
            return
        chosen = [k for k in self.mapping().values() if k]
        labels = dict(self.analysis.fields)
        duplicates = sorted({labels[k] for k in chosen if chosen.count(k) > 1})
        required = [labels[k] for k in unit_import.REQUIRED_KEYS if k not in chosen]
        problems = []
        if required:
            problems.append(self.tr("No column for the required field(s): {f}").format(f="、".join(required)))
        if duplicates:
            problems.append(self.tr("Several columns map to: {f}").format(f="、".join(duplicates)))
        self.missing_label.setText("；".join(problems))
        self.import_button.setEnabled(not problems)
        self.check_button.setEnabled(not problems)

    # --- dry run and import ------------------------------------------------------------------
    def run(self, dry_run: bool) -> None:
        mapping, header = self.mapping(), self.header_spin.value()
        on_dup = "update" if self.update_radio.isChecked() else "skip"
        valid_only = self.valid_only.isChecked()
        self._set_busy(True)
        self.state.tasks.run(
            lambda progress: unit_import.import_units(
                self.state.ctx, self.path, mapping=mapping, header_row=header, on_duplicate=on_dup,
                valid_only=valid_only, dry_run=dry_run, progress=progress),
            self.tr("Checking the rows…") if dry_run else self.tr("Importing…"),
            on_done=self._reported, on_error=self._failed, parent=self)

    def _reported(self, report: ImportReport) -> None:
        self.report = report
        self._set_busy(False)
        if report.dry_run:
            verdict = (self.tr("Ready to import: {new} new, {upd} updated, {skip} skipped.") if report.ok else
                       self.tr("{bad} rows refused: nothing can be imported until they are corrected, "
                               "or tick “Import only the valid rows”."))
        elif report.ok:
            verdict = self.tr("Imported: {new} new, {upd} updated, {skip} skipped.")
            self.imported = report.imported + report.updated
        else:
            verdict = self.tr("Nothing was imported: {bad} rows refused.")
        self.summary.setText(verdict.format(new=f"{report.imported:,}", upd=f"{report.updated:,}",
                                            skip=f"{report.skipped:,}", bad=f"{report.refused:,}"))
        rows = [(e.row, e.field, e.message) for e in report.errors[:MAX_LISTED]]
        rows += [(d.row, d.field, self.tr("Duplicate of {name}: {action}").format(name=d.name, action=d.action))
                 for d in report.duplicates[:MAX_LISTED - len(rows)]]
        self.errors_table.setRowCount(len(rows))
        for i, (row, field, message) in enumerate(rows):
            for col, text in enumerate(["" if row is None else str(row), field, message]):
                self.errors_table.setItem(i, col, QTableWidgetItem(text))
        if not report.dry_run and report.ok:
            self.import_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, ServiceError):
            raise error
        self.summary.setText(str(error))
        if self.analysis is None:
            show_service_error(self, error)
            self.reject()

    def _set_busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy and self.analysis is not None)
        self.import_button.setEnabled(not busy and self.analysis is not None)


def run_import(state: AppState, parent: QWidget) -> bool:
    """Pick a file and run the import dialog; True when something was imported."""
    title = QCoreApplication.translate("UnitImportDialog", "Import units from Excel")
    path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), f"Excel ({SPREADSHEETS});;* (*)")
    if not path:
        return False
    dialog = UnitImportDialog(state, path, parent)
    dialog.analyse()
    dialog.exec()
    return dialog.imported > 0
