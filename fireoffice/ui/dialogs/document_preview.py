"""PDF preview (QtPdf's QPdfView when installed), printing through QPrinter, and saving as PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

try:  # PySide6-Addons; a trimmed install lacks it, then the system viewer is offered instead
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installed wheels
    QPdfDocument = QPdfView = None


def has_pdf_view() -> bool:
    return QPdfView is not None


def save_pdf(parent: QWidget, data: bytes, name: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PreviewDialog", "Save PDF"), name,
                                          "PDF (*.pdf)")
    if not path:
        return None
    Path(path).write_bytes(data)
    return Path(path)


def print_pdf(parent: QWidget, data: bytes | list[bytes]) -> bool:
    """One system print dialog for one or many PDFs; pages are rasterised by QtPdf at the printer's resolution."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    files = data if isinstance(data, list) else [data]
    if QPdfDocument is None:
        for one in files:
            open_external(one)
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    painter = QPainter(printer)
    rect, first = painter.viewport(), True
    for one in files:
        doc = QPdfDocument(parent)
        buffer = QBuffer(parent)
        buffer.setData(QByteArray(one))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        doc.load(buffer)
        for n in range(doc.pageCount()):
            if not first:
                printer.newPage()
            first = False
            image: QImage = doc.render(n, rect.size())
            painter.drawImage(rect, image)
    painter.end()
    return True


def open_external(data: bytes) -> None:
    path = Path(tempfile.mkdtemp(prefix="fireoffice-")) / "preview.pdf"
    path.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PreviewDialog(QDialog):
    """Shows the PDF; with `action_text` (e.g. Issue) the caller gets accepted() only on that button."""

    def __init__(self, data: bytes, title: str, action_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(title)
        self.resize(820, 900)
        layout = QVBoxLayout(self)
        if QPdfView is not None:
            self.pdf = QPdfDocument(self)
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf.load(self._buffer)
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setDocument(self.pdf)
            layout.addWidget(self.view, 1)
        else:
            note = QLabel(self.tr("The PDF viewer component is not installed. Open the PDF in the system viewer "
                                  "to check it before continuing."))
            note.setWordWrap(True)
            layout.addWidget(note)
            external = QPushButton(self.tr("Open in system viewer"))
            external.clicked.connect(lambda: open_external(self.data))
            layout.addWidget(external)
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(lambda: save_pdf(self, self.data, f"{title}.pdf"))
        printing = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        printing.clicked.connect(lambda: print_pdf(self, self.data))
        if action_text:
            self.action = buttons.addButton(action_text, QDialogButtonBox.ButtonRole.AcceptRole)
            self.action.setObjectName("primary")
            self.action.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
