"""Three tiers of errors: inline (forms), expected failures (one plain dialog), crashes (copyable report)."""

from __future__ import annotations

import logging
import platform
import sys
import traceback

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fireoffice import __version__
from fireoffice.logs import log_file_path
from fireoffice.services.errors import ServiceError

log = logging.getLogger(__name__)


def show_service_error(parent: QWidget | None, error: ServiceError, title: str | None = None) -> None:
    """An expected refusal: one message box with the service's plain-Chinese sentence."""
    QMessageBox.warning(parent, title or QCoreApplication.translate("errors", "Cannot do that"), str(error))


def show_task_error(parent: QWidget | None, error: BaseException) -> None:
    """on_error of a background task: an expected refusal becomes a message; anything else goes on to the
    crash dialog (re-raised on the UI thread)."""
    if isinstance(error, ServiceError):
        show_service_error(parent, error)
    else:
        raise error


def crash_report(exc_type, exc_value, tb) -> str:
    lines = [
        f"fireoffice {__version__}",
        f"Python {platform.python_version()} · PySide6 {pyside_version} · {platform.platform()}",
        f"log: {log_file_path()}",
        "",
        *traceback.format_exception(exc_type, exc_value, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    """Shown instead of a silent exit: what happened, a copyable report, where the log is."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The program met an unexpected error. Your saved data is safe: every change is saved in its "
            "own transaction.\nPlease copy the report below and send it to your support contact. "
            "Log file: {path}").format(path=log_file_path()))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def handle_exception(exc_type, exc_value, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc_value, tb)
        return
    if isinstance(exc_value, ServiceError):
        # An expected refusal that escaped a handler still gets the plain message, not a crash report.
        log.warning("unhandled service error: %s", exc_value)
        show_service_error(QApplication.activeWindow(), exc_value)
        return
    log.error("unhandled exception", exc_info=(exc_type, exc_value, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc_value, tb)
        return
    CrashDialog(crash_report(exc_type, exc_value, tb), QApplication.activeWindow()).exec()


def install_excepthook() -> None:
    sys.excepthook = handle_exception
