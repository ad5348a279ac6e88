"""The visits of one plan (a batch: a few hundred rows at most, so held in memory) for the plan detail."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from fireoffice.services.plans import VisitInfo
from fireoffice.ui.models.inspection_models import AMBER, MUTED

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")
_C = "VisitTableModel"


class VisitTableModel(QAbstractTableModel):
    COLUMNS = [QT_TRANSLATE_NOOP("VisitTableModel", "No."), QT_TRANSLATE_NOOP("VisitTableModel", "Record no"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Unit"), QT_TRANSLATE_NOOP("VisitTableModel", "Address"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Planned"), QT_TRANSLATE_NOOP("VisitTableModel", "Officers"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Status"), QT_TRANSLATE_NOOP("VisitTableModel", "Origin")]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.visits: list[VisitInfo] = []

    def set_visits(self, visits: list[VisitInfo]) -> None:
        self.beginResetModel()
        self.visits = visits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.visits)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("VisitTableModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.visits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            status = v.status
            if v.status == "待检查" and v.attempts:
                status += translate("VisitTableModel", " (tried {n}×: {last})").format(n=v.attempts, last=v.last_outcome)
            return (str(v.sequence), v.record_no, v.unit_name, v.unit_address,
                    v.planned_date.isoformat() if v.planned_date else "", "、".join(v.officer_names), status,
                    v.source)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if v.status == "已取消":
                return MUTED
            if v.status == "待检查" and v.attempts:
                return AMBER
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3):
            return f"{v.unit_name}\n{v.unit_address}"
        return None

    def visit(self, row: int) -> VisitInfo | None:
        return self.visits[row] if 0 <= row < len(self.visits) else None
