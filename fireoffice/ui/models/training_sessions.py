"""The session list's item model: a station holds a few hundred sessions a year, so a plain list is enough."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.services.training import SessionInfo

COLUMNS = [
    ("session_no", QT_TRANSLATE_NOOP("SessionTableModel", "No.")),
    ("held_on", QT_TRANSLATE_NOOP("SessionTableModel", "Date")),
    ("kind", QT_TRANSLATE_NOOP("SessionTableModel", "Type")),
    ("topic", QT_TRANSLATE_NOOP("SessionTableModel", "Topic")),
    ("invited", QT_TRANSLATE_NOOP("SessionTableModel", "Expected")),
    ("present", QT_TRANSLATE_NOOP("SessionTableModel", "Present")),
    ("people", QT_TRANSLATE_NOOP("SessionTableModel", "Attendances")),
    ("status", QT_TRANSLATE_NOOP("SessionTableModel", "State")),
]
STATUS_COLORS = {"计划中": QColor("#1f6fb2"), "已取消": QColor("#8a949e")}


class SessionTableModel(QAbstractTableModel):
    UID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[SessionInfo] = []

    def set_rows(self, rows: list[SessionInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, uid: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.uid == uid), -1)

    def info_at(self, row: int) -> SessionInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def update_info(self, info: SessionInfo) -> None:
        """One session changed (attendance ticked): refresh its row without resetting the view."""
        row = self.row_of(info.uid)
        if row >= 0:
            self.rows[row] = info
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SessionTableModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                return info.status_text()
            if key == "held_on":
                return info.held_on.isoformat()
            if key == "invited" and info.kind == "宣传活动" and not info.invited:
                return ""
            return getattr(info, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return STATUS_COLORS.get(info.status_text())
        if role == Qt.ItemDataRole.ToolTipRole and key == "topic":
            return info.topic
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("invited", "present", "people"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.UID_ROLE:
            return info.uid
        return None
