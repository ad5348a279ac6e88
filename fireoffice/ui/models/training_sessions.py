"""The session list's item model: a station holds a few hundred sessions a year, so a plain list is enough."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.ui.models.row_list import RowListModel

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


class SessionTableModel(RowListModel):
    COLUMNS = COLUMNS

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
