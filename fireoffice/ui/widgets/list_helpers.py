"""Small pieces every list page repeats: filter combos refilled in place, reset, and Enter to open a row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox


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
