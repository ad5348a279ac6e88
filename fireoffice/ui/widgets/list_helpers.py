"""Small pieces every list page repeats: the record table, filter combos refilled in place, reset, Enter to open a
row and Ctrl+F to the search box."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]], all_text: str | None = None) -> None:
    """Replace the choices, keeping the current one if it is still offered; no change signals fire."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        if all_text is not None:
            combo.addItem(all_text, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))


def reset_combos(combos: Iterable[QComboBox]) -> None:
    """Back to the first choice ("全部 …") without firing a query per combo."""
    for combo in combos:
        with QSignalBlocker(combo):
            combo.setCurrentIndex(0)


def open_on_enter(view: QAbstractItemView, slot: Callable[[], Any]) -> None:
    """Enter/Return on the list opens the current row (double-click does the same)."""
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        QShortcut(QKeySequence(key), view, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)


def record_table(model: QAbstractItemModel, widths: Sequence[int], *, multi: bool = False,
                 sort: tuple[int, Qt.SortOrder] | None = None, stretch_last: bool = False) -> QTableView:
    """A read-only table of records: whole rows selected, uniform 26 px rows (no per-row measuring on big
    lists), no row numbers; `sort` shows the indicator the model's SQL order already follows."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(26)
    if sort is not None:
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(*sort)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    return view


def search_shortcut(page: QWidget, search: QLineEdit) -> None:
    """Ctrl+F anywhere on the page puts the cursor in its search box, text selected to type over."""
    QShortcut(QKeySequence("Ctrl+F"), page, activated=lambda: (search.setFocus(), search.selectAll()))


def finish_filter_row(row: QBoxLayout, combos: Iterable[QComboBox], apply: Callable[[], Any],
                      clear: Callable[[], Any]) -> QPushButton:
    """The end of a page's filter row: each combo re-queries when changed, then a 清除 button resets them all."""
    for combo in combos:
        combo.currentIndexChanged.connect(apply)
        row.addWidget(combo, 1)
    button = QPushButton(QCoreApplication.translate("list", "Clear"))
    button.clicked.connect(clear)
    row.addWidget(button)
    return button
