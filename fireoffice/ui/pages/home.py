"""首页: the station at a glance — the register's figures and what is due today, this week and overdue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import inspection_queries, overview, station
from fireoffice.services.inspection_queries import DueItem
from fireoffice.services.permissions import allowed
from fireoffice.ui.models.hazard_models import sweep_deadlines_daily
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState

RED = QColor("#b03a2e")
ITEM = Qt.ItemDataRole.UserRole


class _Card(QFrame):
    def __init__(self, label: str):
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.figure = QLabel("–")
        self.figure.setObjectName("cardFigure")
        caption = QLabel(label)
        caption.setObjectName("cardLabel")
        caption.setWordWrap(True)
        layout.addWidget(self.figure)
        layout.addWidget(caption)


class _DueList(QFrame):
    """One column of due items; a click (or Enter) opens the hazard or the planned visit's record."""

    def __init__(self, title: str, page: HomePage):
        super().__init__()
        self.setObjectName("card")
        self.title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.heading = QLabel(title)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.itemClicked.connect(lambda item: page.open_item(item.data(ITEM)))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.list, context=Qt.ShortcutContext.WidgetShortcut,
                  activated=lambda: self.list.currentItem() and page.open_item(self.list.currentItem().data(ITEM)))
        layout.addWidget(self.list, 1)

    def fill(self, items: tuple[DueItem, ...], overdue: bool = False, dated: bool = False) -> None:
        self.heading.setText(f"{self.title}  ({len(items)})")
        self.list.clear()
        for d in items:
            if overdue:
                lead = self.tr("{n} days overdue").format(n=max(d.days_overdue, 1)) + " · "
            else:
                lead = f"{d.due:%m-%d} · " if dated else ""
            item = QListWidgetItem(f"{lead}{d.unit_name}\n{d.title}")
            item.setToolTip(f"{d.kind} · {d.due.isoformat()}")
            item.setData(ITEM, d)
            if overdue:
                item.setForeground(RED)
            self.list.addItem(item)
        if not items:
            self.list.addItem(QListWidgetItem(self.tr("Nothing due")))


class HomePage(PageBase):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(state, self.tr("Home"), "", parent)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {
            "units": _Card(self.tr("Supervised units")),
            "key_units": _Card(self.tr("Key fire-safety units (重点单位)")),
            "nine_small": _Card(self.tr("Nine small venues (九小场所)")),
            "crowded": _Card(self.tr("Crowded venues (人员密集场所)")),
            "villages": _Card(self.tr("Villages and communities")),
            "grids": _Card(self.tr("Grids")),
        }
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, i)  # one row, so the due lists below get the height
        self.layout_.addLayout(grid)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("background: #fff4d6; color: #7a5200; padding: 6px; border-radius: 4px;")
        self.layout_.addWidget(self.warnings)
        due = QGridLayout()
        due.setSpacing(12)
        self.overdue = _DueList(self.tr("Overdue"), self)
        self.today = _DueList(self.tr("Due today"), self)
        self.week = _DueList(self.tr("Due this week"), self)
        for col, column in enumerate((self.overdue, self.today, self.week)):
            due.addWidget(column, 0, col)
        self.layout_.addLayout(due, 1)
        state.changed.connect(lambda _what: self.refresh())

    def refresh(self) -> None:
        sweep_deadlines_daily(self.state.ctx)  # states first, so 待整改 past its deadline shows as 待复查
        info = station.get_station(self.state.ctx)
        self.subtitle_label.setText(info.name if info and info.name else self.tr("Station not set up yet"))
        self.subtitle_label.setVisible(True)
        figures = overview.overview(self.state.ctx)
        for key, card in self.cards.items():
            card.figure.setText(f"{getattr(figures, key):,}")
        due = inspection_queries.home_due(self.state.ctx)
        self.warnings.setText("\n".join(due.warnings))
        self.warnings.setVisible(bool(due.warnings))
        self.overdue.fill(due.overdue, overdue=True)
        self.today.fill(due.today)
        self.week.fill(due.this_week, dated=True)

    # --- opening what a line refers to ------------------------------------------------------------
    def _go_to(self, key: str) -> QWidget | None:
        """Switch the main window to a page (None when this page is shown on its own, as in tests)."""
        window = self.window()
        specs = getattr(window, "specs", None)
        if not specs:
            return None
        window.nav.setCurrentRow([s.key for s in specs].index(key))
        return window.page(key)

    def open_item(self, item: DueItem | None) -> None:
        if not isinstance(item, DueItem):
            return
        if item.ref_entity == "hazard":
            page = self._go_to("hazards")
            if page is not None:
                page.show_tab("逾期" if item.days_overdue else "open")
                page.open_hazard(item.ref_uid)
            else:
                from fireoffice.ui.dialogs.hazard_dialog import HazardDialog

                dialog = HazardDialog(self.state.ctx, item.ref_uid, self)
                dialog.changed.connect(lambda: self.state.changed.emit("hazards"))
                dialog.exec()
        elif item.ref_entity == "plan_visit":
            if not allowed(self.state.ctx, "inspections.edit"):
                self._go_to("plans")  # may look, not record: the plan shows the visit
                return
            from fireoffice.ui.pages.inspections_page import enter_for_visit

            enter_for_visit(self.state, item.ref_uid, self)
