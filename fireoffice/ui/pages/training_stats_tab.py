"""Statistics of training and 约谈: 场次, 人次, units and coverage of the register by month and type (goal 100 %)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import training, training_stats
from fireoffice.services.context import ServiceContext
from fireoffice.services.training_stats import TrainingStats, percent


class StatsTab(QWidget):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stats: TrainingStats | None = None
        box = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(self.refresh)
        row.addWidget(self.year)
        self.coverage = QProgressBar()
        self.coverage.setRange(0, 1000)
        self.coverage.setTextVisible(True)
        row.addWidget(QLabel(self.tr("Coverage of the register (goal 100%)")))
        row.addWidget(self.coverage, 1)
        box.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        tables = QHBoxLayout()
        self.months = self._table([self.tr("Month"), self.tr("Sessions"), self.tr("Attendances"), self.tr("Units"),
                                   self.tr("Coverage"), self.tr("Cumulative coverage")])
        self.kinds = self._table([self.tr("Type"), self.tr("Sessions"), self.tr("Attendances"), self.tr("Units"),
                                  self.tr("Coverage")])
        tables.addWidget(self.months, 3)
        tables.addWidget(self.kinds, 2)
        box.addLayout(tables, 1)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def fill_years(self) -> None:
        current = self.year.currentData() or date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for y in training.years(self.ctx):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)

    def refresh(self) -> None:
        if self.year.count() == 0:
            self.fill_years()
        st = training_stats.statistics(self.ctx, self.year.currentData() or date.today().year)
        self.stats = st
        self._fill(self.months, [(r.label, r.sessions, r.people, r.units, percent(r.coverage),
                                  percent(r.cumulative_coverage)) for r in st.months]
                   + [(self.tr("Whole year"), st.total.sessions, st.total.people, st.total.units,
                       percent(st.total.coverage), percent(st.total.coverage))])
        self._fill(self.kinds, [(r.label, r.sessions, r.people, r.units, percent(r.coverage)) for r in st.by_kind])
        self.coverage.setValue(int(round((st.total.coverage or 0) * 1000)))
        self.coverage.setFormat(self.tr("{pct} · {units} of {register} units").format(
            pct=percent(st.total.coverage), units=st.total.units, register=st.register))
        self.summary.setText(self.tr(
            "{year} up to {day}: {sessions} sessions, {people} attendances, {units} units reached. "
            "Interviews: {iu} units, {ip} attendances, {one} one-to-one warning interviews, {pledges} pledges signed. "
            "Publicity: {pa} activities, audience {aud}, {mat} materials handed out.").format(
            year=st.year, day=st.as_of.isoformat(), sessions=st.total.sessions, people=f"{st.total.people:,}",
            units=st.total.units, iu=st.interview_units, ip=st.interview_people, one=st.one_to_one,
            pledges=st.pledges, pa=st.publicity_activities, aud=f"{st.publicity_audience:,}",
            mat=f"{st.publicity_materials:,}"))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
