"""Process start → usable main window on a big database, next to a bare PySide6 window (goal ≤ 2×)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 760); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QTimer
from fireoffice.ui import app as appmod
from fireoffice.ui.main_window import MainWindow
from fireoffice.ui.state import AppState
a = appmod.create_application()
ctx = appmod.open_context(sys.argv[1])
w = MainWindow(AppState(ctx)); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), a.quit()))
a.exec()
"""


def _time_process(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError("the window never became ready")
    proc.wait(timeout=60)
    return elapsed


def run(workdir: Path, db_path: Path, repeats: int = 5) -> list[tuple[str, float, str, float, float]]:
    _time_process(BARE)  # warm the file cache for both
    _time_process(APP, str(db_path))
    bare = statistics.median(_time_process(BARE) for _ in range(repeats))
    app = statistics.median(_time_process(APP, str(db_path)) for _ in range(repeats))
    return [("start → main window (s)", app, "bare PySide6 window (s)", bare, 2.0)]
