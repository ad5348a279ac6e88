"""What every page shares: the service context, the background runner, and change notifications."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from fireoffice.services.context import ServiceContext
from fireoffice.ui.tasks import TaskRunner


class AppState(QObject):
    """Pages refresh only what changed: services return what they touched, pages listen here."""

    changed = Signal(str)  # an entity name: "units", "station", "database" …

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = TaskRunner(self)
