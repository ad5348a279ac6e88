"""One background runner: long work off the UI thread, progress after ~500 ms, Cancel that rolls back.

The worker is a plain Python thread that never touches a Qt object: it only updates two integers and a
cancel flag, and one long-lived timer on the UI thread polls them. No Qt object is created per job except
the progress dialog, which is owned by Python and released synchronously — never with deleteLater, whose
deferred delete raced Python's own release of the same object (a crash seen under load).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 500
POLL_MS = 40

# fn(progress) -> result, where progress(done, total) returns False once the user pressed Cancel.
Work = Callable[[Callable[[int, int], bool]], Any]


class _Progress:
    """Shared between the worker (writes) and the UI thread (reads); plain attributes under the GIL."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self.cancelled = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancelled.is_set()


@dataclass
class _Job:
    future: Future
    progress: _Progress
    label: str
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    parent: QWidget | None
    cancellable: bool
    waited_ms: int = 0
    dialog: QProgressDialog | None = field(default=None, repr=False)


class TaskRunner(QObject):
    """Runs one job at a time (one database writer); widget code never runs inside the worker."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fireoffice-task")
        self._jobs: list[_Job] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(self, work: Work, label: str, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], parent: QWidget | None = None,
            cancellable: bool = True) -> None:
        progress = _Progress()
        future = self.pool.submit(work, progress)
        self._jobs.append(_Job(future, progress, label, on_done, on_error, parent, cancellable))
        if not self._timer.isActive():
            self._timer.start()

    def _show_dialog(self, job: _Job) -> None:
        dialog = QProgressDialog(job.label, self.tr("Cancel") if job.cancellable else "", 0, 0)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not job.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.progress.cancelled.set)
        dialog.show()
        job.dialog = dialog

    def _poll(self) -> None:
        for job in list(self._jobs):
            job.waited_ms += POLL_MS
            if not job.future.done():
                if job.dialog is None and job.waited_ms >= SHOW_PROGRESS_AFTER_MS:
                    self._show_dialog(job)
                if job.dialog is not None and job.progress.total > 0:
                    job.dialog.setMaximum(job.progress.total)
                    job.dialog.setValue(min(job.progress.done, job.progress.total))
                continue
            self._jobs.remove(job)
            if job.dialog is not None:
                job.dialog.hide()
                job.dialog = None  # Python owns it: released here, outside its own event handlers
            error = job.future.exception()
            if error is not None:
                job.on_error(error)
            else:
                job.on_done(job.future.result())
        if not self._jobs:
            self._timer.stop()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the queued jobs have run (tests, shutdown); False on time-out."""
        for job in list(self._jobs):
            try:
                job.future.exception(timeout=None if msecs < 0 else msecs / 1000)
            except FutureTimeout:
                return False
        return True
