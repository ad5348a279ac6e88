"""Save a spreadsheet export: ask where, run the service in the background with progress and Cancel, say
where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fireoffice.ui.errors import show_task_error


def export_xlsx(page: QWidget, tasks: Any, title: str, default_name: str,
                work: Callable[[str, Callable[[int, int], bool]], Any], busy: str, done: str) -> None:
    """`work(path, progress)` returns an ExportResult; `done` is a translated "{n} … {path}" message."""
    path, _ = QFileDialog.getSaveFileName(page, title, str(Path.home() / default_name),
                                          QCoreApplication.translate("export", "Excel workbook (*.xlsx)"))
    if not path:
        return
    tasks.run(lambda progress: work(path, progress), busy,
              on_done=lambda result: QMessageBox.information(
                  page, title, done.format(n=f"{result.rows:,}", path=result.path)),
              on_error=lambda error: show_task_error(page, error), parent=page)
