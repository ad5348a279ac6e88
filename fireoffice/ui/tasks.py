"""One background runner: long work off the UI thread, progress after ~500 ms, Cancel that rolls back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 500

# fn(progress) -> result, where progress(done, total) returns False once the user pressed Cancel.
Work = Callable[[Callable[[int, int], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancelled: threading.Event):
        super().__init__()
        self.work, self.signals, self.cancelled = work, signals, cancelled

    def run(self) -> None:
        def progress(done: int, total: int) -> bool:
            self.signals.progressed.emit(done, total)
            return not self.cancelled.is_set()

        try:
            result = self.work(progress)
        except BaseException as error:  # handed to the UI thread, which decides how to show it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs one job at a time (one database writer); widget code never runs inside the worker."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.busy = False

    def run(self, work: Work, label: str, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], parent: QWidget | None = None,
            cancellable: bool = True) -> None:
        cancelled = threading.Event()
        signals = _Signals(self)
        dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(cancelled.set)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: dialog.show() if self.busy else None)
        timer.start(SHOW_PROGRESS_AFTER_MS)

        def progressed(done: int, total: int) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))

        def end() -> None:
            self.busy = False
            timer.stop()
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            signals.deleteLater()

        def finished(result: Any) -> None:
            end()
            on_done(result)

        def failed(error: BaseException) -> None:
            end()
            on_error(error)

        signals.progressed.connect(progressed)
        signals.finished.connect(finished)
        signals.failed.connect(failed)
        self.busy = True
        self.pool.start(_Job(work, signals, cancelled))

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
