"""The tick-off list's item model: one row per person on the sign-in list, coloured by attendance."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.ui.models.row_list import RowListModel

COLUMNS = [
    ("seq", QT_TRANSLATE_NOOP("AttendanceModel", "No.")),
    ("unit_name", QT_TRANSLATE_NOOP("AttendanceModel", "Unit")),
    ("person_name", QT_TRANSLATE_NOOP("AttendanceModel", "Person")),
    ("position", QT_TRANSLATE_NOOP("AttendanceModel", "Position")),
    ("phone", QT_TRANSLATE_NOOP("AttendanceModel", "Phone")),
    ("status", QT_TRANSLATE_NOOP("AttendanceModel", "Attendance")),
    ("source", QT_TRANSLATE_NOOP("AttendanceModel", "Source")),
]
STATUS_COLORS = {"实到": QColor("#1e7b34"), "请假": QColor("#c0701c"), "缺席": QColor("#b03a2e")}
MUTED = QColor("#8a949e")


class AttendanceModel(RowListModel):
    COLUMNS = COLUMNS

    def counts(self) -> dict[str, int]:
        out = {"invited": 0, "实到": 0, "请假": 0, "缺席": 0, "未签到": 0, "walk_in": 0}
        for r in self.rows:
            out["invited" if not r.walk_in else "walk_in"] += 1
            out[r.status] = out.get(r.status, 0) + 1
        return out

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(r, key)
            if key == "person_name" and not value:
                return QCoreApplication.translate("AttendanceModel", "(to be written on site)")
            if key == "status":
                return ("✔ " if value == "实到" else "") + value
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return STATUS_COLORS.get(r.status)
            if key == "person_name" and not r.person_name:
                return MUTED
        if role == Qt.ItemDataRole.ToolTipRole and key == "unit_name":
            return r.unit_name + ("" if r.unit_uid else QCoreApplication.translate(
                "AttendanceModel", " (not in the register)"))
        if role == self.UID_ROLE:
            return r.uid
        return None
