"""An item model over a short list of service dataclasses held in memory (sessions, sign-in rows): the
station has hundreds of them, not 100,000, so no paging. Subclasses give COLUMNS and data()."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt


class RowListModel(QAbstractTableModel):
    """COLUMNS: (attribute, header source text translated in the subclass's own context); rows carry `uid`."""

    COLUMNS: list[tuple[str, str]] = []
    UID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, uid: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.uid == uid), -1)

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def uid_at(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.uid if item is not None else None

    def replace_rows(self, updated: list[Any]) -> None:
        """Rows changed by an action: update in place so the selection and scroll position stay."""
        for item in updated:
            row = self.row_of(item.uid)
            if row >= 0:
                self.rows[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section][1])
        return None
