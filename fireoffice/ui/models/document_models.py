"""Table model of the document register: one year's rows (a register holds hundreds, not 100,000)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.services.documents_register import RegisterRow

COLUMNS = (
    (QT_TRANSLATE_NOOP("document_models", "Number"), lambda r: r.number or QCoreApplication.translate("document_models", "(not issued)")),
    (QT_TRANSLATE_NOOP("document_models", "Type"), lambda r: r.title),
    (QT_TRANSLATE_NOOP("document_models", "Status"), lambda r: r.status),
    (QT_TRANSLATE_NOOP("document_models", "Unit"), lambda r: r.unit),
    (QT_TRANSLATE_NOOP("document_models", "Issued"), lambda r: r.issued_on.isoformat() if r.issued_on else ""),
    (QT_TRANSLATE_NOOP("document_models", "Served"), lambda r: (f"{r.served_on.isoformat()} {r.service_method}" if r.served_on else "")),
    (QT_TRANSLATE_NOOP("document_models", "Drafted by"), lambda r: r.drafted_by),
    (QT_TRANSLATE_NOOP("document_models", "Void reason"), lambda r: r.void_reason),
)
STATUS_COLOURS = {"草稿": "#6b7280", "待审批": "#b45309", "已作废": "#b91c1c"}


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RegisterRow] = []

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("document_models", COLUMNS[section][0])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and row.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.UserRole:
            return row.uid
        return None

    def row_at(self, n: int) -> RegisterRow | None:
        return self.rows[n] if 0 <= n < len(self.rows) else None

