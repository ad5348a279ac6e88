"""The visits of one plan (a batch: a few hundred rows at most, so held in memory) for the plan detail."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.services import frequency
from fireoffice.services.plans import VisitInfo
from fireoffice.ui.models.inspection_models import AMBER, MUTED
from fireoffice.ui.models.row_list import RowListModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")
_C = "VisitTableModel"


class VisitTableModel(RowListModel):
    COLUMNS = [("sequence", QT_TRANSLATE_NOOP("VisitTableModel", "No.")),
               ("record_no", QT_TRANSLATE_NOOP("VisitTableModel", "Record no")),
               ("unit_name", QT_TRANSLATE_NOOP("VisitTableModel", "Unit")),
               ("unit_address", QT_TRANSLATE_NOOP("VisitTableModel", "Address")),
               ("planned_date", QT_TRANSLATE_NOOP("VisitTableModel", "Planned")),
               ("officer_names", QT_TRANSLATE_NOOP("VisitTableModel", "Officers")),
               ("status", QT_TRANSLATE_NOOP("VisitTableModel", "Status")),
               ("source", QT_TRANSLATE_NOOP("VisitTableModel", "Origin"))]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.rows[index.row()]
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
        return self.row_at(row)


DUE_BLOCK = 200
RED = QColor("#b03a2e")


class DueTableModel(QAbstractTableModel):
    """到期/逾期单位: the ordered unit ids of the whole list (sorted and filtered in SQL), rows fetched in blocks."""

    COLUMNS = [
        ("name", QT_TRANSLATE_NOOP("DueTableModel", "Unit")),
        ("address", QT_TRANSLATE_NOOP("DueTableModel", "Address")),
        ("grid", QT_TRANSLATE_NOOP("DueTableModel", "Grid")),
        ("category", QT_TRANSLATE_NOOP("DueTableModel", "Category")),
        ("risk_level", QT_TRANSLATE_NOOP("DueTableModel", "Risk")),
        ("interval_months", QT_TRANSLATE_NOOP("DueTableModel", "Interval")),
        ("last_inspected", QT_TRANSLATE_NOOP("DueTableModel", "Last inspected")),
        ("due_on", QT_TRANSLATE_NOOP("DueTableModel", "Due on")),
        ("overdue_days", QT_TRANSLATE_NOOP("DueTableModel", "Overdue")),
        ("planned", QT_TRANSLATE_NOOP("DueTableModel", "In a plan")),
    ]
    SORTABLE = {"name", "address", "grid", "category", "risk_level", "interval_months", "last_inspected", "due_on"}
    UID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.query = frequency.DueQuery()
        self.ids: list[int] = []
        self.blocks: dict[int, list] = {}
        self.on = date.today()
        self.loaded = False  # the view's first sort-indicator signal must not run the query before the tab shows

    def set_query(self, query: frequency.DueQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.on = query.on or date.today()
        self.ids = frequency.due_ids(self.ctx, query)
        self.loaded = True
        self.blocks.clear()
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self.query)

    def row_at(self, row: int) -> frequency.DueUnit | None:
        if not 0 <= row < len(self.ids):
            return None
        block = row // DUE_BLOCK
        if block not in self.blocks:
            ids = self.ids[block * DUE_BLOCK:(block + 1) * DUE_BLOCK]
            rows = frequency.due_rows_by_ids(self.ctx, ids, self.on)  # in id-list order
            if len(rows) != len(ids):  # a unit left the list meanwhile: keep rows aligned with the id list
                found = {r.id: r for r in rows}
                rows = [found.get(i) for i in ids]
            self.blocks[block] = rows
        return self.blocks[block][row % DUE_BLOCK]

    def uid_at(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.uid if item else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DueTableModel", self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(item, key)
            if key == "interval_months":
                return translate("DueTableModel", "every {n} months").format(n=value)
            if key == "overdue_days":
                return translate("DueTableModel", "{n} days").format(n=value) if value > 0 else ""
            if key == "last_inspected":
                return value.isoformat() if value else translate("DueTableModel", "never")
            if key == "planned":
                return translate("DueTableModel", "Yes") if value else ""
            return value.isoformat() if isinstance(value, date) else value
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue_days > 0:
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and key in ("name", "address"):
            return f"{item.name}\n{item.address}"
        if role == self.UID_ROLE:
            return item.uid
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][0]
        if key not in self.SORTABLE:
            return
        query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if self.loaded:
            self.set_query(query)
        else:
            self.query = query
