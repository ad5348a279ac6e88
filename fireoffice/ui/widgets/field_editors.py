"""One editor widget per unit field kind (text, number, yes/no, date, choice, village, grid).

Editors hand raw values to the service, which parses and validates them (the same code as the importer).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from fireoffice.services.unit_fields import FieldSpec
from fireoffice.services.unit_validation import Vocab

NO_DATE = QDate(1900, 1, 1)


class Editor(QObject):
    """A field's widget; each kind below provides value() and set_value()."""

    changed = Signal()

    def __init__(self, spec: FieldSpec, widget: QWidget):
        super().__init__(widget)
        self.spec = spec
        self.widget = widget


class TextEditor(Editor):
    def __init__(self, spec: FieldSpec, multiline: bool = False):
        widget = QPlainTextEdit() if multiline else QLineEdit()
        super().__init__(spec, widget)
        if multiline:
            widget.setFixedHeight(70)
            widget.textChanged.connect(self.changed)
        else:
            if spec.max_len:
                widget.setMaxLength(spec.max_len)
            if spec.kind == "int":
                widget.setValidator(QIntValidator(0, 10**9, widget))
            elif spec.kind == "float":
                widget.setValidator(QDoubleValidator(-1e9, 1e9, 2, widget))
            widget.textChanged.connect(self.changed)

    def value(self) -> Any:
        return self.widget.toPlainText() if isinstance(self.widget, QPlainTextEdit) else self.widget.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setPlainText(text)
        else:
            self.widget.setText(text)


class SuggestEditor(Editor):
    """Free text with the usual values offered (使用性质, 燃气类型)."""

    def __init__(self, spec: FieldSpec):
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(["", *spec.choices])
        super().__init__(spec, combo)
        combo.currentTextChanged.connect(self.changed)

    def value(self) -> Any:
        return self.widget.currentText()

    def set_value(self, value: Any) -> None:
        self.widget.setCurrentText(value or "")


class ChoiceEditor(Editor):
    def __init__(self, spec: FieldSpec, choices: tuple[str, ...]):
        combo = QComboBox()
        combo.addItems(["", *choices])
        super().__init__(spec, combo)
        combo.currentIndexChanged.connect(self.changed)

    def value(self) -> Any:
        return self.widget.currentText()

    def set_value(self, value: Any) -> None:
        if value and self.widget.findText(value) < 0:
            self.widget.addItem(value)  # an old value no longer in the list is kept, not lost
        self.widget.setCurrentText(value or "")


class BoolEditor(Editor):
    def __init__(self, spec: FieldSpec):
        box = QCheckBox()
        super().__init__(spec, box)
        box.toggled.connect(self.changed)

    def value(self) -> Any:
        return self.widget.isChecked()

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))


class DateEditor(Editor):
    def __init__(self, spec: FieldSpec):
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(" ")  # the minimum date shows as empty
        super().__init__(spec, edit)
        edit.dateChanged.connect(self.changed)

    def value(self) -> Any:
        d = self.widget.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: Any) -> None:
        self.widget.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


class IdChoiceEditor(Editor):
    """Villages and grids: shown by name, handed to the service by id."""

    def __init__(self, spec: FieldSpec, items: list[tuple[int, str]]):
        combo = QComboBox()
        super().__init__(spec, combo)
        self.set_items(items)
        combo.currentIndexChanged.connect(self.changed)

    def set_items(self, items: list[tuple[int, str]]) -> None:
        current = self.value() if self.widget.count() else None
        self.widget.blockSignals(True)
        self.widget.clear()
        self.widget.addItem("", None)
        for item_id, name in items:
            self.widget.addItem(name, item_id)
        self.widget.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.widget.currentData()

    def set_value(self, value: Any) -> None:
        index = self.widget.findData(value) if value is not None else 0
        self.widget.setCurrentIndex(max(index, 0))


def make_editor(spec: FieldSpec, vocab: Vocab) -> Editor:
    if spec.kind == "bool":
        return BoolEditor(spec)
    if spec.kind == "date":
        return DateEditor(spec)
    if spec.kind == "choice":
        choices = vocab.nine_small_types if spec.key == "nine_small_type" else spec.choices
        return ChoiceEditor(spec, tuple(choices))
    if spec.kind == "village":
        return IdChoiceEditor(spec, sorted(vocab.village_names.items(), key=lambda kv: kv[1]))
    if spec.kind == "grid":
        return IdChoiceEditor(spec, sorted(((g, n) for g, (_v, n) in vocab.grids.items()), key=lambda kv: kv[1]))
    if spec.kind == "text" and spec.choices:
        return SuggestEditor(spec)
    return TextEditor(spec, multiline=spec.key == "notes")
