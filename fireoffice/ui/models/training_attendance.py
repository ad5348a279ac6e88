"""The tick-off list's item model: one row per person on the sign-in list, coloured by attendance."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.services.training_attendance import AttendeeRow

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


class AttendanceModel(QAbstractTableModel):
    UID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AttendeeRow] = []

    def set_rows(self, rows: list[AttendeeRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def replace(self, updated: list[AttendeeRow]) -> None:
        """Rows changed by a tick: update in place so the selection and scroll position stay."""
        for item in updated:
            for i, r in enumerate(self.rows):
                if r.uid == item.uid:
                    self.rows[i] = item
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def uid_at(self, row: int) -> str | None:
        return self.rows[row].uid if 0 <= row < len(self.rows) else None

    def row_at(self, row: int) -> AttendeeRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def counts(self) -> dict[str, int]:
        out = {"invited": 0, "实到": 0, "请假": 0, "缺席": 0, "未签到": 0, "walk_in": 0}
        for r in self.rows:
            out["invited" if not r.walk_in else "walk_in"] += 1
            out[r.status] = out.get(r.status, 0) + 1
        return out

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AttendanceModel", COLUMNS[section][1])
        return None

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
