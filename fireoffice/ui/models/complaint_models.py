"""The 举报投诉 register's item model: pages of complaint_queries.list_complaints, overdue rows in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from fireoffice.services import complaint_queries
from fireoffice.services.complaint_queries import ComplaintFilter
from fireoffice.services.context import ServiceContext
from fireoffice.services.inspection_queries import Page
from fireoffice.services.permissions import allowed
from fireoffice.ui.models.inspection_models import AMBER, MUTED, RED, PagedTableModel

_C = "ComplaintTableModel"


class ComplaintTableModel(PagedTableModel):
    COLUMNS = [
        ("complaint_no", QT_TRANSLATE_NOOP("ComplaintTableModel", "Complaint no")),
        ("received_at", QT_TRANSLATE_NOOP("ComplaintTableModel", "Received at")),
        ("source", QT_TRANSLATE_NOOP("ComplaintTableModel", "Source")),
        ("complainant", QT_TRANSLATE_NOOP("ComplaintTableModel", "Complainant")),
        ("target", QT_TRANSLATE_NOOP("ComplaintTableModel", "Unit / address")),
        ("category", QT_TRANSLATE_NOOP("ComplaintTableModel", "Category")),
        ("category_class", QT_TRANSLATE_NOOP("ComplaintTableModel", "Time limit")),
        ("due_text", QT_TRANSLATE_NOOP("ComplaintTableModel", "Verify by")),
        ("hours_overdue", QT_TRANSLATE_NOOP("ComplaintTableModel", "Overdue")),
        ("status", QT_TRANSLATE_NOOP("ComplaintTableModel", "Status")),
        ("result", QT_TRANSLATE_NOOP("ComplaintTableModel", "Result")),
        ("handling", QT_TRANSLATE_NOOP("ComplaintTableModel", "Handling")),
    ]
    CONTEXT = _C
    SORT_KEYS = {"complaint_no": "complaint_no", "received_at": "received_at", "due_text": "due_at",
                 "hours_overdue": "due_at", "status": "status"}

    def __init__(self, ctx: ServiceContext, parent=None):
        super().__init__(ctx, parent)
        self.filter = ComplaintFilter(status="open")
        self.sort_key, self.descending = "received_at", True

    def set_filter(self, f: ComplaintFilter) -> None:
        self.filter = f
        self.reload()

    def fetch(self, offset: int, limit: int) -> Page:
        if not allowed(self.ctx, "complaints.view"):
            return Page((), 0, offset)  # the page says why; the service would refuse
        return complaint_queries.list_complaints(self.ctx, self.filter, offset, limit, self.sort_key, self.descending)

    def display(self, item: Any, key: str) -> Any:
        if key == "hours_overdue":
            if item.overdue:
                hours = item.hours_overdue
                if hours < 48:
                    return QCoreApplication.translate("ComplaintTableModel", "{n} h").format(n=hours)
                return QCoreApplication.translate("ComplaintTableModel", "{n} days").format(n=hours // 24)
            if item.verified_late:
                return QCoreApplication.translate("ComplaintTableModel", "verified late")
            return ""
        return super().display(item, key)

    def style(self, item: Any, key: str, role) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.overdue:
                return RED  # the whole row: not verified within the time limit
            if key == "hours_overdue" and item.verified_late:
                return AMBER
            if item.status == "已办结":
                return MUTED
        return None
