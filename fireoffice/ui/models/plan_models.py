"""Plan models: the visits of one plan (a few hundred rows, held in memory) and the units due or overdue (paged)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt

from fireoffice.services import frequency
from fireoffice.services.plans import VisitInfo
from fireoffice.ui.models.inspection_models import AMBER, MUTED, PAGE, RED, PagedTableModel
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


class DueTableModel(PagedTableModel):
    """Units due or overdue: the SQL-sorted id list is read once per filter, the rows a block of ids at a time
    (one SQL sort over 100,000 units, then cheap lookups while scrolling)."""

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
    CONTEXT = "DueTableModel"
    SORTABLE = {"name", "address", "grid", "category", "risk_level", "interval_months", "last_inspected", "due_on"}

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.query = frequency.DueQuery()
        self.ids: list[int] = []
        self.on = date.today()
        self.loaded = False  # the view's first sort-indicator signal must not run the query before the tab shows

    def set_query(self, query: frequency.DueQuery) -> None:
        self.beginResetModel()
        self.query = query
        self.on = query.on or date.today()
        self.ids = frequency.due_ids(self.ctx, query)
        self.total = len(self.ids)
        self.loaded = True
        self.pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self.query)

    def row_at(self, row: int) -> frequency.DueUnit | None:
        if not 0 <= row < len(self.ids):
            return None
        block = row // PAGE
        if block not in self.pages:
            ids = self.ids[block * PAGE:(block + 1) * PAGE]
            rows = frequency.due_rows_by_ids(self.ctx, ids, self.on)  # in id-list order
            if len(rows) != len(ids):  # a unit left the list meanwhile: keep rows aligned with the id list
                found = {r.id: r for r in rows}
                rows = [found.get(i) for i in ids]
            self.pages[block] = rows
        return self.pages[block][row % PAGE]

    def display(self, item: frequency.DueUnit, key: str):
        value = getattr(item, key)
        if key == "interval_months":
            return translate("DueTableModel", "every {n} months").format(n=value)
        if key == "overdue_days":
            return translate("DueTableModel", "{n} days").format(n=value) if value > 0 else ""
        if key == "last_inspected":
            return value.isoformat() if value else translate("DueTableModel", "never")
        if key == "planned":
            return translate("DueTableModel", "Yes") if value else ""
        return super().display(item, key)

    def style(self, item: frequency.DueUnit, key: str, role):
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue_days > 0:
            return RED
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
