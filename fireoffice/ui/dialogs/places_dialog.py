"""村（社区）与网格: the station's area — add villages/communities and grids, change the grid worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import places
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.ui.errors import show_service_error


class _Ask(QDialog):
    """A small form; the service's refusal is shown inside it, so nothing typed is lost."""

    def __init__(self, title: str, fields: list[tuple[str, QWidget]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.fields = [widget for _label, widget in fields]
        for label, widget in fields:
            form.addRow(label, widget)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.action = None

    def accept(self) -> None:
        try:
            self.action()
        except ServiceError as error:
            self.error.setText(str(error))
            return
        super().accept()


class PlacesDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Villages, communities and grids"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Units are registered to a village or community and a grid; add them here before importing.")))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Grid worker"), self.tr("Phone"), self.tr("Units")])
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 120)
        self.tree.setColumnWidth(2, 140)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        for text, slot in [(self.tr("Add village/community…"), self.add_village),
                           (self.tr("Add grid…"), self.add_grid),
                           (self.tr("Change grid worker…"), self.change_worker)]:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        self.villages = places.list_villages(self.ctx)
        for village in self.villages:
            top = QTreeWidgetItem([f"{village.name}（{village.kind}）", "", "", str(village.units)])
            top.setData(0, Qt.ItemDataRole.UserRole, ("village", village.uid))
            for grid in village.grids:
                child = QTreeWidgetItem([grid.name, grid.worker_name, grid.worker_phone, str(grid.units)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("grid", grid.uid))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()

    def _selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def add_village(self) -> None:
        name, kind = QLineEdit(), QComboBox()
        kind.addItems(list(places.KINDS))
        kind.setCurrentText("社区")
        ask = _Ask(self.tr("Add village/community"), [(self.tr("Name"), name), (self.tr("Kind"), kind)], self)
        ask.action = lambda: places.add_village(self.ctx, name.text(), kind.currentText())
        if ask.exec():
            self.reload()

    def add_grid(self) -> None:
        if not self.villages:
            show_service_error(self, ServiceError(self.tr("Add a village or community first.")))
            return
        village, name, worker, phone = QComboBox(), QLineEdit(), QLineEdit(), QLineEdit()
        for v in self.villages:
            village.addItem(v.name, v.uid)
        selected = self._selected()
        if selected:
            item = self.tree.currentItem()
            top = item if selected[0] == "village" else item.parent()
            village.setCurrentIndex(self.tree.indexOfTopLevelItem(top))
        ask = _Ask(self.tr("Add grid"), [(self.tr("Village/community"), village), (self.tr("Grid name"), name),
                                         (self.tr("Grid worker"), worker), (self.tr("Phone"), phone)], self)
        ask.action = lambda: places.add_grid(self.ctx, village.currentData(), name.text(), worker.text(),
                                             phone.text())
        if ask.exec():
            self.reload()

    def change_worker(self) -> None:
        selected = self._selected()
        if not selected or selected[0] != "grid":
            show_service_error(self, ServiceError(self.tr("Choose a grid in the list first.")))
            return
        item = self.tree.currentItem()
        worker, phone = QLineEdit(item.text(1)), QLineEdit(item.text(2))
        ask = _Ask(self.tr("Change grid worker"), [(self.tr("Grid worker"), worker), (self.tr("Phone"), phone)], self)
        ask.action = lambda: places.update_grid_worker(self.ctx, selected[1], worker.text(), phone.text())
        if ask.exec():
            self.reload()
