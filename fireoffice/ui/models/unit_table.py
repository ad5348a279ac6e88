"""The register's item model: keeps only the ordered ids, fetches rows in blocks as the view needs them.

Sorting and filtering happen in SQL (services.unit_query); a 100,000-unit register costs one id list
(~0.4 MB) plus the blocks actually scrolled to.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.services import unit_query
from fireoffice.services.context import ServiceContext
from fireoffice.services.unit_query import UnitQuery, UnitRow

BLOCK = 200
# (UnitRow attribute, header source string); sort keys are the attribute names (unit_query.SORT_COLUMNS).
COLUMNS = [
    ("name", QT_TRANSLATE_NOOP("UnitTableModel", "Name")),
    ("address", QT_TRANSLATE_NOOP("UnitTableModel", "Address")),
    ("uscc", QT_TRANSLATE_NOOP("UnitTableModel", "Credit code")),
    ("use_nature", QT_TRANSLATE_NOOP("UnitTableModel", "Use")),
    ("nine_small_type", QT_TRANSLATE_NOOP("UnitTableModel", "Nine-small type")),
    ("is_key_unit", QT_TRANSLATE_NOOP("UnitTableModel", "Key unit")),
    ("resp_person", QT_TRANSLATE_NOOP("UnitTableModel", "Responsible person")),
    ("resp_phone", QT_TRANSLATE_NOOP("UnitTableModel", "Phone")),
    ("village_name", QT_TRANSLATE_NOOP("UnitTableModel", "Village/community")),
    ("grid_name", QT_TRANSLATE_NOOP("UnitTableModel", "Grid")),
    ("risk_level", QT_TRANSLATE_NOOP("UnitTableModel", "Risk")),
    ("status", QT_TRANSLATE_NOOP("UnitTableModel", "Status")),
    ("registered_on", QT_TRANSLATE_NOOP("UnitTableModel", "Registered")),
]
RISK_COLORS = {"高": QColor("#b03a2e"), "较高": QColor("#c0701c")}
MUTED = QColor("#8a949e")


class UnitTableModel(QAbstractTableModel):
    UID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.query = UnitQuery(limit=BLOCK)
        self.ids: list[int] = []
        self.blocks: dict[int, list[UnitRow]] = {}

    # --- loading -------------------------------------------------------------------------------
    def set_query(self, query: UnitQuery) -> None:
        """Re-run the query in SQL: new filters, search text or sort order."""
        self.beginResetModel()
        self.query = query
        self.ids = unit_query.list_ids(self.ctx, query)
        self.blocks.clear()
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self.query)

    def row_at(self, row: int) -> UnitRow | None:
        if not 0 <= row < len(self.ids):
            return None
        block = row // BLOCK
        if block not in self.blocks:
            ids = self.ids[block * BLOCK:(block + 1) * BLOCK]
            self.blocks[block] = unit_query.rows_by_ids(self.ctx, ids)
            if len(self.blocks[block]) != len(ids):  # a unit vanished meanwhile: keep rows aligned
                found = {r.id: r for r in self.blocks[block]}
                self.blocks[block] = [found.get(i) for i in ids]
        return self.blocks[block][row % BLOCK]

    def uid_at(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.uid if item else None

    def row_of_uid(self, uid: str) -> int:
        """The row showing `uid`, or -1 (searches only loaded blocks, then the id list via one query)."""
        for block, rows in self.blocks.items():
            for i, item in enumerate(rows):
                if item and item.uid == uid:
                    return block * BLOCK + i
        return -1

    # --- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("UnitTableModel", COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(item, key)
            if isinstance(value, bool):
                return QCoreApplication.translate("UnitTableModel", "Yes") if value else ""
            if isinstance(value, date):
                return value.isoformat()
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.archived:
                return MUTED
            if key == "risk_level":
                return RISK_COLORS.get(item.risk_level)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("name", "address"):
            return getattr(item, key)
        if role == self.UID_ROLE:
            return item.uid
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        from dataclasses import replace

        key = COLUMNS[column][0]
        self.set_query(replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))
