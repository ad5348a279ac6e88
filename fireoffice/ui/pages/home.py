"""首页: the station at a glance — the register's figures, what is due today, this week and overdue, this
month's figures and charts (QtCharts) whose bars open their records.

The charts load on a worker thread after the page is shown (the window appears first); a bar click opens the
same drill-down table as the statistics page.
"""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import dashboard, inspection_queries, overview, station
from fireoffice.services.errors import ServiceError
from fireoffice.services.inspection_queries import DueItem
from fireoffice.services.permissions import allowed
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.models.hazard_models import sweep_deadlines_daily
from fireoffice.ui.pages.base import PageBase
from fireoffice.ui.state import AppState
from fireoffice.ui.widgets.bar_chart import BarChart
from fireoffice.ui.widgets.drill_dialog import DrillDialog

log = logging.getLogger(__name__)
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
    dashboard_loaded = Signal(object, int)  # (Dashboard or exception, generation), from the loader thread

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
        self._build_charts()
        self.dashboard: dashboard.Dashboard | None = None
        self._generation = 0
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fireoffice-dashboard")
        self.dashboard_loaded.connect(self._show_dashboard)
        self.destroyed.connect(lambda *_a, pool=self._loader: pool.shutdown(wait=False))
        state.changed.connect(lambda _what: self.refresh())

    def _build_charts(self) -> None:
        self.month_figures = QLabel(self.tr("Loading this month's figures…"))
        self.month_figures.setObjectName("monthFigures")
        self.month_figures.setStyleSheet("font-weight: bold;")
        self.layout_.addWidget(self.month_figures)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.month_chart = BarChart(self.tr("Inspections and hazards per month (last 12 months)"))
        self.category_chart = BarChart(self.tr("Hazards by category (last 12 months)"), horizontal=True)
        self.grid_chart = BarChart(self.tr("Rectification rate by grid (%, last 12 months)"),
                                   horizontal=True)
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.grid_scroll.setWidget(self.grid_chart)
        for chart in (self.month_chart, self.category_chart, self.grid_chart):
            chart.setToolTip(self.tr("Click a bar to see its records"))
        self.month_chart.barClicked.connect(self._month_clicked)
        self.category_chart.barClicked.connect(self._category_clicked)
        self.grid_chart.barClicked.connect(self._grid_clicked)
        row.addWidget(self.month_chart, 5)
        row.addWidget(self.category_chart, 3)
        row.addWidget(self.grid_scroll, 4)
        charts = QWidget()
        charts.setLayout(row)
        charts.setMinimumHeight(280)
        self.layout_.addWidget(charts, 1)

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
        self.load_dashboard()

    # --- charts -------------------------------------------------------------------------------------
    def load_dashboard(self) -> None:
        """Compute the charts' figures on the loader thread; the newest request wins."""
        self._generation += 1
        generation, ctx = self._generation, self.state.ctx

        def work() -> None:
            try:
                result: object = dashboard.dashboard(ctx)
            except Exception as error:  # noqa: BLE001 - handed to the UI thread, which reports it
                result = error
            with contextlib.suppress(RuntimeError):  # the page was closed while the figures were computed
                self.dashboard_loaded.emit(result, generation)

        self._loader.submit(work)

    def _show_dashboard(self, result: object, generation: int) -> None:
        if generation != self._generation:
            return  # an older request finished after a newer one was made
        if isinstance(result, BaseException):
            log.error("dashboard failed", exc_info=result)
            self.month_figures.setText(self.tr("The charts could not be loaded: {error}").format(error=result))
            return
        d: dashboard.Dashboard = result
        self.dashboard = d
        m = d.this_month
        self.month_figures.setText(self.tr(
            "This month: {insp} inspections · {haz} hazards found · {spot} rectified on the spot · "
            "{closed} closed ({rate}%) · {overdue} overdue now").format(
                insp=f"{m.inspections:,}", haz=f"{m.hazards:,}", spot=f"{m.on_the_spot:,}",
                closed=f"{m.closed:,}", rate=f"{m.rectify_rate:g}", overdue=f"{m.overdue_now:,}"))
        self.month_chart.set_data([f"{p.month}月" if p.month != 1 else f"{p.year % 100}年1月" for p in d.months],
                                  [(self.tr("Inspections"), [p.inspections for p in d.months]),
                                   (self.tr("Hazards found"), [p.hazards for p in d.months])])
        cats = list(reversed(d.categories))  # horizontal bars run bottom-up: the largest on top
        self.category_chart.set_data([c.category for c in cats], [(self.tr("Hazards"), [c.hazards for c in cats])])
        grids = list(reversed(d.grids))
        self.grid_chart.set_data([g.grid for g in grids], [(self.tr("Rectification rate"), [g.rate for g in grids])],
                                 maximum=100, label_format="@value%")
        self.grid_chart.setMinimumHeight(max(240, 60 + 22 * len(grids)))
        self._cats, self._grids = cats, grids

    def _drill(self, f: dashboard.DrillFilter, title: str) -> None:
        try:
            rows = dashboard.records(self.state.ctx, f)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.last_drill = DrillDialog(f"{title} · {f.first:%Y-%m-%d} – {f.last:%Y-%m-%d}", rows, self)
        self.last_drill_filter = f
        self.last_drill.open()

    def _month_clicked(self, set_index: int, index: int) -> None:
        point = self.dashboard.months[index]
        kind = ("inspections", "hazards")[set_index]
        label = (self.tr("Inspections"), self.tr("Hazards found"))[set_index]
        self._drill(dashboard.month_filter(kind, point), f"{point.label} · {label}")

    def _category_clicked(self, _set_index: int, index: int) -> None:
        d, cat = self.dashboard, self._cats[index]
        self._drill(dashboard.DrillFilter("category", d.first, d.last, category=cat.category),
                    f"{self.tr('Hazards')} · {cat.category}")

    def _grid_clicked(self, _set_index: int, index: int) -> None:
        d, grid = self.dashboard, self._grids[index]
        self._drill(dashboard.DrillFilter("grid", d.first, d.last, grid_id=grid.grid_id),
                    f"{grid.grid} · {self.tr('Rectification rate')} {grid.rate:g}%")

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
