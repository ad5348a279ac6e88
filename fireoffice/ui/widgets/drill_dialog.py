"""The records behind one figure (statistics page, amendments, dashboard charts) in a read-only table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services.ledger_sources import local
from fireoffice.services.stats_monthly import DrillRow


class DrillDialog(QDialog):
    """Record, unit, area, date and value per row; `changed` adds when each record was last changed."""

    def __init__(self, title: str, rows: Sequence[DrillRow], parent: QWidget | None = None,
                 changed: bool = False, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.rows = list(rows)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        headers = [self.tr("Record"), self.tr("Unit"), self.tr("Area"), self.tr("Date"), self.tr("Value")]
        if changed:
            headers.append(self.tr("Changed at"))
        self.table = QTableWidget(len(self.rows), len(headers))
        self.table.setObjectName("drillTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(headers)
        for i, d in enumerate(self.rows):
            values = [d.reference, d.unit, d.area, d.day.isoformat() if d.day else "", f"{d.value:g}"]
            if changed:
                values.append(f"{local(d.changed_at):%Y-%m-%d %H:%M}" if d.changed_at else "")
            for j, text in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        if not self.rows:
            empty = QLabel(self.tr("No records."))
            layout.addWidget(empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)
