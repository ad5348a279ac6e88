"""The penalty article table (违法条款 / 处罚条款 and fine ranges) in 打印设置: list, add, edit, deactivate."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import penalties
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.penalties import ArticleInfo
from fireoffice.ui.errors import show_service_error

COLUMNS = [QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "Code"), QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "Party"),
           QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "Violation"),
           QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "Violated article"),
           QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "Penalty article"),
           QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "Penalty range"),
           QT_TRANSLATE_NOOP("PenaltyArticlesPanel", "In use")]
MAX_FINE = 100_000_000


class ArticleDialog(QDialog):
    """One row of the table; the code is fixed once documents may cite it."""

    def __init__(self, article: ArticleInfo | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit penalty article") if article else self.tr("New penalty article"))
        self.resize(560, 0)
        form = QFormLayout(self)
        self.code = QLineEdit(article.code if article else "")
        self.code.setMaxLength(20)
        self.code.setReadOnly(article is not None)
        self.code.setPlaceholderText("60-1-3/单位")
        self.party = QComboBox()
        self.party.addItems(list(penalties.PARTY_KINDS))
        if article:
            self.party.setCurrentText(article.party_kind)
        self.violation = QLineEdit(article.violation if article else "")
        self.violated = QLineEdit(article.violated_article if article else "")
        self.penalty = QLineEdit(article.penalty_article if article else "")
        self.warning = QCheckBox(self.tr("A warning is allowed"))
        self.warning.setChecked(bool(article and article.warning_allowed))
        self.min_fine, self.max_fine = QSpinBox(), QSpinBox()
        for box, value in ((self.min_fine, article.min_fine if article else 0),
                           (self.max_fine, article.max_fine if article else 0)):
            box.setRange(0, MAX_FINE)
            box.setSingleStep(500)
            box.setGroupSeparatorShown(True)
            box.setSuffix(self.tr(" yuan"))
            box.setValue(value)
        self.extra = QLineEdit(article.extra if article else "")
        self.extra.setPlaceholderText("责令停产停业")
        self.fields = {"条款编码": self.code, "当事人": self.party, "违法行为": self.violation,
                       "违法条款": self.violated, "处罚条款": self.penalty, "最低罚款（元）": self.min_fine,
                       "最高罚款（元）": self.max_fine, "并处/其他": self.extra}
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Party"), self.party)
        form.addRow(self.tr("Violation"), self.violation)
        form.addRow(self.tr("Violated article"), self.violated)
        form.addRow(self.tr("Penalty article"), self.penalty)
        form.addRow("", self.warning)
        form.addRow(self.tr("Lowest fine"), self.min_fine)
        form.addRow(self.tr("Highest fine"), self.max_fine)
        form.addRow(self.tr("Also (e.g. closure)"), self.extra)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.code, self.violation, self.violated, self.penalty):
            edit.textChanged.connect(self.check)
        for box in (self.min_fine, self.max_fine):
            box.valueChanged.connect(self.check)
        self.warning.toggled.connect(self.check)
        self.check()

    def check(self) -> None:
        """Inline: OK only when the required texts are there and the range makes sense (the service decides)."""
        message = ""
        if self.max_fine.value() < self.min_fine.value():
            message = self.tr("The highest fine cannot be lower than the lowest.")
        elif not self.max_fine.value() and not self.warning.isChecked():
            message = self.tr("Allow a warning or enter a fine range.")
        filled = all(e.text().strip() for e in (self.code, self.violation, self.violated, self.penalty))
        self.error.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled and not message)

    def value(self) -> ArticleInfo:
        return ArticleInfo(self.code.text().strip(), self.party.currentText(), self.violation.text().strip(),
                           self.violated.text().strip(), self.penalty.text().strip(), self.warning.isChecked(),
                           self.min_fine.value(), self.max_fine.value(), self.extra.text().strip())

    def show_error(self, error: ValidationError) -> None:
        self.error.setText(f"{error.field}：{error.message}")
        widget = self.fields.get(error.field)
        if widget is not None:
            widget.setFocus()


class PenaltyArticlesPanel(QWidget):
    def __init__(self, ctx: ServiceContext, can_edit: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.rows = ctx, []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for col, width in enumerate((110, 50, 220, 170, 190, 170, 50)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _i: self.edit() if can_edit else None)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.clicked.connect(self.toggle_active)
        for button in (self.add_button, self.edit_button, self.active_button):
            row.addWidget(button)
            button.setVisible(can_edit)
        row.addStretch(1)
        note = QLabel(self.tr("A deactivated article is no longer offered for new documents; issued documents keep "
                              "their archived PDF."))
        note.setWordWrap(True)
        row.addWidget(note, 2)
        layout.addLayout(row)
        self._selection()

    def reload(self, select: str | None = None) -> None:
        self.rows = penalties.all_articles(self.ctx)
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            cells = (a.code, a.party_kind, a.violation, a.violated_article, a.penalty_article,
                     a.range_text() + (f"；{a.extra}" if a.extra else ""), self.tr("yes") if a.active else self.tr("no"))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not a.active:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(r, c, item)
            if a.code == select:
                self.table.selectRow(r)
        self._selection()

    def current(self) -> ArticleInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _selection(self) -> None:
        article = self.current()
        self.edit_button.setEnabled(article is not None)
        self.active_button.setEnabled(article is not None)
        self.active_button.setText(self.tr("Activate") if article and not article.active else self.tr("Deactivate"))

    def _run(self, dialog: ArticleDialog, save) -> None:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                saved = save(self.ctx, dialog.value())
            except ValidationError as error:
                dialog.show_error(error)
                continue
            except ServiceError as error:
                show_service_error(self, error)
                return
            self.reload(saved.code)
            return

    def add(self) -> None:
        self._run(ArticleDialog(None, self), penalties.add_article)

    def edit(self) -> None:
        article = self.current()
        if article is not None:
            self._run(ArticleDialog(article, self), penalties.edit_article)

    def toggle_active(self) -> None:
        article = self.current()
        if article is None:
            return
        try:
            penalties.set_article_active(self.ctx, article.code, not article.active)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.reload(article.code)
