"""A small form built from a field list, for the many one-step actions (延期, 复查, 安排 …): the service validates.

The caller hands a `submit(values)` that makes the one service call; a ValidationError keeps the form open with
the service's sentence under the fields, any other refusal closes it with the usual message box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.photos import PhotoInput
from fireoffice.ui.errors import show_service_error


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text, multiline, date, choice, int, float, bool, files, pair
    default: Any = None
    choices: Sequence[tuple[str, Any]] = field(default=())  # (shown text, value); "pair" offers them twice
    minimum: float = 0
    maximum: float = 10_000


class QuickForm(QDialog):
    def __init__(self, parent: QWidget | None, title: str, fields: Sequence[Field],
                 submit: Callable[[dict], Any] | None = None, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.fields = {f.key: f for f in fields}
        self.submit_fn = submit
        self.outcome: Any = None
        self.editors: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        for f in fields:
            form.addRow(f.label, self._editor(f))
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _editor(self, f: Field) -> QWidget:
        if f.kind == "date":
            w = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
            d = f.default or date.today()
            w.setDate(QDate(d.year, d.month, d.day))
        elif f.kind == "choice":
            w = QComboBox()
            for text, value in f.choices:
                w.addItem(text, value)
            w.setCurrentIndex(max(0, w.findData(f.default)))
        elif f.kind == "int":
            w = QSpinBox(minimum=int(f.minimum), maximum=int(f.maximum))
            w.setValue(int(f.default or 0))
        elif f.kind == "float":
            w = QDoubleSpinBox(minimum=f.minimum, maximum=f.maximum, decimals=2)
            w.setValue(float(f.default or 0))
        elif f.kind == "bool":
            w = QCheckBox()
            w.setChecked(bool(f.default))
        elif f.kind == "multiline":
            w = QPlainTextEdit(f.default or "")
            w.setFixedHeight(70)
        elif f.kind == "pair":
            w = QWidget()
            row = QHBoxLayout(w)
            row.setContentsMargins(0, 0, 0, 0)
            combos = []
            for n in range(2):
                combo = QComboBox()
                combo.addItem("—", None)
                for text, value in f.choices:
                    combo.addItem(text, value)
                if f.default and len(f.default) > n:
                    combo.setCurrentIndex(max(0, combo.findData(f.default[n])))
                row.addWidget(combo, 1)
                combos.append(combo)
            w.combos = combos
        elif f.kind == "files":
            w = QWidget()
            row = QHBoxLayout(w)
            row.setContentsMargins(0, 0, 0, 0)
            button = QPushButton(self.tr("Add files…"))
            w.label, w.paths = QLabel(self.tr("none")), []
            button.clicked.connect(lambda: self._add_files(w))
            row.addWidget(button)
            row.addWidget(w.label, 1)
        else:
            w = QLineEdit(str(f.default or ""))
        self.editors[f.key] = w
        return w

    def _add_files(self, w: QWidget) -> None:
        self.set_value_files(w, [*w.paths, *choose_photos(self)])

    def set_value_files(self, w: QWidget, paths: list) -> None:
        w.paths = [Path(p) for p in paths]
        w.label.setText("、".join(p.name for p in w.paths) or self.tr("none"))

    # --- values ----------------------------------------------------------------------------------
    def value(self, key: str) -> Any:
        kind, w = self.fields[key].kind, self.editors[key]
        if kind == "date":
            d = w.date()
            return date(d.year(), d.month(), d.day())
        if kind == "choice":
            return w.currentData()
        if kind in ("int", "float"):
            return w.value()
        if kind == "bool":
            return w.isChecked()
        if kind == "multiline":
            return w.toPlainText()
        if kind == "pair":
            return tuple(c.currentData() for c in w.combos if c.currentData())
        if kind == "files":
            return list(w.paths)
        return w.text()

    def set_value(self, key: str, value: Any) -> None:
        kind, w = self.fields[key].kind, self.editors[key]
        if kind == "date":
            w.setDate(QDate(value.year, value.month, value.day))
        elif kind == "choice":
            w.setCurrentIndex(w.findData(value))
        elif kind in ("int", "float"):
            w.setValue(value)
        elif kind == "bool":
            w.setChecked(bool(value))
        elif kind == "multiline":
            w.setPlainText(value)
        elif kind == "pair":
            for combo, uid in zip(w.combos, [*value, None, None][:2], strict=True):
                combo.setCurrentIndex(max(0, combo.findData(uid)))
        elif kind == "files":
            self.set_value_files(w, value)
        else:
            w.setText(str(value))

    def values(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self.fields}

    def submit(self) -> None:
        """Run the service call; stay open with its message when it refuses the input."""
        if self.submit_fn is None:
            self.accept()
            return
        try:
            self.outcome = self.submit_fn(self.values())
        except ValidationError as error:
            self.error.setText(str(error))
            return
        except ServiceError as error:
            show_service_error(self, error)
            self.reject()
            return
        self.accept()


def run_form(parent: QWidget | None, title: str, fields: Sequence[Field], submit: Callable[[dict], Any],
             intro: str = "") -> Any:
    """Show the form; the submit call's result once it succeeded, else None."""
    form = QuickForm(parent, title, fields, submit, intro)
    if form.exec() != QDialog.DialogCode.Accepted:
        return None
    return form.outcome if form.outcome is not None else True


def choose_photos(parent: QWidget | None) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("QuickForm", "Choose photos"), str(Path.home()),
        QCoreApplication.translate("QuickForm", "Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)"))
    return [Path(p) for p in paths]


def photo_inputs(paths: Sequence[Path]) -> tuple[PhotoInput, ...]:
    """Read the chosen files; the service checks they are images (and hashes and stores them)."""
    out = []
    for path in paths:
        try:
            out.append(PhotoInput(Path(path).read_bytes(), Path(path).name))
        except OSError as exc:
            raise ValidationError(QCoreApplication.translate("QuickForm", "Photos"), QCoreApplication.translate(
                "QuickForm", "cannot read {name}: {why}").format(name=Path(path).name, why=exc.strerror or exc)) from None
    return tuple(out)
