"""打印设置: body and title fonts, offsets for pre-printed form paper with a calibration page, penalty articles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import print_settings
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.permissions import allowed
from fireoffice.ui.dialogs.document_preview import PreviewDialog, save_pdf
from fireoffice.ui.dialogs.penalty_articles_panel import PenaltyArticlesPanel
from fireoffice.ui.errors import show_service_error

FILE_ROLE = Qt.ItemDataRole.UserRole + 1  # the font file a choice prints with


def _offset_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-print_settings.MAX_OFFSET_MM, print_settings.MAX_OFFSET_MM)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    return box


class PrintSettingsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = allowed(ctx, "station.edit")
        self.setWindowTitle(self.tr("Print settings"))
        self.resize(980, 600)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._page_tab(), self.tr("Fonts and form paper"))
        self.articles = PenaltyArticlesPanel(ctx, self.can_edit)
        self.tabs.addTab(self.articles, self.tr("Penalty articles"))
        layout.addWidget(self.tabs, 1)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(self.can_edit)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def _page_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.body_font, self.body_file = QComboBox(), QLabel()
        self.title_font, self.title_file = QComboBox(), QLabel()
        for combo, label, kind in ((self.body_font, self.body_file, "body"), (self.title_font, self.title_file, "title")):
            for choice in print_settings.font_choices(kind):
                combo.addItem(choice.label, choice.key)
                combo.setItemData(combo.count() - 1, choice.file, FILE_ROLE)
            combo.currentIndexChanged.connect(lambda _i, c=combo, lab=label: self._show_file(c, lab))
            label.setWordWrap(True)
            label.setStyleSheet("color: palette(mid);")
        form.addRow(self.tr("Body font (三号)"), self.body_font)
        form.addRow("", self.body_file)
        form.addRow(self.tr("Title font (二号)"), self.title_font)
        form.addRow("", self.title_file)
        hint = QLabel(self.tr("Only fonts installed on this PC are listed (仿宋_GB2312, 方正小标宋, SimSun, SimHei, "
                              "FangSong, KaiTi …). The bundled WenQuanYi Micro Hei prints every GBK character."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.offset_x, self.offset_y = _offset_box(), _offset_box()
        form.addRow(self.tr("Move right (− left)"), self.offset_x)
        form.addRow(self.tr("Move down (− up)"), self.offset_y)
        how = QLabel(self.tr("For pre-printed form paper: print the calibration page on plain paper, lay it over a "
                             "form against the light, measure how far the type-area corner is off, enter it here "
                             "and print the page again to check."))
        how.setWordWrap(True)
        form.addRow(how)
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview and print calibration page…"))
        self.preview_button.clicked.connect(self.preview_calibration)
        self.save_pdf_button = QPushButton(self.tr("Save calibration page as PDF…"))
        self.save_pdf_button.clicked.connect(self.save_calibration)
        row.addWidget(self.preview_button)
        row.addWidget(self.save_pdf_button)
        row.addStretch(1)
        form.addRow(row)
        for widget in (self.body_font, self.title_font, self.offset_x, self.offset_y):
            widget.setEnabled(self.can_edit)
            widget.setMaximumWidth(320 if isinstance(widget, QComboBox) else 140)
        return page

    def _show_file(self, combo: QComboBox, label: QLabel) -> None:
        path = combo.currentData(FILE_ROLE)
        label.setText(self.tr("File: {path}").format(path=path) if path
                      else self.tr("Bundled with fireoffice (openly licensed)"))

    def load(self) -> None:
        saved = print_settings.get_settings(self.ctx)
        for combo, key, label in ((self.body_font, saved.body_font, self.body_file),
                                  (self.title_font, saved.title_font, self.title_file)):
            combo.setCurrentIndex(max(combo.findData(key), 0))
            self._show_file(combo, label)
        self.offset_x.setValue(saved.offset_x_mm)
        self.offset_y.setValue(saved.offset_y_mm)
        self.articles.reload()

    def calibration(self) -> bytes | None:
        self.error.clear()
        try:
            return print_settings.calibration_pdf(self.ctx, self.offset_x.value(), self.offset_y.value())
        except ValidationError as error:
            self.error.setText(f"{error.field}：{error.message}")
        except ServiceError as error:
            show_service_error(self, error)
        return None

    def preview_calibration(self) -> None:
        data = self.calibration()
        if data is not None:
            PreviewDialog(data, self.tr("Calibration page"), "", self).exec()

    def save_calibration(self) -> None:
        data = self.calibration()
        if data is not None:
            save_pdf(self, data, self.tr("Calibration page") + ".pdf")

    def save(self) -> None:
        self.error.clear()
        try:
            print_settings.save_settings(self.ctx, self.body_font.currentData(), self.title_font.currentData(),
                                         self.offset_x.value(), self.offset_y.value())
        except ValidationError as error:
            self.error.setText(f"{error.field}：{error.message}")
            return
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.accept()
