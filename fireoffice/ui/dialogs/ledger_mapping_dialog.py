"""The county template of a ledger: which columns, in which order, under which headings (saved and audited)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import ledgers
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.ledger_sources import SOURCES
from fireoffice.ui.errors import show_service_error

KEY = Qt.ItemDataRole.UserRole


class LedgerMappingDialog(QDialog):
    def __init__(self, ctx, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Ledger columns"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for k in ledgers.KINDS:
            if k in SOURCES:
                self.kind.addItem(ledgers.TITLES[k], k)
        top.addWidget(QLabel(self.tr("Ledger")))
        top.addWidget(self.kind, 1)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Tick the columns to export, drag them (or use Up / Down) into the "
                                        "county's order, double-click a heading to rename it.")))
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("mappingList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        body.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.up, self.down = QPushButton(self.tr("Up")), QPushButton(self.tr("Down"))
        self.reset_button = QPushButton(self.tr("Restore default"))
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.reset_button.clicked.connect(self.restore_default)
        for b in (self.up, self.down, self.reset_button):
            side.addWidget(b)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body, 1)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c00000")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(lambda _item: self.validate())
        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        index = self.kind.findData(kind)
        self.kind.setCurrentIndex(max(index, 0))
        self.load()
        self.resize(520, 560)

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _fill(self, chosen: list[tuple[str, str]]) -> None:
        source = SOURCES[self.current_kind()]
        defaults = {c.key: c.label for c in source.columns}
        self.list.blockSignals(True)
        self.list.clear()
        picked = dict(chosen)
        rest = [(c.key, c.label) for c in source.columns if c.key not in picked]
        for key, heading in [*chosen, *rest]:
            item = QListWidgetItem(heading)
            item.setData(KEY, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if key in picked else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Default heading: {label}").format(label=defaults[key]))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.validate()

    def load(self) -> None:
        try:
            self._fill(ledgers.template(self.ctx, self.current_kind()))
        except ServiceError as error:
            show_service_error(self, error)

    def restore_default(self) -> None:
        source = SOURCES[self.current_kind()]
        self._fill([(c.key, c.label) for c in source.columns])

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def mapping(self) -> list[tuple[str, str]]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append((item.data(KEY), item.text().strip()))
        return out

    def validate(self) -> bool:
        mapping = self.mapping()
        message = ""
        if not mapping:
            message = self.tr("Keep at least one column.")
        elif any(not heading for _k, heading in mapping):
            message = self.tr("A heading cannot be empty.")
        self.error.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not message)
        return not message

    def save(self) -> None:
        if not self.validate():
            return
        try:
            ledgers.save_template(self.ctx, self.current_kind(), self.mapping())
        except ValidationError as error:
            self.error.setText(error.message if hasattr(error, "message") else str(error))
            return
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.accept()
