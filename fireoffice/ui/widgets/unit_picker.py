"""Choose a unit by typing: name, address, credit code, person, phone or pinyin initials (unit_query.search).

Keyboard: type, Down into the list, Enter to choose. The list is visible, not a popup, so it works the same on
every platform (and in tests); `UnitPickerDialog` wraps it for a one-off choice or a multi-unit list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import unit_query
from fireoffice.services.context import ServiceContext

SEARCH_DELAY_MS = 150
LIMIT = 30
UID = Qt.ItemDataRole.UserRole
NAME = Qt.ItemDataRole.UserRole + 1


class UnitPicker(QWidget):
    """Search-as-you-type; emits `chosen(uid, name)` on Enter or double-click."""

    chosen = Signal(str, str)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, address, credit code, person or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._activate)
        self.hint = QLabel()
        self.hint.setObjectName("pageSubtitle")
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.setFocusProxy(self.search)

    def run_search(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            self.hint.setText("")
            return
        rows = unit_query.search(self.ctx, text, limit=LIMIT)
        for row in rows:
            item = QListWidgetItem(f"{row.name}    {row.address}")
            item.setData(UID, row.uid)
            item.setData(NAME, row.name)
            item.setToolTip(" · ".join(p for p in (row.address, row.resp_person, row.grid_name) if p))
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        self.hint.setText(self.tr("No unit matches") if not rows else
                          self.tr("First {n} matches; type more to narrow").format(n=LIMIT) if len(rows) == LIMIT
                          else "")

    def current(self) -> tuple[str, str] | None:
        item = self.results.currentItem()
        return (item.data(UID), item.data(NAME)) if item else None

    def _activate(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(UID), item.data(NAME))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                self.results.setFocus()
                return False
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # Enter right after typing: search now, then choose
                    self._timer.stop()
                    self.run_search()
                if self.results.currentItem() is not None:
                    self._activate(self.results.currentItem())
                return True
        return super().eventFilter(watched, event)


class UnitPickerDialog(QDialog):
    """One unit (Enter chooses and closes) or several (`multi`: Enter adds to the list, OK closes)."""

    def __init__(self, ctx: ServiceContext, title: str, multi: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 480)
        self.multi = multi
        self.picked: dict[str, str] = {}
        layout = QVBoxLayout(self)
        self.picker = UnitPicker(ctx)
        self.picker.chosen.connect(self._chosen)
        layout.addWidget(self.picker, 2)
        self.chosen_list = QListWidget()
        if multi:
            layout.addWidget(QLabel(self.tr("Chosen (Delete removes):")))
            layout.addWidget(self.chosen_list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.chosen_list.installEventFilter(self)
        self.picker.setFocus()

    def _chosen(self, uid: str, name: str) -> None:
        if uid not in self.picked:
            self.picked[uid] = name
            item = QListWidgetItem(name)
            item.setData(UID, uid)
            self.chosen_list.addItem(item)
        if not self.multi:
            self.accept()
        else:
            self.picker.search.selectAll()
            self.picker.search.setFocus()

    def _ok(self) -> None:
        if not self.picked and (current := self.picker.current()):
            self._chosen(*current)
        if self.picked:
            self.accept()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.chosen_list and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Delete and self.chosen_list.currentItem():
            item = self.chosen_list.takeItem(self.chosen_list.currentRow())
            self.picked.pop(item.data(UID), None)
            return True
        return super().eventFilter(watched, event)


def pick_units(ctx: ServiceContext, parent: QWidget | None, title: str, multi: bool = False) -> dict[str, str]:
    """uid → name of the chosen units (empty when cancelled)."""
    dialog = UnitPickerDialog(ctx, title, multi, parent)
    return dict(dialog.picked) if dialog.exec() == QDialog.DialogCode.Accepted else {}
