"""Photos of hazards and inspections: a thumbnail strip and a full-size viewer (fit to window, zoom, next/previous,
Esc closes). Every image is checked against the SHA-256 recorded when it was added; a changed file is shown with
a clear warning, never silently."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fireoffice.services import photos
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError
from fireoffice.services.photos import LoadedPhoto, PhotoInfo
from fireoffice.ui.errors import show_service_error
from fireoffice.ui.widgets.list_helpers import open_on_enter

THUMB = 112
RED = QColor("#b03a2e")
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


def decode(data: bytes) -> QImage:
    image = QImage()
    image.loadFromData(data)
    return image


def _placeholder(text: str, size: int = THUMB) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#e8ebee"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#5f6b76"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return pixmap


class PhotoStrip(QListWidget):
    """Thumbnails in a row, each captioned with its phase (整改前 / 整改后 …); double-click or Enter opens it."""

    opened = Signal(int)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[PhotoInfo] = []
        self.intact: list[bool] = []
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 28, THUMB + 44))
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.itemDoubleClicked.connect(lambda item: self.open_row(self.row(item)))
        open_on_enter(self, lambda: self.open_row(self.currentRow()))

    def set_photos(self, items: Sequence[PhotoInfo]) -> None:
        self.clear()
        self.items, self.intact = list(items), []
        for p in self.items:
            loaded = photos.load_photo(self.ctx, p.uid)
            self.intact.append(loaded.intact)
            image = decode(loaded.data) if loaded.data else QImage()
            if image.isNull():
                icon = _placeholder(self.tr("Cannot show {kind}").format(kind=p.mime.split("/")[-1].upper()))
            else:
                icon = QPixmap.fromImage(image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
            label = p.phase + (f" {p.item_code}" if p.item_code else "")
            if not loaded.intact:
                label = self.tr("⚠ changed") + " " + label
            item = QListWidgetItem(icon, label)
            item.setToolTip("\n".join(x for x in (p.name, p.caption, p.created_at.strftime("%Y-%m-%d %H:%M"),
                                                  "SHA-256 " + p.sha256, loaded.problem) if x))
            if not loaded.intact:
                item.setForeground(RED)
            self.addItem(item)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.opened.emit(row)
            PhotoViewer(self.ctx, self.items, row, self).exec()


class PhotoViewer(QDialog):
    """One photo at a time: fits the window by default; zoom with Ctrl+= / Ctrl+- (or the wheel with Ctrl),
    Ctrl+0 fits again, 1:1 shows the real pixels; ←/→ (or PgUp/PgDn) move through the set; Esc closes."""

    def __init__(self, ctx: ServiceContext, items: Sequence[PhotoInfo], index: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items = list(items)
        self.index = index
        self.zoom = 1.0
        self.fit = True
        self.image = QImage()
        self.loaded: LoadedPhoto | None = None
        self.resize(1000, 760)
        layout = QVBoxLayout(self)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: white; background: #b03a2e; padding: 6px; font-weight: bold;")
        self.warning.setVisible(False)
        layout.addWidget(self.warning)
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidgetResizable(False)
        layout.addWidget(self.scroll, 1)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll.viewport().installEventFilter(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.zoom_out_button = QPushButton(self.tr("Zoom out  Ctrl+-"))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button = QPushButton(self.tr("Zoom in  Ctrl+="))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button = QPushButton(self.tr("Fit to window  Ctrl+0"))
        self.fit_button.clicked.connect(self.fit_to_window)
        self.actual_button = QPushButton(self.tr("Actual size  1:1"))
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        close = QPushButton(self.tr("Close  Esc"))
        close.clicked.connect(self.reject)
        for b in (self.prev_button, self.next_button):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.actual_button, close):
            b.setAutoDefault(False)
            row.addWidget(b)
        self.prev_button.setAutoDefault(False)
        self.next_button.setAutoDefault(False)
        layout.addLayout(row)
        for keys, slot in ((("Right", "PgDown"), lambda: self.step(1)), (("Left", "PgUp"), lambda: self.step(-1)),
                           (("Ctrl+=", "Ctrl++", "+"), lambda: self.zoom_by(ZOOM_STEP)),
                           (("Ctrl+-", "-"), lambda: self.zoom_by(1 / ZOOM_STEP)),
                           (("Ctrl+0",), self.fit_to_window), (("1",), lambda: self.set_zoom(1.0))):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=slot)
        self.show_photo(index)

    # --- loading ---------------------------------------------------------------------------------
    def show_photo(self, index: int) -> None:
        if not self.items:
            return
        self.index = max(0, min(index, len(self.items) - 1))
        p = self.items[self.index]
        try:
            self.loaded = photos.load_photo(self.ctx, p.uid)
        except ServiceError as error:
            show_service_error(self, error)
            return
        self.image = decode(self.loaded.data) if self.loaded.data else QImage()
        self.warning.setText(self.loaded.problem)
        self.warning.setVisible(not self.loaded.intact)
        self.setWindowTitle(self.tr("Photo {n} of {total} — {phase}").format(
            n=self.index + 1, total=len(self.items), phase=p.phase))
        check = self.tr("SHA-256 verified") if self.loaded.intact else self.tr("SHA-256 does NOT match")
        size = f"{self.image.width()}×{self.image.height()}" if not self.image.isNull() else ""
        self.info.setText("  ·  ".join(x for x in (
            p.phase + (f" {p.item_code}" if p.item_code else ""), p.name, p.caption, size,
            f"{p.size / 1024:,.0f} KB", p.created_at.strftime("%Y-%m-%d %H:%M"), f"{check}: {p.sha256}") if x))
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.items) - 1)
        self.fit = True
        self.render()

    def step(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self.items):
            self.show_photo(target)

    # --- zoom ------------------------------------------------------------------------------------
    def fit_zoom(self) -> float:
        if self.image.isNull():
            return 1.0
        view = self.scroll.viewport().size()
        return max(MIN_ZOOM, min(1.0 * view.width() / self.image.width(), 1.0 * view.height() / self.image.height(),
                                 MAX_ZOOM))

    def fit_to_window(self) -> None:
        self.fit = True
        self.render()

    def set_zoom(self, zoom: float) -> None:
        self.fit = False
        self.zoom = max(MIN_ZOOM, min(zoom, MAX_ZOOM))
        self.render()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)  # from what is shown now (the fitted zoom while fitting)

    def render(self) -> None:
        if self.image.isNull():
            kind = self.items[self.index].mime.split("/")[-1].upper() if self.items else ""
            self.canvas.setPixmap(QPixmap())
            self.canvas.setText(self.tr("This {kind} image cannot be shown here. Save it and open it with another "
                                        "program.").format(kind=kind))
            self.canvas.adjustSize()
            return
        if self.fit:
            self.zoom = self.fit_zoom()
        w, h = max(1, round(self.image.width() * self.zoom)), max(1, round(self.image.height() * self.zoom))
        self.canvas.setPixmap(QPixmap.fromImage(self.image.scaled(
            w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)))
        self.canvas.resize(w, h)
        self.zoom_out_button.setEnabled(self.zoom > MIN_ZOOM)
        self.zoom_in_button.setEnabled(self.zoom < MAX_ZOOM)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and self.fit:
            self.render()  # the window (or its layout) changed size: fit again
        return super().eventFilter(watched, event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)
