"""分类规则: view, edit and version the 九小 thresholds and 重点单位 criteria (saved versions never change)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import classification
from fireoffice.services.classification import KINDS, METRICS, OPS, Rule
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.ui.errors import show_service_error

COLUMNS = [QT_TRANSLATE_NOOP("RulesDialog", "Type"), QT_TRANSLATE_NOOP("RulesDialog", "Category"),
           QT_TRANSLATE_NOOP("RulesDialog", "Uses"), QT_TRANSLATE_NOOP("RulesDialog", "Name keywords"),
           QT_TRANSLATE_NOOP("RulesDialog", "Figure"), QT_TRANSLATE_NOOP("RulesDialog", "Compare"),
           QT_TRANSLATE_NOOP("RulesDialog", "Threshold"), QT_TRANSLATE_NOOP("RulesDialog", "Note")]


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("，", "、").replace(",", "、").split("、") if p.strip())


class RulesDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Classification rules"))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Version:")))
        self.versions = QComboBox()
        self.versions.currentIndexChanged.connect(self.show_version)
        top.addWidget(self.versions, 1)
        self.activate_button = QPushButton(self.tr("Use this version"))
        self.activate_button.clicked.connect(self.activate)
        self.delete_button = QPushButton(self.tr("Delete version…"))
        self.delete_button.clicked.connect(self.delete)
        top.addWidget(self.activate_button)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate([60, 130, 170, 120, 170, 60, 80]):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        rows = QHBoxLayout()
        add = QPushButton(self.tr("Add rule"))
        add.clicked.connect(lambda: self._add_row(None))
        remove = QPushButton(self.tr("Remove rule"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        rows.addWidget(add)
        rows.addWidget(remove)
        rows.addStretch(1)
        hint = QLabel(self.tr("Edits are saved as a new version; units keep the version they were classified by."))
        rows.addWidget(hint)
        layout.addLayout(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save as new version…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setObjectName("primary")
        save.clicked.connect(self.save_version)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.sets = classification.list_rule_sets(self.ctx)
        self.versions.blockSignals(True)
        self.versions.clear()
        for rule_set in self.sets:
            mark = self.tr(" (in use)") if rule_set.active else ""
            self.versions.addItem(rule_set.name + mark, rule_set.name)
        active = next((r.name for r in self.sets if r.active), None)
        index = self.versions.findData(select or active)
        self.versions.setCurrentIndex(max(index, 0))
        self.versions.blockSignals(False)
        self.show_version()

    def current(self):
        name = self.versions.currentData()
        return next((r for r in self.sets if r.name == name), None)

    def show_version(self) -> None:
        rule_set = self.current()
        self.table.setRowCount(0)
        if rule_set is None:
            return
        for rule in rule_set.rules:
            self._add_row(rule)
        self.info.setText(self.tr("{note} — saved {when} by {who}; {n} units classified by it.").format(
            note=rule_set.note or rule_set.name, when=rule_set.created_at.date().isoformat(),
            who=rule_set.created_by or "-", n=rule_set.units_using))
        self.activate_button.setEnabled(not rule_set.active)
        self.delete_button.setEnabled(not rule_set.active and not rule_set.units_using)

    def _combo(self, items: list[tuple[str, str]], value: str) -> QComboBox:
        combo = QComboBox()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        return combo

    def _add_row(self, rule: Rule | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        rule = rule or Rule(kind="九小", category="", use_natures=(), metric="area", op="<", threshold=0)
        self.table.setCellWidget(row, 0, self._combo([(k, k) for k in KINDS], rule.kind))
        for col, text in ((1, rule.category), (2, "、".join(rule.use_natures)), (3, "、".join(rule.keywords)),
                          (6, f"{rule.threshold:g}"), (7, rule.note)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.setCellWidget(row, 4, self._combo(list(METRICS.items()), rule.metric))
        self.table.setCellWidget(row, 5, self._combo([(o, o) for o in OPS], rule.op))

    def rules(self) -> list[Rule]:
        out = []
        for row in range(self.table.rowCount()):
            text = lambda col, row=row: self._cell(row, col)  # noqa: E731
            try:
                threshold = float(text(6) or "nan")
            except ValueError:
                threshold = float("nan")
            if threshold != threshold:  # NaN: not a number
                raise ValidationError(self.tr("Threshold"), self.tr("must be a number"), row=row + 1)
            out.append(Rule(kind=self.table.cellWidget(row, 0).currentData(), category=text(1),
                            use_natures=_split(text(2)), keywords=_split(text(3)),
                            metric=self.table.cellWidget(row, 4).currentData(),
                            op=self.table.cellWidget(row, 5).currentData(), threshold=threshold, note=text(7)))
        return out

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def save_version(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as new version"), self.tr("Version name:"),
                                        text=self.tr("Rules {date}").format(date=date.today().isoformat()))
        if not ok:
            return
        try:
            saved = classification.save_rule_set(self.ctx, name, self.rules(), note=name, activate=True)
        except ValidationError as error:
            where = self.tr("rule {n}: ").format(n=error.row) if error.row else ""
            QMessageBox.warning(self, self.tr("Cannot save"), where + f"{error.field}：{error.message}")
            return
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.reload(saved.name)

    def activate(self) -> None:
        rule_set = self.current()
        try:
            classification.activate_rule_set(self.ctx, rule_set.name)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.reload(rule_set.name)

    def delete(self) -> None:
        rule_set = self.current()
        if QMessageBox.question(self, self.tr("Delete version"),
                                self.tr("Delete the rule version “{name}”?").format(name=rule_set.name)) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            classification.delete_rule_set(self.ctx, rule_set.name)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.reload()
