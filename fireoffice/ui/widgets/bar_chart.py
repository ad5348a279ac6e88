"""A bar chart (QtCharts) whose bars can be clicked: `barClicked(set_index, category_index)`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

PALETTE = ("#c0392b", "#2e86c1", "#d68910", "#1e8449")


class BarChart(QChartView):
    """One chart of one or more bar sets over text categories; vertical or horizontal bars."""

    barClicked = Signal(int, int)  # set index, category index

    def __init__(self, title: str, horizontal: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.horizontal = horizontal
        self.chart_ = QChart()
        self.chart_.setTitle(title)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(self.chart_)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.series: QBarSeries | QHorizontalBarSeries | None = None
        self.sets: list[QBarSet] = []
        self.categories: list[str] = []
        font = self.chart_.titleFont()
        font.setBold(True)
        self.chart_.setTitleFont(font)
        self._small = self.font()
        self._small.setPointSizeF(max(7.0, self._small.pointSizeF() * 0.85))

    def set_data(self, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[float]]],
                 maximum: float | None = None, label_format: str = "@value") -> None:
        """Replace the bars: `sets` is (name, one value per category)."""
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)
        self.categories = list(categories)
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        self.sets = []
        for i, (name, values) in enumerate(sets):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
            bar_set.clicked.connect(lambda index, n=i: self.barClicked.emit(n, index))
            series.append(bar_set)
            self.sets.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsFormat(label_format)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        for bar_set in self.sets:
            bar_set.setLabelColor(QColor("#333333"))
            bar_set.setLabelFont(self._small)
        self.chart_.addSeries(series)
        self.series = series
        cats = QBarCategoryAxis()
        cats.append(self.categories)
        cats.setTruncateLabels(False)
        cats.setLabelsFont(self._small)
        cats.setGridLineVisible(False)
        values = QValueAxis()
        top = max([v for _n, vs in sets for v in vs] or [0])
        values.setRange(0, maximum if maximum is not None else max(4.0, top * 1.15))
        values.setLabelFormat("%d")
        values.setLabelsFont(self._small)
        if maximum is None:
            values.applyNiceNumbers()
        if self.horizontal:
            self.chart_.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
            self.chart_.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            self.chart_.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
            self.chart_.addAxis(values, Qt.AlignmentFlag.AlignLeft)
            if sum(len(c) for c in self.categories) > 40:
                cats.setLabelsAngle(-45)
        series.attachAxis(cats)
        series.attachAxis(values)
        self.chart_.legend().setVisible(len(sets) > 1)

    def values(self, set_index: int = 0) -> list[float]:
        bar_set = self.sets[set_index]
        return [bar_set.at(i) for i in range(bar_set.count())]

    def bar_center(self, set_index: int, category: int):
        """Where bar (set, category) is drawn, in viewport coordinates (for tests and keyboard access)."""
        n = len(self.sets)
        width = 0.5  # QAbstractBarSeries' default bar width, shared by the sets of one category
        offset = -width / 2 + width / n * (set_index + 0.5)
        value = self.sets[set_index].at(category) / 2
        point = QPointF(value, category + offset) if self.horizontal else QPointF(category + offset, value)
        scene = self.chart_.mapToScene(self.chart_.mapToPosition(point, self.series))
        return self.mapFromScene(scene)
