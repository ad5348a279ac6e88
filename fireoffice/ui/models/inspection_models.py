"""Item models for inspections: a paged base over the services' Page results, the record list, the checklist.

The paged base keeps only the pages the view has asked for; filters and sorting are re-run in SQL by the
service (inspection_queries), never in a proxy model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fireoffice.services import inspection_queries
from fireoffice.services.checklists import ItemInfo
from fireoffice.services.context import ServiceContext
from fireoffice.services.inspection_queries import InspectionFilter, Page

PAGE = 200
RED = QColor("#b03a2e")
AMBER = QColor("#a86200")
MUTED = QColor("#8a949e")


class PagedTableModel(QAbstractTableModel):
    """Rows fetched a page at a time from a service returning Page(rows, total, offset)."""

    COLUMNS: list[tuple[str, str]] = []  # (row attribute, header source string)
    CONTEXT = ""  # translation context of the headers
    SORT_KEYS: dict[str, str] = {}  # column attribute → the service's sort key
    UID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.total = 0
        self.pages: dict[int, tuple] = {}
        self.sort_key, self.descending = "", False

    def fetch(self, offset: int, limit: int) -> Page:
        """One page of rows from the service; each concrete list model names its own query."""
        raise NotImplementedError(f"{type(self).__name__} must define fetch()")  # abstract: never instantiated

    def reload(self) -> None:
        self.beginResetModel()
        self.pages.clear()
        first = self.fetch(0, PAGE)
        self.pages[0], self.total = first.rows, first.total
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        if not 0 <= row < self.total:
            return None
        block = row // PAGE
        if block not in self.pages:
            self.pages[block] = self.fetch(block * PAGE, PAGE).rows
        rows = self.pages[block]
        return rows[row % PAGE] if row % PAGE < len(rows) else None  # the list shrank meanwhile

    def uid_at(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.uid if item else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section][1])
        return None

    def display(self, item: Any, key: str) -> Any:
        value = getattr(item, key)
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date):
            return value.isoformat()
        return value

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display(item, key)
            return text if isinstance(text, str) and len(text) > 12 else None
        if role == self.UID_ROLE:
            return item.uid
        return self.style(item, key, role)

    def style(self, item: Any, key: str, role) -> Any:
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(self.COLUMNS[column][0])
        if key is None:
            return  # not sortable in SQL: keep the current order
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()


class InspectionTableModel(PagedTableModel):
    COLUMNS = [
        ("record_no", QT_TRANSLATE_NOOP("InspectionTableModel", "Record no")),
        ("started_at", QT_TRANSLATE_NOOP("InspectionTableModel", "Time")),
        ("unit_name", QT_TRANSLATE_NOOP("InspectionTableModel", "Unit")),
        ("inspection_type", QT_TRANSLATE_NOOP("InspectionTableModel", "Type")),
        ("outcome", QT_TRANSLATE_NOOP("InspectionTableModel", "Outcome")),
        ("officers", QT_TRANSLATE_NOOP("InspectionTableModel", "Officers")),
        ("hazards", QT_TRANSLATE_NOOP("InspectionTableModel", "Hazards")),
        ("verbal_orders", QT_TRANSLATE_NOOP("InspectionTableModel", "Corrected on the spot")),
    ]
    CONTEXT = "InspectionTableModel"
    SORT_KEYS = {"record_no": "record_no", "started_at": "started_at", "unit_name": "unit",
                 "inspection_type": "type", "outcome": "outcome"}

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__(ctx, parent)
        self.filter = InspectionFilter()
        self.sort_key, self.descending = "started_at", True

    def set_filter(self, f: InspectionFilter) -> None:
        self.filter = f
        self.reload()

    def fetch(self, offset: int, limit: int) -> Page:
        return inspection_queries.list_inspections(self.ctx, self.filter, offset, limit, self.sort_key,
                                                   self.descending)

    def display(self, item: Any, key: str) -> Any:
        if key in ("hazards", "verbal_orders"):
            return str(getattr(item, key) or "")
        return super().display(item, key)

    def style(self, item: Any, key: str, role) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.outcome != "完成":
                return AMBER
            if key == "hazards" and item.hazards:
                return RED
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("hazards", "verbal_orders"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


# --- the record form's checklist ---------------------------------------------------------------------------

@dataclass
class ItemEntry:
    """One checklist line as the clerk fills it in; turned into a ResultInput on save."""

    item: ItemInfo
    result: str = "符合"
    corrected: bool = False
    note: str = ""
    location: str = ""
    hazard: dict = field(default_factory=dict)  # HazardInput values typed in the sub-form
    photos: list[Path] = field(default_factory=list)

    def needs_hazard(self) -> bool:
        return self.result == "不符合" and not self.corrected


class ChecklistModel(QAbstractTableModel):
    COLUMNS = [QT_TRANSLATE_NOOP("ChecklistModel", "No."), QT_TRANSLATE_NOOP("ChecklistModel", "Section"),
               QT_TRANSLATE_NOOP("ChecklistModel", "Item"), QT_TRANSLATE_NOOP("ChecklistModel", "Result"),
               QT_TRANSLATE_NOOP("ChecklistModel", "On the spot"),
               QT_TRANSLATE_NOOP("ChecklistModel", "Hazard / note")]
    RESULT_COLUMN = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[ItemEntry] = []

    def set_entries(self, entries: list[ItemEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def set_result(self, row: int, result: str) -> None:
        entry = self.entries[row]
        entry.result = result
        if result != "不符合":
            entry.corrected = False
        self.changed(row)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChecklistModel", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e, col = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 5:
                if e.needs_hazard():
                    return e.hazard.get("description") or QCoreApplication.translate(
                        "ChecklistModel", "hazard details needed (Enter)")
                return e.note
            return (e.item.code, e.item.section, e.item.text, e.result, "✓" if e.corrected else "", "")[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.result == "不符合" and (col == self.RESULT_COLUMN or (col == 5 and e.needs_hazard())):
                return RED
            if e.result == "不涉及":
                return MUTED
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            basis = f"\n{e.item.legal_basis}" if e.item.legal_basis else ""
            return e.item.text + basis
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
